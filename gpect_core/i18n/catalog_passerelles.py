"""Strings of the « Passerelles » page (career bridges between occupations) and of its chart."""

STRINGS = {
    "nav.passerelles": ("Passerelles", "Career bridges"),
    "passerelles.title": ("Passerelles entre métiers", "Career bridges between occupations"),
    "passerelles.intro": (
        "Partez d'un métier fragilisé et voyez les métiers vers lesquels on peut évoluer, classés par ce que le "
        "territoire offre : projets de recrutement, tension, besoins des entreprises, avec les compétences à "
        "acquérir et les formations locales qui y préparent.",
        "Start from a weakened occupation and see the occupations one can move to, ranked by what the territory "
        "offers: hiring projects, tension, firms' needs, with the skills to acquire and the local training that "
        "prepares for them."),
    "passerelles.none": (
        "Ce pack n'a ni mobilités ni compétences du ROME 4.0 : aucune passerelle ne peut être calculée. "
        "Reconstruisez le pack avec les fichiers du ROME (rubrique mobilité, cohérence métier–item, compétences).",
        "This pack has neither ROME 4.0 mobilities nor skills: no career bridge can be computed. Rebuild the pack "
        "with the ROME files (mobility section, occupation–item links, skills)."),
    "passerelles.start": ("Partir de", "Start from"),
    "passerelles.start.fragile": ("un métier fragilisé de la sélection", "a weakened occupation of the selection"),
    "passerelles.start.any": ("n'importe quel métier", "any occupation"),
    "passerelles.origin": ("Métier de départ", "Starting occupation"),
    "passerelles.and": ("et", "and"),
    "passerelles.fragile.title": ("Métiers fragilisés de la sélection", "Weakened occupations of the selection"),
    "passerelles.fragile.none": (
        "Aucun métier de la sélection ne montre de signe de fragilité selon la règle ci-dessous.",
        "No occupation of the selection shows a sign of weakness by the rule below."),
    "passerelles.fragile.rule": (
        "Règle : un métier est fragilisé s'il montre au moins un signe — projets de recrutement (chiffres "
        "fiables des deux années, jamais un secret lu comme 0) en baisse d'au moins {fall} entre {years}, au moins "
        "{ratio} demandeurs d'emploi par offre, une classe de tension de {low} ou moins (sur 5), ou des emplois "
        "déclarés fragiles par les entreprises. Un métier en forte tension (classe {high} ou plus) n'est pas listé "
        "sur ses seuls chiffres (les employeurs y manquent de bras), mais des emplois déclarés fragiles par des "
        "entreprises le sont toujours, leur tension indiquée à côté. Classés par nombre de signes, puis "
        "demandeurs par offre.",
        "Rule: an occupation is weakened when it shows at least one sign — hiring projects (reliable figures "
        "both years, never a secret read as 0) down by at least {fall} between {years}, at least {ratio} "
        "jobseekers per offer, a tension class of {low} or less (out of 5), or jobs declared fragile by firms. An "
        "occupation in high tension (class {high} or more) is not listed on its figures alone (employers lack "
        "hands for it), but jobs firms declared fragile always are, with their tension beside them. Ranked by "
        "number of signs, then jobseekers per offer."),
    "passerelles.fragile.no_trend": (
        "la première et la dernière année d'une même nomenclature (une seule année disponible ici : critère non "
        "appliqué)",
        "the first and last year of one nomenclature (a single year here: sign not applied)"),
    "passerelles.fragile.firms": (
        "Déclarés fragiles par les entreprises : réponses à l'enquête marquées « emploi fragilisé » et liste des "
        "entreprises aux emplois fragilisés de la page « Rapprochement d'entreprises », comptées sur les "
        "communes de la sélection.",
        "Declared fragile by firms: survey answers flagged « fragile job » and the list of firms with fragile "
        "jobs of the « Firm-to-firm pairing » page, counted on the communes of the selection."),
    "passerelles.targets.title": ("Passerelles depuis {label}", "Career bridges from {label}"),
    "passerelles.targets.none": ("Aucune passerelle connue depuis ce métier.",
                                 "No known career bridge from this occupation."),
    "passerelles.targets.rule": (
        "Classement : les métiers cibles aux chiffres fiables sont classés par ouvertures locales (projets de "
        "recrutement + besoins déclarés à l'enquête), puis classe de tension, puis score de proximité ; les cibles "
        "aux chiffres fragiles (⚠ : peu de projets, secret statistique, ou aucun chiffre) viennent après, sans "
        "rang — aucune case secrète n'est lue comme 0.",
        "Ranking: target occupations with reliable figures are ranked by local openings (hiring projects + needs "
        "declared in the survey), then tension class, then closeness score; targets with fragile figures (⚠: few "
        "projects, statistical secret, or no figure) come after, unranked — no secret cell is read as 0."),
    "passerelles.targets.shown": ("Le schéma montre les {n} premières cibles sur {total}.",
                                  "The diagram shows the first {n} targets of {total}."),
    "passerelles.crosswalk": (
        "Projets de recrutement BMO {year} lus en {system} : un métier ROME y prend les projets des familles "
        "{system} auxquelles la table de passage du pack le rattache (partagés avec les autres métiers de ces "
        "familles).",
        "BMO {year} hiring projects read in {system}: a ROME occupation takes the projects of the {system} "
        "families the pack's crosswalk links it to (shared with the other occupations of those families)."),
    "passerelles.per_offer.nested": (
        "Demandeurs par offre : offres et demandeurs d'emploi de France Travail {year}, par {zoning} (codes ROME), "
        "sommés sur les {zones} zones de ce zonage comprises dans la sélection (les tensions lues sur la sélection "
        "elle-même n'en publient pas) ; pour chaque métier, seules les zones où il est publié comptent, dans les "
        "deux sommes — aucune zone non publiée n'est lue comme 0.",
        "Jobseekers per offer: France Travail {year} offers and jobseekers, by {zoning} (ROME codes), summed over "
        "the {zones} zones of that zoning lying in the selection (the tension read on the selection itself "
        "publishes none); for each occupation only the zones where it is published count, in both sums — no "
        "unpublished zone is read as 0."),
    "passerelles.per_offer.missing.nested": (
        "« Demandeurs par offre » est vide pour cette sélection : les tensions lues sur son zonage ne publient ni "
        "offres ni demandeurs d'emploi, et aucune zone d'un zonage qui les publie (bassins BMO) n'est comprise "
        "dans la sélection. Choisissez des bassins BMO ou un territoire plus large pour les voir.",
        "“Jobseekers per offer” is empty for this selection: the tension read on its zoning publishes neither "
        "offers nor jobseekers, and no zone of a zoning that publishes them (BMO basins) lies in the selection. "
        "Pick BMO basins or a larger territory to see them."),
    "passerelles.per_offer.missing.none": (
        "« Demandeurs par offre » est vide : les tensions du pack ne publient ni offres ni demandeurs d'emploi "
        "(fichier France Travail des tensions par bassin absent).",
        "“Jobseekers per offer” is empty: the pack's tension publishes neither offers nor jobseekers (France "
        "Travail's tension file by basin is missing)."),
    "passerelles.unused_years": (
        "Les projets BMO {years} ne sont pas utilisés pour classer : ils sont codés en {systems}, et le pack n'a "
        "pas de table de passage {systems} → ROME (aucune n'est publiée à ce jour) ; le classement lit donc BMO "
        "{year}, la dernière édition reliée au ROME.",
        "BMO {years} hiring projects are not used for the ranking: they are coded in {systems}, and the pack has "
        "no {systems} → ROME crosswalk (none is published to date); the ranking therefore reads BMO {year}, the "
        "latest edition linked to ROME."),
    "passerelles.year": ("Projets de recrutement BMO {year}.", "BMO {year} hiring projects."),
    "passerelles.detail": ("Détail d'une cible", "Details of a target"),
    "passerelles.detail.target": ("Métier cible", "Target occupation"),
    "passerelles.skills.title": ("Compétences et savoirs à acquérir ({n})", "Skills and knowledge to acquire ({n})"),
    "passerelles.skills.none": ("Aucune : le métier de départ a déjà tous les savoir-faire et savoirs de cœur du "
                                "métier cible, ou le pack n'a pas les compétences du ROME.",
                                "None: the starting occupation already has every core skill and knowledge of "
                                "the target, or the pack lacks the ROME skills."),
    "passerelles.training.title": ("Formations de la sélection qui y préparent ({n})",
                                   "Training in the selection that prepares for it ({n})"),
    "passerelles.training.none": ("Aucune formation de la sélection n'est rattachée à ce métier.",
                                  "No training in the selection is linked to this occupation."),
    "passerelles.method": ("Méthode", "Method"),
    "passerelles.method.text": (
        "**Passerelles** : toutes les mobilités du ROME 4.0 (France Travail, « métiers proches / si évolution » ; "
        "le fichier v460 ne dit pas lequel des deux, d'où le type « mobilité ROME »), et, pour chaque métier, les "
        "{k} métiers les plus proches par les compétences dont le score atteint {min}.\n\n"
        "**Score de proximité** (0 à 1) : indice de Jaccard pondéré des savoir-faire et savoirs des deux fiches "
        "ROME, Σ min(a, b) / Σ max(a, b), un élément comptant 1 s'il est de cœur de métier et ½ sinon (savoir-être "
        "exclus). 1 : les mêmes éléments, 0 : rien en commun.\n\n"
        "**Compétences à acquérir** : les savoir-faire et savoirs de cœur du métier cible que la fiche du métier "
        "de départ ne contient pas du tout.\n\n"
        "**Formations** : formations de la sélection (table des formations du pack, dernière année) dont les "
        "codes ROME (Certif Info) comprennent le métier cible.",
        "**Career bridges**: every ROME 4.0 mobility (France Travail, « close occupations / if evolving »; the v460 "
        "file does not say which, hence the type « ROME mobility »), and, for each occupation, the {k} occupations "
        "closest by skills whose score reaches {min}.\n\n"
        "**Closeness score** (0 to 1): weighted Jaccard index of the skills and knowledge of the two ROME sheets, "
        "Σ min(a, b) / Σ max(a, b), an item counting 1 when core to the occupation and ½ otherwise (soft skills "
        "left out). 1: the same items, 0: nothing in common.\n\n"
        "**Skills to acquire**: the target's core skills and knowledge that the starting occupation's sheet does "
        "not contain at all.\n\n"
        "**Training**: programmes of the selection (the pack's training table, latest year) whose ROME codes "
        "(Certif Info) include the target."),
    "bridges.kind.close": ("métier proche", "close occupation"),
    "bridges.kind.evolution": ("si évolution", "if evolving"),
    "bridges.kind.mobility": ("mobilité ROME", "ROME mobility"),
    "bridges.kind.skills": ("compétences proches", "similar skills"),
    "bridges.reason.few": ("peu de projets", "few projects"),
    "bridges.reason.secret": ("secret statistique", "statistical secret"),
    "bridges.reason.unknown": ("part difficile inconnue", "unknown difficult share"),
    "bridges.reason.none": ("aucun chiffre", "no figure"),
    "bridges.col.target": ("Métier cible", "Target occupation"),
    "bridges.col.kind": ("Type de passerelle", "Bridge type"),
    "bridges.col.score": ("Score de proximité", "Closeness score"),
    "bridges.col.needs": ("Besoins (enquête)", "Needs (survey)"),
    "bridges.col.openings": ("Ouvertures locales", "Local openings"),
    "bridges.col.jobseekers_per_offer": ("Demandeurs par offre", "Jobseekers per offer"),
    "bridges.col.reason": ("Raison", "Reason"),
    "bridges.col.to_acquire": ("Compétences à acquérir", "Skills to acquire"),
    "bridges.col.skills": ("Lesquelles", "Which ones"),
    "bridges.col.trainings": ("Formations locales", "Local training"),
    "bridges.col.signals": ("Signes", "Signs"),
    "bridges.col.reasons": ("Signes relevés", "Signs found"),
    "bridges.col.declared": ("Personnes déclarées (entreprises)", "People declared (firms)"),
    "bridges.sign.falling": ("projets en baisse", "falling projects"),
    "bridges.sign.many": ("{ratio} demandeurs par offre", "{ratio} jobseekers per offer"),
    "bridges.sign.low": ("tension faible ({cls} sur 5)", "low tension ({cls} out of 5)"),
    "bridges.sign.declared": ("déclaré fragile par {firms} entreprise(s) ({n} pers.)",
                              "declared fragile by {firms} firm(s) ({n} people)"),
    "bridges.sign.declared_high": ("déclaré fragile par {firms} entreprise(s) ({n} pers.), malgré une forte "
                                   "tension ({cls} sur 5)",
                                   "declared fragile by {firms} firm(s) ({n} people), despite high tension "
                                   "({cls} out of 5)"),
    "bridges.col.falling": ("Projets en baisse", "Falling projects"),
    "bridges.col.change": ("Évolution des projets", "Change in projects"),
    "bridges.col.title": ("Formation", "Programme"),
    "bridges.col.provider": ("Organisme", "Provider"),
    "bridges.col.provider_uai": ("Établissement (code UAI)", "School (UAI code)"),
    "bridges.col.level": ("Niveau", "Level"),
    "bridges.col.capacity": ("Capacité", "Capacity"),
    "bridges.col.departement": ("Département", "Département"),
    "passerelles.training.unknown_places": (
        "« – » en capacité : nombre de places inconnu (la source ne le donne pas, ou y met 999, valeur de "
        "remplissage et non un nombre de places).",
        "“–” as capacity: number of places unknown (the source does not give it, or puts 999 there, a filler and "
        "not a number of places)."),
    "bridges.col.training_zone": ("Zone", "Zone"),
    "passerelles.training.rule": (
        "Formations des zones retenues comme sur la page « Formations et besoins » : les zones de la sélection ; "
        "un département qui la contient ou qui porte au moins 1 % de la population de l'une de ses zones (un "
        "département qui n'en touche qu'une frange est laissé de côté).",
        "Training of the zones kept as on the “Training and needs” page: the selection's zones; a département "
        "that holds it or holds at least 1% of the population of one of its zones (a département touching only a "
        "sliver of it is left out)."),
    "bridges.col.skill": ("Compétence ou savoir", "Skill or knowledge"),
    "bridges.col.skill_kind": ("Nature", "Kind"),
    "bridges.skill_kind.competence": ("savoir-faire", "skill"),
    "bridges.skill_kind.savoir": ("savoir", "knowledge"),
    # column names of the `bridges` command's CSV (machine-friendly: no accents, no spaces)
    "bridges.csv.origin": ("code_rome_origine", "origin_rome_code"),
    "bridges.csv.rank": ("rang", "rank"),
    "bridges.csv.to_code": ("code_rome_cible", "target_rome_code"),
    "bridges.csv.label": ("metier_cible", "target_occupation"),
    "bridges.csv.kind": ("type_passerelle", "bridge_type"),
    "bridges.csv.score": ("score_proximite", "closeness_score"),
    "bridges.csv.projects": ("projets_recrutement", "hiring_projects"),
    "bridges.csv.difficult_share": ("part_difficiles", "difficult_share"),
    "bridges.csv.needs": ("besoins_enquete", "survey_needs"),
    "bridges.csv.openings": ("ouvertures", "openings"),
    "bridges.csv.tension_class": ("classe_tension", "tension_class"),
    "bridges.csv.jobseekers_per_offer": ("demandeurs_par_offre", "jobseekers_per_offer"),
    "bridges.csv.fragile": ("chiffre_fragile", "fragile_figure"),
    "bridges.csv.fragile_reason": ("raison_fragilite", "fragility_reason"),
    "bridges.csv.to_acquire": ("nb_competences_a_acquerir", "skills_to_acquire_count"),
    "bridges.csv.skills_to_acquire": ("competences_a_acquerir", "skills_to_acquire"),
    "bridges.csv.trainings": ("nb_formations_locales", "local_training_count"),
    "bridges.csv.training_titles": ("formations_locales", "local_training"),
    "bridges.col.figure_fragile": ("Chiffre de projets fragile", "Fragile projects figure"),
    # the `bridges` command (gpect_core/export/bridges_cli.py) and check_origin
    "bridges.error.no_table": (
        "Ce pack n'a pas de table des passerelles : reconstruisez-le avec les fichiers du ROME 4.0 (mobilités, "
        "compétences) pour les obtenir.",
        "This pack has no passerelles table: rebuild it with the ROME 4.0 files (mobilities, skills) to get them."),
    "bridges.error.unknown_code": ("Code ROME « {code} » inconnu du pack : donnez un code du ROME 4.0 comme H2913.",
                                   "ROME code “{code}” unknown to the pack: give a ROME 4.0 code such as H2913."),
    "bridges.cli.out_ext": ("La sortie « {path} » doit finir par .csv.", "The output “{path}” must end in .csv."),
    "bridges.cli.out_folder": ("Le dossier « {folder} » de la sortie n'existe pas.",
                               "The output folder “{folder}” does not exist."),
    "bridges.cli.zones_need_zoning": ("--zones demande --zoning (le zonage des codes donnés).",
                                      "--zones needs --zoning (the zoning of the codes given)."),
    "bridges.cli.done": ("{n} passerelles depuis {origin} écrites dans {out}.",
                         "{n} passerelles from {origin} written to {out}."),
    "bridges.cli.done.year": ("{n} passerelles depuis {origin} écrites dans {out} (projets de recrutement BMO "
                              "{year}).", "{n} passerelles from {origin} written to {out} (BMO hiring projects "
                                          "{year})."),
}
