"""Strings of number formats in tables and exports, and of charts cut down to what can be drawn."""

STRINGS = {
    "format.unrounded": ("non arrondi", "unrounded"),
    "metiers.heatmap.top": (
        "Sélection de {total} bassins : le graphique montre les {shown} qui recrutent le plus (un graphique plus "
        "grand ne se lit plus) ; le tableau téléchargeable les contient tous.",
        "Selection of {total} basins: the chart shows the {shown} hiring most (a larger chart could not be "
        "read); the downloadable table holds them all."),
    "plan.chart.timeline_top": (
        "Le calendrier montre {shown} actions sur {total} : celles en retard, puis en cours, puis les plus proches "
        "de leur échéance (un calendrier plus long ne se lit plus) ; l'onglet « Actions » les liste toutes.",
        "The timeline shows {shown} actions out of {total}: the late ones, then those in progress, then the nearest "
        "deadlines (a longer timeline could not be read); the « Actions » tab lists them all."),
}
