"""Strings of the « Formations et besoins » page (training against needs) and its gaps rule."""

STRINGS = {
    "nav.section.act": ("Agir", "Act"),
    "nav.formations": ("Formations et besoins", "Training and needs"),
    "formations.title": ("Formations et besoins", "Training and needs"),
    "formations.empty": (
        "Aucun métier pour cette sélection : le pack n'a ni projets de recrutement, ni tension, ni besoins déclarés, "
        "ni formation pour ces zones. Choisissez d'autres zones ou un autre zonage dans le filtre.",
        "No occupation for this selection: the pack has no hiring projects, tension, declared needs or training for "
        "these zones. Choose other zones or another zoning in the filter."),
    "formations.no_training": (
        "Le pack n'a pas de données de formation pour cette sélection : les colonnes places, vœux et insertion "
        "restent vides, et les métiers en tension y sont comptés « sans formation locale ».",
        "The pack has no training data for this selection: the places, wishes and insertion columns stay empty, and "
        "shortage occupations count as « without local training »."),
    "formations.no_needs": (
        "Pas de besoins déclarés : le pack ne contient pas d'enquête entreprises pour cette sélection.",
        "No declared needs: the pack holds no company survey for this selection."),
    "formations.apart.note": (
        "Formations localisées au {where} seulement : {zones}. Le pack ne connaît ces formations que par {where} "
        "(pas la commune de l'établissement) : elles ne sont pas comptées dans la sélection, mais montrées à part "
        "(colonnes « … ({where} seulement) »), chaque {where} une fois. Les ratios rapportent leurs places aux "
        "projets de recrutement de ces mêmes {where}s.",
        "Training located by {where} only: {zones}. The pack knows this training only by {where} (not the "
        "establishment's municipality): it is not counted in the selection but shown apart (columns « … ({where} "
        "only) »), each {where} once. The ratios compare its places with the hiring projects of those same "
        "{where}s."),
    "formations.apart.note_partial": (
        "Formations localisées au {where} seulement, montrées à part sans être comptées dans la sélection : {zones}.",
        "Training located by {where} only, shown apart and not counted in the selection: {zones}."),
    "formations.apart.where.DEP": ("département", "département"),
    "formations.apart.where.REG": ("région", "région"),
    "formations.apart.suffix": ("({where} seulement)", "({where} only)"),
    "formations.col.apart_programmes": ("Formations ({where} seulement)", "Programmes ({where} only)"),
    "formations.col.apart_places": ("Places ({where} seulement)", "Places ({where} only)"),
    "formations.col.apart_wishes": ("Vœux / candidats ({where} seulement)", "Wishes / candidates ({where} only)"),
    "formations.col.apart_employment_rate": ("Taux d'emploi à 12 mois ({where} seulement)",
                                             "Employment rate at 12 months ({where} only)"),
    "formations.col.bmo_family": ("Famille BMO", "BMO family"),
    "formations.col.family_name": ("Famille professionnelle", "Occupational family"),
    "formations.col.rome_codes": ("Codes ROME de la famille", "ROME codes of the family"),
    "formations.tab.families": ("Familles BMO", "BMO families"),
    "formations.families.title": ("Projets de recrutement et formations par famille BMO",
                                  "Hiring projects and training by BMO family"),
    "formations.families.help": (
        "Les projets de recrutement publiés par famille professionnelle (FAP) sont donnés ici, une fois par "
        "famille ; le tableau par métier n'en répète aucun. La somme des projets de ce tableau et de ceux du "
        "tableau par métier est le total de la sélection. Les formations d'une famille comptent chacune une fois.",
        "Hiring projects published by occupational family (FAP) are given here, once per family; the table by "
        "occupation repeats none of them. The projects of this table plus those of the table by occupation make "
        "the selection's total. Each programme of a family counts once."),
    "formations.read_inside": ("Formations lues sur {n} zone(s) ({zoning}) situées dans la sélection.",
                               "Training read on {n} zone(s) ({zoning}) lying inside the selection."),
    "formations.family": ("Famille de métiers", "Occupation family"),
    "formations.family.all": ("Toutes les familles", "All families"),
    "formations.view": ("Vue", "View"),
    "formations.tab.table": ("Tableau par métier", "Table by occupation"),
    "formations.tab.gaps": ("Écarts", "Gaps"),
    "formations.tab.map": ("Carte", "Map"),
    "formations.metric.programmes": ("Formations", "Programmes"),
    "formations.metric.places": ("Places", "Places"),
    "formations.metric.wishes": ("Vœux / candidats", "Wishes / candidates"),
    "formations.metric.projects": ("Projets de recrutement", "Hiring projects"),
    "formations.metric.help": (
        "Totaux sans double compte : une formation qui prépare plusieurs métiers compte une fois, les projets d'une "
        "famille FAP partagée par plusieurs codes ROME comptent une fois.",
        "Totals without double counting: a programme preparing several occupations counts once, the projects of a "
        "FAP family shared by several ROME codes count once."),
    "formations.table.title": ("Formations et besoins par métier", "Training and needs by occupation"),
    "formations.table.cut": (
        "{shown} métiers sur {total} : les premiers par projets de recrutement et tous ceux qui ont des besoins "
        "déclarés ; les téléchargements CSV et Excel contiennent tous les métiers. Le filtre de famille resserre la "
        "liste.",
        "{shown} occupations of {total}: the first by hiring projects and every one with declared needs; the CSV "
        "and Excel downloads hold every occupation. The family filter narrows the list."),
    "formations.link.title": ("Comment les formations sont reliées aux métiers", "How training is linked to occupations"),
    "formations.link.text": (
        "Le lien est plusieurs-à-plusieurs : une certification prépare plusieurs métiers, un métier est préparé par "
        "plusieurs certifications.\n\n"
        "- **Codes ROME de Certif Info** : chaque formation porte les codes ROME de sa certification (Certif Info, "
        "Réseau Carif-Oref / Onisep) ;\n"
        "- **Code formation de la BCN** : une formation sans code ROME reçoit ceux des certifications Certif Info de "
        "son diplôme (code formation diplôme de la Base centrale des nomenclatures) ;\n"
        "- **Table de passage FAP–ROME** (DARES) : les projets BMO publiés par famille professionnelle (FAP) "
        "restent ceux de la famille, jamais découpés ni répétés : ils sont dans la vue « Familles BMO », et la "
        "ligne de chacun de ses codes ROME nomme la famille (colonne « Famille BMO »).\n\n"
        "Une formation reliée à deux métiers figure sur la ligne de chacun, mais une seule fois dans chaque total "
        "(dédoublonnage par formation, voir ci-dessous). Les ratios d'un métier portent sur sa famille BMO : les places "
        "de toutes les formations menant à l'un de ses codes ROME, chacune une fois, pour les projets de la famille. "
        "Chaque formation est prise à sa dernière valeur publiée, mesure par mesure.\n\n"
        "**Une formation = un diplôme dans un établissement** (code UAI et code diplôme de la BCN, à défaut code "
        "MEF) : les lignes des fichiers qui la décrivent sont fusionnées en une seule formation — offres Affelnet "
        "d'entrée en 2de et en 1re, offres sous statut scolaire et en apprentissage, rentrées successives, élèves du "
        "constat de rentrée. Ses places et vœux sont ceux de l'offre d'entrée (la première année du cycle) à sa "
        "dernière rentrée publiée, scolaire et apprentissage additionnés ; ses élèves sont ceux du constat (toutes "
        "les années du cycle) ; jamais une place n'est comptée deux fois.",
        "The link is many-to-many: a certification prepares several occupations, an occupation is prepared by "
        "several certifications.\n\n"
        "- **Certif Info ROME codes**: each programme carries the ROME codes of its certification (Certif Info, "
        "Carif-Oref network / Onisep);\n"
        "- **BCN training code**: a programme without a ROME code gets those of the Certif Info certifications of its "
        "diploma (diploma code of the Base centrale des nomenclatures);\n"
        "- **FAP–ROME crosswalk** (DARES): BMO projects published by occupational family (FAP) stay the family's, "
        "never split nor repeated: they are in the « BMO families » view, and the row of each of its ROME codes "
        "names the family (column « BMO family »).\n\n"
        "A programme linked to two occupations appears on the row of each, but only once in every total "
        "(de-duplicated by programme, see below). An occupation's ratios are read on its BMO family: the places of every "
        "programme leading to one of its ROME codes, each once, for the family's projects. Each programme is taken "
        "at its latest published value, measure by measure.\n\n"
        "**A programme = one diploma in one establishment** (UAI code and BCN diploma code, else MEF code): the "
        "file rows describing it are merged into one programme — Affelnet offers at the 2nde and 1re entries, "
        "school-based and apprenticeship offers, successive intakes, pupils of the constat de rentrée. Its places "
        "and wishes are those of the entry offer (first year of the cycle) at its latest published intake, "
        "school-based and apprenticeship added; its pupils are those of the constat (every year of the cycle); a "
        "place is never counted twice."),
    "formations.sources": (
        "Sources : projets de recrutement {bmo} ; tension {tension} ; besoins déclarés {needs} ; places et vœux "
        "{training} ; insertion à 12 mois {insertion}.",
        "Sources: hiring projects {bmo}; tension {tension}; declared needs {needs}; places and wishes {training}; "
        "employment at 12 months {insertion}."),
    "formations.bmo_year.note": (
        "Projets de recrutement : BMO {year}, la dernière édition dont les métiers ({system}) sont reliés aux codes "
        "ROME par une table de passage du pack ; les éditions {later} ({later_systems}) n'en ont pas encore, elles "
        "ne sont pas utilisées ici.",
        "Hiring projects: BMO {year}, the latest edition whose occupations ({system}) are linked to ROME codes by a "
        "crosswalk of the pack; the {later} editions ({later_systems}) have none yet and are not used here."),
    "formations.source.survey": ("enquête entreprises du comité", "the committee's company survey"),
    "formations.source.none": ("absent du pack", "not in the pack"),
    "formations.fragile_note": (
        "⚠ Chiffre BMO fragile : moins de {n} projets publiés, part difficile inconnue, ou au moins la moitié des "
        "lignes sous secret statistique. Un métier dont les projets sont publiés par famille FAP nomme sa famille "
        "(colonne « Famille BMO ») : ses chiffres sont dans la vue « Familles BMO ».",
        "⚠ Fragile BMO figure: fewer than {n} published projects, unknown difficult share, or at least half the "
        "rows under statistical secret. An occupation whose projects are published by FAP family names its "
        "family (column « BMO family »): its figures are in the « BMO families » view."),
    "formations.col.code": ("Code ROME", "ROME code"),
    "formations.col.label": ("Métier", "Occupation"),
    "formations.col.family": ("Famille", "Family"),
    "formations.col.fap": ("FAP", "FAP"),
    "formations.col.projects": ("Projets BMO", "BMO projects"),
    "formations.col.difficult_share": ("Part difficile", "Share difficult"),
    "formations.col.family_projects": ("Projets de la famille BMO", "Projects of the BMO family"),
    "formations.col.reliability": ("Fiabilité", "Reliability"),
    "formations.col.tension_class": ("Classe de tension", "Tension class"),
    "formations.col.needs_total": ("Besoins déclarés", "Declared needs"),
    "formations.col.needs_6m": ("Besoins < 6 mois", "Needs < 6 months"),
    "formations.col.needs_1y": ("Besoins à 1 an", "Needs within 1 year"),
    "formations.col.needs_3y": ("Besoins à 3 ans", "Needs within 3 years"),
    "formations.col.programmes": ("Formations", "Programmes"),
    "formations.col.places": ("Places", "Places"),
    "formations.col.wishes": ("Vœux / candidats", "Wishes / candidates"),
    "formations.col.enrolled": ("Inscrits", "Enrolled"),
    "formations.col.graduates": ("Diplômés", "Graduates"),
    "formations.col.employment_rate": ("Taux d'emploi à 12 mois", "Employment rate at 12 months"),
    "formations.col.places_per_100": ("Places pour 100 projets du métier ou de sa famille BMO",
                                      "Places per 100 projects of the occupation or its BMO family"),
    "formations.col.family_places_per_100": ("Places pour 100 projets de la famille",
                                             "Places per 100 projects of the family"),
    "formations.col.zone_places_per_100": ("Places pour 100 projets", "Places per 100 projects"),
    "formations.col.wishes_per_place": ("Vœux par place", "Wishes per place"),
    "formations.col.graduates_per_100": ("Diplômés pour 100 projets du métier ou de sa famille BMO",
                                         "Graduates per 100 projects of the occupation or its BMO family"),
    "formations.col.training_years": ("Millésime formation", "Training vintage"),
    "formations.col.bmo_year": ("Millésime BMO", "BMO vintage"),
    "formations.col.gap": ("Écart", "Gap"),
    "formations.reliability.secret": ("⚠ secret", "⚠ secret"),
    "formations.reliability.few": ("⚠ peu de projets", "⚠ few projects"),
    "formations.reliability.unknown": ("⚠ part inconnue", "⚠ unknown share"),
    "formations.gap.shortage_no_training": ("Pénurie sans formation locale", "Shortage without local training"),
    "formations.gap.weak_insertion_few_needs": ("Formation peu insérante et peu de besoins",
                                                "Weak insertion and few local needs"),
    "formations.gap.well_covered": ("Bien couvert", "Well covered"),
    "formations.gap.other": ("Autre situation", "Other situation"),
    "formations.gap.insufficient": ("Données insuffisantes", "Insufficient data"),
    "formations.gaps.rule_title": ("La règle", "The rule"),
    "formations.gaps.rule": (
        "- **En pénurie** : classe de tension ≥ {tension} sur 5, ou part des projets jugés difficiles ≥ "
        "{difficult} (chiffre BMO non fragile).\n"
        "- **Pénurie sans formation locale** : en pénurie, et aucune formation menant au métier ou moins de {low} "
        "places pour 100 projets de recrutement.\n"
        "- **Formation peu insérante et peu de besoins** : hors pénurie, des formations dont le taux d'emploi à "
        "12 mois est inférieur à {weak}, alors que le territoire a moins de {few} projets, une classe de tension ≤ "
        "{low_tension} (ou inconnue) et aucun besoin déclaré.\n"
        "- **Bien couvert** : au moins une formation menant au métier, au moins {covered} places pour 100 projets et "
        "un taux d'emploi qui n'est pas faible.\n"
        "- **Données insuffisantes** : ni projets, ni tension, ni besoin déclaré, ni formation (ou un chiffre BMO "
        "fragile seul). Les autres métiers sont en « autre situation ».\n\n"
        "Chaque ligne montre les chiffres qui la classent. Pour un métier dont les projets sont publiés par famille "
        "professionnelle (colonne « Famille BMO »), la part difficile et les places pour 100 projets sont celles de "
        "la famille : places de toutes les formations menant à l'un de ses métiers pour 100 projets de la famille. "
        "Quand les formations ne sont connues qu'au département, ce sont celles du département qui comptent "
        "(colonnes « département seulement »), rapportées aux projets du département.",
        "- **In shortage**: tension class ≥ {tension} out of 5, or share of hiring projects judged difficult ≥ "
        "{difficult} (BMO figure not fragile).\n"
        "- **Shortage without local training**: in shortage, and no programme leading to the occupation or fewer "
        "than {low} places per 100 hiring projects.\n"
        "- **Weak insertion and few local needs**: not in shortage, programmes whose employment rate at 12 months "
        "is under {weak}, while the territory has fewer than {few} projects, a tension class ≤ {low_tension} (or "
        "unknown) and no declared need.\n"
        "- **Well covered**: at least one programme leading to the occupation, at least {covered} places per 100 "
        "projects and an employment rate that is not weak.\n"
        "- **Insufficient data**: no projects, tension, declared need or programme (or only a fragile BMO figure). "
        "Every other occupation is an « other situation ».\n\n"
        "Each row shows the figures that class it. For an occupation whose projects are published by occupational "
        "family (column « BMO family »), the share difficult and the places per 100 projects are the family's: "
        "places of every programme leading to one of its occupations per 100 projects of the family. When training "
        "is known by département only, the département's programmes count (columns « département only »), against "
        "the département's projects."),
    "formations.gaps.counts": ("Métiers par situation", "Occupations by situation"),
    "formations.gaps.class": ("Situation", "Situation"),
    "formations.gaps.chart_title": ("Pénuries sans formation locale : projets et places",
                                    "Shortages without local training: projects and places"),
    "formations.gaps.none": ("Aucune pénurie sans formation locale dans cette sélection.",
                             "No shortage without local training in this selection."),
    "formations.gaps.table_title": ("Métiers en situation « {gap} »", "Occupations in situation « {gap} »"),
    "formations.chart.projects": ("Projets de recrutement", "Hiring projects"),
    "formations.chart.places": ("Places de formation", "Training places"),
    "formations.chart.subtitle": ("{selection} — places et projets de : {zones}",
                                  "{selection} — places and projects of: {zones}"),
    "formations.chart.measure": ("Mesure", "Measure"),
    "formations.chart.value": ("Nombre", "Number"),
    "formations.map.pick": ("Métier ou famille à cartographier", "Occupation or family to map"),
    "formations.map.family": ("Famille {label}", "Family {label}"),
    "formations.map.help": (
        "Places de formation pour 100 projets de recrutement, par zone ; cliquez une zone pour la sélectionner.",
        "Training places per 100 hiring projects, by zone; click a zone to select it."),
    "formations.needs_rolled_up": (
        "Besoins déclarés sur une fiche ROME 4.0 déclinée comptés sur sa fiche mère, qui seule porte projets de "
        "recrutement, tension et formations : {pairs}.",
        "Needs declared on a ROME 4.0 sub-fiche counted on its parent fiche, the only one with hiring projects, "
        "tension and training: {pairs}."),
    "formations.map.help_info": (
        "Places de formation pour 100 projets de recrutement, par {zoning} ; les {zoning} sont montrés pour "
        "information : cliquer sur la carte ne change pas la sélection.",
        "Training places per 100 hiring projects, by {zoning}; the {zoning} are shown for information: clicking the "
        "map does not change the selection."),
    "formations.map.col.zone": ("Zone ({zoning})", "Zone ({zoning})"),
    "formations.map.col.zone_id": ("Code de la zone", "Zone code"),
    "formations.map.legend": ("Places pour 100 projets — {label}", "Places per 100 projects — {label}"),
    "formations.map.no_data": ("Pas de projets ou pas de données", "No projects or no data"),
    "formations.map.tooltip": ("Places pour 100 projets", "Places per 100 projects"),
    "formations.map.tooltip_places": ("Places / projets", "Places / projects"),
    "formations.map.coarse": (
        "Les formations ne sont connues que par {zoning} : une zone ne reçoit que les places des zones de ce zonage "
        "situées en elle, jamais celles d'une zone qu'elle ne fait que toucher (ailleurs : pas de données). "
        "Choisissez ce zonage dans le filtre pour voir la couverture.",
        "Training is known by {zoning} only: a zone gets only the places of the zones of that zoning lying in it, "
        "never those of a zone it merely touches (elsewhere: no data). Choose that zoning in the filter to see the "
        "coverage."),
    "formations.map.by_training_zoning": (
        "Les formations ne sont connues qu'à l'échelle des {zoning} : leurs fichiers (Affelnet, Parcoursup, constat "
        "de rentrée) donnent l'établissement (code UAI, dont on tire le département), jamais sa commune. La carte "
        "montre donc les {zoning} ; {n} formations menant à ce choix dans les {zoning} de la sélection n'ont pu être "
        "placées dans ses {selection}.",
        "Training is known at the level of {zoning} only: its files (Affelnet, Parcoursup, constat de rentrée) give "
        "the establishment (UAI code, from which the département is read), never its commune. The map therefore "
        "shows the {zoning}; {n} programmes leading to this choice in the selection's {zoning} could not be placed "
        "in its {selection}."),
    "formations.map.tooltip_programmes": ("Formations", "Programmes"),
    "formations.map.title": ("Couverture par zone", "Coverage by zone"),
    "synthese.needs.title": ("Besoins déclarés par les entreprises", "Needs declared by firms"),
    "synthese.needs.uncoded": (
        "Dont {n} réponse(s) sans code métier : comptées dans les réponses et les recrutements envisagés, pas dans "
        "les premiers métiers (à coder dans la file de revue de l'onglet « Enquête entreprises » de « Données »).",
        "Of which {n} answer(s) without an occupation code: counted in the answers and planned hires, not in the top "
        "occupations (to code in the review queue of the « Company survey » tab of « Data »)."),
    "synthese.needs.line_other": (
        "{answers} réponses à l'enquête entreprises ({period}) : {total} recrutements envisagés, dont {m6} à moins "
        "de 6 mois, {y1} à 1 an, {y3} à 3 ans et {other} sans horizon reconnu (vide ou non compris à l'import). "
        "Premiers métiers : {top}.",
        "{answers} answers to the company survey ({period}): {total} planned hires, of which {m6} within 6 months, "
        "{y1} within 1 year, {y3} within 3 years and {other} with no horizon understood (blank or not understood at "
        "import). Top occupations: {top}."),
    "synthese.needs.line": (
        "{answers} réponses à l'enquête entreprises ({period}) : {total} recrutements envisagés, dont {m6} à moins "
        "de 6 mois, {y1} à 1 an et {y3} à 3 ans. Premiers métiers : {top}.",
        "{answers} answers to the company survey ({period}): {total} planned hires, of which {m6} within 6 months, "
        "{y1} within 1 year and {y3} within 3 years. Top occupations: {top}."),
}
STRINGS.update({
    "formations.col.shared_programmes": ("Formations partagées avec d'autres métiers du tableau",
                                         "Programmes shared with other occupations of the table"),
    "formations.col.shared_with": ("Nombre d'autres métiers du tableau préparés par ces formations",
                                   "Number of other occupations of the table these programmes prepare"),
    "formations.export.total": ("Total (sans double compte)", "Total (no double count)"),
    "formations.export.note": (
        "Une formation qui prépare plusieurs métiers figure sur la ligne de chacun (voir « Formations partagées "
        "avec d'autres métiers du tableau ») : n'additionnez pas les colonnes Formations, Places, Vœux, Inscrits, "
        "Diplômés. La dernière ligne « Total (sans double compte) » donne les totaux de la page : chaque formation "
        "une fois, chaque chiffre BMO une fois (projets des familles BMO partagées compris). Détail à additionner : "
        "l'export « une ligne par formation ».",
        "A programme that prepares several occupations is on the row of each (see “Programmes shared with other "
        "occupations of the table”): do not sum the Programmes, Places, Wishes, Enrolled, Graduates columns. The "
        "last row “Total (no double count)” gives the page's totals: each programme once, each BMO figure once "
        "(shared BMO families' projects included). Detail that can be summed: the “one row per programme” export."),
    "formations.families.note": (
        "Une formation peut préparer des métiers de plusieurs familles et figure alors dans chacune : n'additionnez "
        "pas les colonnes de formation. La dernière ligne « Total (sans double compte) » compte chaque formation, "
        "chaque famille et chaque réponse à l'enquête une fois.",
        "A programme may prepare occupations of several families and is then in each: do not sum the training "
        "columns. The last row “Total (no double count)” counts each programme, each family and each survey answer "
        "once."),
    "formations.table.shared_note": (
        "Une formation qui prépare plusieurs métiers figure sur la ligne de chacun ; les totaux en haut de page la "
        "comptent une fois. Les exports du tableau finissent par une ligne « Total (sans double compte) » ; l'export "
        "par formation (une ligne par formation, avec ses codes ROME) s'additionne.",
        "A programme that prepares several occupations is on the row of each; the totals at the top of the page "
        "count it once. The table's exports end with a “Total (no double count)” row; the export by programme (one "
        "row per programme, with its ROME codes) can be summed."),
    "formations.programmes.title": ("Formations menant aux métiers du tableau (une ligne par formation)",
                                    "Programmes leading to the occupations of the table (one row per programme)"),
    "formations.programmes.help": (
        "Les formations du tableau, une ligne par formation avec les codes ROME qu'elle prépare : chaque colonne "
        "s'additionne et donne les totaux de la page.",
        "The table's programmes, one row per programme with the ROME codes it prepares: every column can be summed "
        "and gives the page's totals."),
    "formations.programmes.note": (
        "Une ligne par formation, avec les codes ROME du tableau qu'elle prépare : chaque colonne s'additionne (la "
        "somme des places est celle de la page).",
        "One row per programme, with the ROME codes of the table it prepares: every column can be summed (the sum "
        "of places is the page's)."),
    "formations.prog.id": ("Identifiant formation", "Programme ID"),
    "formations.prog.title": ("Intitulé", "Title"),
    "formations.prog.provider": ("Établissement", "Provider"),
    "formations.prog.level": ("Niveau", "Level"),
    "formations.prog.zone": ("Zone", "Zone"),
    "formations.prog.zone_id": ("Code zone", "Zone code"),
    "formations.prog.rome_codes": ("Codes ROME du tableau", "ROME codes of the table"),
    "formations.prog.rome_count": ("Nombre de métiers du tableau", "Number of occupations of the table"),
})
