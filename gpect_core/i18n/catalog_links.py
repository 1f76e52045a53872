"""Strings of views that are links (URL-bound choices, « Copier le lien ») and of the charts' text alternatives."""

STRINGS = {
    "links.unknown_choice": ("Valeur inconnue dans le lien pour « {label} » : « {value} ». La valeur par défaut est "
                             "affichée.",
                             "Unknown value in the link for “{label}”: “{value}”. The default is shown."),
    "links.unknown_page": ("Ce lien nomme une page qui n'existe pas (« {name} ») : la page « {page} » est affichée.",
                           "This link names a page that does not exist (“{name}”): the page “{page}” is shown."),
    "links.retired": ("Ce lien nomme un réglage qui n'existe plus (« {names} ») : la valeur par défaut est affichée. "
                      "Copiez à nouveau le lien de cette vue.",
                      "This link names a setting that no longer exists (“{names}”): the default is shown. Copy this "
                      "view's link again."),
    "links.copy": ("Copier le lien", "Copy link"),
    "links.copied": ("Lien copié : il ouvre cette vue.", "Link copied: it opens this view."),
    "links.copy_manual": ("Copiez ce lien (Ctrl+C) : il ouvre cette vue.",
                          "Copy this link (Ctrl+C): it opens this view."),
    "links.tab": ("Onglet", "Tab"),
    "chart.data": ("Données du graphique", "Chart data"),
    "chart.data.name": ("Données du graphique : {title}", "Chart data: {title}"),
    # Streamlit's own words, in the page's language (ui/streamlit_text.py)
    "streamlit.enter_apply": ("Appuyez sur Entrée pour valider", "Press Enter to apply"),
    "streamlit.ctrl_enter_apply": ("Appuyez sur Ctrl+Entrée pour valider", "Press Ctrl+Enter to apply"),
    "streamlit.cmd_enter_apply": ("Appuyez sur ⌘+Entrée pour valider", "Press ⌘+Enter to apply"),
    "streamlit.enter_submit": ("Appuyez sur Entrée pour envoyer", "Press Enter to submit form"),
    "streamlit.ctrl_enter_submit": ("Appuyez sur Ctrl+Entrée pour envoyer", "Press Ctrl+Enter to submit form"),
    "streamlit.cmd_enter_submit": ("Appuyez sur ⌘+Entrée pour envoyer", "Press ⌘+Enter to submit form"),
    "streamlit.choose_option": ("Choisissez une option", "Choose an option"),
    "streamlit.choose_options": ("Choisissez une ou plusieurs options", "Choose options"),
    "streamlit.no_results": ("Aucun résultat", "No results"),
    "streamlit.no_options": ("Aucune option", "No options to select"),
    "streamlit.open": ("Ouvrir la liste", "Open"),
    "streamlit.clear_all": ("Tout effacer", "Clear all"),
    "streamlit.add_row": ("Ajouter une ligne", "Add row"),
    "streamlit.delete_rows": ("Supprimer la ou les lignes", "Delete row(s)"),
    "streamlit.clear_selection": ("Effacer la sélection", "Clear selection"),
}
