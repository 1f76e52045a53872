"""The demo's committee side: training programmes, the company needs survey, partners and the 25-action
GPECT plan over three axes (all fictional)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from .rome import ROME_OCCUPATIONS

TRAINING_CATALOGUE = (
    ("BTS Maintenance des systèmes de production", "I1304 I1310 I1309", "5"),
    ("Bac pro Maintenance des systèmes de production connectés", "I1304 I1310", "4"),
    ("Titre pro Soudeur assembleur industriel", "H2913 H2909", "3"),
    ("CAP Réalisations industrielles en chaudronnerie ou soudage", "H2913 H2914", "3"),
    ("Titre pro Conducteur d'installations et de machines automatisées", "H2102 H2301 H2912", "3"),
    ("Formation opérateur de production cosmétique (POEC)", "H2301 H3302", "3"),
    ("Bac pro Technicien en réalisation de produits mécaniques", "H2903 H2912", "4"),
    ("Diplôme d'État d'aide-soignant", "J1501", "4"),
    ("Diplôme d'État d'infirmier", "J1506", "6"),
    ("Titre pro Assistant de vie aux familles", "K1302 K1304", "3"),
    ("CAP Cuisine", "G1602", "3"),
    ("CAP Commercialisation et services en HCR", "G1803 G1603", "3"),
    ("Titre pro Réceptionniste en hôtellerie", "G1703", "4"),
    ("Bac pro Productions horticoles", "A1414 A1405", "4"),
    ("CAPa Jardinier paysagiste", "A1203", "3"),
    ("Titre pro Maçon", "F1703", "3"),
    ("Titre pro Électricien d'équipement du bâtiment", "F1602 I1309", "3"),
    ("CAP Monteur en installations thermiques", "F1603", "3"),
    ("Titre pro Conducteur du transport routier de marchandises sur porteur", "N4101 N4105", "3"),
    ("Titre pro Préparateur de commandes en entrepôt", "N1103 N1101", "3"),
    ("Titre pro Employé commercial", "D1507 D1505 D1106", "3"),
    ("BTS Comptabilité et gestion", "M1203", "5"),
    ("Titre pro Développeur web et web mobile", "M1805", "5"),
    ("Titre pro Secrétaire assistant", "M1607", "4"),
)
PROVIDERS = ("Lycée professionnel Jean-Rostand", "GRETA de la Sorne", "AFPA Centre Val d'Argent",
             "IFSI du Haut-Verdanne", "CFA interprofessionnel", "Lycée agricole de Brécy", "CFA BTP",
             "Organisme de formation Compétences Plus")
SECTORS = (("C", "Industrie manufacturière"), ("F", "Construction"), ("G", "Commerce"), ("H", "Transports"),
           ("I", "Hébergement et restauration"), ("N", "Services administratifs et de soutien"),
           ("Q", "Santé humaine et action sociale"), ("A", "Agriculture"))


def training(rng, zones) -> pd.DataFrame:
    ze_ids = sorted(zones.loc[zones["zoning"] == "ZE2020", "zone_id"])
    rows = []
    for i, (title, romes, level) in enumerate(TRAINING_CATALOGUE):
        for j in range(1 + (i % 3 == 0)):
            zone_id = ze_ids[(i * 7 + j * 5) % len(ze_ids)]
            capacity = int(rng.integers(8, 30) * (2 if level in ("4", "6") else 1))
            demand = int(round(capacity * rng.uniform(0.4, 2.2)))
            program_id = f"F{i + 1:02d}{j}"
            for year in (2023, 2024):
                enrolled = int(min(capacity, round(demand * rng.uniform(0.7, 1.0))))
                graduates = int(round(enrolled * rng.uniform(0.6, 0.95)))
                rows.append({"program_id": program_id, "title": title, "provider": PROVIDERS[(i + j) % len(PROVIDERS)],
                             "zoning": "ZE2020", "zone_id": zone_id, "occupation_codes": romes, "level": level,
                             "capacity": capacity, "demand": demand, "enrolled": enrolled, "graduates": graduates,
                             "employment_rate": round(float(rng.uniform(0.45, 0.9)), 2), "year": year})
    return pd.DataFrame(rows)


def needs(rng, zones) -> pd.DataFrame:
    ze_ids = sorted(zones.loc[zones["zoning"] == "ZE2020", "zone_id"])
    codes = [code for code, *_ in ROME_OCCUPATIONS]
    labels = {code: label for code, label, *_ in ROME_OCCUPATIONS}
    rows = []
    for i in range(150):
        code = codes[int(rng.integers(len(codes)))]
        sector, _ = SECTORS[int(rng.integers(len(SECTORS)))]
        rows.append({
            "response_id": f"R{i + 1:04d}", "zoning": "ZE2020", "zone_id": ze_ids[int(rng.integers(len(ze_ids)))],
            "sector_naf": sector, "size_band": ("1-9", "10-49", "50-249", "250+")[int(rng.integers(4))],
            "occupation_code": code, "occupation_text": labels[code].split(" / ")[0],
            "headcount": int(rng.integers(1, 12)), "horizon": ("6 mois", "1 an", "3 ans")[int(rng.integers(3))],
            "difficulty": int(rng.integers(1, 6)), "skills": "",
            "date": pd.Timestamp(date(2024, 3, 1)) + pd.Timedelta(days=int(rng.integers(0, 90))),
        })
    df = pd.DataFrame(rows)
    df["date"] = df["date"].astype("datetime64[ns]")
    return df


PARTNERS = (
    ("P01", "Préfecture — DDETS", "etat"), ("P02", "Conseil régional", "region"),
    ("P03", "France Travail — agence du Val d'Argent", "france_travail"),
    ("P04", "France Travail — agence de Morvaux", "france_travail"),
    ("P05", "Maison de l'emploi de la Sorne", "maison_emploi"), ("P06", "Mission locale des Coteaux", "mission_locale"),
    ("P07", "OPCO 2i", "opco"), ("P08", "OPCO Santé", "opco"), ("P09", "OPCO Akto", "opco"),
    ("P10", "CCI territoriale", "cci"), ("P11", "Chambre de métiers et de l'artisanat", "cma"),
    ("P12", "Lycée professionnel Jean-Rostand", "education"), ("P13", "GRETA de la Sorne", "organisme_formation"),
    ("P14", "AFPA Centre Val d'Argent", "organisme_formation"), ("P15", "Laboratoires Cosméva (fictif)", "entreprise"),
    ("P16", "Forges de Morvaux (fictif)", "entreprise"), ("P17", "Communauté de communes du Lézon", "collectivite"),
    ("P18", "Centre hospitalier de Saint-Aurin", "entreprise"),
)
AXES = (("A1", "Attractivité des métiers"), ("A2", "Formations d'avenir"), ("A3", "Industrie inclusive"))
# (axis, title, lead, partners, ROME codes, start, end, status, progress, budget, indicator)
ACTIONS = (
    ("A1", "Déjeuners école–industrie", "P10", "P12 P16 P15", "H2913 I1304", "2024-01-15", "2025-06-30", "terminee", 100, 8000, ("Élèves participants", "élèves", 0, 200)),
    ("A1", "Semaine de l'industrie : visites d'entreprises", "P07", "P10 P16 P15", "H2909 H2102", "2024-03-01", "2026-12-31", "en_cours", 70, 15000, ("Visites organisées", "visites", 0, 40)),
    ("A1", "Enquête besoins en compétences des entreprises", "P05", "P10 P11", "", "2024-02-01", "2024-09-30", "terminee", 100, 12000, ("Entreprises répondantes", "entreprises", 0, 150)),
    ("A1", "Campagne « Les métiers du soin recrutent »", "P08", "P18 P03", "J1501 J1506 K1302", "2024-09-01", "2025-12-31", "en_cours", 45, 20000, ("Candidatures reçues", "candidatures", 0, 300)),
    ("A1", "Job dating hôtellerie-restauration avant la saison", "P03", "P09 P17", "G1602 G1803 G1501", "2025-03-01", "2025-05-31", "terminee", 100, 5000, ("Recrutements", "personnes", 0, 60)),
    ("A1", "Immersions en entreprise pour les jeunes (PMSMP)", "P06", "P03 P16", "H2909 N1103", "2024-10-01", "2026-06-30", "terminee", 100, 10000, ("Immersions réalisées", "immersions", 0, 120)),
    ("A1", "Vidéos métiers tournées dans les entreprises locales", "P05", "P07 P15 P16", "H2301 I1304", "2025-01-15", "2025-12-31", "terminee", 100, 18000, ("Vidéos publiées", "vidéos", 0, 12)),
    ("A1", "Logement des saisonniers agricoles", "P17", "P01 P11", "A1401 A1405", "2025-04-01", "2026-09-30", "suspendue", 20, 40000, ("Places d'hébergement", "places", 0, 50)),
    ("A2", "Ouverture d'un BTS Maintenance des systèmes", "P02", "P12 P07", "I1304 I1310", "2024-09-01", "2026-07-15", "terminee", 100, 120000, ("Étudiants inscrits", "étudiants", 0, 24)),
    ("A2", "Formation opérateurs de production cosmétique", "P03", "P15 P13 P07", "H2301 H3302", "2024-04-01", "2024-12-20", "terminee", 100, 65000, ("Taux de retour à l'emploi", "%", 0, 60)),
    ("A2", "Titre pro soudeur en alternance", "P14", "P16 P07", "H2913", "2025-01-06", "2026-03-31", "terminee", 100, 90000, ("Alternants formés", "personnes", 0, 16)),
    ("A2", "Places supplémentaires en IFAS (aides-soignants)", "P02", "P08 P18", "J1501", "2024-09-01", "2025-08-31", "terminee", 100, 150000, ("Places ouvertes", "places", 30, 60)),
    ("A2", "Module numérique pour les TPE artisanales", "P11", "P13", "M1805 M1302", "2025-09-01", "2026-06-30", "a_lancer", 0, 25000, ("Artisans formés", "personnes", 0, 80)),
    ("A2", "Préparation opérationnelle à l'emploi collective logistique", "P03", "P09 P14", "N1103 N1101", "2025-02-01", "2025-07-31", "terminee", 100, 48000, ("Stagiaires en emploi à 6 mois", "%", 0, 70)),
    ("A2", "CAP cuisine en apprentissage pour adultes", "P13", "P09", "G1602", "2026-01-05", "2027-06-30", "a_lancer", 0, 70000, ("Apprentis", "personnes", 0, 12)),
    ("A2", "Certification maintenance agricole", "P14", "P11", "I1603 A1101", "2024-11-01", "2025-10-31", "en_cours", 40, 35000, ("Stagiaires certifiés", "personnes", 0, 15)),
    ("A2", "Carte des formations : revue annuelle avec la Région", "P02", "P01 P05", "", "2025-01-01", "2027-12-31", "en_cours", 35, 0, ("Revues tenues", "revues", 0, 3)),
    ("A3", "Parcours emploi des femmes dans l'industrie", "P05", "P16 P07 P03", "H2909 H2912", "2024-06-01", "2025-06-30", "terminee", 100, 30000, ("Femmes recrutées", "personnes", 0, 25)),
    ("A3", "Clause d'insertion dans les marchés publics", "P17", "P01 P05", "F1703 F1606", "2024-01-01", "2026-12-31", "en_cours", 75, 0, ("Heures d'insertion", "heures", 0, 20000)),
    ("A3", "Mobilité : permis et location de scooters", "P06", "P17 P03", "", "2024-05-01", "2026-04-30", "terminee", 100, 55000, ("Jeunes accompagnés", "personnes", 0, 90)),
    ("A3", "Reconversion des salariés de la sous-traitance automobile", "P07", "P16 P14 P01", "I1604 H2909", "2025-03-01", "2026-12-31", "en_cours", 20, 180000, ("Salariés reconvertis", "personnes", 0, 40)),
    ("A3", "Groupement d'employeurs pour l'insertion et la qualification", "P10", "P05 P16", "H2909 N1103", "2024-09-01", "2025-09-30", "abandonnee", 10, 0, ("Salariés mis à disposition", "personnes", 0, 20)),
    ("A3", "Accueil de réfugiés dans les métiers en tension", "P01", "P03 P13", "G1602 F1703 K2204", "2025-06-01", "2026-06-30", "en_cours", 15, 60000, ("Personnes en emploi", "personnes", 0, 30)),
    ("A3", "Handicap et industrie : aménagement de postes", "P16", "P07 P05", "H2102 H3302", "2026-01-15", "2026-12-31", "a_lancer", 0, 20000, ("Postes aménagés", "postes", 0, 10)),
    ("A3", "Tutorat des nouveaux embauchés dans les PME", "P07", "P10 P15", "H2301 I1304", "2024-02-01", "2025-03-31", "en_cours", 60, 22000, ("Tuteurs formés", "personnes", 0, 30)),
)


def plan(rng, zones) -> dict[str, pd.DataFrame]:
    ze_ids = sorted(zones.loc[zones["zoning"] == "ZE2020", "zone_id"])
    actions, indicators, values = [], [], []
    for i, (axis, title, lead, partners, romes, start, end, status, progress, budget, indicator) in enumerate(ACTIONS):
        action_id = f"ACT{i + 1:02d}"
        n_zones = 1 + int(rng.integers(0, 3))
        zone_ids = sorted({ze_ids[int(k)] for k in rng.integers(0, len(ze_ids), n_zones)})
        actions.append({
            "action_id": action_id, "axis_id": axis, "title": title,
            "description": f"{title} — action du plan GPECT (exemple fictif).",
            "zone_ids": " ".join(zone_ids), "occupation_codes": romes, "lead_partner_id": lead,
            "partner_ids": partners, "start_date": pd.Timestamp(start), "end_date": pd.Timestamp(end),
            "status": status, "budget": float(budget), "funders": "Région, État" if budget else "",
            "progress": progress,
        })
        label, unit, baseline, target = indicator
        indicator_id = f"IND{i + 1:02d}"
        indicators.append({"indicator_id": indicator_id, "action_id": action_id, "label": label, "unit": unit,
                           "baseline": float(baseline), "target": float(target)})
        start_ts, end_ts = pd.Timestamp(start), pd.Timestamp(end)
        for step in (1, 2, 3):
            when = start_ts + (end_ts - start_ts) * step / 3
            if when > pd.Timestamp("2026-10-31"):
                break
            reached = baseline + (target - baseline) * progress / 100 * step / 3 * rng.uniform(0.8, 1.1)
            values.append({"indicator_id": indicator_id, "date": when.normalize(),
                           "value": round(float(reached), 1), "source": "Comité GPECT (fictif)"})
        if title.startswith("Formation opérateurs de production cosmétique"):
            values[-1]["value"] = 57.0  # 14 jobseekers trained, 57 % back in work: the committee's own figure
    frames = {
        "partners": pd.DataFrame(PARTNERS, columns=["partner_id", "name", "type"]),
        "plan_axes": pd.DataFrame(AXES, columns=["axis_id", "label"]),
        "plan_actions": pd.DataFrame(actions),
        "plan_indicators": pd.DataFrame(indicators),
        "plan_indicator_values": pd.DataFrame(values),
    }
    for name in ("plan_actions",):
        for column in ("start_date", "end_date"):
            frames[name][column] = frames[name][column].astype("datetime64[ns]")
    frames["plan_indicator_values"]["date"] = frames["plan_indicator_values"]["date"].astype("datetime64[ns]")
    return frames
