"""The advisers' workbook (XLSX) of a pairing: the pairs, the fragile jobs and positions left, the method.

Every value is in the words of the page (`lang`, French by default): link types as on « Passerelles » (« métier
proche », « mobilité ROME »…, never the codes `close` / `mobility`), statuses « proposé » / « accepté » /
« refusé », and a note on each pair whose distance starts or ends at a zone's centroid instead of the commune's.
"""

from __future__ import annotations

import io

import pandas as pd

from ..i18n import t
from .geo import COMMUNE
from .solver import PAIR_COLUMNS, Pairing

EXPORT_COLUMNS = (
    "fragile_firm", "from_commune", "from_commune_name", "from_code", "from_label", "hiring_firm", "to_commune",
    "to_commune_name", "to_code", "to_label", "headcount", "link", "bridge_score", "distance_km", "distance_note",
    "skills_gap_count", "skills_to_acquire", "training", "cost", "status",
)


def link_label(link: str, lang: str = "fr") -> str:
    """The words of a link type (« same », « close », « evolution », « mobility », « skills »)."""
    key = "pairing.link.same" if link == "same" else f"bridges.kind.{link}"
    text = t(key, lang)
    return link if text == key else text


def distance_note(from_located: str, to_located: str, lang: str = "fr") -> str:
    """'' when both ends are communes' own centroids; else which end stands at the centroid of which zoning."""
    parts = [t(f"pairing.note.{side}", lang, zoning=located) for side, located in
             (("from", from_located), ("to", to_located)) if located and located != COMMUNE]
    return " ; ".join(parts)


def pairs_for_export(pairs: pd.DataFrame, lang: str = "fr", statuses: dict | None = None) -> pd.DataFrame:
    """`pairs` (solver.PAIR_COLUMNS) with the page's words: link labels, a distance_note, the status from
    `statuses` {pair_id: label} when given."""
    out = pairs.copy()
    out["link"] = [link_label(k, lang) for k in out["link"]]
    out["distance_note"] = [distance_note(a, b, lang) for a, b in zip(
        out.get("from_located", pd.Series(COMMUNE, index=out.index)),
        out.get("to_located", pd.Series(COMMUNE, index=out.index)), strict=True)]
    if statuses is not None:
        out["status"] = [statuses.get(p, "") for p in out["pair_id"]]
    return out


def removal_note(removed: str, removed_at, lang: str = "fr") -> str:
    """« entreprise retirée de la liste le 01/12/2026 (emplois fragilisés) » for an orphan pair (`removed`:
    « fragile », « hiring » or « both »; `removed_at` a timestamp, NaT when unknown)."""
    if pd.isna(removed_at):
        return t(f"pairing.orphan.note.{removed}.undated", lang)
    date = pd.Timestamp(removed_at).strftime("%d/%m/%Y" if lang == "fr" else "%Y-%m-%d")
    return t(f"pairing.orphan.note.{removed}", lang, date=date)


def orphans_for_export(orphans: pd.DataFrame, lang: str = "fr", statuses: dict | None = None,
                       labels: dict | None = None, communes: dict | None = None) -> pd.DataFrame:
    """The decided pairs whose firm was removed from its list (`store.PairingStore.orphan_pairs`) as rows of the
    advisers' sheet: columns pair_id, fragile_firm, from_commune, from_commune_name, from_code, from_label,
    hiring_firm, to_commune, to_commune_name, to_code, to_label, headcount (int64), status (label from `statuses`
    {pair_id: label}, else the code), removed_note (`removal_note`). `labels`: ROME code → label, `communes`:
    commune code → name (blank when not given)."""
    labels, communes = labels or {}, communes or {}
    return pd.DataFrame({
        "pair_id": orphans["pair_id"], "fragile_firm": orphans["fragile_firm"],
        "from_commune": orphans["fragile_commune"], "from_commune_name": orphans["fragile_commune"].map(communes),
        "from_code": orphans["from_code"], "from_label": orphans["from_code"].map(labels),
        "hiring_firm": orphans["hiring_firm"], "to_commune": orphans["hiring_commune"],
        "to_commune_name": orphans["hiring_commune"].map(communes), "to_code": orphans["to_code"],
        "to_label": orphans["to_code"].map(labels), "headcount": orphans["headcount"].astype("int64"),
        "status": [(statuses or {}).get(p, s) for p, s in zip(orphans["pair_id"], orphans["status"], strict=True)],
        "removed_note": [removal_note(r, a, lang) for r, a in zip(orphans["removed"], orphans["removed_at"],
                                                                   strict=True)],
    }).reset_index(drop=True)


def pairing_xlsx(pairing: Pairing | None, fragile: pd.DataFrame, hiring: pd.DataFrame, statuses: dict | None = None,
                 with_firms: bool = True, lang: str = "fr", orphans: pd.DataFrame | None = None) -> bytes:
    """The workbook (bytes), headers and values in `lang`: sheet « Rapprochements » (one row per pair, statuses
    from `statuses` {pair_id: label} when given; then the decided pairs whose firm was removed from its list,
    `orphans` as `orphans_for_export` gives them, each with its removed_note « entreprise retirée de la liste
    le … »), « Sans rapprochement » (people of each list left unpaired), « Méthode » (distance rule, totals, cost
    rule, decided pairs kept). Firm names are left out when `with_firms` is false. `pairing` None: no pairing
    could run (a list is empty); the first sheet then holds the orphans alone, every listed person is left
    unpaired, and the method sheet says that no pairing ran."""
    ran = pairing is not None
    if pairing is None:
        pairing = Pairing(pd.DataFrame(columns=list(PAIR_COLUMNS)), 0, int(fragile["headcount"].sum()),
                          int(hiring["headcount"].sum()), None, None)
    pairs = pairs_for_export(pairing.pairs, lang, statuses)
    if orphans is not None and len(orphans):
        pairs = pd.concat([pairs.assign(removed_note=""), orphans], ignore_index=True)
    columns = [c for c in (*EXPORT_COLUMNS, "removed_note") if c in pairs.columns
               and (with_firms or not c.endswith("_firm"))]
    sheet = pairs[columns].rename(columns={c: t(f"pairing.xlsx.{c}", lang) for c in columns})
    used_f = pairing.pairs.groupby("fragile_id")["headcount"].sum()
    used_h = pairing.pairs.groupby("hiring_id")["headcount"].sum()
    left = []
    for kind, frame, used in (("fragile", fragile, used_f), ("hiring", hiring, used_h)):
        rest = frame.assign(rest=frame["headcount"] - frame["entry_id"].map(used).fillna(0).astype(int))
        rest = rest[rest["rest"] > 0]
        left.append(pd.DataFrame({
            t("pairing.xlsx.list", lang): t(f"pairing.xlsx.list.{kind}", lang),
            t("pairing.xlsx.firm", lang): rest["firm"] if with_firms else "",
            t("pairing.xlsx.commune", lang): rest["commune_id"],
            t("pairing.xlsx.occupation", lang): rest["occupation_code"],
            t("pairing.xlsx.left", lang): rest["rest"]}))
    if not ran:
        rule = t("pairing.xlsx.rule.none", lang)
    elif pairing.basins:
        rule = t(f"pairing.xlsx.rule.{pairing.basins}", lang, zoning=pairing.zoning or "")
    else:
        rule = t("pairing.xlsx.rule.km", lang, km=f"{pairing.max_km:g}")
    method = pd.DataFrame({t("pairing.xlsx.item", lang): [
        t("pairing.xlsx.m.rule", lang), t("pairing.xlsx.m.distances", lang), t("pairing.xlsx.m.fragile", lang),
        t("pairing.xlsx.m.hiring", lang), t("pairing.xlsx.m.paired", lang), t("pairing.xlsx.m.cost", lang),
        t("pairing.xlsx.m.assignment", lang), t("pairing.xlsx.m.decided", lang)], t("pairing.xlsx.value", lang): [
        rule, t("pairing.xlsx.v.distances", lang, zoning=pairing.zoning or "–"), pairing.fragile_total,
        pairing.hiring_total, pairing.paired, t("pairing.xlsx.v.cost", lang), t("pairing.xlsx.v.assignment", lang),
        t("pairing.xlsx.v.decided", lang)]})
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        sheet.to_excel(writer, sheet_name=t("pairing.xlsx.sheet.pairs", lang), index=False)
        pd.concat(left, ignore_index=True).to_excel(writer, sheet_name=t("pairing.xlsx.sheet.left", lang),
                                                    index=False)
        method.to_excel(writer, sheet_name=t("pairing.xlsx.sheet.method", lang), index=False)
        for ws in writer.book.worksheets:
            for column in ws.columns:
                ws.column_dimensions[column[0].column_letter].width = 22
                for cell in column:
                    if cell.data_type == "f":  # a firm named « =HYPERLINK(...) » stays a name, never a formula
                        cell.data_type = "s"
    return buffer.getvalue()
