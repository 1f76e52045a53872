"""One reader per official format, recognised by the columns a file holds (not by its name).

Each reader turns a `RawTable` into named frames (`Parsed.data`): canonical rows (`tension`, `occupations`,
`context`...) or inputs that need other files to become canonical (`composition`, `recruitment_raw`, BCN
lookups). Everything it drops is said in French in the file's `FileReport`, with file, sheet, row, column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import Problem
from .sniff import RawTable, fold, normalise_codes, normalise_dep, parse_numbers

LICENCE_OUVERTE = "Licence Ouverte / Etalab 2.0"
MAX_LISTED = 20


@dataclass
class FileReport:
    """What a file was recognised as, and what became of its rows."""

    file: str
    sheet: str | None = None
    format_key: str | None = None
    format_label: str = "non reconnu"
    rows_read: int = 0
    rows_rejected: int = 0
    secret_cells: int = 0
    problems: list[Problem] = field(default_factory=list)  # rows rejected, with why
    unmatched: dict[str, list[str]] = field(default_factory=dict)  # codes that matched nothing, by kind
    notes: list[str] = field(default_factory=list)
    used: bool = True

    @property
    def name(self) -> str:
        return f"{self.file} [{self.sheet}]" if self.sheet else self.file

    def reject(self, raw: RawTable, mask: pd.Series, column: str, reason: str) -> None:
        """Count the rows under `mask` as rejected and say why, naming the first ones."""
        bad = mask[mask.fillna(False).astype(bool)].index
        if len(bad) == 0:
            return
        self.rows_rejected += len(bad)
        for index in bad[:MAX_LISTED]:
            value = raw.frame.at[index, column] if column in raw.frame.columns else ""
            shown = f"« {value} » : " if str(value).strip() else ""
            self.problems.append(raw.problem(f"{shown}{reason}", index=index, column=column))
        if len(bad) > MAX_LISTED:
            self.problems.append(Problem(f"« {raw.file} » : … et {len(bad) - MAX_LISTED} autre(s) ligne(s) "
                                         f"rejetée(s) pour la même raison ({reason}).", file=raw.file,
                                         sheet=raw.sheet, column=column))


@dataclass
class Parsed:
    format: Format
    raw: RawTable | None
    data: dict[str, pd.DataFrame]
    report: FileReport
    vintage: str = ""


@dataclass(frozen=True)
class Format:
    key: str
    label: str  # French, as the report says it
    signature: tuple[tuple[str, ...], ...]  # each group: alternative names (or `re:` patterns) of one column
    read: Callable[[RawTable, FileReport], dict[str, pd.DataFrame]]
    producer: str = ""
    source: str = ""
    vintage: Callable[[RawTable], str] | str = ""
    priority: int = 0  # where two formats match, the higher wins
    licence: str = LICENCE_OUVERTE
    excludes: tuple[str, ...] = ()  # columns that say the table is something else

    def matches(self, raw: RawTable) -> bool:
        return (all(find_column(raw, group) is not None for group in self.signature)
                and not any(raw.column(name) is not None for name in self.excludes))

    def vintage_of(self, raw: RawTable) -> str:
        return self.vintage(raw) if callable(self.vintage) else self.vintage


def find_column(raw: RawTable, group: tuple[str, ...]) -> str | None:
    names = [g for g in group if not g.startswith("re:")]
    patterns = [g[3:] for g in group if g.startswith("re:")]
    found = raw.column(*names)
    if found is None:
        for pattern in patterns:
            found = raw.column(pattern=pattern)
            if found is not None:
                break
    return found


def col(raw: RawTable, *group: str) -> str | None:
    return find_column(raw, tuple(group))


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def text_of(raw: RawTable, column: str | None) -> pd.Series:
    if column is None:
        return pd.Series("", index=raw.frame.index, dtype=object)
    return raw.frame[column].astype(str).str.strip()


def counts(raw: RawTable, report: FileReport, column: str, label: str) -> tuple[pd.Series, pd.Series, pd.Series]:
    """A count column: values (Int64-able Float64, null where secret), the secret mask, the bad-text mask."""
    parsed = parse_numbers(raw.frame[column])
    negative = parsed.values.lt(0).fillna(False).astype(bool)
    fractional = (parsed.values.notna() & (parsed.values.fillna(0) % 1 != 0)).astype(bool)
    report.reject(raw, parsed.bad, column, f"{label} : nombre attendu (texte trouvé)")
    report.reject(raw, negative & ~parsed.bad, column, f"{label} : un effectif ne peut pas être négatif")
    report.reject(raw, fractional & ~parsed.bad, column, f"{label} : un effectif est un nombre entier")
    return parsed.values, parsed.secret, parsed.bad | negative | fractional


def class_values(raw: RawTable, report: FileReport, column: str | None, label: str) -> tuple[pd.Series, pd.Series]:
    if column is None:
        return pd.Series(pd.NA, index=raw.frame.index, dtype="Int64"), pd.Series(False, index=raw.frame.index)
    parsed = parse_numbers(raw.frame[column])
    values = parsed.values.round()
    out_of_range = values.notna() & ((values < 1) | (values > 5))
    out_of_range = out_of_range.fillna(False).astype(bool)
    report.reject(raw, parsed.bad, column, f"{label} : classe de 1 à 5 attendue (texte trouvé)")
    report.reject(raw, out_of_range, column, f"{label} : classe hors de 1 à 5")
    return values.astype("Int64"), parsed.bad | out_of_range


def year_of(raw: RawTable, column: str | None, default: int | None = None) -> pd.Series:
    if column is None:
        return pd.Series(default, index=raw.frame.index, dtype="Int64")
    return parse_numbers(raw.frame[column]).values.round().astype("Int64")


# ============================================================================================ zonings
def read_ze_composition(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    commune = col(raw, "CODGEO", "code commune", "code_commune")
    zone = col(raw, "ZE2020")
    frame = pd.DataFrame({
        "commune_id": normalise_codes(raw.frame[commune], 5),
        "commune_name": text_of(raw, col(raw, "LIBGEO", "libelle commune")),
        "zone_id": normalise_codes(raw.frame[zone], 4),
        "zone_name": text_of(raw, col(raw, "LIBZE2020")),
        "dep": normalise_dep(text_of(raw, col(raw, "DEP"))),
        "reg": normalise_codes(text_of(raw, col(raw, "REG")), 2),
    })
    return {"composition": _composition(raw, report, frame, "ZE2020")}


def _composition(raw: RawTable, report: FileReport, frame: pd.DataFrame, zoning: str) -> pd.DataFrame:
    bad_commune = ~frame["commune_id"].str.fullmatch(r"\d[\dAB]\d{3}")
    report.reject(raw, bad_commune, raw.frame.columns[0], "code commune mal formé (5 caractères attendus)")
    bad_zone = (frame["zone_id"] == "") & ~bad_commune
    report.reject(raw, bad_zone, raw.frame.columns[0], "commune sans zone")
    frame = frame[~bad_commune & ~bad_zone]
    duplicated = frame.duplicated("commune_id", keep=False) & frame.duplicated(["commune_id", "zone_id"], keep=False).eq(False)
    if duplicated.any():
        report.reject(raw, duplicated.reindex(raw.frame.index, fill_value=False), raw.frame.columns[0],
                      "commune rattachée à plusieurs zones dans le même fichier")
        frame = frame[~duplicated]
    frame = frame.drop_duplicates("commune_id").assign(zoning=zoning)
    frame["dep"] = dep_of_commune(frame["commune_id"], frame["dep"])
    return frame.reset_index(drop=True)


def dep_of_commune(communes: pd.Series, given: pd.Series) -> pd.Series:
    """The département of each commune: the file's, unless it is missing or cut short (France Travail writes
    « 97 » for every overseas commune), then the commune code's own prefix (3 characters overseas)."""
    given = given.astype(str).replace({"nan": "", "None": ""})
    overseas = communes.str.startswith("97")
    own = communes.str[:3].where(overseas, communes.str[:2])
    wrong = (given == "") | (overseas & (given.str.len() < 3))
    return given.where(~wrong, own)


def read_ze_list(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    frame = pd.DataFrame({
        "zoning": "ZE2020",
        "zone_id": normalise_codes(raw.frame[col(raw, "ZE2020")], 4),
        "name": text_of(raw, col(raw, "LIBZE2020")),
    })
    return {"zone_names": frame[frame["zone_id"] != ""]}


def read_bmo_basins(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
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
    return {"composition": _composition(raw, report, frame, "BMO")}


def bmo_basin_vintage(raw: RawTable) -> str:
    zone = col(raw, "re:be ?(\\d\\d)")
    if zone:
        return "20" + re.search(r"(\d\d)", zone).group(1)
    return "2024" if col(raw, "code_bassin_BMO") else ""


def read_epci(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    frame = pd.DataFrame({
        "commune_id": normalise_codes(raw.frame[col(raw, "code_commune", "codgeo")], 5),
        "commune_name": text_of(raw, col(raw, "nom_commune")),
        "zone_id": normalise_codes(raw.frame[col(raw, "code_epci", "epci", "siren epci")]),
        "zone_name": text_of(raw, col(raw, "nom_epci", "libepci")),
        "dep": "",
        "reg": "",
    })
    return {"composition": _composition(raw, report, frame, "EPCI")}


def read_custom_zoning(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    frame = pd.DataFrame({
        "commune_id": normalise_codes(raw.frame[col(raw, "code_commune", "code commune")], 5),
        "commune_name": text_of(raw, col(raw, "nom_commune", "nom commune")),
        "zone_id": normalise_codes(raw.frame[col(raw, "code_zone", "code zone")]),
        "zone_name": text_of(raw, col(raw, "nom_zone", "nom zone", "libelle zone")),
        "dep": "",
        "reg": "",
    })
    return {"composition": _composition(raw, report, frame, "custom")}


def read_passage(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    frame = pd.DataFrame({
        "old": normalise_codes(raw.frame[col(raw, "Ancien Code Officiel", "ancien code", "com_ini")], 5),
        "new": normalise_codes(raw.frame[col(raw, "Code Courant Officiel", "code courant", "com_fin")], 5),
    })
    return {"passage": frame[(frame["old"] != "") & (frame["new"] != "")].drop_duplicates()}


def read_communes_table(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """Communes with population and EPCI (and ZE): the `communes` table, and a ZE composition."""
    population = parse_numbers(raw.frame[col(raw, "PMUN", "population")]).values
    frame = pd.DataFrame({
        "commune_id": normalise_codes(raw.frame[col(raw, "CODGEO")], 5),
        "name": text_of(raw, col(raw, "LIBGEO")),
        "dep": normalise_dep(text_of(raw, col(raw, "DEP"))),
        "reg": normalise_codes(text_of(raw, col(raw, "REG")), 2),
        "epci": text_of(raw, col(raw, "EPCI")).replace("", None),
        "population": population.round().astype("Int64"),
    })
    out = {"communes": frame.drop_duplicates("commune_id")}
    if col(raw, "ZE2020"):
        comp = pd.DataFrame({"commune_id": frame["commune_id"], "commune_name": frame["name"],
                             "zone_id": normalise_codes(raw.frame[col(raw, "ZE2020")], 4),
                             "zone_name": text_of(raw, col(raw, "LIBZE2020")), "dep": frame["dep"],
                             "reg": frame["reg"]})
        out["composition"] = _composition(raw, report, comp, "ZE2020")
    return out


def read_admin_names(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """Départements or régions (code, nom): names of DEP / REG zones."""
    codes = text_of(raw, col(raw, "code"))
    zoning = "DEP" if col(raw, "region") else "REG"
    codes = normalise_dep(codes) if zoning == "DEP" else normalise_codes(codes, 2)
    frame = pd.DataFrame({"zoning": zoning, "zone_id": codes, "name": text_of(raw, col(raw, "nom"))})
    if zoning == "DEP":
        frame["reg"] = normalise_codes(text_of(raw, col(raw, "region")), 2)
    return {"zone_names": frame[frame["zone_id"] != ""]}


# ============================================================================================ BMO
FAP2009_CODE = r"[A-Z]\dZ\d\d"
FAP2021_CODE = r"[A-Z]\dX\d\d[a-z]?"


def detect_fap(codes: pd.Series, year: int | None) -> str:
    sample = codes[codes != ""]
    if sample.empty:
        return "FAP2021" if (year or 2024) >= 2024 else "FAP2009"
    share_2009 = sample.str.fullmatch(FAP2009_CODE).mean()
    share_2021 = sample.str.fullmatch(FAP2021_CODE).mean()
    if share_2009 == share_2021:
        return "FAP2021" if (year or 2024) >= 2024 else "FAP2009"
    return "FAP2009" if share_2009 > share_2021 else "FAP2021"


def read_bmo(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    f = raw.frame
    code_col = col(raw, "Code métier BMO", "code metier", "code fap", "fap", "metier")
    basin_col = col(raw, "re:be ?\\d\\d", "code bassin", "code_bassin", "bassin")
    year = year_of(raw, col(raw, "annee", "année"))
    codes = normalise_codes(f[code_col])
    known_year = int(year.dropna().mode().iloc[0]) if year.notna().any() else None
    if known_year is None:
        match = re.search(r"(\d\d)$", basin_col)
        known_year = 2000 + int(match.group(1)) if match else None
        year = year.fillna(known_year)
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
    keep = ~(bad_p | bad_d | bad_s | over | over_s | (basins == "") | (codes == ""))
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
    years = year_of(raw, col(raw, "annee", "année")).dropna()
    if not years.empty:
        return str(int(years.mode().iloc[0]))
    return bmo_basin_vintage(raw)


RECRUITMENT_MEASURES = ("projects", "difficult", "seasonal")


def aggregate_recruitment(raw_rows: pd.DataFrame, zoning: str, by: str | None) -> pd.DataFrame:
    """Sum BMO rows by zone and occupation. A sum is over the non-secret cells; `<measure>_secret` says how
    many cells it lacks, and a figure whose every cell is secret stays unknown (null), never 0."""
    keys = ["occupation_system", "occupation_code", "year"]
    frame = raw_rows.assign(zone_id=raw_rows[by] if by else "FR")
    frame = frame[frame["zone_id"] != ""]
    grouped = frame.groupby(["zone_id", *keys], sort=True)
    out = grouped[list(RECRUITMENT_MEASURES)].sum(min_count=1)
    for measure in RECRUITMENT_MEASURES:
        out[f"{measure}_secret"] = grouped[f"{measure}_secret"].sum()
    out = out.reset_index()
    out.insert(0, "zoning", zoning)
    for measure in RECRUITMENT_MEASURES:
        out[measure] = out[measure].round().astype("Int64")
        out[f"{measure}_secret"] = out[f"{measure}_secret"].astype("Int64")
    out["secret_cells"] = sum(out[f"{m}_secret"] for m in RECRUITMENT_MEASURES).astype("Int64")
    return out


# ============================================================================================ tension
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
        "year": year_of(raw, col(raw, "Année", "annee"), 2019),
        "tension_class": tension_class, "tension_score": score.values,
    })
    for target, names in DARES_COMPONENTS.items():
        values, bad_c = class_values(raw, report, col(raw, *names), names[0])
        out[target] = values
        bad = bad | bad_c
    keep = ~bad & ~score.bad & (zoning != "") & (zone_id != "")
    out = out[keep]
    _reject_duplicates(raw, report, out, ["zoning", "zone_id", "occupation_code", "year"], col(raw, "fap"))
    return {"tension": out.drop_duplicates(["zoning", "zone_id", "occupation_code", "year"]).reset_index(drop=True)}


def _reject_duplicates(raw: RawTable, report: FileReport, frame: pd.DataFrame, key: list[str], column: str) -> None:
    dup = frame.duplicated(key, keep="first")
    if dup.any():
        report.reject(raw, dup.reindex(raw.frame.index, fill_value=False), column,
                      f"ligne en double (même {', '.join(key)}) ; seule la première est gardée")


def read_ft_tension(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    f = raw.frame
    rome = normalise_codes(f[col(raw, "ROME", "code_rome")]).str.upper()
    basin = normalise_codes(f[col(raw, "cbassin", "code_bassin", "re:be ?\\d\\d")], 4)
    out = pd.DataFrame({
        "zoning": "BMO", "zone_id": basin, "occupation_system": "ROME4", "occupation_code": rome,
        "year": year_of(raw, col(raw, "annee", "année")),
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
    _reject_duplicates(raw, report, out, ["zone_id", "occupation_code", "year"], col(raw, "ROME"))
    return {"tension": out.drop_duplicates(["zone_id", "occupation_code", "year"]).reset_index(drop=True)}


# ============================================================================================ occupations
def _flag(values: pd.Series) -> pd.Series:
    text = values.astype(str).str.strip().str.upper()
    return text.map({"O": True, "OUI": True, "N": False, "NON": False, "1": True, "0": False}).astype("boolean")


def read_rome_fiches(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    f = raw.frame
    eco = text_of(raw, col(raw, "transition_eco"))
    out = pd.DataFrame({
        "system": "ROME4",
        "code": normalise_codes(f[col(raw, "code_rome")]),
        "label": text_of(raw, col(raw, "libelle_rome")),
        "family": normalise_codes(f[col(raw, "code_rome")]).str[0],
        "parent": text_of(raw, col(raw, "code_rome_parent")),
        "transition_eco": pd.Series(np.where(eco == "", None, eco.str.contains("Vert|stratégique", regex=True)),
                                    index=f.index).astype("boolean"),
        "transition_num": _flag(text_of(raw, col(raw, "transition_num"))),
        "transition_demo": _flag(text_of(raw, col(raw, "transition_demo"))),
    })
    return {"occupations": out.drop_duplicates("code").reset_index(drop=True)}


def read_rome_domains(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    return {"rome_domains": pd.DataFrame({
        "family": normalise_codes(raw.frame[col(raw, "code_grand_domaine")]),
        "family_label": text_of(raw, col(raw, "libelle_grand_domaine")),
    }).drop_duplicates("family")}


def read_rome_mobility(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    out = pd.DataFrame({
        "from_system": "ROME4", "from_code": normalise_codes(raw.frame[col(raw, "code_rome")]),
        "to_system": "ROME4", "to_code": normalise_codes(raw.frame[col(raw, "code_rome_cible")]),
        "kind": "mobility", "source": "ROME 4.0 (mobilités)",
    })
    return {"occupation_links": out.drop_duplicates(["from_code", "to_code"]).reset_index(drop=True)}


def read_rome_coherence(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    core = text_of(raw, col(raw, "coeur_metier"))
    return {"skill_links": pd.DataFrame({
        "occupation_code": normalise_codes(raw.frame[col(raw, "code_rome")]),
        "skill_id": normalise_codes(raw.frame[col(raw, "code_ogr")]),
        "core": core.eq("Principale").astype("boolean"),
        "core_level": core,
    }).drop_duplicates(["occupation_code", "skill_id"])}


def read_rome_competences(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    category = text_of(raw, col(raw, "cat_comp"))
    return {"skill_labels": pd.DataFrame({
        "skill_id": normalise_codes(raw.frame[col(raw, "code_ogr")]),
        "label": text_of(raw, col(raw, "libelle_competence")),
        "kind": np.where(category.str.contains("être", regex=False), "savoir_etre", "competence"),
    })}


def read_rome_savoirs(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    return {"skill_labels": pd.DataFrame({
        "skill_id": normalise_codes(raw.frame[col(raw, "code_ogr_savoir")]),
        "label": text_of(raw, col(raw, "libelle_savoir")),
        "kind": "savoir",
    })}


def read_rome_items(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """Every ROME item (competences, savoirs, macro-competences...) with its label: the fallback labels."""
    return {"skill_items": pd.DataFrame({
        "skill_id": normalise_codes(raw.frame[col(raw, "code_ogr")]),
        "label": text_of(raw, col(raw, "libelle")),
        "kind": "competence",
    }).drop_duplicates("skill_id")}


def read_rome_appellations(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    return {"occupation_titles": pd.DataFrame({
        "occupation_code": normalise_codes(raw.frame[col(raw, "code_rome")]),
        "title_id": normalise_codes(raw.frame[col(raw, "code_ogr")]),
        "label": text_of(raw, col(raw, "libelle_appellation_long")),
    })}


def read_fap2021(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    f = raw.frame
    out = pd.DataFrame({
        "system": "FAP2021",
        "code": normalise_codes(f[col(raw, "Code_FAP228")]),
        "label": text_of(raw, col(raw, "Intitulé_FAP228")),
        "family": text_of(raw, col(raw, "Code_FAP22")),
        "family_label": text_of(raw, col(raw, "Intitulé_FAP22")),
        "parent": text_of(raw, col(raw, "Code_FAP86")),
    })
    return {"occupations": out[out["code"] != ""].drop_duplicates("code").reset_index(drop=True)}


def read_fap2009_rome(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    fap = normalise_codes(raw.frame[col(raw, "Fap", "fap")])
    rome = normalise_codes(raw.frame[col(raw, "Rome", "rome")]).str.upper()
    return {"occupation_links": _crosswalk(raw, report, fap, rome, col(raw, "Rome", "rome"))}


def _crosswalk(raw, report, fap: pd.Series, rome: pd.Series, rome_col: str) -> pd.DataFrame:
    no_rome = rome.isin(["", "NA", "NAN"])
    report.notes.append(f"{int(no_rome.sum())} FAP sans code ROME correspondant (« NA ») ignorées")
    bad = ~no_rome & ~rome.str.fullmatch(r"[A-N]\d{4}")
    report.reject(raw, bad, rome_col, "code ROME mal formé")
    keep = ~no_rome & ~bad & fap.str.fullmatch(FAP2009_CODE)
    out = pd.DataFrame({"from_system": "FAP2009", "from_code": fap, "to_system": "ROME4", "to_code": rome,
                        "kind": "crosswalk", "source": "DARES, table FAP 2009 – ROME"})[keep]
    return out.drop_duplicates(["from_code", "to_code"]).reset_index(drop=True)


def read_fap_rome_filled(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """FAP 2009 ; PCS ; ROME without header, where an empty cell repeats the row above."""
    f = raw.frame.replace("", np.nan).ffill().fillna("")
    fap = normalise_codes(f.iloc[:, 0])
    rome = normalise_codes(f.iloc[:, 2]).str.upper()
    return {"occupation_links": _crosswalk(raw, report, fap, rome, raw.frame.columns[2])}


def headerless_fap_rome(raw: RawTable) -> bool:
    first = [str(c) for c in raw.frame.columns]
    return (len(first) == 3 and re.fullmatch(FAP2009_CODE, first[0].strip() or "-") is not None
            and re.fullmatch(r"[A-N]\d{4}", first[2].strip() or "-") is not None)


# ============================================================================================ context
QUARTER = re.compile(r"^(\d{4})-?T([1-4])$")


def read_unemployment_ze(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    f = raw.frame
    zone = normalise_codes(f[col(raw, "ZE2020")], 4)
    quarters = [c for c in f.columns if QUARTER.match(str(c).strip())]
    wide = pd.DataFrame({c: parse_numbers(f[c]).values for c in quarters}, index=f.index)
    for c in quarters:
        bad = parse_numbers(f[c]).bad
        report.reject(raw, bad, c, "taux de chômage : nombre attendu")
    wide.insert(0, "zone_id", zone)
    long = wide.melt(id_vars="zone_id", var_name="period", value_name="value").dropna(subset=["value"])
    long["period"] = long["period"].map(lambda p: "{}-T{}".format(*QUARTER.match(p.strip()).groups()))
    long = long.assign(zoning="ZE2020", indicator="unemployment_rate", unit="%")
    names = pd.DataFrame({"zoning": "ZE2020", "zone_id": zone, "name": text_of(raw, col(raw, "LIBZE2020"))})
    reg = normalise_codes(text_of(raw, col(raw, "REG")), 2)
    names["reg"] = reg.where(reg != "00", "")
    report.notes.append(f"{len(quarters)} trimestres ({quarters[0]} … {quarters[-1]}) mis en colonnes longues"
                        if quarters else "aucune colonne trimestrielle")
    return {"context": long[["zoning", "zone_id", "indicator", "period", "value", "unit"]].reset_index(drop=True),
            "zone_names": names}


def read_unemployment_admin(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    dep_col = col(raw, "codeDepartement")
    zoning = "DEP" if dep_col else "REG"
    codes = normalise_dep(raw.frame[dep_col]) if dep_col else normalise_codes(raw.frame[col(raw, "codeRegion")], 2)
    rate = parse_numbers(raw.frame[col(raw, "tauxChomage")])
    report.reject(raw, rate.bad, col(raw, "tauxChomage"), "taux de chômage : nombre attendu")
    out = pd.DataFrame({"zoning": zoning, "zone_id": codes, "indicator": "unemployment_rate",
                        "period": text_of(raw, col(raw, "rentreeScolaire")), "value": rate.values, "unit": "%"})
    return {"context": out[out["value"].notna()].reset_index(drop=True)}


def read_population_ze(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    values = parse_numbers(raw.frame[col(raw, "pop")])
    report.reject(raw, values.bad, col(raw, "pop"), "population : nombre attendu")
    out = pd.DataFrame({"zoning": "ZE2020", "zone_id": normalise_codes(raw.frame[col(raw, "codgeo")], 4),
                        "indicator": "population", "period": text_of(raw, col(raw, "an")),
                        "value": values.values, "unit": "habitants"})
    return {"context": out[out["value"].notna()].reset_index(drop=True)}


def read_area_ze(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    values = parse_numbers(raw.frame[col(raw, "superf_choro")])
    out = pd.DataFrame({"zoning": "ZE2020", "zone_id": normalise_codes(raw.frame[col(raw, "codgeo")], 4),
                        "indicator": "area_km2", "period": text_of(raw, col(raw, "an")),
                        "value": values.values, "unit": "km²"})
    return {"context": out[out["value"].notna()].reset_index(drop=True)}


NAF_SECTIONS = {
    "agriculture": "A", "industries_extractives": "B", "industrie_manufacturiere": "C",
    "production_et_distribution_d_electricite": "D", "production_et_distribution_d_eau": "E", "construction": "F",
    "commerce": "G", "transports": "H", "hebergement": "I", "information": "J", "activites_financieres": "K",
    "activites_immobilieres": "L", "activites_specialisees": "M", "activites_de_services_administratifs": "N",
    "administration_publique": "O", "enseignement": "P", "sante": "Q", "arts": "R",
    "autres_activites_de_services": "S", "activites_des_menages": "T", "activites_extra_territoriales": "U",
}


def naf_section(label: str) -> str:
    """The NAF section letter of a sector label (« Construction » → F), else a slug of the label."""
    key = slug(label)
    for prefix, letter in NAF_SECTIONS.items():
        if key.startswith(prefix):
            return letter
    return key


def read_jobseekers_sector(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    basin = normalise_codes(raw.frame[col(raw, "code_bassin")], 4)
    values, _, bad = counts(raw, report, col(raw, "demandeurs_emploi"), "demandeurs d'emploi")
    sector = text_of(raw, col(raw, "secteur_libelle"))
    report.reject(raw, basin == "", col(raw, "code_bassin"), "code de bassin manquant")
    out = pd.DataFrame({"zoning": "BMO", "zone_id": basin,
                        "indicator": "jobseekers_" + sector.map(naf_section), "period": "2021",
                        "value": values, "unit": "personnes", "label": sector})
    out = out[~bad & (basin != "")]
    _reject_duplicates(raw, report, out, ["zone_id", "indicator"], col(raw, "secteur_libelle"))
    return {"context": out.drop_duplicates(["zone_id", "indicator"]).reset_index(drop=True)}


# ============================================================================================ training
def dep_of_uai(uai: pd.Series) -> pd.Series:
    prefix = uai.str[:3]
    dep = prefix.str[1:].where(prefix.str.startswith("0"), prefix)
    return dep.replace({"20": "2A", "62": "2A", "72": "2B"}).where(~prefix.isin(["620", "720"]), prefix.map(
        {"620": "2A", "720": "2B"}))


def read_lycee_capacity(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
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
        "year": 2022, "kind": "lycee",
    })
    return _training(raw, report, out, ~(bad_c | bad_d), col(raw, "Etablissement d'accueil", "UAI"))


def read_bts_capacity(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
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
        "year": 2024, "kind": "bts",
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
    return {"bcn_mef": pd.DataFrame({
        "mef_stat_11": normalise_codes(raw.frame[col(raw, "MEF_STAT_11")]),
        "formation_diplome": normalise_codes(raw.frame[col(raw, "FORMATION_DIPLOME")]),
        "mef_label": text_of(raw, col(raw, "LIBELLE_LONG")),
    }).drop_duplicates("mef_stat_11")}


def read_bcn_formation(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    return {"bcn_formation": pd.DataFrame({
        "formation_diplome": normalise_codes(raw.frame[col(raw, "FORMATION_DIPLOME")]),
        "niveau": normalise_codes(raw.frame[col(raw, "NIVEAU_FORMATION_DIPLOME")]),
        "formation_label": text_of(raw, col(raw, "LIBELLE_LONG_200")),
    }).drop_duplicates("formation_diplome")}


def read_bcn_level(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    return {"bcn_level": pd.DataFrame({
        "niveau": normalise_codes(raw.frame[col(raw, "NIVEAU_FORMATION_DIPLOME")]),
        "level_label": text_of(raw, col(raw, "LIBELLE_COURT")),
    }).drop_duplicates("niveau")}


def read_certif_info(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
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


def read_dares_tension_series(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """DARES national tension score by FAP 2009 and year (FAP 225 and 87 codes mixed)."""
    score = parse_numbers(raw.frame[col(raw, "Tension")])
    report.reject(raw, score.bad, col(raw, "Tension"), "score de tension : nombre attendu")
    out = pd.DataFrame({"zoning": "FR", "zone_id": "FR", "occupation_system": "FAP2009",
                        "occupation_code": normalise_codes(raw.frame[col(raw, "fap")]),
                        "year": year_of(raw, col(raw, "Année", "annee")), "tension_score": score.values})
    out = out[~score.bad & out["year"].notna()]
    _reject_duplicates(raw, report, out, ["occupation_code", "year"], col(raw, "fap"))
    return {"tension": out.drop_duplicates(["occupation_code", "year"]).reset_index(drop=True)}


# ============================================================================================ registry
def _year_from_name(raw: RawTable, default: str) -> str:
    match = re.search(r"(20\d\d)", raw.file)
    return match.group(1) if match else default


FORMATS: tuple[Format, ...] = (
    Format("ze_composition", "composition communale des zones d'emploi 2020 (INSEE)",
           (("CODGEO",), ("ZE2020",), ("LIBZE2020",), ("DEP",), ("REG",)), read_ze_composition,
           "INSEE", "Zones d'emploi 2020, composition communale", lambda r: _year_from_name(r, "2023"), priority=5),
    Format("communes_ze", "communes avec population, EPCI et zone d'emploi",
           (("CODGEO",), ("PMUN",), ("EPCI",)), read_communes_table,
           "INSEE", "Communes (COG), population municipale, EPCI", lambda r: _year_from_name(r, "2025"), priority=6),
    Format("ze_list", "liste des zones d'emploi 2020 (INSEE)", (("ZE2020",), ("LIBZE2020",), ("NB_COM",)),
           read_ze_list, "INSEE", "Zones d'emploi 2020, liste", lambda r: _year_from_name(r, "2023")),
    Format("bmo", "enquête Besoins en Main-d'Œuvre (BMO)",
           (("met",), ("xmet",), ("smet",), ("re:be ?\\d\\d", "code bassin", "code_bassin")), read_bmo,
           "France Travail / Crédoc", "Enquête Besoins en Main-d'Œuvre", bmo_vintage, priority=10),
    Format("bmo_basins", "composition communale des bassins d'emploi BMO (France Travail)",
           (("code_commune_insee", "CODE_COMMUNE_INSEE"), ("code_bassin_BMO", "re:be ?\\d\\d")), read_bmo_basins,
           "France Travail", "Bassins d'emploi BMO, composition communale", bmo_basin_vintage, priority=4),
    Format("epci", "composition communale des EPCI", (("code_epci",), ("nom_epci",), ("code_commune",)),
           read_epci, "INSEE / DGCL", "EPCI à fiscalité propre, communes membres", lambda r: _year_from_name(r, "")),
    Format("custom_zoning", "zonage du comité (commune → zone)", (("code_commune", "code commune"), ("code_zone", "code zone")),
           read_custom_zoning, "comité", "zonage du comité", "", priority=-1, licence=""),
    Format("passage", "table de passage des codes communes (INSEE)",
           (("Ancien Code Officiel",), ("Code Courant Officiel",)), read_passage, "INSEE",
           "Table de passage du COG", lambda r: _year_from_name(r, "")),
    Format("admin_names", "liste des départements ou régions", (("code",), ("nom",), ("chefLieu",)),
           read_admin_names, "INSEE (COG)", "Découpage administratif", lambda r: _year_from_name(r, ""),
           excludes=("type", "departement", "codesPostaux")),
    Format("dares_tension", "indicateurs de tension DARES (FAP 2009 × France, région, département)",
           (("fap",), ("Tension",), ("Catégorie Tension",), ("niveau_geo",)), read_dares_tension,
           "DARES / France Travail", "Les tensions sur le marché du travail", lambda r: "2019", priority=3),
    Format("dares_tension_series", "série nationale du score de tension DARES (FAP 2009, par année)",
           (("fap",), ("Tension",), ("Année", "annee")), read_dares_tension_series, "DARES",
           "Les tensions sur le marché du travail, séries longues", lambda r: "2011-2019", priority=1),
    Format("ft_tension", "indicateurs de tension France Travail (ROME × bassin)",
           (("ROME",), ("cbassin",), ("ind_tension_d",)), read_ft_tension,
           "France Travail / DARES", "Indicateurs de tension par métier et bassin", lambda r: _year_from_name(r, "2021")),
    Format("rome_fiches", "ROME 4.0 : fiches métiers", (("code_rome",), ("libelle_rome",), ("code_fiche_metier",)),
           read_rome_fiches, "France Travail", "ROME 4.0, référentiel des codes ROME", "v460"),
    Format("rome_domains", "ROME 4.0 : grands domaines", (("code_grand_domaine",), ("libelle_grand_domaine",)),
           read_rome_domains, "France Travail", "ROME 4.0, grands domaines", "v460", priority=-1),
    Format("rome_mobility", "ROME 4.0 : mobilités entre métiers", (("code_rome",), ("code_rome_cible",)),
           read_rome_mobility, "France Travail", "ROME 4.0, mobilités", "v460"),
    Format("rome_coherence", "ROME 4.0 : compétences et savoirs de chaque métier",
           (("code_rome",), ("code_ogr",), ("coeur_metier",)), read_rome_coherence, "France Travail",
           "ROME 4.0, cohérence métier – items", "v460"),
    Format("rome_competences", "ROME 4.0 : référentiel des compétences",
           (("code_ogr",), ("libelle_competence",)), read_rome_competences, "France Travail",
           "ROME 4.0, compétences", "v460"),
    Format("rome_savoirs", "ROME 4.0 : référentiel des savoirs", (("code_ogr_savoir",), ("libelle_savoir",)),
           read_rome_savoirs, "France Travail", "ROME 4.0, savoirs", "v460"),
    Format("rome_items", "ROME 4.0 : items (libellés des compétences et savoirs)",
           (("code_ogr",), ("libelle",), ("code_rubrique",)), read_rome_items, "France Travail", "ROME 4.0, items",
           "v460"),
    Format("rome_appellations", "ROME 4.0 : appellations", (("code_ogr",), ("libelle_appellation_long",), ("code_rome",)),
           read_rome_appellations, "France Travail", "ROME 4.0, appellations", "v460"),
    Format("fap2021", "nomenclature FAP 2021 (DARES)", (("Code_FAP228",), ("Intitulé_FAP228",)), read_fap2021,
           "DARES", "Familles professionnelles 2021", "2021"),
    Format("fap2009_rome", "correspondance FAP 2009 – ROME (DARES)", (("Fap",), ("Rome",), ("intitule_rome",)),
           read_fap2009_rome, "DARES", "Table de passage FAP 2009 – ROME", "2009"),
    Format("unemployment_ze", "taux de chômage localisés par zone d'emploi (INSEE)",
           (("ZE2020",), ("LIBZE2020",), ("re:\\d{4}-?t[1-4]",)), read_unemployment_ze, "INSEE",
           "Taux de chômage localisés", lambda r: "2023-T3"),
    Format("unemployment_admin", "taux de chômage par département ou région (INSEE)",
           (("codeDepartement", "codeRegion"), ("tauxChomage",)), read_unemployment_admin, "INSEE",
           "Taux de chômage localisés", lambda r: ""),
    Format("population_ze", "population historique par zone d'emploi (INSEE / ANCT)",
           (("codgeo",), ("an",), ("pop",)), read_population_ze, "INSEE / ANCT", "Historique des populations",
           lambda r: "1876-2020"),
    Format("area_ze", "superficie des zones d'emploi (INSEE / ANCT)", (("codgeo",), ("an",), ("superf_choro",)),
           read_area_ze, "INSEE / ANCT", "Superficie", lambda r: "2020"),
    Format("jobseekers_sector", "demandeurs d'emploi par secteur et bassin (France Travail)",
           (("code_bassin",), ("demandeurs_emploi",), ("secteur_libelle",)), read_jobseekers_sector,
           "France Travail", "Demandeurs d'emploi par secteur d'activité et bassin", "2021"),
    Format("lycee_capacity", "capacités et premiers vœux en lycée professionnel (Affelnet)",
           (("Etablissement d'accueil",), ("MEF STAT 11",), ("Capacité carte scolaire",)), read_lycee_capacity,
           "DEPP / MENJ", "Affelnet, capacités et demandes", "2022"),
    Format("bts_capacity", "capacités et vœux en BTS (Parcoursup)",
           (("UAI",), ("MEFSTAT11",), ("CAPACITEPSUP",)), read_bts_capacity, "MESR / Parcoursup",
           "Parcoursup, capacités et vœux en BTS", "2024"),
    Format("bcn_mef", "BCN : table N_MEF", (("MEF",), ("MEF_STAT_11",), ("FORMATION_DIPLOME",)), read_bcn_mef,
           "DEPP (BCN)", "Base centrale des nomenclatures, N_MEF", ""),
    Format("bcn_formation", "BCN : table N_FORMATION_DIPLOME",
           (("FORMATION_DIPLOME",), ("LIBELLE_LONG_200",), ("NIVEAU_FORMATION_DIPLOME",)), read_bcn_formation,
           "DEPP (BCN)", "Base centrale des nomenclatures, N_FORMATION_DIPLOME", ""),
    Format("bcn_level", "BCN : niveaux de diplôme", (("NIVEAU_FORMATION_DIPLOME",), ("NIVEAU_INTERMINISTERIEL",)),
           read_bcn_level, "DEPP (BCN)", "Base centrale des nomenclatures, niveaux", ""),
    Format("certif_info", "référentiel Certif Info (certifications et codes ROME)",
           (("Code_Diplome",), ("Libelle_Diplome",), ("Code_Rome_1",)), read_certif_info,
           "Réseau Carif-Oref / Onisep", "Certif Info", ""),
)

HEADERLESS_FAP_ROME = Format("fap_rome_filled", "correspondance FAP 2009 – PCS – ROME (sans en-tête)", (),
                             read_fap_rome_filled, "DARES", "Table de correspondance FAP – PCS – ROME", "2009")

EXPECTED_NAMES = sorted({name for f in FORMATS for group in f.signature for name in group if not name.startswith("re:")}
                        | {"BE19", "BE24", "code_bassin_BMO"})
