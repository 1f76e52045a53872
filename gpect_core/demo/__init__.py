"""The embedded demo territory: fictional, deterministic, and saying so everywhere.

`build_demo()` draws a fictional région of 15 zones d'emploi whose polygons tile it with no gap and no overlap
(communes are Voronoi cells, zones are unions of communes), with real ROME 4.0 occupations and invented but
plausible figures: hiring projects (BMO-like, with statistical secrets), tension classes and their components,
quarterly unemployment, training programmes, company needs, partners and a 25-action plan over three axes.
The same seed always gives the same pack (`python -m gpect_core demo data/demo`).

Its jobs, one module each: `constants` (seed, calendar, names), `geography` (communes and zones), `figures`
(occupations, hiring projects, tension, context), `committee` (training, needs, partners, the plan), `rome`
(the real ROME 4.0 excerpt) and `skills` (skills and appellations written for the demo; the `bridges` table is
built from them and the mobilities by the assembler's `build_bridges`, as for a built pack).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
from shapely.geometry import Point

from ..assemble.bridges import build_bridges
from ..territory import Provenance, Territory
from . import committee, figures, geography, skills
from .constants import CENTER_L93, DEPARTMENTS, PROFILES, QUARTERS, REGION_ID, SEED, YEARS, ZONE_NAMES
from .geography import zone_profiles

__all__ = [
    "CENTER_L93", "DEMO_PROVENANCE", "DEPARTMENTS", "PROFILES", "QUARTERS", "REGION_ID", "SEED", "VINTAGES",
    "YEARS", "ZONE_NAMES", "build_demo", "demo_point", "zone_profiles",
]

DEMO_PROVENANCE = dict(
    source="Générateur de démonstration GPECT Atlas (gpect_core.demo)",
    producer="GPECT Atlas, données fictives",
    licence="Licence Ouverte 2.0 (données fictives)",
    imported_at="2026-01-01T00:00:00+00:00",
    imported_by="gpect_core demo",
)
VINTAGES = {
    "zones": "géographie fictive 2024", "communes": "géographie fictive 2024",
    "occupations": "ROME 4.0 v460", "occupation_links": "ROME 4.0 v460",
    "recruitment": "BMO 2022–2024 (fictif)", "tension": "tensions 2022–2024 (fictif)",
    "context": "2021–2024 (fictif)", "training": "rentrées 2023–2024 (fictif)",
    "needs": "enquête entreprises 2024 (fictif)", "partners": "2024", "plan_axes": "2024",
    "plan_actions": "2024–2027", "plan_indicators": "2024–2026", "plan_indicator_values": "2024–2026",
    "skills": "ROME 4.0 v460 (fictif)", "occupation_titles": "ROME 4.0 v460 (fictif)", "bridges": "ROME 4.0 v460",
}


def build_demo(seed: int = SEED) -> Territory:
    rng = np.random.default_rng(seed)
    communes, zones = geography.communes_and_zones(rng)
    occupations = figures.occupations()
    recruitment = figures.recruitment(rng, zones, occupations)
    tables = {
        "communes": communes,
        "occupations": occupations,
        "occupation_links": figures.mobilities(),
        "recruitment": recruitment,
        "tension": figures.tension(rng, zones, occupations, recruitment),
        "context": figures.context(rng, zones),
        "training": committee.training(rng, zones),
        "needs": committee.needs(rng, zones),
        **committee.plan(rng, zones),
    }
    codes = occupations["code"].tolist()
    tables["skills"] = skills.skills(codes)
    tables["occupation_titles"] = skills.titles(codes)
    tables["bridges"] = build_bridges(tables["occupation_links"], tables["skills"])
    provenance = {name: Provenance(vintage=VINTAGES.get(name, ""), **DEMO_PROVENANCE)
                  for name in ["zones", *tables]}
    provenance["occupations"].source = "ROME 4.0 (codes et libellés réels)"
    provenance["occupations"].producer = "France Travail"
    provenance["occupation_links"].source = "ROME 4.0, rubrique mobilités"
    provenance["occupation_links"].producer = "France Travail"
    provenance["skills"].source = "Compétences de démonstration au format ROME 4.0 (rédigées pour la démo)"
    provenance["occupation_titles"].source = "Appellations de démonstration au format ROME 4.0 (rédigées pour la démo)"
    provenance["bridges"].source = "ROME 4.0 mobilités et compétences de démonstration (assemble.bridges)"
    return Territory(
        name="Région fictive de démonstration",
        zones=zones,
        tables=tables,
        fictional=True,
        description="Territoire fictif de 15 zones d'emploi, généré pour la démonstration : "
                    "les codes et libellés ROME sont réels, tous les chiffres sont inventés.",
        zonings={"ZE2020": {"label": "Zones d'emploi", "count": 15},
                 "DEP": {"label": "Départements", "count": 3},
                 "REG": {"label": "Région", "count": 1}},
        default_zoning="ZE2020",
        provenance=provenance,
    )


def demo_point() -> Point:
    """Centre of the demo région in WGS84 (for the map's first view)."""
    return gpd.GeoSeries([Point(CENTER_L93)], crs="EPSG:2154").to_crs("EPSG:4326").iloc[0]
