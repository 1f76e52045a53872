"""France Travail's BMO survey (Besoins en Main-d'Œuvre) and the communes of its basins.

`read_bmo` → `recruitment_raw`: one row per basin × occupation as published (basin, basin_name, dep, dep_name,
reg, reg_name, occupation_system, occupation_code, occupation_label, family, family_label: str; year: Int64;
projects, difficult, seasonal: Float64 counts, null where secret; <measure>_secret: bool; source_row: int).
The sums by zone are made by the assembler (`gpect_core.assemble.recruitment`).
"""

from __future__ import annotations

import re

import pandas as pd

from .base import FileReport, col, counts, text_of, year_of
from .nomenclatures import FAP2009_CODE, FAP2021_CODE
from .sniff import RawTable, normalise_codes, normalise_dep
from .zonings import composition_frame


def read_bmo_basins(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """France Travail's communes of the BMO basins → `composition` (zoning « BMO »)."""
    commune = col(raw, "code_commune_insee", "CODE_COMMUNE_INSEE", "codgeo", "code commune")
    zone = col(raw, "code_bassin_BMO", "re:be ?\\d\\d", "code bassin")
    name = col(raw, "lib_bassin_BMO", "re:nombe ?\\d\\d", "nom bassin", "libelle bassin")
    frame = pd.DataFrame({
        "commune_id": normalise_codes(raw.frame[commune], 5),
        "commune_name": text_of(raw, col(raw, "NOMCOM", "libgeo")),
        "zone_id": normalise_codes(raw.frame[zone], 4),
        "zone_name": text_of(raw, name).str.title() if name else "",
        "dep": normalise_dep(text_of(raw, col(raw, "dep", "DEP"))),
        "reg": normalise_codes(text_of(raw, col(raw, "reg", "REG")), 2),
    })
    return {"composition": composition_frame(raw, report, frame, "BMO")}


def bmo_basin_vintage(raw: RawTable) -> str:
    """The vintage of a basins table: 20xx from a « BExx » column, else the year glued to « bmo » in the file
    name (« bassins_bmo2024_communes.csv » → 2024: a survey's name, unlike ZE2020), else '' (then the generic
    title/sheet/name rules of `readers.vintage` apply)."""
    zone = col(raw, "re:be ?(\\d\\d)")
    if zone:
        return "20" + re.search(r"(\d\d)", zone).group(1)
    match = re.search(r"bmo[ _-]?(20\d\d)(?!\d)", raw.file, flags=re.IGNORECASE)
    return match.group(1) if match else ""




def detect_fap(codes: pd.Series, year: int | None) -> str:
    """FAP2009 or FAP2021, whichever pattern most codes follow (by the year when undecided)."""
    sample = codes[codes != ""]
    if sample.empty:
        return "FAP2021" if (year or 2024) >= 2024 else "FAP2009"
    share_2009 = sample.str.fullmatch(FAP2009_CODE).mean()
    share_2021 = sample.str.fullmatch(FAP2021_CODE).mean()
    if share_2009 == share_2021:
        return "FAP2021" if (year or 2024) >= 2024 else "FAP2009"
    return "FAP2009" if share_2009 > share_2021 else "FAP2021"


def read_bmo(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """The BMO survey → `recruitment_raw` (see the module docstring); secret cells counted in the report."""
    f = raw.frame
    code_col = col(raw, "Code métier BMO", "code metier", "code fap", "fap", "metier")
    basin_col = col(raw, "re:be ?\\d\\d", "code bassin", "code_bassin", "bassin")
    year = year_of(raw, col(raw, "annee", "année"))
    codes = normalise_codes(f[code_col])
    resolved = int(raw.vintage) if str(raw.vintage).isdigit() else None
    if year.notna().any():
        known_year = int(year.dropna().mode().iloc[0])
        if resolved is not None and resolved != known_year:
            report.notes.append(f"colonne « annee » : {known_year}, gardée pour les lignes (millésime indiqué : "
                                f"{resolved})")
    else:
        known_year = resolved
    year = year.fillna(known_year) if known_year is not None else year
    report.reject(raw, year.isna(), code_col, "année de l'enquête inconnue")
    system = detect_fap(codes, known_year)
    report.notes.append(f"nomenclature des métiers détectée : {system.replace('FAP', 'FAP ')}"
                        + (f", année {known_year}" if known_year else ""))
    projects, s_projects, bad_p = counts(raw, report, col(raw, "met"), "projets de recrutement")
    difficult, s_difficult, bad_d = counts(raw, report, col(raw, "xmet"), "projets difficiles")
    seasonal, s_seasonal, bad_s = counts(raw, report, col(raw, "smet"), "projets saisonniers")
    basins = normalise_codes(f[basin_col], 4)
    report.reject(raw, basins == "", basin_col, "code de bassin manquant")
    report.reject(raw, codes == "", code_col, "code métier manquant")
    over = (difficult > projects).fillna(False).astype(bool)
    report.reject(raw, over, col(raw, "xmet"), "plus de projets difficiles que de projets de recrutement")
    over_s = (seasonal > projects).fillna(False).astype(bool)
    report.reject(raw, over_s, col(raw, "smet"), "plus de projets saisonniers que de projets de recrutement")
    keep = ~(bad_p | bad_d | bad_s | over | over_s | (basins == "") | (codes == "") | year.isna())
    report.secret_cells = int((s_projects | False).sum() + s_difficult.sum() + s_seasonal.sum())
    rows = pd.DataFrame({
        "basin": basins,
        "basin_name": text_of(raw, col(raw, "re:nombe ?\\d\\d", "nom bassin")).str.title(),
        "dep": normalise_dep(text_of(raw, col(raw, "Dept", "dep", "departement"))),
        "dep_name": text_of(raw, col(raw, "NomDept", "nom departement")),
        "reg": normalise_codes(text_of(raw, col(raw, "REG", "region")), 2),
        "reg_name": text_of(raw, col(raw, "NOM_REG", "nom region")),
        "occupation_system": system,
        "occupation_code": codes,
        "occupation_label": text_of(raw, col(raw, "Nom métier BMO", "libelle metier")),
        "family": text_of(raw, col(raw, "Famille_met")),
        "family_label": text_of(raw, col(raw, "Lbl_fam_met")),
        "year": year,
        "projects": projects, "difficult": difficult, "seasonal": seasonal,
        "projects_secret": s_projects, "difficult_secret": s_difficult, "seasonal_secret": s_seasonal,
        "source_row": [raw.row_number(i) for i in f.index],
    })
    return {"recruitment_raw": rows[keep].reset_index(drop=True)}


def bmo_vintage(raw: RawTable) -> str:
    """The survey year: the most frequent « annee », else the basin column's year."""
    years = year_of(raw, col(raw, "annee", "année")).dropna()
    if not years.empty:
        return str(int(years.mode().iloc[0]))
    return bmo_basin_vintage(raw)
