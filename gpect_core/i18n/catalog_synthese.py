"""Strings of the « Synthèse » page and of the shared chart vocabulary."""

STRINGS = {
    "synthese.title": ("Synthèse du territoire", "Territory overview"),
    "synthese.kpi.projects": ("Projets {year}", "Hiring projects {year}"),
    "synthese.kpi.difficult": ("Part difficile", "Share difficult"),
    "synthese.kpi.seasonal": ("Part saisonnière", "Seasonal share"),
    "synthese.kpi.unemployment": ("Chômage {period}", "Unemployment {period}"),
    "synthese.kpi.actions": ("Actions du plan", "Plan actions"),
    "synthese.kpi.projects.help": ("Projets de recrutement déclarés par les employeurs (enquête BMO), dernière année.",
                                   "Hiring projects declared by employers (BMO survey), latest year."),
    "synthese.kpi.unemployment.help": ("Taux de chômage localisé, dernier trimestre disponible.",
                                       "Local unemployment rate, latest available quarter."),
    "synthese.kpi.late": ("dont en retard : {n}", "of which late: {n}"),
    "synthese.map.title": ("Carte des bassins", "Map of the basins"),
    "synthese.map.help": ("Cliquez sur un bassin pour le sélectionner.", "Click a basin to select it."),
    "synthese.map.tooltip_projects": ("Projets de recrutement", "Hiring projects"),
    "synthese.chart.subtitle": ("{selection} — {year}", "{selection} — {year}"),
    "synthese.definitions": ("Définitions", "Definitions"),
    "synthese.definitions.text": (
        "**Projets de recrutement** : somme des projets publiés (hors secret statistique) des bassins "
        "sélectionnés, dernière année disponible. **Part difficile / saisonnière** : projets difficiles "
        "(saisonniers) rapportés aux projets, sur les seules lignes où les deux sont publiés. **Taux de "
        "chômage** : dernier trimestre ; pour plusieurs bassins, moyenne pondérée par la population active "
        "(ou la population). **Actions** : actions du plan qui concernent au moins un bassin sélectionné.",
        "**Hiring projects**: sum of the published (non-secret) projects of the selected basins, latest year. "
        "**Difficult / seasonal share**: difficult (seasonal) projects over projects, on the rows where both "
        "are published. **Unemployment rate**: latest quarter; for several basins, mean weighted by labour "
        "force (or population). **Actions**: plan actions concerning at least one selected basin."),
    "synthese.no_recruitment": ("Le pack n'a pas de projets de recrutement pour ce zonage.",
                                "The pack has no hiring projects for this zoning."),
    "chart.top_occupations": ("Les 10 métiers qui recrutent le plus", "Top 10 occupations by hiring projects"),
    "chart.projects": ("Projets de recrutement", "Hiring projects"),
    "chart.difficult": ("Projets difficiles", "Difficult projects"),
    "chart.difficult_share": ("Part difficile", "Share difficult"),
    "chart.occupation": ("Métier", "Occupation"),
}
