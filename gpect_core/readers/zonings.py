"""INSEE zonings: compositions of the zones d'emploi, EPCI and committee zonings (commune → zone), the COG
passage table, communes with population, lists of zones, départements and régions.

Each reader returns named frames: `composition` (commune_id, commune_name, zone_id, zone_name, dep, reg, zoning:
str), `passage` (old, new: str), `communes` (commune_id, name, dep, reg, epci: str, population: Int64),
`zone_names` (zoning, zone_id, name[, reg]: str).
"""

from __future__ import annotations

import pandas as pd

from .base import MAX_LISTED, FileReport, col, slug, text_of
from .sniff import RawTable, normalise_codes, normalise_dep, parse_numbers


def read_ze_composition(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """INSEE composition of the zones d'emploi 2020 → `composition` (zoning « ZE2020 »)."""
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
    return {"composition": composition_frame(raw, report, frame, "ZE2020")}


def composition_frame(raw: RawTable, report: FileReport, frame: pd.DataFrame, zoning: str) -> pd.DataFrame:
    """A composition checked: malformed commune codes, communes without zone and communes in two zones
    rejected; one row per commune, with its zoning and département."""
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
    repeated = frame.duplicated("commune_id")
    if repeated.any():
        rows = ", ".join(str(raw.row_number(i)) for i in frame.index[repeated][:MAX_LISTED])
        report.notes.append(f"{int(repeated.sum())} ligne(s) en double (même commune, même zone) retirée(s) : "
                            f"{raw.row_word}(s) {rows}" + (" …" if repeated.sum() > MAX_LISTED else ""))
    frame = frame[~repeated].assign(zoning=zoning)
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
    """INSEE list of the zones d'emploi 2020 → `zone_names`."""
    frame = pd.DataFrame({
        "zoning": "ZE2020",
        "zone_id": normalise_codes(raw.frame[col(raw, "ZE2020")], 4),
        "name": text_of(raw, col(raw, "LIBZE2020")),
    })
    return {"zone_names": frame[frame["zone_id"] != ""]}




NO_EPCI = "ZZZZZZZZZ"  # INSEE's code for the few communes in no EPCI (island communes)


def read_epci(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """Communes of each EPCI → `composition` (zoning « EPCI »): the DGCL / geo.api list (`code_epci`,
    `nom_epci`, `code_commune`) or INSEE's workbook as published (`CODGEO`, `LIBGEO`, `EPCI`, `LIBEPCI`, `DEP`,
    `REG`, geography year in the title rows). Communes in no EPCI (`ZZZZZZZZZ`) are left out and counted."""
    frame = pd.DataFrame({
        "commune_id": normalise_codes(raw.frame[col(raw, "code_commune", "codgeo")], 5),
        "commune_name": text_of(raw, col(raw, "nom_commune", "libgeo")),
        "zone_id": normalise_codes(raw.frame[col(raw, "code_epci", "epci", "siren epci")]),
        "zone_name": text_of(raw, col(raw, "nom_epci", "libepci")),
        "dep": normalise_dep(text_of(raw, col(raw, "DEP"))),
        "reg": normalise_codes(text_of(raw, col(raw, "REG")), 2),
    })
    outside = frame["zone_id"].str.upper() == NO_EPCI
    if outside.any():
        report.notes.append(f"{int(outside.sum())} commune(s) hors EPCI (« {NO_EPCI} ») laissée(s) hors du zonage : "
                            + ", ".join(frame.loc[outside, "commune_id"].head(MAX_LISTED)))
        frame = frame[~outside]
    return {"composition": composition_frame(raw, report, frame, "EPCI")}


def read_epci_list(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """INSEE's list of the EPCI (`EPCI`, `LIBEPCI`, `NATURE_EPCI`, `NB_COM`) → `zone_names` (zoning « EPCI »)."""
    frame = pd.DataFrame({"zoning": "EPCI", "zone_id": normalise_codes(raw.frame[col(raw, "EPCI")]),
                          "name": text_of(raw, col(raw, "LIBEPCI"))})
    return {"zone_names": frame[(frame["zone_id"] != "") & (frame["zone_id"].str.upper() != NO_EPCI)]}


def read_custom_zoning(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """The committee's own zoning (commune → zone) → `composition` (zoning « custom »): headers `code commune`
    and `code zone` (others are renamed so by `guess.guess_zoning` or the user's `guess.ColumnMapping`); a zone
    given by its name only is its own code."""
    frame = pd.DataFrame({
        "commune_id": normalise_codes(raw.frame[col(raw, "code_commune", "code commune")], 5),
        "commune_name": text_of(raw, col(raw, "nom_commune", "nom commune")),
        "zone_id": normalise_codes(raw.frame[col(raw, "code_zone", "code zone")]),
        "zone_name": text_of(raw, col(raw, "nom_zone", "nom zone", "libelle zone")),
        "dep": "",
        "reg": "",
    })
    spaced = frame["zone_id"].str.contains(r"\s", regex=True)
    if spaced.any():  # a zone given by its name: the name stays, its code is the name's slug
        frame.loc[spaced & (frame["zone_name"] == ""), "zone_name"] = frame.loc[spaced, "zone_id"]
        frame.loc[spaced, "zone_id"] = frame.loc[spaced, "zone_id"].map(slug)
    return {"composition": composition_frame(raw, report, frame, "custom")}


def read_passage(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """INSEE COG passage table → `passage` (old, new commune codes)."""
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
        out["composition"] = composition_frame(raw, report, comp, "ZE2020")
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
