"""Strings of the « Données » page: import, validation report, provenance, templates."""

STRINGS = {
    "nav.donnees": ("Données", "Data"),
    "donnees.title": ("Données du territoire", "Territory data"),
    "donnees.intro": (
        "Importez les fichiers officiels (INSEE, France Travail, DARES, DEPP…) ou les modèles remplis par le "
        "comité. Chaque fichier est reconnu par son contenu, vérifié, puis montré avant d'être intégré.",
        "Import the official files (INSEE, France Travail, DARES, DEPP…) or the templates filled in by the "
        "committee. Each file is recognised by its content, checked, then shown before it is integrated."),
    "donnees.tab.import": ("Importer", "Import"),
    "donnees.tab.provenance": ("Provenance", "Provenance"),
    "donnees.tab.templates": ("Modèles à remplir", "Templates"),
    "donnees.upload.label": ("Fichiers à importer (CSV, XLSX, GeoJSON, GeoPackage, Shapefile zippé)",
                             "Files to import (CSV, XLSX, GeoJSON, GeoPackage, zipped Shapefile)"),
    "donnees.upload.limit": ("Taille maximale par fichier : {limit}.", "Maximum size per file: {limit}."),
    "donnees.staged": ("{n} fichier(s) prêt(s) : {names}", "{n} file(s) ready: {names}"),
    "donnees.clear": ("Retirer les fichiers", "Remove the files"),
    "donnees.accept_rejections": ("Écarter les lignes rejetées et intégrer le reste",
                                  "Leave out the rejected rows and integrate the rest"),
    "donnees.accept_rejections.help": (
        "Par défaut, un seul problème bloque l'intégration. Cochez pour les fichiers officiels dont quelques "
        "lignes sont fautives à la source.",
        "By default a single problem blocks integration. Tick for official files with a few faulty rows at "
        "the source."),
    "donnees.check": ("Vérifier", "Check"),
    "donnees.nothing": ("Ajoutez un ou plusieurs fichiers pour commencer.", "Add one or more files to start."),
    "donnees.recognised.header": ("Fichiers reconnus", "Recognised files"),
    "donnees.col.file": ("Fichier", "File"),
    "donnees.col.recognised": ("Reconnu comme", "Recognised as"),
    "donnees.col.rows": ("Lignes lues", "Rows read"),
    "donnees.col.rejected": ("Lignes rejetées", "Rows rejected"),
    "donnees.col.secret": ("Cellules secrètes", "Secret cells"),
    "donnees.unrecognised": ("non reconnu", "not recognised"),
    "donnees.documentation": ("documentation — non utilisée", "documentation — not used"),
    "donnees.vintage.ask": ("{n} table(s) sans année lisible : indiquez le millésime de chacune, puis cliquez de "
                            "nouveau sur « Vérifier ».",
                            "{n} table(s) without a readable year: give the vintage of each, then click « Check » "
                            "again."),
    "donnees.vintage.label": ("Millésime de {name}", "Vintage of {name}"),
    "donnees.mapping.header": ("Dire quelle colonne est laquelle", "Say which column is which"),
    "donnees.mapping.intro": (
        "Ces tableaux n'ont pas été reconnus. Choisissez le type de tableau, puis la colonne de chaque champ ; "
        "la correspondance est retenue pour les prochains fichiers aux mêmes en-têtes.",
        "These tables were not recognised. Choose the kind of table, then the column of each field; the mapping "
        "is remembered for the next files with the same headers."),
    "donnees.mapping.kind": ("Type de tableau", "Kind of table"),
    "donnees.mapping.none": ("— aucune —", "— none —"),
    "donnees.mapping.required": ("obligatoire", "required"),
    "donnees.mapping.missing": ("Champ(s) obligatoire(s) sans colonne : {fields}", "Required field(s) without a "
                                "column: {fields}"),
    "donnees.mapping.same_column": ("Une même colonne est choisie pour plusieurs champs : {columns}",
                                    "One column is chosen for several fields: {columns}"),
    "donnees.mapping.preview": ("Aperçu des premières lignes, colonnes renommées :",
                                "Preview of the first rows, columns renamed:"),
    "donnees.mapping.apply": ("Appliquer et vérifier de nouveau", "Apply and check again"),
    "donnees.mapping.saved": ("Correspondance retenue pour « {file} ».", "Mapping remembered for « {file} »."),
    "donnees.report.header": ("Rapport de validation", "Validation report"),
    "donnees.report.problems": ("{n} problème(s) : rien ne sera intégré tant qu'ils demeurent.",
                                "{n} problem(s): nothing will be integrated while they remain."),
    "donnees.report.ok": ("Aucun problème : les données peuvent être intégrées.",
                          "No problem: the data can be integrated."),
    "donnees.preview.header": ("Aperçu de ce qui sera intégré", "Preview of what will be integrated"),
    "donnees.preview.table": ("{table} : {n} ligne(s)", "{table}: {n} row(s)"),
    "donnees.integrate": ("Intégrer", "Integrate"),
    "donnees.integrated": ("Données intégrées dans le pack. La version précédente est conservée.",
                           "Data integrated into the pack. The previous version is kept."),
    "donnees.need_editor": (
        "Pour intégrer ou restaurer, connectez-vous avec un rôle éditeur (page « Plan d'action »). "
        "La vérification reste ouverte à tous.",
        "To integrate or restore, log in with an editor role (« Action plan » page). Checking stays open "
        "to everyone."),
    "donnees.restore.header": ("Version précédente", "Previous version"),
    "donnees.restore.help": ("Le pack d'avant la dernière intégration est conservé ; le restaurer échange les "
                             "deux versions (on peut donc revenir en arrière).",
                             "The pack as it was before the last integration is kept; restoring swaps the two "
                             "versions (so it can be undone)."),
    "donnees.restore": ("Restaurer la version précédente", "Restore the previous version"),
    "donnees.restored": ("Version précédente restaurée.", "Previous version restored."),
    "donnees.no_previous": ("Aucune version précédente à restaurer.", "No previous version to restore."),
    "donnees.provenance.caption": ("Ce que contient le pack, table par table : d'où viennent les données, leur "
                                   "millésime, leur licence, l'empreinte SHA-256 du fichier importé, quand et par "
                                   "qui.",
                                   "What the pack holds, table by table: where the data comes from, vintage, "
                                   "licence, SHA-256 of the imported file, when and by whom."),
    "donnees.prov.table": ("Table", "Table"),
    "donnees.prov.source": ("Source", "Source"),
    "donnees.prov.producer": ("Producteur", "Producer"),
    "donnees.prov.vintage": ("Millésime", "Vintage"),
    "donnees.prov.licence": ("Licence", "Licence"),
    "donnees.prov.rows": ("Lignes", "Rows"),
    "donnees.prov.hash": ("Empreinte du fichier", "File hash"),
    "donnees.prov.imported_at": ("Importé le", "Imported at"),
    "donnees.prov.imported_by": ("Importé par", "Imported by"),
    "donnees.prov.download_title": ("Provenance des données du pack", "Provenance of the pack's data"),
    "donnees.build_report": ("Rapport de construction du pack (build-pack)", "Pack build report (build-pack)"),
    "donnees.templates.caption": ("Modèles Excel, en-têtes en français, pour les tables que le comité remplit "
                                  "à la main. La feuille « Notice » dit ce qu'attend chaque colonne.",
                                  "Excel templates with French headers for the tables the committee fills in "
                                  "by hand. The « Notice » sheet says what each column expects."),
    "donnees.templates.download": ("Télécharger le modèle", "Download the template"),
    "donnees.templates.columns": ("Colonnes : {columns}", "Columns: {columns}"),
    "donnees.templates.required": ("obligatoire", "required"),
    "donnees.error.unexpected": ("L'import a échoué sans message précis ; le pack n'a pas été modifié.",
                                 "The import failed without a precise message; the pack was not changed."),
    # Labels of the zonings a pack built from official files writes in its manifest (gpect_core.assemble).
    "pack.zoning.ZE2020": ("Zones d'emploi 2020", "Employment zones 2020"),
    "pack.zoning.BMO": ("Bassins d'emploi BMO", "BMO employment basins"),
    "pack.zoning.EPCI": ("Intercommunalités (EPCI)", "Inter-municipalities (EPCI)"),
    "pack.zoning.DEP": ("Départements", "Départements"),
    "pack.zoning.REG": ("Régions", "Regions"),
    "pack.zoning.FR": ("France", "France"),
    "pack.zoning.custom": ("Zonage du comité", "Committee zoning"),
}
