"""Strings of the zones map (ui/map.py)."""

STRINGS = {
    "map.static_unwritable": (
        "La carte ne peut pas être affichée : le dossier « {folder} » où l'application écrit le contour des zones "
        "n'est pas accessible en écriture ({error}).",
        "The map cannot be shown: the folder « {folder} » where the app writes the zones' outlines is not "
        "writable ({error}).",
    ),
}
