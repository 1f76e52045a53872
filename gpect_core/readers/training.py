"""Training offer (DEPP, MESR, Carif-Oref): capacities and first wishes in vocational lycées (Affelnet) and
BTS (Parcoursup), pupils enrolled by lycée (constat de rentrée), employment and further-study rates after
leaving (InserJeunes), the BCN lookups that name a MEF (N_MEF, N_FORMATION_DIPLOME, levels), and Certif Info
(certification → ROME codes).

`training_raw` rows: program_id, title, provider, zoning, zone_id (département), occupation_codes, level,
mef_stat_11, kind, voie (« scolaire » or « apprentissage »), cfd (diploma code the file gives, '' when none):
str; capacity, demand: Int64; year: int, the file's own rentrée (`raw.vintage`), never a constant. Titles, ROME
codes, enrolments and insertion rates are completed by the assembler (`gpect_core.assemble.tables.training`).
"""

from __future__ import annotations

import re

import pandas as pd

from .base import FileReport, col, counts, slug, text_of, year_of
from .sniff import RawTable, fold, normalise_codes, parse_numbers

PLACEHOLDER_CAPACITY = 999


def dep_of_uai(uai: pd.Series) -> pd.Series:
    """The département of an establishment from its UAI code: « 062… » is Pas-de-Calais (62) and « 072… » Sarthe
    (72), « 620… » Corse-du-Sud (2A) and « 720… » Haute-Corse (2B), « 971… » overseas as it is."""
    prefix = uai.str[:3]
    dep = prefix.str[1:].where(prefix.str.startswith("0"), prefix)
    return dep.where(~prefix.isin(["620", "720"]), prefix.map({"620": "2A", "720": "2B"}))


def read_lycee_capacity(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """Affelnet capacities and first wishes in vocational lycées → `training_raw` (kind « lycee »). A capacity of
    999 is the source's filler (hundreds of lycée rows of 2021–2022), not a number of places: read as unknown
    (<NA>), with a note."""
    f = raw.frame
    uai = text_of(raw, col(raw, "Etablissement d'accueil", "UAI")).str.upper()
    mef = normalise_codes(f[col(raw, "MEF STAT 11", "MEFSTAT11")])
    status = text_of(raw, col(raw, "Statut Offre de formation", "STATUT"))
    capacity, _, bad_c = counts(raw, report, col(raw, "Capacité carte scolaire"), "capacité")
    placeholder = capacity == PLACEHOLDER_CAPACITY
    if placeholder.any():
        report.notes.append(f"{int(placeholder.sum())} capacité(s) « {PLACEHOLDER_CAPACITY} » (valeur de remplissage "
                            "de la source, pas un nombre de places) lue(s) comme inconnue(s)")
        capacity = capacity.mask(placeholder)
    demand, _, bad_d = counts(raw, report, col(raw, "Demandes vœux 1", "Demandes voeux 1"), "demandes en vœu 1")
    out = pd.DataFrame({
        "program_id": uai + "-" + mef + "-" + status, "title": "", "provider": uai, "zoning": "DEP",
        "zone_id": dep_of_uai(uai), "occupation_codes": "", "level": "", "mef_stat_11": mef,
        "capacity": capacity.round().astype("Int64"), "demand": demand.round().astype("Int64"),
        "year": int(raw.vintage[:4]), "kind": "lycee", "voie": status.map(_voie), "cfd": "",
    })
    return _training(raw, report, out, ~(bad_c | bad_d), col(raw, "Etablissement d'accueil", "UAI"))


def read_bts_capacity(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """Parcoursup BTS capacities and confirmed wishes → `training_raw` (kind « bts »; the diploma code `CFD` when
    the file has one, as the 2023 file does beside `MEFSTAT11_old`, `CFD rectifié`, `Rectif`)."""
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
        "year": int(raw.vintage[:4]), "kind": "bts", "voie": status.map(_voie),
        "cfd": normalise_codes(text_of(raw, col(raw, "CFD rectifié", "CFD"))),
    })
    return _training(raw, report, out, ~(bad_c | bad_d), col(raw, "UAI"))


def _voie(status: str) -> str:
    """« apprentissage » for an offer whose status says it (Affelnet `AP`, Parcoursup « Apprentissage »), else
    « scolaire » (Affelnet `ST`, Parcoursup « Scolaire »)."""
    folded = fold(status)
    return "apprentissage" if folded.startswith("appr") or folded == "ap" else "scolaire"


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


def read_enrolment(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """Constat de rentrée (DEPP): pupils enrolled by lycée (UAI) × formation (MEF STAT 11, « Mef Bcp 11 ») →
    `enrolment` (provider, mef_stat_11: str; year: Int64, the rentrée of the row's « Rentrée scolaire », else
    the file's vintage; enrolled: Int64 pupils under school status). Rows repeated for the same lycée, MEF and
    year are added up (said in the report); malformed UAI or MEF codes and non-counts are rejected by row."""
    f = raw.frame
    uai_col = col(raw, "UAI", "Numéro d'établissement")
    mef_col = col(raw, "Mef Bcp 11", "MEF STAT 11", "MEFSTAT11")
    count_col = col(raw, "Nombre d'élèves : Total", "Nombre d'élèves", "effectif")
    uai = text_of(raw, uai_col).str.upper()
    mef = normalise_codes(f[mef_col])
    enrolled, _, bad = counts(raw, report, count_col, "nombre d'élèves")
    year = year_of(raw, col(raw, "Rentrée scolaire", "rentree", "annee")).fillna(int(raw.vintage[:4]))
    bad_uai = ~uai.str.fullmatch(r"\d{7}[A-Z]")
    report.reject(raw, bad_uai, uai_col, "code établissement (UAI) mal formé : 7 chiffres et une lettre attendus")
    bad_mef = ~mef.str.upper().str.fullmatch(r"[0-9A-Z]{11}")  # the BCN has letters in some (« 32A21031403 »)
    report.reject(raw, bad_mef & ~bad_uai, mef_col, "code MEF STAT 11 mal formé : 11 chiffres ou lettres attendus")
    out = pd.DataFrame({"provider": uai, "mef_stat_11": mef, "year": year,
                        "enrolled": enrolled.round().astype("Int64")})[~(bad | bad_uai | bad_mef)]
    key = ["provider", "mef_stat_11", "year"]
    dup = out.duplicated(key, keep="first")
    if dup.any():
        report.notes.append(f"{int(dup.sum())} ligne(s) répétée(s) pour le même établissement, MEF et année : "
                            "élèves additionnés")
    return {"enrolment": out.groupby(key, sort=False, as_index=False)["enrolled"].sum(min_count=1)}


INSERTION_HORIZONS = (6, 12, 18, 24)  # months after leaving, as InserJeunes publishes them


def read_inserjeunes(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """InserJeunes (DEPP / DARES) by formation × région × voie → `insertion`: cohort (the `millesime`, two
    pooled years of leavers such as « 2019_2020 »), reg (INSEE région code, from `code_region`, never
    InserJeunes' own `code_region_ij`), voie (« scolaire » or « apprentissage »), cfd (diploma code, '' when
    only a MEF is given), mef_stat_11 ('' when only a CFD is given): str; leavers (`nb_sortant`), final_year
    (`nb_annee_term`): Int64; employment_rate_6/12/18/24 (share of leavers in employment 6–24 months after
    leaving) and further_study_rate (share of final-year pupils who go on studying): Float64 **fractions
    0–1** (the file's percentages divided by 100), null where InserJeunes hides them (few leavers).
    Rates outside 0–100, unknown voies and rows with neither CFD nor MEF are rejected by row."""
    f = raw.frame
    region_col = col(raw, "code_region")
    reg = normalise_codes(text_of(raw, region_col), 2)
    voie_col = col(raw, "voie")
    voie = text_of(raw, voie_col).map(fold)
    cfd = normalise_codes(text_of(raw, col(raw, "cfd")))
    mef = normalise_codes(text_of(raw, col(raw, "mefstat11", "mef_stat_11")))
    out = pd.DataFrame({"cohort": text_of(raw, col(raw, "millesime")), "reg": reg, "voie": voie, "cfd": cfd,
                        "mef_stat_11": mef})
    bad = pd.Series(False, index=f.index)
    for target, name in (("leavers", "nb_sortant"), ("final_year", "nb_annee_term")):
        if col(raw, name):
            values, _, bad_c = counts(raw, report, col(raw, name), name)
            out[target] = values.round().astype("Int64")
            bad = bad | bad_c
        else:
            out[target] = pd.Series(pd.NA, index=f.index, dtype="Int64")
    rates = {f"employment_rate_{h}": f"taux_emploi_{h}_mois" for h in INSERTION_HORIZONS}
    rates["further_study_rate"] = "taux_poursuite_etudes"
    for target, name in rates.items():
        column = col(raw, name)
        if column is None:
            out[target] = pd.Series(pd.NA, index=f.index, dtype="Float64")
            continue
        parsed = parse_numbers(f[column])
        outside = (parsed.values.lt(0) | parsed.values.gt(100)).fillna(False).astype(bool)
        report.reject(raw, parsed.bad, column, f"{name} : pourcentage attendu (texte trouvé)")
        report.reject(raw, outside & ~parsed.bad, column, f"{name} : pourcentage hors de 0 à 100")
        out[target] = parsed.values.where(~parsed.secret) / 100
        bad = bad | parsed.bad | outside
    bad_voie = ~voie.isin(["scolaire", "apprentissage"])
    report.reject(raw, bad_voie, voie_col, "voie inconnue (« scolaire » ou « apprentissage » attendu)")
    bad_reg = ~reg.str.fullmatch(r"\d{2}")
    report.reject(raw, bad_reg & ~bad_voie, region_col, "code région INSEE (`code_region`) manquant ou mal formé")
    no_code = (cfd == "") & (mef == "")
    report.reject(raw, no_code & ~bad_voie & ~bad_reg, col(raw, "cfd", "mefstat11"),
                  "ni code diplôme (cfd) ni code MEF STAT 11")
    return {"insertion": out[~(bad | bad_voie | bad_reg | no_code)].reset_index(drop=True)}


def millesime_range(raw: RawTable) -> str:
    """The cohorts an InserJeunes table holds, first and last (« 2019_2020-2022_2023 »), '' when none."""
    values = sorted(v for v in text_of(raw, col(raw, "millesime")).unique() if re.fullmatch(r"\d{4}_\d{4}", v))
    if not values:
        return ""
    return values[0] if values[0] == values[-1] else f"{values[0]}-{values[-1]}"


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
