"""Strings of the « Rapprochement d'entreprises » page (firm-to-firm pairing)."""

STRINGS = {
    "nav.pairing": ("Rapprochement d'entreprises", "Firm-to-firm pairing"),
    "pairing.title": ("Rapprochement d'entreprises", "Firm-to-firm pairing"),
    "pairing.intro": (
        "Pour chaque emploi fragilisé, des postes à pourvoir accessibles : même métier ou passerelle, à distance "
        "de trajet. L'affectation est globale : le plus de personnes rapprochées, puis le moindre coût (passerelle, "
        "distance, compétences à acquérir), dans la limite des effectifs de chaque entreprise. Les paires décidées "
        "sont conservées : une paire « accepté » garde ses chiffres enregistrés (effectif, distance) quelle que "
        "soit la règle de trajet, et son effectif est retiré des deux listes avant le calcul ; le lien d'une paire "
        "« refusé » n'est plus proposé.",
        "For each fragile job, hiring positions it can move to: same occupation or a bridge, within commuting "
        "distance. The assignment is global: the most people paired, then the least cost (bridge, distance, skills "
        "to acquire), within every firm's headcount. Decided pairs are kept: an “accepted” pair keeps its stored "
        "figures (headcount, distance) whatever the commute rule, and its headcount is taken out of both lists "
        "before the computation; the link of a “refused” pair is not proposed again."),
    "pairing.import.header": ("Importer les deux listes", "Import the two lists"),
    "pairing.import.fragile": ("Entreprises aux emplois fragilisés (XLSX)", "Firms with fragile jobs (XLSX)"),
    "pairing.import.hiring": ("Entreprises qui recrutent (XLSX)", "Firms hiring (XLSX)"),
    "pairing.template": ("Modèle : {name}", "Template: {name}"),
    "pairing.import.preview": ("{rows} ligne(s) lues, {people} personne(s). Rien n'est enregistré avant validation.",
                               "{rows} row(s) read, {people} people. Nothing is stored until you accept."),
    "pairing.import.accept": ("Enregistrer cette liste", "Store this list"),
    "pairing.import.done": ("Liste enregistrée : {added} ajoutée(s), {changed} modifiée(s), {removed} retirée(s).",
                            "List stored: {added} added, {changed} changed, {removed} removed."),
    "pairing.viewer_note": ("Connectez-vous comme éditeur pour importer les listes, voir les noms des entreprises et "
                            "changer le statut des rapprochements.",
                            "Log in as an editor to import the lists, see firm names and change pair statuses."),
    "pairing.max_km": ("Distance maximale entre communes (km)", "Maximum distance between communes (km)"),
    "pairing.empty": (
        "Rien à rapprocher : {missing}. Un éditeur importe les deux listes de la plateforme (modèles XLSX sur la page "
        "« Données », onglet « Modèles à remplir ») ; l'enquête entreprises y ajoute les besoins de recrutement et les "
        "emplois déclarés fragilisés.",
        "Nothing to pair: {missing}. An editor imports the platform's two lists (XLSX templates on the “Data” page, "
        "“Templates” tab); the company survey adds its hiring needs and the jobs declared fragile."),
    "pairing.empty.fragile": ("aucun emploi fragilisé", "no fragile job"),
    "pairing.empty.hiring": ("aucun poste à pourvoir", "no open position"),
    "pairing.empty.both": ("aucun emploi fragilisé ni poste à pourvoir", "no fragile job and no open position"),
    "pairing.summary": ("Personnes rapprochées : {paired} sur {fragile} emplois fragilisés ; postes à pourvoir : "
                        "{hiring} ; trajet : {km} km au plus.",
                        "People paired: {paired} out of {fragile} fragile jobs; open positions: {hiring}; journey: "
                        "{km} km at most."),
    "pairing.none": ("Aucun rapprochement possible avec ce trajet : élargissez la distance ou passez aux bassins voisins.",
                     "No pairing possible with this journey: widen the distance or switch to neighbouring basins."),
    "pairing.save": ("Enregistrer ces propositions", "Store these proposals"),
    "pairing.saved": ("{proposed} nouvelle(s) proposition(s), {kept} conservée(s), {withdrawn} retirée(s).",
                      "{proposed} new proposal(s), {kept} kept, {withdrawn} withdrawn."),
    "pairing.export": ("Télécharger le classeur des conseillers (XLSX)", "Download the advisers' workbook (XLSX)"),
    "pairing.status.header": ("Statut d'un rapprochement", "Status of a pair"),
    "pairing.status.pair": ("Rapprochement", "Pair"),
    "pairing.status.value": ("Statut", "Status"),
    "pairing.status.save": ("Enregistrer le statut", "Save the status"),
    "pairing.status.saved": ("Statut enregistré.", "Status saved."),
    "pairing.status.unsaved": ("Enregistrez d'abord les propositions pour suivre leur statut.",
                               "Store the proposals first to track their status."),
    "pairing.history": ("Historique du rapprochement", "History of the pair"),
    "pairing.status.propose": ("proposé", "proposed"),
    "pairing.status.accepte": ("accepté", "accepted"),
    "pairing.status.refuse": ("refusé", "refused"),
    "pairing.col.fragile_firm": ("Entreprise (emplois fragilisés)", "Firm (fragile jobs)"),
    "pairing.col.hiring_firm": ("Entreprise qui recrute", "Hiring firm"),
    "pairing.col.from_commune_name": ("Commune d'origine", "Origin commune"),
    "pairing.col.to_commune_name": ("Commune d'accueil", "Destination commune"),
    "pairing.col.from_label": ("Métier d'origine", "Origin occupation"),
    "pairing.col.to_label": ("Métier visé", "Target occupation"),
    "pairing.col.headcount": ("Personnes", "People"),
    "pairing.col.bridge_score": ("Score de passerelle", "Bridge score"),
    "pairing.col.distance_km": ("Distance (km)", "Distance (km)"),
    "pairing.col.skills_to_acquire": ("Compétences à acquérir", "Skills to acquire"),
    "pairing.col.training": ("Formations locales", "Local training"),
    "pairing.col.status": ("Statut", "Status"),
    "pairing.col.at": ("Quand", "When"),
    "pairing.col.user_name": ("Qui", "Who"),
    "pairing.col.kind": ("Quoi", "What"),
    "pairing.col.after": ("Nouveau statut", "New status"),
    "pairing.kind.status": ("changement de statut", "status change"),
    "pairing.kind.propose": ("proposition", "proposal"),
    "pairing.kind.withdraw": ("retrait", "withdrawal"),
    "pairing.kind.import": ("import", "import"),
    "pairing.import.matched": ("{n} métier(s) écrit(s) en toutes lettres rapproché(s) d'un code ROME : vérifiez-les "
                               "avant d'accepter.",
                               "{n} job title(s) written in words matched to a ROME code: check them before "
                               "accepting."),
    "pairing.matched.row": ("Ligne", "Row"),
    "pairing.matched.title": ("Métier écrit", "Written title"),
    "pairing.matched.code": ("Code ROME", "ROME code"),
    "pairing.matched.appellation": ("Appellation", "Appellation"),
    "pairing.matched.score": ("Score", "Score"),
    "pairing.link.same": ("même métier", "same occupation"),
    "pairing.note.from": ("départ placé au centre de sa zone ({zoning}) : commune sans coordonnées",
                          "origin placed at its zone's centre ({zoning}): commune without coordinates"),
    "pairing.note.to": ("arrivée placée au centre de sa zone ({zoning}) : commune sans coordonnées",
                        "destination placed at its zone's centre ({zoning}): commune without coordinates"),
    "pairing.xlsx.fragile_firm": ("Entreprise (emplois fragilisés)", "Firm (fragile jobs)"),
    "pairing.xlsx.from_commune": ("Commune d'origine (code)", "Origin commune (code)"),
    "pairing.xlsx.from_commune_name": ("Commune d'origine", "Origin commune"),
    "pairing.xlsx.from_code": ("Métier d'origine (ROME)", "Origin occupation (ROME)"),
    "pairing.xlsx.from_label": ("Métier d'origine", "Origin occupation"),
    "pairing.xlsx.hiring_firm": ("Entreprise qui recrute", "Hiring firm"),
    "pairing.xlsx.to_commune": ("Commune d'accueil (code)", "Destination commune (code)"),
    "pairing.xlsx.to_commune_name": ("Commune d'accueil", "Destination commune"),
    "pairing.xlsx.to_code": ("Métier visé (ROME)", "Target occupation (ROME)"),
    "pairing.xlsx.to_label": ("Métier visé", "Target occupation"),
    "pairing.xlsx.headcount": ("Personnes", "People"),
    "pairing.xlsx.link": ("Lien", "Link"),
    "pairing.xlsx.bridge_score": ("Score de passerelle (0–1)", "Bridge score (0–1)"),
    "pairing.xlsx.distance_km": ("Distance (km)", "Distance (km)"),
    "pairing.xlsx.distance_note": ("Note sur la distance", "Note on the distance"),
    "pairing.xlsx.skills_gap_count": ("Compétences à acquérir (nombre)", "Skills to acquire (count)"),
    "pairing.xlsx.skills_to_acquire": ("Compétences à acquérir", "Skills to acquire"),
    "pairing.xlsx.training": ("Formations locales", "Local training"),
    "pairing.xlsx.cost": ("Coût (points)", "Cost (points)"),
    "pairing.xlsx.status": ("Statut", "Status"),
    "pairing.xlsx.list": ("Liste", "List"),
    "pairing.xlsx.list.fragile": ("emplois fragilisés", "fragile jobs"),
    "pairing.xlsx.list.hiring": ("postes à pourvoir", "open positions"),
    "pairing.xlsx.firm": ("Entreprise", "Firm"),
    "pairing.xlsx.commune": ("Commune (code)", "Commune (code)"),
    "pairing.xlsx.occupation": ("Métier (ROME)", "Occupation (ROME)"),
    "pairing.xlsx.left": ("Personnes sans rapprochement", "People left unpaired"),
    "pairing.xlsx.item": ("Élément", "Item"),
    "pairing.xlsx.value": ("Valeur", "Value"),
    "pairing.xlsx.m.rule": ("Trajet accepté", "Accepted commute"),
    "pairing.xlsx.m.distances": ("Distances", "Distances"),
    "pairing.xlsx.m.fragile": ("Personnes aux emplois fragilisés", "People in fragile jobs"),
    "pairing.xlsx.m.hiring": ("Postes à pourvoir", "Open positions"),
    "pairing.xlsx.m.paired": ("Personnes rapprochées", "People paired"),
    "pairing.xlsx.m.cost": ("Coût d'un rapprochement", "Cost of a pair"),
    "pairing.xlsx.m.assignment": ("Affectation", "Assignment"),
    "pairing.xlsx.rule.none": ("aucun rapprochement calculé : une des deux listes est vide",
                               "no pairing computed: one of the two lists is empty"),
    "pairing.xlsx.rule.km": ("{km} km au plus entre les communes", "at most {km} km between the communes"),
    "pairing.xlsx.rule.same": ("même bassin ({zoning})", "same basin ({zoning})"),
    "pairing.xlsx.rule.neighbours": ("même bassin ou bassin voisin ({zoning} : bassins ayant une frontière "
                                     "commune)", "same or neighbouring basin ({zoning}: basins sharing a border)"),
    "pairing.xlsx.v.distances": (
        "à vol d'oiseau entre les centroïdes des communes ; une commune sans coordonnées, ou une réponse "
        "d'enquête connue par sa seule zone, est placée au centre de sa zone ({zoning}) et la ligne le dit",
        "as the crow flies between the communes' centroids; a commune without coordinates, or a survey answer known "
        "only by its zone, is placed at its zone's centre ({zoning}) and the row says so"),
    "pairing.xlsx.v.cost": ("100 × (1 − score de passerelle) + 1 par km + 5 par compétence à acquérir",
                            "100 × (1 − bridge score) + 1 per km + 5 per skill to acquire"),
    "pairing.xlsx.v.assignment": (
        "globale : le plus de personnes rapprochées, puis le moindre coût total (flot de coût minimal)",
        "global: the most people paired, then the least total cost (minimum-cost flow)"),
    "pairing.xlsx.m.decided": ("Paires décidées", "Decided pairs"),
    "pairing.xlsx.v.decided": (
        "conservées : une paire « accepté » garde ses chiffres enregistrés quelle que soit la règle de trajet et son "
        "effectif est retiré des deux listes avant l'affectation ; le lien d'une paire « refusé » n'est plus proposé",
        "kept: an “accepted” pair keeps its stored figures whatever the commute rule and its headcount is taken out "
        "of both lists before the assignment; the link of a “refused” pair is not proposed again"),
    "pairing.kind.update": ("mise à jour des chiffres", "figures updated"),
    "pairing.history.figures": ("chiffres : {figures}", "figures: {figures}"),
    "pairing.status.decided": ("{pair} — {status}, hors de ce calcul", "{pair} — {status}, outside this run"),
    "pairing.xlsx.sheet.pairs": ("Rapprochements", "Pairs"),
    "pairing.xlsx.sheet.left": ("Sans rapprochement", "Unpaired"),
    "pairing.xlsx.sheet.method": ("Méthode", "Method"),
    "pairing.mode": ("Trajet accepté", "Accepted commute"),
    "pairing.mode.km": ("distance en km", "distance in km"),
    "pairing.mode.same": ("même bassin", "same basin"),
    "pairing.mode.neighbours": ("même bassin ou bassin voisin", "same or neighbouring basin"),
    "pairing.basins_zoning": ("Bassins", "Basins"),
    "pairing.distance_note.communes": (
        "Distances à vol d'oiseau entre les centroïdes des communes. Une commune sans coordonnées, ou une réponse "
        "d'enquête connue par sa seule zone, est placée au centre de sa zone ({zoning}) : la colonne « Note sur la "
        "distance » le signale.",
        "Distances as the crow flies between the communes' centroids. A commune without coordinates, or a survey "
        "answer known only by its zone, is placed at its zone's centre ({zoning}): the « Note on the distance » "
        "column says so."),
    "pairing.basins_note": ("Bassins voisins : zones ({zoning}) ayant une frontière commune.",
                            "Neighbouring basins: zones ({zoning}) sharing a border."),
    "pairing.survey_note": ("Avec l'enquête auprès des entreprises : {hiring} besoin(s) de recrutement et {fragile} "
                            "emploi(s) déclaré(s) fragilisé(s) ajoutés aux listes (placés au centre de leur zone).",
                            "With the company survey: {hiring} hiring need(s) and {fragile} job(s) declared fragile "
                            "added to the lists (placed at their zone's centre)."),
    "pairing.col.distance_note": ("Note sur la distance", "Note on the distance"),
    "pairing.col.link": ("Lien", "Link"),
    "pairing.summary.same": ("Personnes rapprochées : {paired} sur {fragile} emplois fragilisés ; postes à pourvoir : "
                             "{hiring} ; trajet : dans le même bassin ({zoning}).",
                             "People paired: {paired} out of {fragile} fragile jobs; open positions: {hiring}; "
                             "journey: within the same basin ({zoning})."),
    "pairing.summary.neighbours": ("Personnes rapprochées : {paired} sur {fragile} emplois fragilisés ; postes à "
                                   "pourvoir : {hiring} ; trajet : dans le même bassin ou un bassin voisin ({zoning}).",
                                   "People paired: {paired} out of {fragile} fragile jobs; open positions: {hiring}; "
                                   "journey: within the same or a neighbouring basin ({zoning})."),
    "pairing.scope": (
        "Les deux listes de la plateforme sont rapprochées en entier : la sélection du territoire (barre latérale) ne "
        "les filtre pas.",
        "The platform's two lists are paired as a whole: the territory selection (sidebar) does not filter them."),
    "pairing.table.caption": (
        "Un rapprochement par ligne ({n}). Score de passerelle de 0 à 1 (1 : même métier) ; distance à vol d'oiseau "
        "entre les communes ; compétences à acquérir : compétences et savoirs clés du métier visé que le métier "
        "d'origine n'a pas (ROME 4.0) ; formations locales : jusqu'à trois formations de la zone de la commune "
        "d'accueil qui préparent au métier visé. Les personnes sans rapprochement sont dans le classeur (feuille « Sans "
        "rapprochement »).",
        "One pairing per row ({n}). Bridge score from 0 to 1 (1: same occupation); straight-line distance between the "
        "communes; skills to acquire: core skills and knowledge of the target occupation that the origin lacks (ROME "
        "4.0); local training: up to three programmes of the destination commune's zone preparing for the target. "
        "People left unpaired are in the workbook (sheet « Unpaired »)."),
    "pairing.map.caption": (
        "Chaque trait relie la commune d'origine à la commune d'accueil, plus épais quand plus de personnes sont "
        "rapprochées ; bleu : proposé, vert : accepté, rouge : refusé. Points : les communes (ou le centre de leur "
        "zone quand elles n'ont pas de coordonnées).",
        "Each line joins the origin commune to the destination commune, thicker when more people are paired; blue: "
        "proposed, green: accepted, red: refused. Dots: the communes (or their zone's centre when they have no "
        "coordinates)."),
}
STRINGS.update({
    "pairing.import.cancel": ("Annuler", "Cancel"),
    "pairing.import.cancelled": (
        "Import annulé : rien n'a été enregistré. Retirez le fichier (×) ou déposez-en un corrigé.",
        "Import cancelled: nothing was stored. Remove the file (×) or drop a corrected one."),
    "pairing.import.confirm_needed": (
        "Rien n'a été enregistré : {n} valeur(s) inhabituelle(s) attendent votre confirmation (case « Je "
        "confirme… » ci-dessus), ou annulez et corrigez le fichier.",
        "Nothing was stored: {n} unusual value(s) await your confirmation (the “I confirm…” box above), or cancel "
        "and correct the file."),
    "pairing.import.removals": (
        "Cette liste retire {n} entreprise(s) déjà enregistrée(s) ({rows} ligne(s)) : {firms}. Leurs "
        "rapprochements « proposé » seront retirés ; ceux déjà acceptés ou refusés sont gardés, sous « Paires "
        "décidées dont une entreprise a été retirée ».",
        "This list removes {n} firm(s) already stored ({rows} row(s)): {firms}. Their “proposed” pairs will be "
        "withdrawn; those already accepted or refused are kept, under “Decided pairs whose firm was removed”."),
    "pairing.import.removal_decided": ("{firm} ({n} paire(s) décidée(s))", "{firm} ({n} decided pair(s))"),
    "pairing.import.remove_confirm": ("Je confirme le retrait : {n} entreprise(s), {rows} ligne(s)",
                                      "I confirm the removal: {n} firm(s), {rows} row(s)"),
    "pairing.import.remove_needed": (
        "Rien n'a été enregistré : {n} entreprise(s) ({rows} ligne(s)) seraient retirées ; cochez « Je confirme le "
        "retrait… » ci-dessus, ou annulez.",
        "Nothing was stored: {n} firm(s) ({rows} row(s)) would be removed; tick “I confirm the removal…” above, or "
        "cancel."),
    "pairing.orphans.header": ("Paires décidées dont une entreprise a été retirée",
                               "Decided pairs whose firm was removed"),
    "pairing.orphans.caption": (
        "Ces rapprochements acceptés ou refusés restent enregistrés alors qu'une de leurs entreprises n'est plus dans "
        "sa liste (retirée par un import). Réimportez-la pour les voir de nouveau dans le rapprochement.",
        "These accepted or refused pairs are still stored although one of their firms is no longer in its list "
        "(removed by an import). Import it again to see them in the pairing."),
    "pairing.col.removed": ("Entreprise retirée", "Firm removed"),
    "pairing.col.from_code": ("Métier d'origine (code)", "Origin occupation (code)"),
    "pairing.col.to_code": ("Métier d'accueil (code)", "Target occupation (code)"),
    "pairing.col.fragile_commune": ("Commune d'origine", "Origin commune"),
    "pairing.col.hiring_commune": ("Commune d'accueil", "Target commune"),
    "pairing.removed.fragile": ("l'entreprise aux emplois fragilisés", "the firm with fragile jobs"),
    "pairing.removed.hiring": ("l'entreprise qui recrute", "the hiring firm"),
    "pairing.removed.both": ("les deux", "both"),
    "pairing.xlsx.removed_note": ("Entreprise retirée", "Firm removed"),
    "pairing.orphan.note.fragile": ("entreprise retirée de la liste le {date} (emplois fragilisés)",
                                    "firm removed from the list on {date} (fragile jobs)"),
    "pairing.orphan.note.hiring": ("entreprise retirée de la liste le {date} (postes à pourvoir)",
                                   "firm removed from the list on {date} (open positions)"),
    "pairing.orphan.note.both": ("entreprises retirées des deux listes (la dernière le {date})",
                                 "firms removed from both lists (the last on {date})"),
    "pairing.orphan.note.fragile.undated": ("entreprise retirée de la liste (emplois fragilisés)",
                                            "firm removed from the list (fragile jobs)"),
    "pairing.orphan.note.hiring.undated": ("entreprise retirée de la liste (postes à pourvoir)",
                                           "firm removed from the list (open positions)"),
    "pairing.orphan.note.both.undated": ("entreprises retirées des deux listes", "firms removed from both lists"),
    "pairing.status.orphan": ("{pair} — {note}", "{pair} — {note}"),
    "pairing.import.preview.hiring": (
        "{rows} ligne(s) lues, {people} poste(s). Rien n'est enregistré avant validation.",
        "{rows} row(s) read, {people} job(s). Nothing is stored until you accept."),
    "pairing.preview.firm": ("Entreprise", "Firm"),
    "pairing.preview.commune": ("Commune", "Commune"),
    "pairing.preview.occupation": ("Métier (code ROME)", "Occupation (ROME code)"),
    "pairing.preview.headcount.fragile": ("Emplois fragilisés", "Fragile jobs"),
    "pairing.preview.headcount.hiring": ("Postes à pourvoir", "Jobs to fill"),
    "pairing.preview.time_frame": ("Échéance", "Time frame"),
    "pairing.preview.horizon": ("Horizon", "Horizon"),
    "pairing.log.header": ("Historique des listes et des rapprochements", "History of the lists and pairs"),
    "pairing.log.caption": ("Les {n} dernières opérations, de la plus récente à la plus ancienne : imports des listes "
                            "(entreprise ajoutée, modifiée ou retirée), propositions, retraits et changements de "
                            "statut, avec leur auteur.",
                            "The last {n} operations, newest first: list imports (firm added, changed or removed), "
                            "proposals, withdrawals and status changes, with their author."),
    "pairing.log.entity.fragile": ("liste des emplois fragilisés", "list of fragile jobs"),
    "pairing.log.entity.hiring": ("liste des entreprises qui recrutent", "list of hiring firms"),
    "pairing.log.entity.pair": ("rapprochement", "pair"),
    "pairing.log.added": ("ajoutée", "added"),
    "pairing.log.changed": ("modifiée", "changed"),
    "pairing.log.removed": ("retirée", "removed"),
    "pairing.col.entity": ("Sur", "On"),
    "pairing.col.what": ("Quoi précisément", "Detail"),
    "pairing.login.header": ("Rapprochement : connexion", "Firm pairing: login"),
    # messages of the pairing lists' reader (gpect_core/pairing/reader.py)
    "pairing.read.unnamed": ("fichier importé", "imported file"),
    "pairing.read.list.fragile": ("Entreprises aux emplois fragilisés", "Firms with fragile jobs"),
    "pairing.read.list.hiring": ("Entreprises qui recrutent", "Firms hiring"),
    "pairing.read.rows.fragile": ("d'emplois fragilisés", "fragile jobs"),
    "pairing.read.rows.hiring": ("de postes à pourvoir", "open positions"),
    "pairing.read.suspect": ("« {file} » est refusé : classeur anormal (trop de cellules ou de colonnes, ou archive "
                             "suspecte) ; rien n'a été enregistré.",
                             "“{file}” is refused: an abnormal workbook (too many cells or columns, or a suspicious "
                             "archive); nothing was stored."),
    "pairing.read.os": ("« {file} » ne peut pas être lu ({detail}).", "“{file}” cannot be read ({detail})."),
    "pairing.read.not_xlsx": ("« {file} » n'est pas un classeur Excel (.xlsx) lisible : utilisez le modèle "
                              "« {template} ».",
                              "“{file}” is not a readable Excel workbook (.xlsx): use the template “{template}”."),
    "pairing.read.where": ("« {file} », feuille « {sheet} »", "“{file}”, sheet “{sheet}”"),
    "pairing.read.too_many_rows": (
        "{where} : plus de {limit} lignes ; une liste de plateforme en compte quelques centaines. Le fichier est "
        "refusé ; découpez-le par territoire.",
        "{where}: more than {limit} rows; a platform's list holds a few hundred. The file is refused; split it by "
        "territory."),
    "pairing.read.empty": ("{where} est vide : la ligne 1 doit porter les en-têtes du modèle.",
                           "{where} is empty: row 1 must hold the template's headers."),
    "pairing.read.missing_columns": ("{where} : colonne(s) obligatoire(s) absente(s) : {columns} (ligne 1 du "
                                     "modèle).",
                                     "{where}: required column(s) missing: {columns} (row 1 of the template)."),
    "pairing.read.at": ("{where}, ligne {row}, colonne « {column} » : {text}",
                        "{where}, row {row}, column “{column}”: {text}"),
    "pairing.read.firm_empty": ("le nom de l'entreprise est vide", "the firm's name is empty"),
    "pairing.read.commune_unknown": ("la commune « {code} » n'existe pas dans le territoire",
                                     "commune “{code}” does not exist in the territory"),
    "pairing.read.commune_empty": ("le code commune est vide", "the commune code is empty"),
    "pairing.read.commune_zero": (
        "« {given} » lu comme la commune « {code} » (zéro initial perdu par le tableur) : à confirmer",
        "“{given}” read as commune “{code}” (leading zero lost by the spreadsheet): to be confirmed"),
    "pairing.read.title_matched": (
        "« {title} » lu comme le code ROME {code} ({appellation}, score {score} sur 100) : à confirmer",
        "“{title}” read as ROME code {code} ({appellation}, score {score} out of 100): to be confirmed"),
    "pairing.read.title_unmatched": (
        "le métier « {title} » ne correspond à aucun code ROME avec assez de certitude (le plus proche : "
        "{nearest}) : indiquez son code ROME",
        "the job “{title}” matches no ROME code with enough certainty (the nearest: {nearest}): give its ROME "
        "code"),
    "pairing.read.code_unknown": ("le code métier « {code} » n'est pas un code ROME connu",
                                  "occupation code “{code}” is not a known ROME code"),
    "pairing.read.code_empty": ("le code métier est vide", "the occupation code is empty"),
    "pairing.read.headcount_bad": ("« {value} » n'est pas un nombre entier positif",
                                   "“{value}” is not a positive whole number"),
    "pairing.read.headcount_large": (
        "« {value} » : effectif inhabituel pour une seule ligne (plus de {limit}) : à confirmer",
        "“{value}”: unusual headcount for a single row (more than {limit}): to be confirmed"),
    "pairing.read.far_year": ("« {value} » : année postérieure à {year} : à confirmer",
                              "“{value}”: a year after {year}: to be confirmed"),
    "pairing.read.duplicate": (
        "même entreprise, commune et métier qu'à la ligne {row} : regroupez les effectifs sur une seule ligne",
        "same firm, commune and occupation as row {row}: put the headcounts together on one row"),
    "pairing.read.problems": ("{where} : {n} problème(s) ; rien n'a été enregistré.",
                              "{where}: {n} problem(s); nothing was stored."),
    "pairing.read.no_rows": ("{where} ne contient aucune ligne {what}.", "{where} holds no row of {what}."),
    "pairing.read.no_entry_sheet": (
        "« {file} » : la feuille « Saisie » du modèle est absente (feuilles du classeur : {sheets}) ; saisissez les "
        "lignes dans la feuille « Saisie » du modèle.",
        "“{file}”: the template's “Saisie” (entry) sheet is missing (sheets of the workbook: {sheets}); enter the "
        "rows in the template's “Saisie” sheet."),
    "pairing.map.people": ("{n} pers.", "{n} person(s)"),
    # the `pair` command (gpect_core/pairing/cli.py), in its --lang
    "pairing.cli.out_xlsx": ("« {path} » : la sortie doit être un fichier .xlsx.",
                             "“{path}”: the output must be an .xlsx file."),
    "pairing.cli.out_folder": ("Le dossier « {folder} » de la sortie n'existe pas.",
                               "The output folder “{folder}” does not exist."),
    "pairing.cli.distance_needed": ("Donnez --max-km N (distance entre communes) ou --basins same|neighbours.",
                                    "Give --max-km N (distance between communes) or --basins same|neighbours."),
    "pairing.cli.both_rules": (
        "--max-km {km} et --basins {basins} sont deux règles de trajet différentes : donnez l'une ou l'autre.",
        "--max-km {km} and --basins {basins} are two different commute rules: give one or the other."),
    "pairing.cli.negative_km": ("--max-km doit être positif ou nul (reçu : {km}).",
                                "--max-km must be zero or more (given: {km})."),
    "pairing.cli.no_file": ("Le fichier « {path} » n'existe pas.", "The file “{path}” does not exist."),
    "pairing.cli.unknown_zoning": ("Le zonage « {zoning} » n'est pas dans le pack ({known}).",
                                   "The zoning “{zoning}” is not in the pack ({known})."),
    "pairing.cli.both_failed": ("Les deux fichiers ont des erreurs ; rien n'a été écrit.",
                                "Both files have errors; nothing was written."),
    "pairing.cli.doubts": ("{n} valeur(s) à vérifier (gardées telles que lues) :",
                           "{n} value(s) to check (kept as read):"),
    "pairing.cli.within.km": ("à {km} km au plus", "within {km} km"),
    "pairing.cli.within.same": ("dans le même bassin ({zoning})", "in the same basin ({zoning})"),
    "pairing.cli.within.neighbours": ("dans le même bassin ou un bassin voisin ({zoning})",
                                      "in the same or a neighbouring basin ({zoning})"),
    "pairing.cli.done": ("{paired} personne(s) rapprochée(s) sur {fragile} emploi(s) fragilisé(s) et {hiring} "
                         "poste(s), {within} : {pairs} rapprochement(s) écrit(s) dans {out}.",
                         "{paired} person(s) paired out of {fragile} in fragile jobs and {hiring} position(s), "
                         "{within}: {pairs} pair(s) written to {out}."),
})
