"""Strings of the correspondence between zonings (« Données » page, XLSX export, CLI)."""

STRINGS = {
    "corr.header": ("Correspondance entre zonages", "Correspondence between zonings"),
    "corr.intro": (
        "Quelles zones d'un zonage recouvrent celles d'un autre, et pour quelle part de leur population. C'est ainsi "
        "qu'un chiffre publié sur un zonage est lu sur un autre : les effectifs (projets de recrutement, demandeurs "
        "d'emploi, population) sont répartis au prorata de la population en commun ; les parts et taux (part "
        "difficile, part saisonnière, projets pour 1 000 habitants) sont recalculés à partir des effectifs répartis ; "
        "le taux de chômage et la classe de tension sont des moyennes pondérées par la population en commun.",
        "Which zones of one zoning cover those of another, and for what share of their population. This is how a "
        "figure published on one zoning is read on another: counts (hiring projects, jobseekers, population) are "
        "apportioned by the population in common; shares and rates (difficult share, seasonal share, projects per "
        "1,000 inhabitants) are recomputed from the apportioned counts; the unemployment rate and the tension class "
        "are means weighted by the population in common."),
    "corr.from": ("Zonage de départ", "From zoning"),
    "corr.to": ("Zonage d'arrivée", "To zoning"),
    "corr.download": ("Télécharger la correspondance (XLSX)", "Download the correspondence (XLSX)"),
    "corr.summary": (
        "{pairs} couples de zones ; {covered} de la population des {source} se trouve dans des {target}.",
        "{pairs} pairs of zones; {covered} of the population of the {source} lies in {target}."),
    "corr.same": ("Choisissez deux zonages différents.", "Choose two different zonings."),
    "corr.single": ("Le pack n'a qu'un zonage : pas de correspondance à établir.",
                    "The pack has a single zoning: no correspondence to draw."),
    "corr.method.communes": (
        "méthode : communes en commun, pondérées par leur population municipale",
        "method: communes in common, weighted by their municipal population"),
    "corr.method.area": (
        "méthode : superposition des contours des zones en projection à surfaces égales (ETRS89-LAEA, EPSG:3035), "
        "faute de table des communes ; parts de surface",
        "method: overlay of the zones' polygons in an equal-area projection (ETRS89-LAEA, EPSG:3035), for want of a "
        "communes table; shares of area"),
    "corr.caption": (
        "Correspondance entre les {source} et les {target} — {pack} ; {method} ; établie le {date}.",
        "Correspondence between {source} and {target} — {pack}; {method}; made on {date}."),
    "corr.sources": ("Sources : {sources}.", "Sources: {sources}."),
    "corr.sheet": ("Correspondance", "Correspondence"),
    "corr.col.code": ("Code ({zoning})", "Code ({zoning})"),
    "corr.col.name": ("Nom ({zoning})", "Name ({zoning})"),
    "corr.col.population_common": ("Population en commun", "Population in common"),
    "corr.col.share_of_a": ("Part de la population de la zone ({source}) dans la zone ({target})",
                            "Share of the population of the zone ({source}) in the zone ({target})"),
    "corr.col.share_of_b": ("Part de la population de la zone ({target}) dans la zone ({source})",
                            "Share of the population of the zone ({target}) in the zone ({source})"),
    "corr.col.area_share_of_a": ("Part de la surface de la zone ({source}) dans la zone ({target})",
                                 "Share of the area of the zone ({source}) in the zone ({target})"),
    "corr.col.area_share_of_b": ("Part de la surface de la zone ({target}) dans la zone ({source})",
                                 "Share of the area of the zone ({target}) in the zone ({source})"),
    "corr.col.communes_common": ("Communes en commun", "Communes in common"),
    "corr.col.population_zone": ("Population de la zone ({zoning})", "Population of the zone ({zoning})"),
    "corr.col.area_common": ("Surface en commun (km²)", "Area in common (km²)"),
    "corr.population_estimated": (
        "Population en commun estimée : population de la zone de départ × part de sa surface.",
        "Population in common estimated: population of the from-zone × share of its area."),
}
