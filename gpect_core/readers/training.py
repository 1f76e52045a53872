"""Training offer (DEPP, MESR, Carif-Oref): capacities and first wishes in vocational lycées (Affelnet) and
BTS (Parcoursup), the BCN lookups that name a MEF (N_MEF, N_FORMATION_DIPLOME, levels), and Certif Info
(certification → ROME codes).

`training_raw` rows: program_id, title, provider, zoning, zone_id (département), occupation_codes, level,
mef_stat_11, kind: str; capacity, demand: Int64; year: int. Titles and ROME codes are completed by the
assembler (`gpect_core.assemble.tables.training`).
"""

from __future__ import annotations

import re

import pandas as pd

from .base import FileReport, col, counts, slug, text_of
from .sniff import RawTable, fold, normalise_codes


def dep_of_uai(uai: pd.Series) -> pd.Series:
    """The département of an establishment from its UAI code (Corsica and overseas included)."""
    prefix = uai.str[:3]
    dep = prefix.str[1:].where(prefix.str.startswith("0"), prefix)
    return dep.replace({"20": "2A", "62": "2A", "72": "2B"}).where(~prefix.isin(["620", "720"]), prefix.map(
        {"620": "2A", "720": "2B"}))


def read_lycee_capacity(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """Affelnet capacities and first wishes in vocational lycées → `training_raw` (kind « lycee »)."""
    f = raw.frame
    uai = text_of(raw, col(raw, "Etablissement d'accueil", "UAI")).str.upper()
    mef = normalise_codes(f[col(raw, "MEF STAT 11", "MEFSTAT11")])
    status = text_of(raw, col(raw, "Statut Offre de formation", "STATUT"))
    capacity, _, bad_c = counts(raw, report, col(raw, "Capacité carte scolaire"), "capacité")
    demand, _, bad_d = counts(raw, report, col(raw, "Demandes vœux 1", "Demandes voeux 1"), "demandes en vœu 1")
    out = pd.DataFrame({
        "program_id": uai + "-" + mef + "-" + status, "title": "", "provider": uai, "zoning": "DEP",
        "zone_id": dep_of_uai(uai), "occupation_codes": "", "level": "", "mef_stat_11": mef,
        "capacity": capacity.round().astype("Int64"), "demand": demand.round().astype("Int64"),
        "year": int(raw.vintage[:4]), "kind": "lycee",
    })
    return _training(raw, report, out, ~(bad_c | bad_d), col(raw, "Etablissement d'accueil", "UAI"))


def read_bts_capacity(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """Parcoursup BTS capacities and confirmed wishes → `training_raw` (kind « bts »)."""
    f = raw.frame
    uai = text_of(raw, col(raw, "UAI")).str.upper()
    mef = normalise_codes(f[col(raw, "MEFSTAT11")])
    status = text_of(raw, col(raw, "STATUT"))
    capacity, _, bad_c = counts(raw, report, col(raw, "CAPACITEPSUP"), "capacité")
    demand, _, bad_d = counts(raw, report, col(raw, "NB_VOEUX_CONFIRMES"), "vœux confirmés")
    out = pd.DataFrame({
        "program_id": uai + "-" + mef + "-" + status.map(slug), "title": text_of(raw, col(raw, "LIBELLÉFORMATION")),
        "provider": uai, "zoning": "DEP", "zone_id": dep_of_uai(uai), "occupation_codes": "", "level": "BTS",
        "mef_stat_11": mef, "capacity": capacity.round().astype("Int64"), "demand": demand.round().astype("Int64"),
        "year": int(raw.vintage[:4]), "kind": "bts",
    })
    return _training(raw, report, out, ~(bad_c | bad_d), col(raw, "UAI"))


def _training(raw, report, out: pd.DataFrame, keep: pd.Series, uai_col: str) -> dict[str, pd.DataFrame]:
    bad_uai = ~out["provider"].str.fullmatch(r"\d{7}[A-Z]")
    report.reject(raw, bad_uai, uai_col, "code établissement (UAI) mal formé : 7 chiffres et une lettre attendus")
    out = out[keep & ~bad_uai]
    dup = out.duplicated(["program_id", "year"], keep="first")
    if dup.any():
        report.notes.append(f"{int(dup.sum())} ligne(s) répétée(s) pour la même offre (établissement, formation, "
                            "statut) : capacités et demandes additionnées")
    numeric = out.groupby(["program_id", "year"], sort=False)[["capacity", "demand"]].sum(min_count=1)
    first = out.drop_duplicates(["program_id", "year"]).set_index(["program_id", "year"])
    first[["capacity", "demand"]] = numeric
    return {"training_raw": first.reset_index()}


def read_bcn_mef(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """BCN N_MEF → `bcn_mef` (mef_stat_11, formation_diplome, mef_label)."""
    return {"bcn_mef": pd.DataFrame({
        "mef_stat_11": normalise_codes(raw.frame[col(raw, "MEF_STAT_11")]),
        "formation_diplome": normalise_codes(raw.frame[col(raw, "FORMATION_DIPLOME")]),
        "mef_label": text_of(raw, col(raw, "LIBELLE_LONG")),
    }).drop_duplicates("mef_stat_11")}


def read_bcn_formation(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """BCN N_FORMATION_DIPLOME → `bcn_formation` (formation_diplome, niveau, formation_label)."""
    return {"bcn_formation": pd.DataFrame({
        "formation_diplome": normalise_codes(raw.frame[col(raw, "FORMATION_DIPLOME")]),
        "niveau": normalise_codes(raw.frame[col(raw, "NIVEAU_FORMATION_DIPLOME")]),
        "formation_label": text_of(raw, col(raw, "LIBELLE_LONG_200")),
    }).drop_duplicates("formation_diplome")}


def read_bcn_level(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """BCN diploma levels → `bcn_level` (niveau, level_label)."""
    return {"bcn_level": pd.DataFrame({
        "niveau": normalise_codes(raw.frame[col(raw, "NIVEAU_FORMATION_DIPLOME")]),
        "level_label": text_of(raw, col(raw, "LIBELLE_COURT")),
    }).drop_duplicates("niveau")}


def read_certif_info(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """Certif Info → `certifications` (certification_id, label, type, level_eu, rncp, formation_diplome,
    occupation_codes: ROME codes separated by spaces)."""
    f = raw.frame
    rome_cols = [c for c in f.columns if re.fullmatch(r"code rome \d", fold(c))]
    romes = f[rome_cols].apply(lambda r: " ".join(v.strip() for v in r if v.strip()), axis=1) if rome_cols else ""
    return {"certifications": pd.DataFrame({
        "certification_id": normalise_codes(f[col(raw, "Code_Diplome")]),
        "label": text_of(raw, col(raw, "Libelle_Diplome")),
        "type": text_of(raw, col(raw, "Libelle_Type_Diplome")),
        "level_eu": text_of(raw, col(raw, "Code_Niveau_Europeen")),
        "rncp": text_of(raw, col(raw, "Code_RNCP")),
        "formation_diplome": normalise_codes(text_of(raw, col(raw, "Code_Scolarité", "Code_Scolarite"))),
        "occupation_codes": romes,
    }).drop_duplicates("certification_id").reset_index(drop=True)}
