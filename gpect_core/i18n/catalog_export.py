"""Strings of the exports (captions, download buttons)."""

STRINGS = {
    "export.caption.source": ("Source : {sources}", "Source: {sources}"),
    "export.caption.selection": ("Sélection : {selection}", "Selection: {selection}"),
    "export.caption.date": ("Exporté le {date} — GPECT Atlas", "Exported on {date} — GPECT Atlas"),
    "export.download.png": ("Image PNG", "PNG image"),
    "export.download.svg": ("Image SVG", "SVG image"),
    "export.download.csv": ("Tableau CSV", "CSV table"),
    "export.download.xlsx": ("Tableau Excel", "Excel table"),
    "export.download.help": ("Télécharger avec sa légende (source, millésime, sélection, date).",
                             "Download with its caption (source, vintage, selection, date)."),
}
