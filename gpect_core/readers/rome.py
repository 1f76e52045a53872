"""ROME 4.0 codes written by a user (plan workbook, « Données » templates, pairing lists, survey confirmations):
the one pattern they must follow and, when the pack holds France Travail's referential, whether the code exists.

A ROME 4.0 code is a letter A–N (the 14 « grands domaines ») followed by four digits (« H2913 »). The demo pack
lists only the few codes its fictional figures use, so only a pack whose `occupations` table was built from the
referential file (« référentiel des codes ROME », `readers.nomenclatures`) can say that a well-formed code does
not exist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from ..i18n import t

ROME_CODE = re.compile(r"[A-N]\d{4}")
REFERENTIAL_SOURCE = "référentiel des codes rome"  # in the provenance `source` the referential reader writes


def normalise_rome(text: object) -> str:
    """`text` as a ROME code is compared: stripped, inner spaces removed, upper case (« h 2913 » → « H2913 »)."""
    return re.sub(r"\s+", "", str(text if text is not None else "")).upper()


def is_rome_code(text: object) -> bool:
    """True when `text` (once `normalise_rome`d) is of the ROME 4.0 form: a letter A–N and four digits."""
    return ROME_CODE.fullmatch(normalise_rome(text)) is not None


def rome_referential(territory) -> frozenset[str] | None:
    """The ROME 4.0 codes (str) of the pack's `occupations` table (system ROME4) when that table was built from
    the ROME referential (its provenance names it) and the pack is not fictional; None otherwise (the demo pack,
    a pack whose occupations only come from the BMO files): then only the code's form can be checked."""
    if territory is None or getattr(territory, "fictional", False):
        return None
    provenance = getattr(territory, "provenance", {}).get("occupations")
    if provenance is None or REFERENTIAL_SOURCE not in str(getattr(provenance, "source", "")).casefold():
        return None
    occupations = territory.tables.get("occupations")
    if occupations is None or occupations.empty or "system" not in occupations:
        return None
    codes = frozenset(occupations.loc[occupations["system"] == "ROME4", "code"].astype(str))
    return codes or None


def unknown_rome_codes(codes: Iterable[str], referential: frozenset[str] | None) -> list[str]:
    """The codes of `codes` (already upper case) absent from `referential` (none when it is None), in order."""
    if referential is None:
        return []
    return [code for code in codes if code not in referential]


def unknown_rome_message(code: str, lang: str = "fr") -> str:
    """« le code ROME « A9999 » n'existe pas dans le ROME 4.0 » (without the place: the caller puts it first)."""
    return t("hostile.rome.unknown", lang, code=code)


def malformed_rome_message(code: str, lang: str = "fr") -> str:
    """« « Z9999 » n'est pas un code ROME (une lettre de A à N et quatre chiffres, ex. H2913) »."""
    return t("hostile.rome.malformed", lang, code=code)


def unknown_rome_problems(parsed, referential: frozenset[str] | None, limit: int = 20) -> list:
    """The French problems (Problem naming file, sheet, row as the user counts it and column) of the ROME codes
    a committee template (`parsed`, a `readers.base.Parsed` of a « template_… » format, its rows carrying
    `source_row`) names that are absent from `referential` (`rome_referential`); none when it is None. Rows whose
    nomenclature (`occupation_system`) is not ROME4 are not checked. At most `limit` problems per file."""
    from ..errors import Problem
    from ..templates import TEMPLATES_BY_KEY

    fmt = getattr(parsed, "format", None)
    if referential is None or fmt is None or not fmt.key.startswith("template_"):
        return []
    spec = TEMPLATES_BY_KEY.get(fmt.key.removeprefix("template_"))
    report = parsed.report
    problems = []
    for frame in parsed.data.values():
        if "source_row" not in frame:
            continue
        for column in ("occupation_code", "occupation_codes"):
            if column not in frame:
                continue
            field = spec.field_for(column) if spec else None
            header = field.header if field else column
            rows = frame
            if "occupation_system" in frame:
                rows = frame[frame["occupation_system"].fillna("ROME4").astype(str).isin(["ROME4", ""])]
            for row, value in zip(rows["source_row"], rows[column], strict=True):
                if value is None or value is pd.NA or (isinstance(value, float) and value != value):
                    continue
                for code in unknown_rome_codes([normalise_rome(c) for c in str(value).split()], referential):
                    where = ", ".join([f"« {report.file} »", *([f"feuille « {report.sheet} »"] if report.sheet
                                                                else []), f"ligne {int(row)}", f"colonne « {header} »"])
                    problems.append(Problem(t("hostile.rome.unknown_in_file", where=where, code=code),
                                            file=report.file, sheet=report.sheet, row=int(row), column=header))
                    if len(problems) >= limit:
                        return problems
    return problems
