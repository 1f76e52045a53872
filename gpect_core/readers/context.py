"""Context indicators (INSEE, ANCT, France Travail): unemployment rates by zone d'emploi, département or
région, population and area of the zones d'emploi, job seekers by sector and basin. Each reader returns
`context` rows (zoning, zone_id, indicator, period, unit: str; value: Float64).
"""

from __future__ import annotations

import re

import pandas as pd

from .base import FileReport, col, counts, reject_duplicates, slug, text_of
from .sniff import RawTable, normalise_codes, normalise_dep, parse_numbers

QUARTER = re.compile(r"^(\d{4})-?T([1-4])$")


def read_unemployment_ze(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """INSEE quarterly unemployment rate (%) by zone d'emploi, wide → `context` (long) and `zone_names`."""
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
    """INSEE unemployment rate (%) by département or région → `context`."""
    dep_col = col(raw, "codeDepartement")
    zoning = "DEP" if dep_col else "REG"
    codes = normalise_dep(raw.frame[dep_col]) if dep_col else normalise_codes(raw.frame[col(raw, "codeRegion")], 2)
    rate = parse_numbers(raw.frame[col(raw, "tauxChomage")])
    report.reject(raw, rate.bad, col(raw, "tauxChomage"), "taux de chômage : nombre attendu")
    out = pd.DataFrame({"zoning": zoning, "zone_id": codes, "indicator": "unemployment_rate",
                        "period": text_of(raw, col(raw, "rentreeScolaire")), "value": rate.values, "unit": "%"})
    return {"context": out[out["value"].notna()].reset_index(drop=True)}


def read_population_ze(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """INSEE / ANCT population history by zone d'emploi (inhabitants) → `context`."""
    values = parse_numbers(raw.frame[col(raw, "pop")])
    report.reject(raw, values.bad, col(raw, "pop"), "population : nombre attendu")
    out = pd.DataFrame({"zoning": "ZE2020", "zone_id": normalise_codes(raw.frame[col(raw, "codgeo")], 4),
                        "indicator": "population", "period": text_of(raw, col(raw, "an")),
                        "value": values.values, "unit": "habitants"})
    return {"context": out[out["value"].notna()].reset_index(drop=True)}


def read_area_ze(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
    """INSEE / ANCT area of the zones d'emploi (km²) → `context`."""
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
    """France Travail job seekers by NAF sector and basin (people) → `context`."""
    basin = normalise_codes(raw.frame[col(raw, "code_bassin")], 4)
    values, _, bad = counts(raw, report, col(raw, "demandeurs_emploi"), "demandeurs d'emploi")
    sector = text_of(raw, col(raw, "secteur_libelle"))
    report.reject(raw, basin == "", col(raw, "code_bassin"), "code de bassin manquant")
    out = pd.DataFrame({"zoning": "BMO", "zone_id": basin,
                        "indicator": "jobseekers_" + sector.map(naf_section), "period": raw.vintage,
                        "value": values, "unit": "personnes", "label": sector})
    out = out[~bad & (basin != "")]
    reject_duplicates(raw, report, out, ["zone_id", "indicator"], col(raw, "secteur_libelle"))
    return {"context": out.drop_duplicates(["zone_id", "indicator"]).reset_index(drop=True)}
