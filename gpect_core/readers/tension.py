"""Tension indicators: DARES (FAP 2009 × France, région, département, and the national yearly series) and
France Travail (ROME × BMO basin). Each reader returns `tension` rows (zoning, zone_id, occupation_system,
occupation_code: str; year: Int64; tension_class and components: Int64 classes 1–5; tension_score: Float64).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .base import FileReport, class_values, col, reject_duplicates, text_of, year_of
from .sniff import RawTable, normalise_codes, normalise_dep, parse_numbers

DARES_COMPONENTS = {
    "hiring_intensity": ("Intensité d'embauches",),
    "training_link": ("Lien formation-emploi",),
    "labour_shortage": ("Manque de main-d'œuvre disponible", "Manque de main-d'oeuvre disponible"),
    "non_durable_jobs": ("Non-durabilité de l'emploi",),
    "working_conditions": ("Conditions de travail contraignantes",),
    "geographic_mismatch": ("Inadéquation géographique",),
}
FT_COMPONENTS = {
    "tension_class": "ind_tension_d",
    "hiring_intensity": "ind_int_emb_d",
    "labour_shortage": "ind_main_oeuvre_d",
    "non_durable_jobs": "ind_dur_empl_d",
    "working_conditions": "ind_cond_travail_d",
    "geographic_mismatch": "ind_mismatch_geo_d",
    "training_link": "ind_specif_form_empl_d",
    "wage_attractiveness": "ind_attract_sal_d",
}


def read_dares_tension(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """DARES tension indicators by FAP 2009 × France, région, département → `tension`."""
    f = raw.frame
    level = text_of(raw, col(raw, "niveau_geo")).str.lower()
    zoning = level.map({"nat": "FR", "reg": "REG", "dep": "DEP"}).fillna("")
    reg = normalise_codes(text_of(raw, col(raw, "reg")), 2)
    dep = normalise_dep(text_of(raw, col(raw, "dep")))
    zone_id = pd.Series(np.where(zoning == "FR", "FR", np.where(zoning == "REG", reg, dep)), index=f.index)
    report.reject(raw, zoning == "", col(raw, "niveau_geo"), "niveau géographique inconnu (nat, reg ou dep attendu)")
    report.reject(raw, (zoning != "") & (zone_id == ""), col(raw, "niveau_geo"), "code de région ou de département manquant")
    score = parse_numbers(f[col(raw, "Tension")])
    report.reject(raw, score.bad, col(raw, "Tension"), "score de tension : nombre attendu")
    tension_class, bad = class_values(raw, report, col(raw, "Catégorie Tension"), "catégorie de tension")
    out = pd.DataFrame({
        "zoning": zoning, "zone_id": zone_id, "occupation_system": "FAP2009",
        "occupation_code": normalise_codes(f[col(raw, "fap")]),
        "year": year_of(raw, col(raw, "Année", "annee")).fillna(int(raw.vintage[:4])),
        "tension_class": tension_class, "tension_score": score.values,
    })
    for target, names in DARES_COMPONENTS.items():
        values, bad_c = class_values(raw, report, col(raw, *names), names[0])
        out[target] = values
        bad = bad | bad_c
    keep = ~bad & ~score.bad & (zoning != "") & (zone_id != "")
    out = out[keep]
    reject_duplicates(raw, report, out, ["zoning", "zone_id", "occupation_code", "year"], col(raw, "fap"))
    return {"tension": out.drop_duplicates(["zoning", "zone_id", "occupation_code", "year"]).reset_index(drop=True)}




def read_ft_tension(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """France Travail tension indicators by ROME × BMO basin → `tension` (classes, offers, job seekers)."""
    f = raw.frame
    rome = normalise_codes(f[col(raw, "ROME", "code_rome")]).str.upper()
    basin = normalise_codes(f[col(raw, "cbassin", "code_bassin", "re:be ?\\d\\d")], 4)
    out = pd.DataFrame({
        "zoning": "BMO", "zone_id": basin, "occupation_system": "ROME4", "occupation_code": rome,
        "year": year_of(raw, col(raw, "annee", "année")).fillna(int(raw.vintage[:4])),
    })
    bad = pd.Series(False, index=f.index)
    for target, name in FT_COMPONENTS.items():
        values, bad_c = class_values(raw, report, col(raw, name), name)
        out[target] = values
        bad = bad | bad_c
    for target, name in (("offers", "oee"), ("jobseekers", "defm_abc")):
        parsed = parse_numbers(f[col(raw, name)]) if col(raw, name) else None
        if parsed is not None:
            report.reject(raw, parsed.bad, col(raw, name), f"{name} : nombre attendu")
            out[target] = parsed.values
            bad = bad | parsed.bad
    bad_rome = ~rome.str.fullmatch(r"[A-N]\d{4}")
    report.reject(raw, bad_rome, col(raw, "ROME"), "code ROME mal formé (lettre et 4 chiffres attendus)")
    report.reject(raw, basin == "", col(raw, "cbassin"), "code de bassin manquant")
    out = out[~bad & ~bad_rome & (basin != "")]
    reject_duplicates(raw, report, out, ["zone_id", "occupation_code", "year"], col(raw, "ROME"))
    return {"tension": out.drop_duplicates(["zone_id", "occupation_code", "year"]).reset_index(drop=True)}




def read_dares_tension_series(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """DARES national tension score by FAP 2009 and year (FAP 225 and 87 codes mixed)."""
    score = parse_numbers(raw.frame[col(raw, "Tension")])
    report.reject(raw, score.bad, col(raw, "Tension"), "score de tension : nombre attendu")
    out = pd.DataFrame({"zoning": "FR", "zone_id": "FR", "occupation_system": "FAP2009",
                        "occupation_code": normalise_codes(raw.frame[col(raw, "fap")]),
                        "year": year_of(raw, col(raw, "Année", "annee")), "tension_score": score.values})
    out = out[~score.bad & out["year"].notna()]
    reject_duplicates(raw, report, out, ["occupation_code", "year"], col(raw, "fap"))
    return {"tension": out.drop_duplicates(["occupation_code", "year"]).reset_index(drop=True)}
