"""Strings of the « Métiers en tension » page, the tension components and the chart vocabulary it adds."""

STRINGS = {
    "nav.metiers": ("Métiers en tension", "Shortage occupations"),
    "metiers.title": ("Métiers en tension", "Shortage occupations"),
    "metiers.family": ("Famille de métiers", "Occupation family"),
    "metiers.family.all": ("Toutes les familles", "All families"),
    "metiers.rank_by": ("Classer par", "Rank by"),
    "metiers.tab.rankings": ("Classements", "Rankings"),
    "metiers.tab.heatmap": ("Bassins × métiers", "Basins × occupations"),
    "metiers.tab.trends": ("Évolutions", "Trends"),
    "metiers.tab.sheet": ("Fiche métier", "Occupation sheet"),
    "metiers.no_recruitment": (
        "Le pack n'a pas de projets de recrutement pour ce zonage. Choisissez un autre zonage (par exemple les "
        "bassins BMO) dans le filtre.",
        "The pack has no hiring projects for this zoning. Choose another zoning (for instance the BMO basins) in "
        "the filter."),
    "metiers.no_tension": ("Le pack n'a pas d'indicateurs de tension pour ce zonage.",
                           "The pack has no tension indicators for this zoning."),
    "metiers.fragile_note": (
        "⚠ Chiffre fragile : moins de {n} projets publiés, part difficile inconnue, ou au moins la moitié des "
        "lignes sous secret statistique. Ces métiers sont montrés en pâle, après les autres, sans rang.",
        "⚠ Fragile figure: fewer than {n} published projects, unknown difficult share, or at least half the rows "
        "under statistical secret. These occupations are shown pale, after the others, unranked."),
    "metiers.ranking.title": ("Métiers classés par {measure}", "Occupations ranked by {measure}"),
    "metiers.heatmap.title": ("Part des projets difficiles par bassin et métier",
                              "Share of difficult projects by basin and occupation"),
    "metiers.heatmap.help": ("Les 15 métiers qui recrutent le plus dans la sélection ; un point gris marque une "
                             "case fragile, laissée sans couleur.",
                             "The 15 occupations hiring most in the selection; a grey dot marks a fragile cell, "
                             "left uncoloured."),
    "metiers.trends.title": ("Projets de recrutement par année", "Hiring projects by year"),
    "metiers.trends.share_title": ("Part des projets difficiles par année", "Share of difficult projects by year"),
    "metiers.trends.single_year": ("Le pack n'a qu'une année ({year}) : pas d'évolution à montrer.",
                                   "The pack has a single year ({year}): no trend to show."),
    "metiers.trends.total_title": ("Projets de recrutement de la sélection par année",
                                   "Hiring projects of the selection by year"),
    "metiers.trends.total_share_title": ("Part des projets difficiles de la sélection par année",
                                         "Share of difficult projects of the selection by year"),
    "metiers.trends.occupations_header": ("Principaux métiers, en {system} ({years})",
                                          "Main occupations, in {system} ({years})"),
    "metiers.trends.rule": (
        "**Ruptures de série.** Une année commence un nouveau segment (points non reliés, trait pointillé « rupture "
        "de série ») quand, depuis l'année précédente du pack, la nomenclature des métiers change (l'enquête BMO "
        "code ses métiers en FAP 2009 jusqu'en 2023, en FAP 2021 depuis 2024) ou quand les bassins BMO qui "
        "composent la sélection changent (bassins recodés, créés ou supprimés ; pour un département, une région ou "
        "la France, tous les bassins qu'ils contiennent). Les totaux restent des sommes des projets publiés ; ils ne "
        "sont simplement pas reliés par-dessus une rupture. Les métiers ne sont suivis qu'à l'intérieur d'une même "
        "nomenclature.",
        "**Breaks in series.** A year starts a new segment (points not linked, dashed « break in series » rule) "
        "when, since the pack's previous year, the occupation nomenclature changed (the BMO survey codes its "
        "occupations in FAP 2009 up to 2023, in FAP 2021 since 2024) or the BMO basins that make up the selection "
        "changed (basins recoded, created or removed; for a département, a région or France, every basin inside). "
        "Totals remain sums of the published projects; they are just not linked across a break. Occupations are "
        "only followed within one nomenclature."),
    "metiers.trends.break.nomenclature": (
        "Rupture de série en {year} : la nomenclature des métiers passe de {old} ({previous}) à {new} ; les séries "
        "par métier ne sont pas raccordées.",
        "Break in series in {year}: the occupation nomenclature changes from {old} ({previous}) to {new}; the "
        "per-occupation series are not joined."),
    "metiers.trends.break.basins": (
        "Rupture de série en {year} : les bassins BMO de la sélection changent depuis {previous} — {details}.",
        "Break in series in {year}: the selection's BMO basins change since {previous} — {details}."),
    "metiers.trends.break.zones": (
        "Rupture de série en {year} : des zones de la sélection n'ont de données qu'une des deux années "
        "({previous}, {year}) — {details}.",
        "Break in series in {year}: zones of the selection have data in only one of the two years "
        "({previous}, {year}) — {details}."),
    "metiers.trends.recoded": ("recodés : {items}", "recoded: {items}"),
    "metiers.trends.appear": ("apparus : {items}", "new: {items}"),
    "metiers.trends.gone": ("disparus : {items}", "gone: {items}"),
    "metiers.trends.no_crosswalk": (
        "Le pack n'a pas de table de passage FAP 2009 → FAP 2021 : les métiers ne sont suivis que dans la "
        "nomenclature de la dernière année ({system}, {years}).",
        "The pack has no FAP 2009 → FAP 2021 crosswalk: occupations are only followed in the nomenclature of the "
        "latest year ({system}, {years})."),
    "metiers.trends.crosswalk": (
        "Le pack a une table de passage FAP 2009 → FAP 2021, mais un métier FAP 2009 se répartit sur plusieurs "
        "FAP 2021 sans clé de répartition : les métiers ne sont suivis que dans la nomenclature de la dernière "
        "année ({system}, {years}).",
        "The pack has a FAP 2009 → FAP 2021 crosswalk, but a FAP 2009 occupation spreads over several FAP 2021 "
        "ones with no split key: occupations are only followed in the nomenclature of the latest year ({system}, "
        "{years})."),
    "metiers.trends.occupations_single_year": (
        "Une seule année en {system} ({year}) : pas d'évolution par métier à montrer.",
        "A single year in {system} ({year}): no per-occupation trend to show."),
    "metiers.trends.selection": ("Sélection", "Selection"),
    "chart.series_break": ("rupture de série", "break in series"),
    "col.nomenclature": ("Nomenclature", "Nomenclature"),
    "col.series_break": ("Rupture de série", "Break in series"),
    "metiers.occupation": ("Métier", "Occupation"),
    "metiers.sheet.title": ("Fiche : {label}", "Sheet: {label}"),
    "metiers.sheet.basins": ("Les bassins qui en ont le plus besoin", "The basins that need it most"),
    "metiers.sheet.levels": ("Difficulté et composantes : ici, la région, la France",
                             "Difficulty and components: here, the région, France"),
    "metiers.sheet.related": ("Métiers proches (mobilités ROME)", "Related occupations (ROME mobilities)"),
    "metiers.sheet.no_related": ("Le pack n'a pas de mobilités ROME pour ce métier.",
                                 "The pack has no ROME mobilities for this occupation."),
    "metiers.components.title": ("Composantes de la tension : {label}", "Tension components: {label}"),
    "metiers.components.none": ("Pas d'indicateur de tension pour ce métier dans cette sélection.",
                                "No tension indicator for this occupation in this selection."),
    "metiers.linkage.crosswalk": (
        "Métier codé en {source_system}, tension publiée en {target_system} : la tension de ce métier est la "
        "moyenne de {n} code(s) {target_system} reliés par la table de passage du pack{via} ({source}).",
        "Occupation coded in {source_system}, tension published in {target_system}: this occupation's tension is "
        "the mean of {n} {target_system} code(s) linked by the pack's crosswalk{via} ({source})."),
    "metiers.linkage.via": (" via {systems}", " via {systems}"),
    "metiers.linkage.none": (
        "Métier codé en {source_system}, tension publiée en {target_system} : aucune table de passage du pack ne "
        "relie ce métier, sa tension n'est donc pas montrée.",
        "Occupation coded in {source_system}, tension published in {target_system}: no crosswalk of the pack links "
        "this occupation, so its tension is not shown."),
    "metiers.definitions": ("Définitions", "Definitions"),
    "metiers.definitions.text": (
        "**Projets** : projets de recrutement publiés (enquête BMO), dernière année. **Part difficile** : projets "
        "jugés difficiles sur projets, sur les lignes où les deux sont publiés. **Classe de tension** (1 à 5) et "
        "**composantes** : indicateurs de tension (DARES – France Travail) ; pour plusieurs bassins, moyenne des "
        "bassins. **Fragile** : moins de {n} projets publiés, part difficile inconnue, ou au moins la moitié des "
        "lignes sommées sous secret statistique.",
        "**Projects**: published hiring projects (BMO survey), latest year. **Share difficult**: projects deemed "
        "difficult over projects, on the rows where both are published. **Tension class** (1 to 5) and "
        "**components**: labour-market tension indicators (DARES – France Travail); for several basins, mean of "
        "the basins. **Fragile**: fewer than {n} published projects, unknown difficult share, or at least half the "
        "summed rows under statistical secret."),
    "tension.component.hiring_intensity": ("Intensité des embauches", "Hiring intensity"),
    "tension.component.labour_shortage": ("Manque de main-d'œuvre disponible", "Lack of available labour"),
    "tension.component.non_durable_jobs": ("Emplois non durables", "Non-durable jobs"),
    "tension.component.working_conditions": ("Conditions de travail contraignantes", "Demanding working conditions"),
    "tension.component.geographic_mismatch": ("Inadéquation géographique", "Geographic mismatch"),
    "tension.component.training_link": ("Lien formation–emploi", "Training–job link"),
    "tension.component.wage_attractiveness": ("Attractivité salariale", "Wage attractiveness"),
    "chart.fragile": ("Fragile (peu de projets ou secret)", "Fragile (few projects or secret)"),
    "chart.solid": ("Fiable", "Reliable"),
    "chart.reliability": ("Fiabilité", "Reliability"),
    "chart.measure.projects": ("projets de recrutement", "hiring projects"),
    "chart.measure.difficult_share": ("part des projets difficiles", "share of difficult projects"),
    "chart.measure.seasonal_share": ("part des projets saisonniers", "share of seasonal projects"),
    "chart.measure.tension_class": ("classe de tension (1 à 5)", "tension class (1 to 5)"),
    "chart.measure.unemployment_rate": ("taux de chômage (%)", "unemployment rate (%)"),
    "chart.measure.projects_per_1000": ("projets pour 1 000 habitants", "projects per 1,000 inhabitants"),
    "chart.zone": ("Bassin", "Basin"),
    "chart.year": ("Année", "Year"),
    "chart.class_1_5": ("Classe (1 à 5)", "Class (1 to 5)"),
    "chart.level": ("Niveau", "Level"),
    "chart.component": ("Composante", "Component"),
    "chart.components": ("Composantes de la tension", "Tension components"),
    "chart.comparison": ("Comparaison", "Comparison"),
    "chart.indicator": ("Indicateur", "Indicator"),
    "chart.value": ("Valeur", "Value"),
    "col.occupation": ("Métier", "Occupation"),
    "col.code": ("Code", "Code"),
    "col.system": ("Nomenclature", "Classification"),
    "col.family": ("Famille", "Family"),
    "col.difficult": ("Projets difficiles", "Difficult projects"),
    "col.fragile": ("Fragile", "Fragile"),
    "col.secret_cells": ("Cellules secrètes", "Secret cells"),
    "col.year": ("Année", "Year"),
    "col.tension_score": ("Score de tension", "Tension score"),
    "col.yes": ("oui", "yes"),
    "col.no": ("non", "no"),
}
STRINGS.update({
    "metiers.data_zoning": (
        "Les projets de recrutement et la tension ne sont pas publiés par {own} : ils sont lus sur les {zoning} qui "
        "recouvrent la sélection (part de sa population) : {zones}.",
        "Hiring projects and tension are not published by {own}: they are read on the {zoning} covering the "
        "selection (share of its population): {zones}."),
    "metiers.data_zoning.coverage": (
        " Lu sur les {zoning} ({coverage} de la population de la sélection) : les chiffres sont ceux de ces zones "
        "entières.",
        " Read on the {zoning} ({coverage} of the selection's population): the figures are those of these whole "
        "zones."),
})
