"""The vintage of a table, read from the file itself, never a constant of the reader.

In order: the value the user gave for the file (`--vintage FILE=YEAR`, or the « Données » page), the format's
own reading of the content (a year column such as `annee`, a header such as `BE25`, a `millesime`), the title
rows above the header (INSEE's « Géographie au 01/01/2022 », « Mise en ligne le … »), the sheet name, then the
file name with a pattern that cannot take the `2020` of `ZE2020` or `FAP2009` for a year. A format whose
figures need a year (`Format.needs_vintage`) and finds none is set aside: `build-pack` refuses, naming the file
and the option, and the « Données » page asks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePath

from .sniff import RawTable

# A year standing alone: not glued to letters or digits (ZE2020, FAP2009, BE19, v460 are names, not years).
YEAR = r"(?<![A-Za-z0-9])((?:19[5-9]|20[0-9])\d)(?![0-9])"
TITLE_PATTERNS = (
    r"g[ée]ographie\s+au\s+\d{1,2}(?:er)?[/.\- ]\d{1,2}[/.\- ](\d{4})",
    r"g[ée]ographie\s+au\s+1er\s+janvier\s+(\d{4})",
    r"g[ée]ographie\s+(?:en\s+vigueur\s+)?(?:au|en)\s+(\d{4})",
    r"mise\s+en\s+ligne\s+(?:le\s+)?\d{1,2}(?:er)?[/.\- ](?:\d{1,2}|\w+)[/.\- ](\d{4})",
    r"ann[ée]e\s+(\d{4})",
    r"rentr[ée]e\s+(\d{4})",
    r"mill[ée]sime\s+(\d{4})",
)


def year_in_name(file: str) -> str:
    """The first standalone year (1950–2099) of a file name, or '': « Base_open_data_BMO_2025.xlsx » → 2025,
    « ZE2020_au_01-01-2023.xlsx » → 2023 (the `2020` of `ZE2020` is a zoning's name), « fap2009.csv » → ''."""
    match = re.search(YEAR, PurePath(file).name)
    return match.group(1) if match else ""


def year_in_title(raw: RawTable) -> str:
    """The year the title rows above the header state (« Géographie au 01/01/2022 » → 2022), or ''."""
    for line in raw.title:
        for pattern in TITLE_PATTERNS:
            match = re.search(pattern, line, flags=re.IGNORECASE)
            if match:
                return match.group(1)
    return ""


def year_in_sheet(raw: RawTable) -> str:
    """A standalone year in the sheet's name (« BMO 2023 » → 2023), or ''."""
    match = re.search(YEAR, raw.sheet or "")
    return match.group(1) if match else ""


def given_for(raw: RawTable, given: Mapping[str, str] | None) -> str:
    """The vintage the user gave for this table: by « file [sheet] », then by file path, then by base name."""
    if not given:
        return ""
    for key in (f"{raw.file} [{raw.sheet}]" if raw.sheet else None, raw.file, PurePath(raw.file).name):
        if key and str(given.get(key, "")).strip():
            return str(given[key]).strip()
    return ""


def resolve(raw: RawTable, from_content: str, given: Mapping[str, str] | None = None) -> tuple[str, str]:
    """(vintage, where it was read, in French) for a table; ('', '') when nothing says it.

    `from_content`: what the format read in the content (`Format.vintage_of`), '' when it found nothing."""
    for value, where in ((given_for(raw, given), "indiquée par l'utilisateur"),
                         (from_content, "lue dans le contenu du fichier"),
                         (year_in_title(raw), "lue dans les lignes de titre"),
                         (year_in_sheet(raw), "lue dans le nom de la feuille"),
                         (year_in_name(raw.file), "lue dans le nom du fichier")):
        if value:
            return value, where
    return "", ""


def missing_message(raw: RawTable) -> str:
    """The French refusal of a table whose figures need a year that nothing gives."""
    where = f"« {raw.file} »" + (f", feuille « {raw.sheet} »" if raw.sheet else "")
    return (f"{where} : année (millésime) introuvable dans le fichier ni dans son nom ; indiquez-la "
            f"(page « Données », ou `build-pack --vintage \"{raw.file}=AAAA\"`).")


def parse_vintage_options(options: list[str] | None) -> dict[str, str]:
    """`--vintage FILE=YEAR` options → {FILE: YEAR}. Raises ValueError (French) on a malformed option."""
    out: dict[str, str] = {}
    for option in options or []:
        file, sep, year = option.rpartition("=")
        if not sep or not file.strip() or not re.fullmatch(r"\d{4}(-\d{4}|-T[1-4])?", year.strip()):
            raise ValueError(f"option --vintage « {option} » : FICHIER=AAAA attendu (par exemple "
                             "« attractivite_capacite.csv=2021 »).")
        out[file.strip()] = year.strip()
    return out
