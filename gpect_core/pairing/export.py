"""The advisers' workbook (XLSX) of a pairing: the pairs, the fragile jobs and positions left, the method."""

from __future__ import annotations

import io

import pandas as pd

from .solver import Pairing

HEADERS_FR = {
    "fragile_firm": "Entreprise (emplois fragilisés)", "from_commune": "Commune d'origine (code)",
    "from_commune_name": "Commune d'origine", "from_code": "Métier d'origine (ROME)", "from_label": "Métier d'origine",
    "hiring_firm": "Entreprise qui recrute", "to_commune": "Commune d'accueil (code)",
    "to_commune_name": "Commune d'accueil", "to_code": "Métier visé (ROME)", "to_label": "Métier visé",
    "headcount": "Personnes", "link": "Lien", "bridge_score": "Score de passerelle (0–1)",
    "distance_km": "Distance (km)", "skills_gap_count": "Compétences à acquérir (nombre)",
    "skills_to_acquire": "Compétences à acquérir", "training": "Formations locales", "cost": "Coût (points)",
    "status": "Statut",
}
LINK_FR = {"same": "même métier", "close": "métier proche", "evolution": "évolution"}


def pairing_xlsx(pairing: Pairing, fragile: pd.DataFrame, hiring: pd.DataFrame, statuses: dict | None = None,
                 with_firms: bool = True) -> bytes:
    """The workbook (bytes): sheet « Rapprochements » (one row per pair, French headers, statuses from
    `statuses` {pair_id: label} when given), « Sans rapprochement » (people of each list left unpaired),
    « Méthode » (distance limit, zoning of the distances, totals, cost rule). Firm names are left out when
    `with_firms` is false."""
    pairs = pairing.pairs.copy()
    pairs["link"] = pairs["link"].map(LINK_FR).fillna(pairs["link"])
    if statuses is not None:
        pairs["status"] = [statuses.get(p, "") for p in pairs["pair_id"]]
    columns = [c for c in HEADERS_FR if c in pairs.columns and (with_firms or not c.endswith("_firm"))]
    sheet = pairs[columns].rename(columns=HEADERS_FR)
    used_f = pairing.pairs.groupby("fragile_id")["headcount"].sum()
    used_h = pairing.pairs.groupby("hiring_id")["headcount"].sum()
    left = []
    for label, frame, used in (("emplois fragilisés", fragile, used_f), ("postes à pourvoir", hiring, used_h)):
        rest = frame.assign(reste=frame["headcount"] - frame["entry_id"].map(used).fillna(0).astype(int))
        rest = rest[rest["reste"] > 0]
        left.append(pd.DataFrame({"Liste": label, "Entreprise": rest["firm"] if with_firms else "",
                                  "Commune (code)": rest["commune_id"], "Métier (ROME)": rest["occupation_code"],
                                  "Personnes sans rapprochement": rest["reste"]}))
    method = pd.DataFrame({"Élément": [
        "Distance maximale (km)", "Distances", "Personnes aux emplois fragilisés", "Postes à pourvoir",
        "Personnes rapprochées", "Coût d'un rapprochement", "Affectation"], "Valeur": [
        pairing.max_km, f"entre les centroïdes des zones ({pairing.zoning}) des communes",
        pairing.fragile_total, pairing.hiring_total, pairing.paired,
        "100 × (1 − score de passerelle) + 1 par km + 5 par compétence à acquérir",
        "globale : le plus de personnes rapprochées, puis le moindre coût total (flot de coût minimal)"]})
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        sheet.to_excel(writer, sheet_name="Rapprochements", index=False)
        pd.concat(left, ignore_index=True).to_excel(writer, sheet_name="Sans rapprochement", index=False)
        method.to_excel(writer, sheet_name="Méthode", index=False)
        for ws in writer.book.worksheets:
            for column in ws.columns:
                ws.column_dimensions[column[0].column_letter].width = 22
    return buffer.getvalue()
