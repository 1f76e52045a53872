"""The registry of official formats: every format a file can be recognised as, with its producer, source,
vintage and licence. A table is recognised by its columns (`Format.signature`), never by its file name; where
several formats match, the highest `priority` (then the most columns) wins.
"""

from __future__ import annotations

import re

from .base import FileReport, Format, col, year_column, year_of
from .bmo import bmo_basin_vintage, bmo_vintage, read_bmo, read_bmo_basins
from .context import (
    read_area_ze,
    read_jobseekers_sector,
    read_population_ze,
    read_unemployment_admin,
    read_unemployment_ze,
)
from .nomenclatures import (
    read_fap2009_rome,
    read_fap2021,
    read_fap_rome_filled,
    read_rome_appellations,
    read_rome_coherence,
    read_rome_competences,
    read_rome_domains,
    read_rome_fiches,
    read_rome_items,
    read_rome_mobility,
    read_rome_savoirs,
)
from .sniff import RawTable, fold
from .tension import read_dares_tension, read_dares_tension_series, read_ft_tension
from .training import (
    millesime_range,
    read_bcn_formation,
    read_bcn_level,
    read_bcn_mef,
    read_bts_capacity,
    read_certif_info,
    read_enrolment,
    read_inserjeunes,
    read_lycee_capacity,
)
from .zonings import (
    read_admin_names,
    read_communes_table,
    read_custom_zoning,
    read_epci,
    read_epci_list,
    read_passage,
    read_ze_composition,
    read_ze_list,
)


def year_range(raw: RawTable, *names: str) -> str:
    """« 2011-2019 »: the first and last years of a year column ('' when absent), a single year alone."""
    years = year_of(raw, col(raw, *names)).dropna()
    if years.empty:
        return ""
    first, last = int(years.min()), int(years.max())
    return str(first) if first == last else f"{first}-{last}"


def last_quarter(raw: RawTable) -> str:
    """The latest quarter column of a quarterly table (« 2023-T3 »), '' when there is none."""
    quarters = [fold(c).replace(" ", "").upper() for c in raw.frame.columns if re.fullmatch(r"\d{4}-?t[1-4]", fold(c))]
    return max((q if "-" in q else f"{q[:4]}-{q[4:]}" for q in quarters), default="")


def read_documentation(raw: RawTable, report: FileReport) -> dict:
    """A sheet describing a workbook's variables (« Variables » / « Description »): nothing to import, said calmly."""
    report.notes[:] = [note for note in report.notes if not note.startswith("millésime")]  # no figures, no year
    report.notes.append("feuille de documentation (description des variables) : rien à importer")
    return {}


FORMATS: tuple[Format, ...] = (
    Format("ze_composition", "composition communale des zones d'emploi 2020 (INSEE)",
           (("CODGEO",), ("ZE2020",), ("LIBZE2020",), ("DEP",), ("REG",)), read_ze_composition,
           "INSEE", "Zones d'emploi 2020, composition communale", "", priority=5),
    Format("communes_ze", "communes avec population, EPCI et zone d'emploi",
           (("CODGEO",), ("PMUN",), ("EPCI",)), read_communes_table,
           "INSEE", "Communes (COG), population municipale, EPCI", "", priority=6),
    Format("ze_list", "liste des zones d'emploi 2020 (INSEE)", (("ZE2020",), ("LIBZE2020",), ("NB_COM",)),
           read_ze_list, "INSEE", "Zones d'emploi 2020, liste", ""),
    Format("bmo", "enquête Besoins en Main-d'Œuvre (BMO)",
           (("met",), ("xmet",), ("smet",), ("re:be ?\\d\\d", "code bassin", "code_bassin")), read_bmo,
           "France Travail / Crédoc", "Enquête Besoins en Main-d'Œuvre", bmo_vintage, priority=10, needs_vintage=True),
    Format("bmo_basins", "composition communale des bassins d'emploi BMO (France Travail)",
           (("code_commune_insee", "CODE_COMMUNE_INSEE"), ("code_bassin_BMO", "re:be ?\\d\\d")), read_bmo_basins,
           "France Travail", "Bassins d'emploi BMO, composition communale", bmo_basin_vintage, priority=4),
    Format("documentation", "feuille de documentation (description des variables)",
           (("Variables", "Variable"), ("Description",)), read_documentation, "", "", "", priority=-5, licence=""),
    Format("epci", "composition communale des EPCI", (("code_epci", "EPCI"), ("nom_epci", "LIBEPCI"),
                                                      ("code_commune", "CODGEO")),
           read_epci, "INSEE / DGCL", "EPCI à fiscalité propre, communes membres", "", excludes=("NB_COM",)),
    Format("epci_list", "liste des EPCI (INSEE)", (("EPCI",), ("LIBEPCI",), ("NATURE_EPCI", "NB_COM")),
           read_epci_list, "INSEE", "Intercommunalités (EPCI), liste", "", excludes=("CODGEO",)),
    Format("custom_zoning", "zonage du comité (commune → zone)", (("code_commune", "code commune"), ("code_zone", "code zone")),
           read_custom_zoning, "comité", "zonage du comité", "", priority=-1, licence=""),
    Format("passage", "table de passage des codes communes (INSEE)",
           (("Ancien Code Officiel",), ("Code Courant Officiel",)), read_passage, "INSEE",
           "Table de passage du COG", ""),
    Format("admin_names", "liste des départements ou régions", (("code",), ("nom",), ("chefLieu",)),
           read_admin_names, "INSEE (COG)", "Découpage administratif", "",
           excludes=("type", "departement", "codesPostaux")),
    Format("dares_tension", "indicateurs de tension DARES (FAP 2009 × France, région, département)",
           (("fap",), ("Tension",), ("Catégorie Tension",), ("niveau_geo",)), read_dares_tension,
           "DARES / France Travail", "Les tensions sur le marché du travail",
           lambda r: year_column(r, "Année", "annee"), priority=3, needs_vintage=True),
    Format("dares_tension_series", "série nationale du score de tension DARES (FAP 2009, par année)",
           (("fap",), ("Tension",), ("Année", "annee")), read_dares_tension_series, "DARES",
           "Les tensions sur le marché du travail, séries longues", lambda r: year_range(r, "Année", "annee"), priority=1),
    Format("ft_tension", "indicateurs de tension France Travail (ROME × bassin)",
           (("ROME",), ("cbassin",), ("ind_tension_d",)), read_ft_tension,
           "France Travail / DARES", "Indicateurs de tension par métier et bassin",
           lambda r: year_column(r, "annee", "année"), needs_vintage=True),
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
           "Taux de chômage localisés", last_quarter),
    Format("unemployment_admin", "taux de chômage par département ou région (INSEE)",
           (("codeDepartement", "codeRegion"), ("tauxChomage",)), read_unemployment_admin, "INSEE",
           "Taux de chômage localisés", lambda r: ""),
    Format("population_ze", "population historique par zone d'emploi (INSEE / ANCT)",
           (("codgeo",), ("an",), ("pop",)), read_population_ze, "INSEE / ANCT", "Historique des populations",
           lambda r: year_range(r, "an")),
    Format("area_ze", "superficie des zones d'emploi (INSEE / ANCT)", (("codgeo",), ("an",), ("superf_choro",)),
           read_area_ze, "INSEE / ANCT", "Superficie", lambda r: year_range(r, "an")),
    Format("jobseekers_sector", "demandeurs d'emploi par secteur et bassin (France Travail)",
           (("code_bassin",), ("demandeurs_emploi",), ("secteur_libelle",)), read_jobseekers_sector,
           "France Travail", "Demandeurs d'emploi par secteur d'activité et bassin", "",
           needs_vintage=True),
    Format("lycee_capacity", "capacités et premiers vœux en lycée professionnel (Affelnet)",
           (("Etablissement d'accueil",), ("MEF STAT 11",), ("Capacité carte scolaire",)), read_lycee_capacity,
           "DEPP / MENJ", "Affelnet, capacités et demandes", "", needs_vintage=True),
    Format("bts_capacity", "capacités et vœux en BTS (Parcoursup)",
           (("UAI",), ("MEFSTAT11",), ("CAPACITEPSUP",)), read_bts_capacity, "MESR / Parcoursup",
           "Parcoursup, capacités et vœux en BTS", "", needs_vintage=True),
    Format("enrolment", "élèves par établissement et formation (constat de rentrée)",
           (("UAI",), ("Mef Bcp 11",), ("Nombre d'élèves : Total", "Nombre d'élèves")), read_enrolment,
           "DEPP / MENJ", "Constat de rentrée, effectifs d'élèves par établissement et MEF",
           lambda r: year_column(r, "Rentrée scolaire", "rentree"), needs_vintage=True),
    Format("inserjeunes", "taux d'emploi et de poursuite d'études après la formation (InserJeunes)",
           (("millesime",), ("code_region",), ("voie",), ("cfd", "mefstat11"), ("taux_emploi_12_mois",)),
           read_inserjeunes, "DEPP / DARES", "InserJeunes, insertion des sortants par formation, région et voie",
           millesime_range),
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
