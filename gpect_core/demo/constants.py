"""Constants shared by the demo generator's modules: the seed, the calendar, the fictional région's names."""

from __future__ import annotations

SEED = 20240917
YEARS = (2022, 2023, 2024)
QUARTERS = [f"{y}-T{q}" for y in range(2021, 2025) for q in range(1, 5)]
REGION_ID = "99"
CENTER_L93 = (690_000.0, 6_640_000.0)  # Lambert-93, centre of metropolitan France: the place is fictional

ZONE_NAMES = (
    "Val d'Argent", "Bassin de Morvaux", "Plaine de la Sorne", "Coteaux du Lézon", "Haut-Verdanne",
    "Pays de Brécy", "Saint-Aurin", "Vallée de l'Ornelle", "Forêt de Champtoux", "Marches de Villerose",
    "Plateau de Castelane", "Rives de la Maude", "Pays de Montbaudry", "Bocage de Ferrand", "Monts de Savigne",
)
DEPARTMENTS = (("9A", "Sorne-et-Lézon"), ("9B", "Haute-Verdanne"), ("9C", "Maude-et-Ornelle"))
PROFILES = ("industrie", "agri_tourisme", "urbain", "residentiel", "logistique")
