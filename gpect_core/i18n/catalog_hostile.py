"""Strings of the bounds on untrusted files and of the one error path (issue 14)."""

STRINGS = {
    "hostile.read.memory": (
        "« {file} » : la lecture du fichier a dépassé la mémoire permise ({megabytes} Mo) et a été arrêtée ; "
        "le fichier est trop gros ou construit pour piéger le lecteur. Il est refusé ; rien n'a été modifié.",
        "“{file}”: reading the file went beyond the memory allowed ({megabytes} MB) and was stopped; the file is "
        "too large or built to trap the reader. It is refused; nothing was changed."),
    "hostile.read.time": (
        "« {file} » : la lecture du fichier a dépassé {seconds} s et a été arrêtée ; le fichier est refusé, "
        "rien n'a été modifié. Découpez-le ou envoyez-le en CSV.",
        "“{file}”: reading the file took more than {seconds} s and was stopped; the file is refused, nothing was "
        "changed. Split it or send it as CSV."),
    "hostile.read.busy": (
        "« {file} » : le serveur lit déjà d'autres fichiers et celui-ci a attendu trop longtemps son tour ; rien "
        "n'a été modifié. Réessayez dans quelques minutes.",
        "“{file}”: the server is already reading other files and this one waited too long for its turn; nothing "
        "was changed. Try again in a few minutes."),
    "hostile.read.crash": (
        "« {file} » : la lecture du fichier a échoué (fichier abîmé ou d'un format inattendu) ; il est refusé, "
        "rien n'a été modifié.",
        "“{file}”: reading the file failed (damaged file or unexpected format); it is refused, nothing was "
        "changed."),
}
STRINGS.update({
    "hostile.plan.refused": (
        "{file} : {n} problème(s) ; le classeur est refusé en entier, rien n'a été enregistré.",
        "{file}: {n} problem(s); the whole workbook is refused, nothing was saved."),
    "hostile.build.template_unused": (
        "aucune de ses lignes n'entre dans le pack construit (build-pack ne lit pas ce modèle du comité, ou ses "
        "zones n'y sont pas) : importez « {file} » sur la page « Données », sur le pack une fois construit.",
        "none of its rows goes into the built pack (build-pack does not read this committee template, or its zones "
        "are not in it): import “{file}” on the « Données » page, onto the pack once built."),
    "hostile.plan.unknown_action": (
        "colonne « {column} » : action « {action} » inconnue (ni dans la feuille « Actions » ni dans le plan) ; "
        "corrigez l'identifiant de l'action.",
        "column “{column}”: action “{action}” is unknown (neither in the “Actions” sheet nor in the plan); correct "
        "the action identifier."),
    "hostile.plan.moved": (
        "colonne « {column} » : « {before} » → « {after} » : un import ne déplace pas un indicateur ou un jalon "
        "d'une action à une autre ; remettez « {before} », puis créez-le sous « {after} » sur la page du plan.",
        "column “{column}”: “{before}” → “{after}”: an import does not move an indicator or a milestone from one "
        "action to another; put back “{before}”, then create it under “{after}” on the plan page."),
    "hostile.plan.unknown_indicator": (
        "valeur d'un indicateur « {indicator} » qui n'existe ni dans la feuille « Indicateurs » ni dans le plan.",
        "value of an indicator “{indicator}” that is neither in the “Indicateurs” sheet nor in the plan."),
    "hostile.plan.unreadable": (
        "{file} : ce fichier n'est pas un classeur Excel lisible (abîmé, protégé par mot de passe ou d'un autre "
        "format) ; rien n'a été importé.",
        "{file}: this file is not a readable Excel workbook (damaged, password-protected or of another format); "
        "nothing was imported."),
    "hostile.plan.duplicate_header": (
        "{file}, feuille « {sheet} » : la colonne « {column} » figure plusieurs fois (colonnes {columns}) ; "
        "gardez-en une seule.",
        "{file}, sheet “{sheet}”: the column “{column}” appears more than once (columns {columns}); keep only one."),
    "hostile.plan.preview_problems": (
        "{n} problème(s) dans {file} : le classeur ne peut pas être appliqué tel quel.",
        "{n} problem(s) in {file}: the workbook cannot be applied as it is."),
})
STRINGS.update({
    "hostile.cli.unexpected": (
        "La commande « {command} » s'est arrêtée sur une erreur inattendue ; rien n'a été modifié. Relancez-la "
        "avec --debug pour le détail technique et signalez-le.",
        "The command “{command}” stopped on an unexpected error; nothing was changed. Run it again with --debug "
        "for the technical details and report it."),
})
STRINGS.update({
    "hostile.geo.all_rejected": (
        "aucun polygone utilisable : toutes les entités du fichier ont été rejetées (voir ses problèmes)",
        "no usable polygon: every feature of the file was rejected (see its problems)"),
})
STRINGS.update({
    "hostile.upload.need_editor": (
        "Pour envoyer et vérifier des fichiers, connectez-vous avec un compte au rôle éditeur (page « Plan "
        "d'action », barre latérale). La provenance et les modèles restent consultables par tous.",
        "To upload and check files, log in with an account with the editor role (« Plan d'action » page, "
        "sidebar). Provenance and templates stay open to everyone."),
})
STRINGS.update({
    "hostile.csv.quote": (
        "guillemet ouvert jamais refermé à partir de cette ligne ; refermez-le ou retirez-le.",
        "a quote opened on this line is never closed; close it or remove it."),
    "hostile.csv.columns": (
        "structure CSV incohérente (nombre de colonnes variable). Vérifiez le séparateur « {sep} » et les "
        "guillemets.",
        "inconsistent CSV structure (varying number of columns). Check the separator “{sep}” and the quotes."),
    "hostile.csv.field_too_long": (
        "un champ dépasse {limit} caractères (un guillemet mal fermé, ou un texte trop long pour une cellule) ; "
        "vérifiez les guillemets de cette ligne ou raccourcissez la valeur.",
        "a field is longer than {limit} characters (a badly closed quote, or a text too long for a cell); check "
        "the quotes on this line or shorten the value."),
    "hostile.value.yes_no_cell": (
        "« oui » ou « non » attendu (laisser vide vaut « non »)",
        "« oui » (yes) or « non » (no) expected (empty means no)"),
    "hostile.csv.extra_field": (
        "une valeur en fin de ligne n'a pas d'en-tête de colonne ; ajoutez l'en-tête ou retirez la valeur.",
        "a value at the end of the line has no column header; add the header or remove the value."),
    "hostile.header.duplicate": (
        "la colonne « {column} » figure plusieurs fois (colonnes {positions}) ; on ne peut pas deviner "
        "laquelle lire : gardez-en une seule ou renommez l'autre.",
        "the column “{column}” appears more than once (columns {positions}); which one to read cannot be "
        "guessed: keep only one or rename the other."),
})
STRINGS.update({
    "hostile.value.yes_no": (
        "{where} : « {value} » n'est ni oui ni non (écrivez oui ou non).",
        "{where}: “{value}” is neither yes nor no (write oui or non)."),
    "hostile.value.percent_in_count": (
        "un nombre est attendu, sans signe % (cette colonne n'est pas un pourcentage)",
        "a number is expected, without a % sign (this column is not a percentage)"),
    "hostile.value.future_year": (
        "année postérieure à {latest} : à confirmer dans l'aperçu avant l'intégration (ou corrigez-la)",
        "year after {latest}: to be confirmed in the preview before integration (or correct it)"),
    "hostile.value.fraction_among_percents": (
        "valeur entre 0 et 1 alors que la colonne est en pourcentages : elle sera lue comme moins de 1 % si vous le "
        "confirmez dans l'aperçu ; si c'est une fraction (0,75 pour 75 %), écrivez le pourcentage (75)",
        "a value between 0 and 1 in a column of percentages: it will be read as less than 1 % if you confirm it in "
        "the preview; if it is a fraction (0.75 for 75 %), write the percentage (75)"),
    "hostile.value.impossible_iso_date": (
        "date impossible : écrite année-mois-jour (AAAA-MM-JJ), elle n'existe pas ; corrigez-la ou écrivez-la "
        "JJ/MM/AAAA",
        "impossible date: written year-month-day (YYYY-MM-DD), it does not exist; correct it or write it DD/MM/YYYY"),
    "hostile.value.fraction_in_percent": (
        "toutes les valeurs de la colonne sont entre 0 et 1 : ce sont sans doute des fractions (0,75 pour 75 %) ; "
        "elles seront lues comme des fractions (0,75 = 75 %) si vous le confirmez dans l'aperçu, sinon écrivez le "
        "pourcentage (75)",
        "every value of the column is between 0 and 1: they are probably fractions (0.75 for 75 %); they will be "
        "read as fractions (0.75 = 75 %) if you confirm it in the preview, otherwise write the percentage (75)"),
    "hostile.value.rome": (
        "code ROME attendu (une lettre de A à N et quatre chiffres, ex. H2913)",
        "ROME code expected (a letter A to N and four digits, e.g. H2913)"),
    "hostile.value.rome_upper": (
        "« {file} », colonne « {column} » : {n} code(s) ROME écrit(s) en minuscules, mis en majuscules ({examples})",
        "“{file}”, column “{column}”: {n} ROME code(s) written in lower case, put in upper case ({examples})"),
    "hostile.value.class_fraction": (
        "classe entière de 1 à 5 attendue (une valeur décimale n'est pas arrondie)",
        "whole class from 1 to 5 expected (a decimal value is not rounded)"),
})
STRINGS.update({
    "hostile.geo.crs_mismatch": (
        "« {file} » : le fichier se déclare en {crs} (degrés de longitude et latitude), mais ses coordonnées "
        "(ex. {x} ; {y}) sont en mètres{guess}. Réexportez-le en déclarant son vrai système de coordonnées.",
        "“{file}”: the file declares {crs} (degrees of longitude and latitude), but its coordinates (e.g. {x}; "
        "{y}) are in metres{guess}. Export it again declaring its real coordinate system."),
    "hostile.geo.lambert": (" : elles ressemblent à du Lambert-93 (EPSG:2154)",
                            ": they look like Lambert-93 (EPSG:2154)"),
})
STRINGS.update({
    "hostile.pack.check": (
        "{files} : le pack après intégration ne passerait pas le contrôle final : {message}",
        "{files}: the pack after integration would fail the final check: {message}"),
    "hostile.pack.unexpected": (
        "{files} : l'intégration s'est arrêtée sur une erreur inattendue ; rien n'a été modifié (le détail est "
        "dans le journal du serveur).",
        "{files}: integration stopped on an unexpected error; nothing was changed (the details are in the server "
        "log)."),
    "hostile.zones.replaced": (
        "Attention : le zonage {zoning} du pack compte {held} zone(s) ; l'envoi en apporte {brought} et remplace "
        "le zonage entier : {gone} zone(s) en disparaîtraient ({codes}), avec les chiffres qui s'y rattachent. "
        "Pour ajouter ou corriger une zone, envoyez le zonage complet.",
        "Warning: the pack's zoning {zoning} has {held} zone(s); the upload brings {brought} and replaces the whole "
        "zoning: {gone} zone(s) would disappear ({codes}), with the figures attached to them. To add or correct a "
        "zone, send the complete zoning."),
})
STRINGS.update({
    "hostile.geo.duplicate_code": (
        "code de zone « {code} » en double : déjà pris par l'entité {first} ; chaque zone doit avoir son propre "
        "code (ou réunissez ses polygones en un seul multipolygone)",
        "zone code “{code}” repeated: already used by feature {first}; each zone needs its own code (or merge its "
        "polygons into one multipolygon)"),
    "hostile.geo.self_intersection": (
        "le polygone de la zone{code} se recoupe{at} (contour en huit ou qui se croise) ; corrigez-le dans votre "
        "logiciel de cartographie (QGIS : Vecteur > Outils de géométrie > Réparer les géométries)",
        "the polygon of zone{code} crosses itself{at} (figure-of-eight outline); fix it in your GIS (QGIS: Vector "
        "> Geometry tools > Fix geometries)"),
    "hostile.geo.invalid": (
        "le polygone de la zone{code} est invalide{at} ; corrigez-le dans votre logiciel de cartographie (QGIS : "
        "Vecteur > Outils de géométrie > Réparer les géométries)",
        "the polygon of zone{code} is invalid{at}; fix it in your GIS (QGIS: Vector > Geometry tools > Fix "
        "geometries)"),
    "hostile.geo.degrees_in_projected": (
        "« {file} » : le fichier se déclare en {crs} (coordonnées en mètres), mais ses coordonnées (ex. {x} ; {y}) "
        "sont des degrés de longitude et latitude (WGS 84). Réexportez-le en déclarant son vrai système de "
        "coordonnées (EPSG:4326).",
        "“{file}”: the file declares {crs} (coordinates in metres), but its coordinates (e.g. {x}; {y}) are degrees "
        "of longitude and latitude (WGS 84). Export it again declaring its real coordinate system (EPSG:4326)."),
    "hostile.geo.absurd_coordinate": (
        "« {file} » : une coordonnée du fichier est hors de toute mesure (ex. {x} ; {y}, en {crs}) : le fichier est "
        "abîmé ou mal exporté ; corrigez-le puis réexportez-le.",
        "“{file}”: a coordinate of the file is beyond any measure (e.g. {x}; {y}, in {crs}): the file is damaged or "
        "badly exported; fix it and export it again."),
    "hostile.text.utf32_broken": (
        "« {file} » : l'encodage de ce fichier (UTF-32) n'est pas pris en charge ; enregistrez-le en CSV UTF-8 "
        "ou en Excel.",
        "“{file}”: this file's encoding (UTF-32) is not supported; save it as UTF-8 CSV or as Excel."),
    "hostile.text.wrong_extension": (
        "« {file} » : ce fichier est un texte (CSV) et non un classeur Excel, malgré son extension « {suffix} » ; "
        "renommez-le en « .csv » puis envoyez-le de nouveau.",
        "“{file}”: this file is text (CSV), not an Excel workbook, despite its “{suffix}” extension; rename it to "
        "“.csv” and send it again."),
    "hostile.geo.layers": (
        "« {file} » : le GeoPackage contient {n} couches ({layers}) ; on ne peut pas deviner laquelle est le "
        "zonage. Enregistrez la couche voulue seule dans un GeoPackage (QGIS : clic droit > Exporter) et "
        "envoyez-le.",
        "“{file}”: the GeoPackage holds {n} layers ({layers}); which one is the zoning cannot be guessed. Save the "
        "layer meant alone in a GeoPackage (QGIS: right click > Export) and send it."),
    "hostile.geo.nan": (
        "« {file} » : des coordonnées ne sont pas des nombres (« NaN » ou « Infinity ») ; corrigez les polygones "
        "concernés puis réexportez le fichier.",
        "“{file}”: some coordinates are not numbers (“NaN” or “Infinity”); fix those polygons and export the file "
        "again."),
    "hostile.geo.duplicate_key": (
        "« {file} », entité {n} : l'attribut « {attribute} » y figure deux fois ; une seule valeur serait gardée sans "
        "qu'on sache laquelle est la bonne. Corrigez le fichier.",
        "“{file}”, feature {n}: the attribute “{attribute}” appears twice; only one value would be kept without knowing "
        "which is right. Fix the file."),
    "hostile.zones.none_inside": (
        "aucune commune du pack dans ces zones (zonage {zoning}, {n} zone(s) : {codes}) : le fichier couvre-t-il "
        "bien le territoire, et dans le bon système de coordonnées ? Sans commune, ces zones n'auront ni "
        "population ni chiffres.",
        "no commune of the pack lies in these zones (zoning {zoning}, {n} zone(s): {codes}): does the file cover "
        "the territory, in the right coordinate system? Without communes these zones will have neither "
        "population nor figures."),
    "hostile.zones.some_empty": (
        "{n} zone(s) du zonage {zoning} ne contiennent aucune commune du pack ({codes}) : elles n'auront ni "
        "population ni chiffres.",
        "{n} zone(s) of zoning {zoning} hold no commune of the pack ({codes}): they will have neither population "
        "nor figures."),
    "hostile.geo.ring": (
        "« {file} » : un polygone du fichier est mal formé (contour non fermé ou de moins de quatre points) ; "
        "corrigez-le dans votre logiciel de cartographie (QGIS : Vecteur > Outils de géométrie > Vérifier la "
        "validité) puis réexportez le fichier.",
        "“{file}”: a polygon of the file is malformed (ring not closed or of fewer than four points); fix it in "
        "your mapping software (QGIS: Vector > Geometry Tools > Check Validity) and export the file again."),
})
STRINGS.update({
    "hostile.value.too_large": (
        "nombre trop grand (au-delà de 9 millions de milliards, ou infini) : vérifiez la cellule",
        "number too large (beyond 9 million billion, or infinite): check the cell"),
})
STRINGS.update({
    "hostile.columns.too_many": (
        "{where} : le tableau compte {columns} colonnes, au-delà de la limite de {limit} ; il est refusé. "
        "Retirez les colonnes inutiles (ou vides) avant de l'envoyer.",
        "{where}: the table has {columns} columns, beyond the limit of {limit}; it is refused. Remove the "
        "unneeded (or empty) columns before sending it."),
})
STRINGS.update({
    "hostile.plan.hidden_sheet": (
        "{file} : la feuille « {sheet} » est masquée dans le classeur ; ses lignes seront importées comme les "
        "autres : vérifiez qu'elle est bien à jour.",
        "{file}: the sheet “{sheet}” is hidden in the workbook; its rows will be imported like the others: check "
        "that it is up to date."),
    "hostile.plan.merged": (
        "{file}, feuille « {sheet} », colonne « {column} » : cellules fusionnées {cells} (lignes {first} à {last}) ;"
        " seule la première ligne aurait une valeur. Défusionnez-les et recopiez la valeur sur chaque ligne.",
        "{file}, sheet “{sheet}”, column “{column}”: merged cells {cells} (rows {first} to {last}); only the first "
        "row would have a value. Unmerge them and copy the value on each row."),
    "hostile.plan.formula": (
        "{file}, feuille « {sheet} », ligne {row}, colonne « {column} » : formule sans valeur calculée "
        "(« {formula} ») : ouvrez et enregistrez le classeur dans Excel (ou LibreOffice), ou remplacez la formule "
        "par sa valeur.",
        "{file}, sheet “{sheet}”, row {row}, column “{column}”: formula without a computed value (“{formula}”): "
        "open and save the workbook in Excel (or LibreOffice), or replace the formula by its value."),
    "hostile.plan.rome": (
        "{where} : {codes} n'est pas un code ROME (une lettre de A à N et quatre chiffres, ex. H2913) ; séparez "
        "les codes par « ; ».",
        "{where}: {codes} is not a ROME code (a letter A to N and four digits, e.g. H2913); separate the codes "
        "with “;”."),
    "hostile.plan.rome_upper": (
        "{where} : « {value} » lu « {read} » (codes ROME mis en majuscules).",
        "{where}: “{value}” read “{read}” (ROME codes put in upper case)."),
    "hostile.plan.percent": (
        "{where} : « {value} » est lu {read} (le « % » est ignoré) ; vérifiez que c'est bien le montant voulu.",
        "{where}: “{value}” is read {read} (the “%” is ignored); check that it is the amount meant."),
    "hostile.plan.too_large": (
        "{where} : valeur hors de portée (au-delà de {limit} en valeur absolue) ; écrivez le nombre voulu.",
        "{where}: value out of range (beyond {limit} in absolute value); write the number meant."),
    "hostile.plan.confirm_needed": (
        "{file} : rien n'a été importé : {n} valeur(s) à vérifier attendent votre confirmation (case « Je "
        "confirme… » de la page, ou --confirm en ligne de commande).",
        "{file}: nothing was imported: {n} value(s) to check await your confirmation (the “I confirm…” box of the "
        "page, or --confirm on the command line)."),
    "hostile.plan.confirm_list": (
        "{file} : {n} valeur(s) à vérifier avant d'appliquer :",
        "{file}: {n} value(s) to check before applying:"),
    "hostile.plan.not_finite": (
        "{where} : « {value} » n'est pas un nombre fini (infini ou « nan ») ; écrivez un nombre.",
        "{where}: “{value}” is not a finite number (infinite or “nan”); write a number."),
    "hostile.plan.unknown_zone": (
        "colonne « {column} » : zone « {code} » inconnue du pack (elle n'est dans aucun de ses zonages) ; "
        "corrigez le code ou retirez-le.",
        "column “{column}”: zone “{code}” is unknown to the pack (in none of its zonings); correct the code or "
        "remove it."),
    "hostile.plan.far_date": (
        "colonne « {column} » : date du {date}, plus de {years} ans après aujourd'hui ; vérifiez-la (une date si "
        "lointaine est sans doute une faute de frappe).",
        "column “{column}”: date {date}, more than {years} years from today; check it (a date so far ahead is "
        "probably a typo)."),
})
STRINGS.update({
    "hostile.geo.not_utf8": (
        "« {file} » : le fichier n'est pas en UTF-8 (un GeoJSON l'est toujours) ; réexportez-le en UTF-8.",
        "“{file}”: the file is not UTF-8 (a GeoJSON always is); export it again as UTF-8."),
    "hostile.geo.bare_geometry": (
        "« {file} » : le fichier est une géométrie seule ({kind}), sans attributs : aucune zone ni commune ne "
        "peut y être nommée. Envoyez une FeatureCollection dont chaque entité porte son code (propriété "
        "code_zone, ze2020, codgeo…).",
        "“{file}”: the file is a bare geometry ({kind}) without attributes: no zone or commune can be named in "
        "it. Send a FeatureCollection whose features each carry their code (property code_zone, ze2020, "
        "codgeo…)."),
    "hostile.geo.not_features": (
        "« {file} » : GeoJSON de type « {kind} » : une FeatureCollection (ou une Feature) est attendue.",
        "“{file}”: GeoJSON of type “{kind}”: a FeatureCollection (or a Feature) is expected."),
    "hostile.geo.text_coordinates": (
        "« {file} », entité {n} : les coordonnées sont écrites comme du texte (« {value} » entre guillemets) ; "
        "elles doivent être des nombres. Réexportez le fichier depuis votre logiciel de cartographie.",
        "“{file}”, feature {n}: the coordinates are written as text (“{value}” in quotes); they must be numbers. "
        "Export the file again from your mapping software."),
    "hostile.geo.no_attributes": (
        "« {file} » : aucune des {n} entité(s) n'a d'attributs (« properties » vides ou null) : impossible de "
        "savoir à quelle zone ou commune chaque contour correspond. Ajoutez au moins une propriété de code "
        "(code_zone, ze2020, codgeo…).",
        "“{file}”: none of the {n} feature(s) has attributes (“properties” empty or null): which zone or commune "
        "each outline is cannot be known. Add at least a code property (code_zone, ze2020, codgeo…)."),
    "hostile.geo.missing": (
        "géométrie absente (« geometry » vide ou null) : chaque entité doit avoir son contour",
        "missing geometry (“geometry” empty or null): every feature needs its outline"),
    "hostile.csv.header_only": (
        "le fichier n'a que sa ligne d'en-tête (ligne {line}) et aucune ligne de données ; il n'y a rien à "
        "intégrer.",
        "the file has only its header line (line {line}) and no data line; there is nothing to integrate."),
})
STRINGS.update({
    "hostile.confirm.more": (
        "… et {n} autre(s) valeur(s) à confirmer pour la même raison ({reason})",
        "… and {n} other value(s) to confirm for the same reason ({reason})"),
    "hostile.confirm.header": ("Valeurs à confirmer", "Values to confirm"),
    "hostile.confirm.intro": (
        "{n} valeur(s) inhabituelle(s) : elles ne sont pas refusées, mais rien n'est intégré tant que vous ne les "
        "avez pas confirmées. Vérifiez-les dans le fichier :",
        "{n} unusual value(s): they are not refused, but nothing is integrated until you confirm them. Check them "
        "in the file:"),
    "hostile.confirm.box": (
        "Je confirme ces {n} valeur(s) telles qu'elles seront intégrées (voir ci-dessus)",
        "I confirm these {n} value(s) as they will be integrated (see above)"),
    "hostile.confirm.needed": (
        "Rien n'a été intégré : {n} valeur(s) inhabituelle(s) attendent votre confirmation (case « Je confirme… » "
        "de l'aperçu).",
        "Nothing was integrated: {n} unusual value(s) await your confirmation (the “I confirm…” box of the "
        "preview)."),
})
STRINGS.update({
    "hostile.rome.unknown": (
        "le code ROME « {code} » n'existe pas dans le ROME 4.0",
        "the ROME code “{code}” does not exist in ROME 4.0"),
    "hostile.rome.malformed": (
        "« {code} » n'est pas un code ROME (une lettre de A à N et quatre chiffres, ex. H2913)",
        "“{code}” is not a ROME code (a letter A to N and four digits, e.g. H2913)"),
    "hostile.rome.unknown_in_file": (
        "{where} : le code ROME « {code} » n'existe pas dans le ROME 4.0 (référentiel du pack) ; corrigez-le.",
        "{where}: the ROME code “{code}” does not exist in ROME 4.0 (the pack's referential); correct it."),
    "hostile.plan.date_cell": (
        "{where} : la cellule est au format date (elle affiche le {date}, valeur enregistrée {stored}) alors que la "
        "colonne attend {expected} ; mettez la cellule au format nombre (ou texte) et écrivez la valeur voulue.",
        "{where}: the cell is formatted as a date (it shows {date}, stored value {stored}) while the column expects "
        "{expected}; format the cell as a number (or text) and write the value meant."),
    "hostile.plan.date_cell_text": (
        "{where} : la cellule est au format date ; elle est lue comme le texte « {read} » : vérifiez-le.",
        "{where}: the cell is formatted as a date; it is read as the text “{read}”: check it."),
    "hostile.plan.number_not_date": (
        "{where} : la cellule contient le nombre {value} et non une date (elle n'est pas au format date ; Excel "
        "l'afficherait le {date}) ; mettez-la au format date ou écrivez JJ/MM/AAAA.",
        "{where}: the cell holds the number {value}, not a date (it is not formatted as a date; Excel would show "
        "{date}); format it as a date or write DD/MM/YYYY."),
    "hostile.workbook.encrypted": (
        "« {file} » : le classeur est protégé par mot de passe ; ouvrez-le dans Excel, retirez le mot de passe "
        "(Fichier > Informations > Protéger le classeur) et enregistrez-le de nouveau.",
        "“{file}”: the workbook is password-protected; open it in Excel, remove the password (File > Info > "
        "Protect Workbook) and save it again."),
    "hostile.plan.future_date": (
        "colonne « {column} » : date du {date}, après l'année {latest} ; vérifiez-la (une faute de frappe ?) avant "
        "d'appliquer.",
        "column “{column}”: date {date}, after the year {latest}; check it (a typo?) before applying."),
    "hostile.plan.expected.number": ("un nombre", "a number"),
    "hostile.plan.expected.integer": ("un nombre entier", "a whole number"),
    "hostile.plan.expected.yes_no": ("oui ou non", "yes or no"),
    "hostile.plan.expected.codes": ("une liste de codes", "a list of codes"),
    "hostile.plan.expected.text": ("un texte (identifiant, statut ou libellé connu)",
                                   "a text (identifier, status or known label)"),
})
