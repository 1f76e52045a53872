"""Strings of the « Carte des bassins » page, the map indicators, units and comparison levels."""

STRINGS = {
    "nav.carte": ("Carte des bassins", "Map of the basins"),
    "carte.title": ("Carte des bassins", "Map of the basins"),
    "carte.indicator": ("Indicateur", "Indicator"),
    "carte.method": ("Classes", "Classes"),
    "carte.method.quantiles": ("Quantiles", "Quantiles"),
    "carte.method.natural_breaks": ("Seuils naturels", "Natural breaks"),
    "carte.method.fixed": ("Classes 1 à 5", "Classes 1 to 5"),
    "carte.method.help": (
        "Quantiles : autant de bassins dans chaque classe. Seuils naturels (Fisher–Jenks) : les seuils qui "
        "rendent chaque classe la plus homogène possible. Classes 1 à 5 : l'échelle propre aux indicateurs de "
        "tension.",
        "Quantiles: as many basins in each class. Natural breaks (Fisher–Jenks): the breaks that make each class "
        "as homogeneous as possible. Classes 1 to 5: the scale of the tension indicators."),
    "carte.map.help": ("Cliquez sur un bassin pour le sélectionner ; il est entouré de rouge, ses pairs de noir.",
                       "Click a basin to select it; it is outlined in red, its peers in black."),
    "carte.no_indicator": ("Le pack n'a aucun indicateur cartographiable pour ce zonage.",
                           "The pack has no indicator to map for this zoning."),
    "carte.legend.no_data": ("Pas de donnée ou surtout du secret statistique",
                             "No data or mostly statistical secret"),
    "carte.tooltip.value": ("Valeur", "Value"),
    "carte.tooltip.rank": ("Rang", "Rank"),
    "carte.tooltip.source": ("Source", "Source"),
    "carte.rank": ("{rank} sur {n}", "{rank} of {n}"),
    "carte.secret": ("surtout secret", "mostly secret"),
    "carte.indicator.projects": ("Projets de recrutement", "Hiring projects"),
    "carte.indicator.difficult_share": ("Part des projets jugés difficiles", "Share of projects deemed difficult"),
    "carte.indicator.seasonal_share": ("Part des projets saisonniers", "Share of seasonal projects"),
    "carte.indicator.tension_class": ("Classe de tension moyenne des métiers", "Mean tension class of occupations"),
    "carte.indicator.unemployment_rate": ("Taux de chômage", "Unemployment rate"),
    "carte.indicator.unemployment_change": ("Évolution du taux de chômage sur un an",
                                            "Change in unemployment rate over a year"),
    "carte.indicator.jobseekers": ("Demandeurs d'emploi", "Jobseekers"),
    "carte.indicator.population": ("Population", "Population"),
    "carte.indicator.projects_per_1000": ("Projets pour 1 000 habitants", "Projects per 1,000 inhabitants"),
    "unit.projects": ("projets", "projects"),
    "unit.percent": ("%", "%"),
    "unit.class": ("classe 1 à 5", "class 1 to 5"),
    "unit.points": ("points de %", "percentage points"),
    "unit.people": ("personnes", "people"),
    "unit.inhabitants": ("habitants", "inhabitants"),
    "unit.per_1000": ("projets pour 1 000 hab.", "projects per 1,000 inh."),
    "carte.legend.title": ("{indicator} ({unit}), {period}", "{indicator} ({unit}), {period}"),
    "carte.comparison.title": ("Comparaison avec la région et la France", "Comparison with the région and France"),
    "carte.comparison.chart": ("Le bassin, sa région et la France", "The basin, its région and France"),
    "carte.comparison.help": (
        "Chaque niveau est calculé dans son propre zonage quand le pack l'a (régions, France), sinon en additionnant "
        "les bassins du zonage choisi. Parts et taux recalculés sur les sommes, jamais moyennés.",
        "Each level is computed in its own zoning when the pack has it (regions, France), else by summing the basins "
        "of the chosen zoning. Shares and rates recomputed from the sums, never averaged."),
    "level.selection": ("Sélection", "Selection"),
    "level.region": ("Région : {name}", "Région: {name}"),
    "level.france": ("France", "France"),
    "level.territory": ("Ensemble du territoire du pack", "Whole territory of the pack"),
    "carte.peers.title": ("Bassins comparables", "Comparable basins"),
    "carte.peers.help": (
        "Les cinq bassins les plus proches de « {name} » sur un profil : taille (logarithme de la population), "
        "part des projets difficiles, taux de chômage et répartition des besoins par famille de métiers. Chaque "
        "critère est centré-réduit entre bassins (la répartition par famille compte pour un critère) ; la distance "
        "est euclidienne. Critères utilisés ici : {criteria}.",
        "The five basins closest to « {name} » on a profile: size (log of population), share of difficult projects, "
        "unemployment rate and mix of needs by occupation family. Each criterion is standardised across basins "
        "(the family mix counts as one criterion); the distance is Euclidean. Criteria used here: {criteria}."),
    "carte.peers.pick": ("Sélectionnez un bassin (sur la carte ou dans le filtre) pour voir ses pairs.",
                         "Select a basin (on the map or in the filter) to see its peers."),
    "criterion.size": ("taille", "size"),
    "criterion.difficult_share": ("difficulté de recrutement", "hiring difficulty"),
    "criterion.unemployment_rate": ("chômage", "unemployment"),
    "criterion.family_mix": ("besoins par famille de métiers", "needs by occupation family"),
    "col.zone": ("Bassin", "Basin"),
    "col.zone_id": ("Code", "Code"),
    "col.level": ("Niveau", "Level"),
    "col.distance": ("Distance", "Distance"),
    "col.population": ("Population", "Population"),
    "col.projects": ("Projets", "Projects"),
    "col.difficult_share": ("Part difficile", "Share difficult"),
    "col.seasonal_share": ("Part saisonnière", "Seasonal share"),
    "col.unemployment_rate": ("Taux de chômage (%)", "Unemployment rate (%)"),
    "col.jobseekers": ("Demandeurs d'emploi", "Jobseekers"),
    "col.projects_per_1000": ("Projets / 1 000 hab.", "Projects / 1,000 inh."),
    "col.tension_class": ("Classe de tension", "Tension class"),
    "col.value": ("Valeur", "Value"),
    "col.rank": ("Rang", "Rank"),
    "carte.table.title": ("Valeurs par bassin", "Values by basin"),
    "carte.definitions": ("Définitions et méthode", "Definitions and method"),
    "carte.definitions.text": (
        "**Projets, parts difficile et saisonnière** : enquête BMO, dernière année, parts calculées sur les lignes "
        "où la part et les projets sont publiés. **Classe de tension** : moyenne des classes 1 à 5 des métiers du "
        "bassin. **Évolution du chômage** : dernier trimestre moins le même trimestre un an plus tôt, en points. "
        "**Projets pour 1 000 habitants** : projets rapportés à la population. Un bassin dont au moins la moitié "
        "des chiffres de recrutement sont sous secret statistique est grisé, comme un bassin sans donnée. "
        "Palettes ColorBrewer lisibles par les daltoniens.",
        "**Projects, difficult and seasonal shares**: BMO survey, latest year, shares computed on the rows where the "
        "part and the projects are published. **Tension class**: mean of the 1–5 classes of the basin's "
        "occupations. **Change in unemployment**: latest quarter minus the same quarter a year earlier, in points. "
        "**Projects per 1,000 inhabitants**: projects over population. A basin with at least half of its hiring "
        "figures under statistical secret is greyed, like a basin without data. Colour-blind safe ColorBrewer "
        "palettes."),
}
STRINGS.update({
    "carte.comparison.data_zoning": (
        "Projets, parts et tension de la sélection lus sur les {zoning} qui la recouvrent (le pack ne les publie pas "
        "par {own}).",
        "Projects, shares and tension of the selection read on the {zoning} covering it (the pack does not publish "
        "them by {own})."),
})
STRINGS.update({
    "indicators.unknown_indicator": ("indicateur inconnu : {code}", "unknown indicator: {code}"),
    "indicators.unknown_method": ("méthode de classes inconnue : {method}", "unknown class method: {method}"),
})
