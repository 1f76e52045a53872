"""Strings of the workshop: saved views, scripts (« déroulés »), presenter mode, dot-votes."""

STRINGS = {
    "nav.section.workshop": ("Atelier", "Workshop"),
    "nav.atelier": ("Préparer et animer", "Prepare and run"),
    "nav.vote": ("Voter", "Vote"),
    "workshop.title": ("Atelier du comité", "Committee workshop"),
    "workshop.intro": ("Enregistrez des vues, rangez-les en déroulé pour la réunion, présentez-les en plein écran et "
                       "faites voter la salle avec des gommettes sur les téléphones.",
                       "Save views, order them into a script for the meeting, present them full screen and let "
                       "the room vote with dots on their phones."),
    "workshop.editors_only": ("Connectez-vous comme éditeur (barre latérale) pour enregistrer des vues, préparer "
                              "des déroulés et ouvrir des votes.", "Log in as an editor (sidebar) to save views, "
                              "prepare scripts and open votes."),
    "workshop.tab.views": ("Vues enregistrées", "Saved views"),
    "workshop.tab.scripts": ("Déroulés", "Scripts"),
    "workshop.tab.votes": ("Votes", "Votes"),
    # saving a view (sidebar, every page)
    "workshop.save.button": ("Enregistrer la vue", "Save this view"),
    "workshop.save.name": ("Nom de la vue", "View name"),
    "workshop.save.note": ("Note (affichée en présentation)", "Note (shown when presenting)"),
    "workshop.save.submit": ("Enregistrer", "Save"),
    "workshop.save.done": ("Vue « {name} » enregistrée.", "View “{name}” saved."),
    "workshop.save.login": ("Seuls les éditeurs enregistrent des vues : connectez-vous sur la page « Préparer et "
                            "animer ».", "Only editors save views: log in on the “Prepare and run” page."),
    # views
    "workshop.views.none": ("Aucune vue enregistrée : ouvrez une page, réglez-la, puis « Enregistrer la vue » dans "
                            "la barre latérale.", "No saved view yet: open a page, set it up, then “Save this view” "
                            "in the sidebar."),
    "workshop.col.name": ("Nom", "Name"),
    "workshop.col.page": ("Page", "Page"),
    "workshop.col.note": ("Note", "Note"),
    "workshop.col.author": ("Auteur", "Author"),
    "workshop.col.updated": ("Modifiée le", "Updated on"),
    "workshop.col.link": ("Lien", "Link"),
    "workshop.col.steps": ("Étapes", "Steps"),
    "workshop.col.view": ("Vue", "View"),
    "workshop.views.edit": ("Renommer ou supprimer une vue", "Rename or delete a view"),
    "workshop.views.pick": ("Vue", "View"),
    "workshop.views.rename": ("Enregistrer les changements", "Save changes"),
    "workshop.views.delete": ("Supprimer la vue", "Delete the view"),
    "workshop.views.confirm": ("Supprimer la vue « {name} » ? Aucun déroulé ne la montre.",
                               "Delete the view “{name}”? No script shows it."),
    "workshop.views.confirm_scripts": ("Supprimer la vue « {name} » ? Elle sera retirée de ces déroulés (nombre "
                                       "d'étapes) : {scripts}.", "Delete the view “{name}”? It will be removed "
                                       "from these scripts (number of steps): {scripts}."),
    "workshop.views.confirm_yes": ("Oui, supprimer", "Yes, delete"),
    "workshop.views.confirm_no": ("Annuler", "Cancel"),
    "workshop.views.deleted": ("Vue supprimée ({steps} étape(s) de déroulé retirée(s)).",
                               "View deleted ({steps} script step(s) removed)."),
    "workshop.views.renamed": ("Vue modifiée.", "View updated."),
    # scripts
    "workshop.scripts.none": ("Aucun déroulé.", "No script yet."),
    "workshop.scripts.new": ("Nouveau déroulé", "New script"),
    "workshop.scripts.new_name": ("Nom du déroulé", "Script name"),
    "workshop.scripts.create": ("Créer", "Create"),
    "workshop.scripts.pick": ("Déroulé", "Script"),
    "workshop.scripts.steps": ("Étapes (une vue et une note par ligne, dans l'ordre)",
                               "Steps (one view and one note per row, in order)"),
    "workshop.scripts.save": ("Enregistrer le déroulé", "Save the script"),
    "workshop.scripts.saved": ("Déroulé enregistré ({n} étape(s)).", "Script saved ({n} step(s))."),
    "workshop.scripts.delete": ("Supprimer le déroulé", "Delete the script"),
    "workshop.scripts.present": ("Présenter en plein écran", "Present full screen"),
    "workshop.scripts.no_view": ("Déroulé non enregistré : choisissez une vue à chaque étape (ligne(s) {rows}).",
                                 "Script not saved: pick a view for every step (row(s) {rows})."),
    "workshop.scripts.save_failed": ("Le déroulé n'a pas pu être enregistré : {error}",
                                     "The script could not be saved: {error}"),
    "workshop.scripts.count": ("{n} étape(s)", "{n} step(s)"),
    "workshop.scripts.empty": ("Ce déroulé n'a pas encore d'étape.", "This script has no step yet."),
    "workshop.scripts.needs_views": ("Enregistrez d'abord des vues.", "Save some views first."),
    # presenter mode
    "workshop.present.prev": ("Précédente", "Previous"),
    "workshop.present.next": ("Suivante", "Next"),
    "workshop.present.exit": ("Quitter la présentation", "Leave the presentation"),
    "workshop.present.counter": ("Étape {n} / {total}", "Step {n} / {total}"),
    "workshop.present.keys": ("Flèches ← → pour changer de vue, Échap pour quitter.",
                              "Arrow keys ← → change the view, Escape leaves."),
    "workshop.present.unknown": ("Ce déroulé ou cette étape n'existe pas (ou plus) : la vue est affichée sans "
                                 "déroulé.", "This script or step does not exist (any more): the view is shown "
                                 "without a script."),
    # votes (facilitator)
    "workshop.votes.none": ("Aucun vote pour l'instant.", "No vote yet."),
    "workshop.votes.new": ("Ouvrir un vote", "Open a vote"),
    "workshop.votes.title": ("Question posée", "Question"),
    "workshop.votes.title.default": ("Nos priorités", "Our priorities"),
    "workshop.votes.subject": ("Sur quoi vote-t-on ?", "What is voted on?"),
    "workshop.subject.occupations": ("Les métiers de la sélection", "The selection's occupations"),
    "workshop.subject.actions": ("Les actions du plan", "The plan's actions"),
    "workshop.subject.proposals": ("Les propositions des participants", "The participants' proposals"),
    "workshop.votes.n_occupations": ("Nombre de métiers proposés (ceux qui recrutent le plus)",
                                     "Number of occupations offered (those recruiting most)"),
    "workshop.votes.n_actions": ("{n} action(s) du plan concernent la sélection : elles seront toutes au vote.",
                                 "{n} action(s) of the plan concern the selection: all of them are put to the vote."),
    "workshop.votes.proposals_note": ("Les participants tapent leurs propositions sur leur téléphone pendant le "
                                      "vote ; une proposition déjà faite n'est pas ajoutée deux fois.",
                                      "Participants type their proposals on their phones during the vote; a "
                                      "proposal already made is not added twice."),
    "workshop.votes.dots": ("Gommettes par participant", "Dots per participant"),
    "workshop.votes.several": ("Plusieurs gommettes possibles sur un même choix", "Several dots allowed on one item"),
    "workshop.votes.open": ("Ouvrir le vote", "Open the vote"),
    "workshop.votes.opened": ("Vote ouvert : code {code}.", "Vote open: code {code}."),
    "workshop.votes.no_items": ("Rien à mettre au vote pour cette sélection.", "Nothing to vote on for this "
                                "selection."),
    "workshop.votes.pick": ("Vote", "Vote"),
    # No count of voters: the picker is drawn once per page run, the live results every few seconds.
    "workshop.votes.label": ("{code} · {title} ({state})", "{code} · {title} ({state})"),
    "workshop.votes.state.open": ("ouvert", "open"),
    "workshop.votes.state.closed": ("clos", "closed"),
    "workshop.votes.join": ("Pour voter : **{url}** — ou scannez le code, code du vote **{code}**",
                            "To vote: **{url}** — or scan the code, vote code **{code}**"),
    "workshop.votes.qr_alt": ("Code QR du lien de vote {url}", "QR code of the voting link {url}"),
    "workshop.votes.close": ("Clore le vote", "Close the vote"),
    "workshop.votes.reopen": ("Rouvrir le vote", "Reopen the vote"),
    "workshop.votes.closed_note": ("Vote clos : plus aucune gommette n'est acceptée.",
                                   "Vote closed: no more dots are accepted."),
    "workshop.results.title": ("Résultats en direct", "Live results"),
    "workshop.results.voters": ("Participants ayant voté", "Participants who voted"),
    "workshop.results.dots": ("Gommettes", "Dots"),
    "workshop.results.item": ("Choix", "Item"),
    "workshop.results.item_voters": ("Participants", "Participants"),
    "workshop.results.empty": ("Pas encore de choix à afficher.", "No item to show yet."),
    "workshop.results.export_title": ("Vote « {title} » ({code})", "Vote “{title}” ({code})"),
    "workshop.drafts.title": ("Transformer les premiers choix en actions du plan",
                              "Turn the top items into plan actions"),
    "workshop.drafts.n": ("Nombre de choix retenus", "Number of items kept"),
    "workshop.drafts.axis": ("Axe du plan", "Plan axis"),
    "workshop.drafts.submit": ("Créer les actions « à lancer »", "Create the “to start” actions"),
    "workshop.drafts.done": ("{n} action(s) créée(s) dans le plan : {ids}.", "{n} action(s) created in the plan: "
                             "{ids}."),
    "workshop.drafts.no_axis": ("Le plan n'a encore aucun axe : les actions iront dans l'axe « {label} », créé pour "
                                "elles (un administrateur pourra le renommer ou les déplacer).",
                                "The plan has no axis yet: the actions will go to the axis “{label}”, created for "
                                "them (an administrator can rename it or move them)."),
    "workshop.drafts.new_axis": ("{label} (nouvel axe)", "{label} (new axis)"),
    "workshop.drafts.already": ("Ce vote a déjà été transformé en actions le {when} par {who} : {ids}.",
                                "This vote was already turned into actions on {when} by {who}: {ids}."),
    "workshop.merge.title": ("Regrouper deux propositions", "Merge two proposals"),
    "workshop.merge.help": ("Deux propositions disent la même chose avec d'autres mots ? Regroupez la première dans "
                            "la seconde : ses gommettes passent sur la seconde, elle disparaît des téléphones et le "
                            "regroupement reste inscrit ci-dessous. Les résultats en tiennent compte aussitôt.",
                            "Two proposals say the same thing in other words? Merge the first into the second: its "
                            "dots move to the second, it disappears from the phones and the merge stays recorded "
                            "below. The results take it into account at once."),
    "workshop.merge.rule.several": ("Plusieurs gommettes sont permises sur un même choix : un participant qui en avait "
                                    "sur les deux propositions les garde toutes, sur celle qui est conservée.",
                                    "Several dots are allowed on one item: a participant who had dots on both "
                                    "proposals keeps them all, on the one that is kept."),
    "workshop.merge.rule.one_open": ("Une seule gommette par choix dans ce vote : un participant qui avait une "
                                     "gommette sur chacune des deux n'en garde qu'une, sur la proposition conservée ; "
                                     "l'autre lui est rendue et il peut la placer ailleurs tant que le vote est "
                                     "ouvert.",
                                     "One dot per item in this vote: a participant who had a dot on each of the two "
                                     "keeps one, on the proposal that is kept; the other is given back and they can "
                                     "place it elsewhere while the vote is open."),
    "workshop.merge.rule.one_closed": ("Une seule gommette par choix dans ce vote : un participant qui avait une "
                                       "gommette sur chacune des deux n'en garde qu'une, sur la proposition "
                                       "conservée ; le vote étant clos, l'autre ne compte plus (rouvrez le vote pour "
                                       "qu'il puisse la placer ailleurs).",
                                       "One dot per item in this vote: a participant who had a dot on each of the "
                                       "two keeps one, on the proposal that is kept; as the vote is closed, the other "
                                       "no longer counts (reopen the vote so that they can place it elsewhere)."),
    "workshop.merge.source": ("Proposition à regrouper (elle disparaît)", "Proposal to merge (it disappears)"),
    "workshop.merge.target": ("Dans la proposition (conservée)", "Into the proposal (kept)"),
    "workshop.merge.submit": ("Regrouper", "Merge"),
    "workshop.merge.same": ("Choisissez deux propositions différentes.", "Choose two different proposals."),
    "workshop.merge.done": ("« {source} » est regroupée dans « {target} » : {moved} gommette(s) de {voters} "
                            "participant(s) reportée(s), {returned} rendue(s).",
                            "“{source}” is merged into “{target}”: {moved} dot(s) of {voters} participant(s) moved, "
                            "{returned} given back."),
    "workshop.merge.need_two": ("Il faut au moins deux propositions pour en regrouper.",
                                "At least two proposals are needed to merge them."),
    "workshop.merge.history": ("Regroupements faits", "Merges made"),
    "workshop.merge.col.source": ("Proposition regroupée", "Merged proposal"),
    "workshop.merge.col.target": ("Dans", "Into"),
    "workshop.merge.col.moved": ("Gommettes reportées", "Dots moved"),
    "workshop.merge.col.returned": ("Gommettes rendues", "Dots given back"),
    "workshop.merge.col.author": ("Par", "By"),
    "workshop.merge.col.at": ("Le", "At"),
    # participant page
    "vote.title": ("Voter", "Vote"),
    "vote.code": ("Code du vote (affiché à l'écran)", "Vote code (shown on the screen)"),
    "vote.join": ("Rejoindre", "Join"),
    "vote.dots_left": ("Vous avez **{dots}** gommette(s) à répartir.", "You have **{dots}** dot(s) to place."),
    "vote.one_per_item": ("Une gommette au plus par choix.", "At most one dot per item."),
    "vote.submit": ("Enregistrer mes gommettes", "Save my dots"),
    "vote.saved": ("C'est enregistré : {dots} gommette(s). Vous pouvez changer d'avis jusqu'à la clôture du vote.",
                   "Saved: {dots} dot(s). You can change your mind until the vote closes."),
    "vote.too_many": ("Vous avez placé {placed} gommettes ; vous en avez {dots}. Retirez-en {extra}.",
                      "You placed {placed} dots; you have {dots}. Remove {extra}."),
    "vote.negative": ("Un nombre de gommettes ne peut pas être négatif : « {label} ».",
                      "A number of dots cannot be negative: “{label}”."),
    "vote.unchanged": ("Votre vote enregistré n'a pas changé : {dots} gommette(s).",
                       "Your saved vote is unchanged: {dots} dot(s)."),
    "vote.unchanged.none": ("Rien n'est enregistré pour l'instant.", "Nothing is saved yet."),
    "vote.current": ("Votre vote actuel : {dots} gommette(s).", "Your current vote: {dots} dot(s)."),
    "vote.closed": ("Ce vote est clos.", "This vote is closed."),
    "vote.propose": ("Proposer une idée", "Suggest an idea"),
    "vote.propose.text": ("Votre proposition", "Your suggestion"),
    "vote.propose.limit": ("{n} caractères au plus.", "{n} characters at most."),
    "vote.propose.submit": ("Proposer", "Suggest"),
    "vote.propose.exists": ("Cette proposition existe déjà : « {label} ». Votez pour elle ci-dessous ; elle n'a "
                            "pas été ajoutée une seconde fois.",
                            "This proposal already exists: “{label}”. Vote for it below; it was not added twice."),
    "vote.propose.done": ("Proposition ajoutée au vote.", "Suggestion added to the vote."),
    "vote.no_items": ("Pas encore de proposition : ajoutez la vôtre, ou actualisez dans un instant.",
                      "No suggestion yet: add yours, or refresh in a moment."),
    "vote.refresh": ("Actualiser", "Refresh"),
    "vote.merged": ("L'animateur a regroupé « {label} » avec « {into} » : les gommettes de l'une comptent pour "
                    "l'autre.", "The facilitator merged “{label}” with “{into}”: dots on one count for the other."),
}
