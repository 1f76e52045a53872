"""Strings of the « Enquête entreprises » section of the « Données » page (company survey import)."""

STRINGS = {
    "donnees.tab.survey": ("Enquête entreprises", "Company survey"),
    "survey.intro": (
        "Importez l'export de votre enquête auprès des entreprises (XLSX ou CSV d'un outil de formulaire : une "
        "question par colonne). Les colonnes de données personnelles (noms, e-mails, téléphones des répondants) "
        "sont écartées à la lecture et jamais enregistrées. Les intitulés de postes sont rapprochés du ROME 4.0 "
        "hors ligne ; ceux qui restent incertains vont dans la file de revue.",
        "Import the export of your company survey (XLSX or CSV from a form tool: one question per column). "
        "Personal-data columns (names, e-mails, phone numbers of respondents) are dropped when the file is read "
        "and never stored. Job titles are matched to ROME 4.0 offline; uncertain ones go to the review queue."),
    "survey.upload": ("Export de l'enquête (XLSX ou CSV)", "Survey export (XLSX or CSV)"),
    "survey.nothing": ("Aucun export d'enquête chargé.", "No survey export loaded."),
    "survey.dropped": ("Données personnelles écartées, jamais enregistrées : {columns}.",
                       "Personal data dropped, never stored: {columns}."),
    "survey.mapping.header": ("Correspondance des questions", "Question mapping"),
    "survey.mapping.profile": ("Profil d'enquête retrouvé : même jeu de questions qu'un import précédent.",
                               "Survey profile found: same set of questions as a previous import."),
    "survey.mapping.guessed": ("Correspondance devinée d'après l'intitulé des questions : vérifiez-la.",
                               "Mapping guessed from the wording of the questions: check it."),
    "survey.mapping.none": ("— aucune —", "— none —"),
    "survey.mapping.missing": ("À choisir encore : {fields}.", "Still to choose: {fields}."),
    "survey.mapping.same_column": ("Une même colonne pour deux champs : {columns}.",
                                   "One column for two fields: {columns}."),
    "survey.field.headcount": ("Nombre de personnes recherchées", "Number of people sought"),
    "survey.field.title": ("Poste recherché (texte libre)", "Job sought (free text)"),
    "survey.field.firm": ("Entreprise", "Firm"),
    "survey.field.commune": ("Commune (code INSEE ou nom)", "Municipality (INSEE code or name)"),
    "survey.field.zone": ("Bassin ou zone", "Basin or zone"),
    "survey.field.sector": ("Secteur (NAF)", "Sector (NAF)"),
    "survey.field.size": ("Taille de l'entreprise", "Firm size"),
    "survey.field.horizon": ("Horizon du besoin", "Horizon of the need"),
    "survey.field.difficulty": ("Difficulté de recrutement", "Hiring difficulty"),
    "survey.field.skills": ("Compétences recherchées", "Skills sought"),
    "survey.field.date": ("Date de la réponse", "Date of the answer"),
    "survey.field.fragile": ("Emploi fragilisé (oui / non)", "Job at risk (yes / no)"),
    "survey.msg.not_whole": ("« {value} » n'est pas un nombre entier de personnes",
                             "« {value} » is not a whole number of people"),
    "survey.msg.percent_headcount": (
        "« {value} » est un pourcentage, pas un nombre de personnes : écrivez le nombre de personnes recherchées",
        "« {value} » is a percentage, not a number of people: write the number of people sought"),
    "survey.msg.large_headcount": (
        "« {value} » personnes pour une seule réponse : effectif inhabituel, à confirmer",
        "« {value} » people in a single answer: unusual headcount, to confirm"),
    "survey.msg.bad_yes_no": (
        "« {value} » n'est ni « oui » ni « non » : dites si l'emploi est fragilisé (laisser vide vaut « non »)",
        "« {value} » is neither « oui » (yes) nor « non » (no): say whether the job is at risk (empty means no)"),
    "survey.msg.bad_difficulty": (
        "difficulté « {value} » illisible : un nombre entier de 1 (facile) à 5 (très difficile) ou « facile », "
        "« difficile », « très difficile » attendu",
        "difficulty « {value} » unreadable: a whole number from 1 (easy) to 5 (very hard) or « facile », "
        "« difficile », « très difficile » expected"),
    "survey.msg.no_headcount": ("nombre de personnes recherchées manquant", "number of people sought missing"),
    "survey.msg.unknown_commune": (
        "la commune « {value} » n'existe pas dans le pack (code INSEE à 5 caractères ou nom exact attendu)",
        "the municipality « {value} » is not in the pack (5-character INSEE code or exact name expected)"),
    "survey.msg.unknown_zone": ("le bassin ou la zone « {value} » n'existe pas dans le pack",
                                "the basin or zone « {value} » is not in the pack"),
    "survey.msg.no_place": ("ni commune ni bassin : la réponse ne peut pas être placée sur une zone",
                            "neither municipality nor basin: the answer cannot be placed in a zone"),
    "survey.msg.bad_date": ("date « {value} » illisible (JJ/MM/AAAA attendu)",
                            "date « {value} » unreadable (DD/MM/YYYY expected)"),
    "survey.msg.date_beyond": (
        "date « {value} » invraisemblable (entre {first} et {last} attendue) : vérifiez la date de la réponse",
        "date « {value} » implausible (between {first} and {last} expected): check the answer's date"),
    "survey.msg.future_date": (
        "date « {value} » dans le futur (après le {today}) : à confirmer, ou corrigez la date de la réponse",
        "date « {value} » in the future (after {today}): to confirm, or correct the answer's date"),
    "survey.msg.late_horizon": (
        "« {value} » : besoins annoncés pour une année postérieure à {year} : à confirmer",
        "« {value} »: needs announced for a year after {year}: to confirm"),
    "survey.msg.unknown_horizon": (
        "horizon « {value} » non reconnu (attendu : moins de 6 mois, 1 an ou 3 ans, « dans les 6 prochains mois », "
        "« d'ici 12 mois »…) : à confirmer (compté « sans horizon reconnu »), ou corrigez l'horizon",
        "horizon « {value} » not understood (expected: within 6 months, 1 year or 3 years, « in the next 6 months », "
        "« within 12 months »…): to confirm (counted « with no horizon understood »), or correct the horizon"),
    "survey.msg.dropped": ("colonnes de données personnelles écartées, jamais enregistrées : {columns}",
                           "personal-data columns dropped, never stored: {columns}"),
    "survey.msg.why.en-tête": ("en-tête", "header"),
    "survey.msg.why.contenu": ("contenu", "content"),
    "survey.msg.review": (
        "{n} intitulé(s) laissé(s) sans code métier, à revoir : score sous le seuil de {threshold}, intitulé moins "
        "précis que l'appellation trouvée, codes ROME aussi proches les uns que les autres, ou abréviation à "
        "plusieurs sens",
        "{n} title(s) left without an occupation code, to review: score under the threshold of {threshold}, title "
        "less precise than the appellation found, ROME codes as close as each other, or an abbreviation with "
        "several meanings"),
    "survey.no_answers": ("« {file} » ne contient aucune réponse (des en-têtes seulement) : rien à intégrer.",
                          "« {file} » holds no answer (headers only): nothing to integrate."),
    "survey.sheet": ("Feuille des réponses", "Sheet of the answers"),
    "survey.sheet.help": (
        "Le classeur a plusieurs feuilles : celle qui ressemble le plus à des réponses (le plus de questions "
        "reconnues, puis de lignes) est choisie ; choisissez-en une autre si besoin.",
        "The workbook has several sheets: the one that looks most like answers (most questions recognised, then "
        "most rows) is chosen; pick another one if needed."),
    "survey.required": ("obligatoire", "required"),
    "survey.problems": ("Problèmes à corriger dans le fichier avant d'accepter ({n}) :",
                        "Problems to fix in the file before accepting ({n}):"),
    "survey.preview.header": ("Aperçu des besoins déclarés", "Preview of the declared needs"),
    "survey.preview.caption": ("{n} réponse(s), {people} personne(s) recherchée(s) ; {coded} réponse(s) avec un "
                               "code métier ROME.", "{n} answer(s), {people} people sought; {coded} answer(s) "
                               "with a ROME occupation code."),
    "survey.uncoded": ("sans code métier (à revoir)", "no occupation code (to review)"),
    "survey.summary.header": ("Besoins par métier et horizon", "Needs by occupation and horizon"),
    "survey.col.occupation": ("Métier (ROME)", "Occupation (ROME)"),
    "survey.col.horizon": ("Horizon", "Horizon"),
    "survey.col.headcount": ("Personnes recherchées", "People sought"),
    "survey.col.answers": ("Réponses", "Answers"),
    "survey.col.title": ("Intitulé écrit", "Title as written"),
    "survey.col.code": ("Code ROME", "ROME code"),
    "survey.col.appellation": ("Appellation", "Appellation"),
    "survey.col.score": ("Score", "Score"),
    "survey.col.status": ("Origine", "Origin"),
    "survey.col.firm": ("Entreprise", "Firm"),
    "survey.col.zone": ("Zone", "Zone"),
    "survey.col.date": ("Date", "Date"),
    "survey.status.matched": ("rapprochement", "matching"),
    "survey.status.memory": ("confirmé", "confirmed"),
    "survey.status.review": ("à revoir", "to review"),
    "survey.status.empty": ("vide", "empty"),
    "survey.matches.header": ("Intitulés rapprochés ({n})", "Matched titles ({n})"),
    "survey.review.header": ("File de revue ({n} intitulé(s) sans code)", "Review queue ({n} title(s) without code)"),
    "survey.review.none": ("Aucun intitulé à revoir.", "No title to review."),
    "survey.review.item_one": ("« {title} » (ligne {rows}) — meilleure proposition : {appellation} ({score})",
                               "“{title}” (row {rows}) — best proposal: {appellation} ({score})"),
    "survey.review.item": ("« {title} » (lignes {rows}) — meilleure proposition : {appellation} ({score})",
                           "“{title}” (rows {rows}) — best proposal: {appellation} ({score})"),
    "survey.review.why": ("Pourquoi à revoir : {reasons}.", "Why to review: {reasons}."),
    "survey.reason.score": ("score sous le seuil de {threshold}", "score under the threshold of {threshold}"),
    "survey.reason.less_specific": ("l'appellation ajoute des mots que l'entreprise n'a pas écrits (intitulé moins "
                                    "précis)", "the appellation adds words the firm did not write (less specific "
                                    "title)"),
    "survey.reason.close_codes": ("d'autres codes ROME obtiennent un score presque égal",
                                  "other ROME codes score almost as high"),
    "survey.reason.ambiguous": ("abréviation à plusieurs sens", "abbreviation with several meanings"),
    "survey.col.reason": ("À revoir parce que", "To review because"),
    "survey.upload.button": ("Choisir un fichier", "Choose a file"),
    "survey.upload.drop": ("Déposez le fichier ici", "Drop the file here"),
    "survey.upload.hint": ("Glissez-déposez l'export ici ou choisissez-le ; XLSX, XLS, ODS ou CSV.",
                           "Drag and drop the export here or choose it; XLSX, XLS, ODS or CSV."),
    "survey.review.pick": ("Code ROME proposé", "Proposed ROME code"),
    "survey.review.other": ("ou un autre code ROME", "or another ROME code"),
    "survey.review.confirm": ("Confirmer", "Confirm"),
    "survey.review.confirmed": ("« {title} » → {code} confirmé ; retenu pour les prochains imports.",
                                "“{title}” → {code} confirmed; remembered for the next imports."),
    "survey.review.unknown_code": ("Le code « {code} » n'est pas un code ROME 4.0 du pack.",
                                   "Code “{code}” is not a ROME 4.0 code of the pack."),
    "survey.review.need_editor": ("Seul un éditeur connecté (page « Plan d'action ») peut confirmer un code.",
                                  "Only a logged-in editor (« Action plan » page) can confirm a code."),
    "survey.accept": ("Accepter et intégrer l'enquête", "Accept and integrate the survey"),
    "survey.accept.need_editor": ("Seul un éditeur connecté (page « Plan d'action ») peut intégrer l'enquête ; "
                                  "vous voyez les besoins agrégés, sans nom d'entreprise.",
                                  "Only a logged-in editor (« Action plan » page) can integrate the survey; you see "
                                  "aggregated needs, without firm names."),
    "survey.accepted": ("Enquête intégrée : {n} réponse(s) dans la table des besoins du pack.",
                        "Survey integrated: {n} answer(s) in the pack's needs table."),
    "survey.store_unavailable": ("Mémoire de l'enquête indisponible (base du plan) : {reason}",
                                 "Survey memory unavailable (plan database): {reason}"),
    "survey.no_titles": ("Le pack n'a pas d'appellations ROME 4.0 : {reason}",
                         "The pack has no ROME 4.0 appellations: {reason}"),
}
STRINGS.update({
    "survey.cancel": ("Annuler", "Cancel"),
    "survey.cancelled": (
        "Import de l'enquête annulé : rien n'a été enregistré. Retirez le fichier (×) ou déposez-en un corrigé.",
        "Survey import cancelled: nothing was stored. Remove the file (×) or drop a corrected one."),
    "survey.confirm.needed": (
        "Rien n'a été enregistré : {n} valeur(s) inhabituelle(s) attendent votre confirmation (case « Je "
        "confirme… » ci-dessus), ou annulez et corrigez le fichier.",
        "Nothing was stored: {n} unusual value(s) await your confirmation (the “I confirm…” box above), or cancel "
        "and correct the file."),
})
