"""Read a filled pairing template (XLSX) into a checked list, or say in French what is wrong.

A list is a DataFrame with columns entry_id (str, stable: a hash of firm, commune and occupation), firm (str),
commune_id (str, INSEE code), occupation_code (str, ROME 4.0), headcount (int64, > 0) and `time_frame`
(fragile jobs) or `horizon` (hiring), both str. Rows are checked against the pack: the occupation must be a
ROME code of the pack's `occupations` or a job title written in words, matched to one by
`survey.matching.match_titles` (under its threshold the row is refused: never forced onto a code; the matches are
listed in `frame.attrs["matched_titles"]` as (row, title, code, appellation, score)), the commune a code of its
`communes`. Values kept but doubtful are listed in `frame.attrs["doubts"]` (list of Problem, French, naming file,
sheet, row and column): a job title read as a ROME code, a commune code whose leading zero was restored, a headcount
over `LARGE_HEADCOUNT`, an échéance or horizon naming a year after next year. Nothing is stored here: the caller
shows the list (and the doubts, to confirm) and stores it only when the user accepts
(`PairingStore.import_list`).
"""

from __future__ import annotations

import hashlib
import io
import itertools
import re
import unicodedata
from datetime import date
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from ..errors import GpectError, Problem
from ..i18n import t
from ..readers.bounds import ReadError, check_workbook
from ..readers.rome import is_rome_code, malformed_rome_message, rome_referential, unknown_rome_message
from ..survey.matching import index_of_pack, match_titles
from .templates import SPECS

MAX_PROBLEMS = 200
MAX_LIST_ROWS = 20_000  # a platform's list holds hundreds of firms; beyond, the file is refused before any work
LARGE_HEADCOUNT = 500  # more people than this on one row of one firm is asked about
YEAR = re.compile(r"\b(2\d{3})\b")
ROME_CODE = re.compile(r"[A-Z]\d{4}")  # code-shaped (not a title to match), valid or not: readers.rome checks it


class PairingInputError(GpectError):
    """A pairing list that cannot be read: its message and problems name the file, sheet, row and column."""


def _plain(text: object) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return " ".join(decomposed.lower().replace("’", "'").split())


def entry_id(firm: str, commune_id: str, occupation_code: str) -> str:
    """The stable identifier (str, 16 hex digits) of a list row: the same firm, commune and occupation keep it
    from one import to the next, so the statuses of their pairs survive a new import."""
    key = "|".join((_plain(firm), commune_id.strip(), occupation_code.strip().upper()))
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def known_occupations(territory) -> set[str]:
    """ROME codes (str) of the pack's `occupations` (system ROME4; every code when the pack has no ROME4)."""
    occupations = territory.table("occupations")
    if occupations.empty:
        return set()
    rome = occupations[occupations["system"] == "ROME4"]
    return set((rome if not rome.empty else occupations)["code"].astype(str))


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _typed(value, lang: str) -> str:
    """A cell as the user typed it: a decimal number with a decimal comma in French (2,5), else its text."""
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:g}"
        return text.replace(".", ",") if lang == "fr" else text
    return _cell_text(value)


def _commune_code(value) -> str:
    text = _cell_text(value).upper()
    if text.isdigit() and len(text) == 4:  # a code typed as a number lost its leading zero (01053 → 1053)
        text = text.zfill(5)
    return text


def _whole_number(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = _cell_text(value).replace("\u202f", "").replace(" ", "").replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def read_list(source, kind: str, territory, file_name: str | None = None, lang: str = "fr") -> pd.DataFrame:
    """Read the list `kind` (« fragile » or « hiring ») from `source` (a path, bytes or a binary file object).

    Returns the list described in the module docstring, in file order. Raises PairingInputError (French) when
    the file is not a readable XLSX workbook, a required column is missing, or rows have an unknown occupation
    code, a commune absent from the pack, a headcount that is not a positive whole number, an empty firm, or
    repeat a firm–commune–occupation of an earlier row; each problem names the file, sheet, row (as Excel
    numbers it) and column. Every message and doubt is in `lang` (« fr » / « en »), from the catalogue
    (`i18n/catalog_pairing.py`, keys « pairing.read.* »)."""
    spec = SPECS[kind]

    def say(key: str, **values) -> str:
        return t(f"pairing.read.{key}", lang, **values)

    title = say(f"list.{kind}")
    name = file_name or (Path(source).name if isinstance(source, str | Path) else say("unnamed"))
    try:
        data = Path(source).read_bytes() if isinstance(source, str | Path) else (
            source if isinstance(source, bytes) else source.read())
        check_workbook(data, name)  # a sheet declaring billions of cells or a zip bomb is refused before reading
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ReadError as exc:  # in French, the bounds check's own sentence (it names the sheet and its size)
        raise PairingInputError(exc.message if lang == "fr" else say("suspect", file=name)) from None
    except OSError as exc:
        raise PairingInputError(say("os", file=name, detail=exc.strerror or exc)) from None
    except Exception:  # noqa: BLE001 — any unreadable workbook becomes a message
        raise PairingInputError(say("not_xlsx", file=name, template=title)) from None
    sheets = list(workbook.sheetnames)
    sheet = workbook["Saisie"] if "Saisie" in sheets else workbook.worksheets[0]
    rows = list(itertools.islice(sheet.iter_rows(values_only=True), MAX_LIST_ROWS + 2))
    workbook.close()
    where = say("where", file=name, sheet=sheet.title)
    if len(rows) > MAX_LIST_ROWS + 1:
        limit = f"{MAX_LIST_ROWS:,}".replace(",", "\u202f" if lang == "fr" else ",")
        raise PairingInputError(say("too_many_rows", where=where, limit=limit))
    if not rows:
        raise PairingInputError(say("empty", where=where))
    wanted = {_plain(f.header): f.column for f in spec.fields} | {f.column: f.column for f in spec.fields}
    positions: dict[str, int] = {}
    for index, header in enumerate(rows[0]):
        column = wanted.get(_plain(header))
        if column and column not in positions:
            positions[column] = index
    missing = [f.header for f in spec.fields if f.required and f.column not in positions]
    if missing:
        quote = ("« {} »" if lang == "fr" else "“{}”").format
        if "Saisie" not in sheets and len(sheets) > 1:  # the template's entry sheet was renamed or deleted
            raise PairingInputError(say("no_entry_sheet", file=name, sheets=", ".join(quote(x) for x in sheets)))
        raise PairingInputError(say("missing_columns", where=where, columns=", ".join(quote(h) for h in missing)))
    occupations = known_occupations(territory)
    referential = rome_referential(territory)
    communes = set(territory.table("communes")["commune_id"].astype(str))
    problems: list[Problem] = []
    doubts: list[Problem] = []
    next_year = date.today().year + 1
    records = []
    seen: dict[str, int] = {}
    matched: list[tuple[int, str, str, str, float]] = []

    titles = _titles_to_codes(rows[1:], positions, occupations, territory)

    def problem(row: int, field, text: str, into: list[Problem] = problems) -> None:
        into.append(Problem(say("at", where=where, row=row, column=field.header, text=text), table=spec.table,
                            column=field.column, row=row, file=name, sheet=sheet.title))

    for row_number, values in enumerate(rows[1:], start=2):
        cells = {c: (values[i] if i < len(values) else None) for c, i in positions.items()}
        if all(_cell_text(v) == "" for v in cells.values()):
            continue
        record = {"firm": _cell_text(cells.get("firm")), "commune_id": _commune_code(cells.get("commune_id")),
                  "occupation_code": _cell_text(cells.get("occupation_code")).upper().replace(" ", "")}
        bad = False
        if not record["firm"]:
            problem(row_number, spec.field_for("firm"), say("firm_empty"))
            bad = True
        if record["commune_id"] not in communes:
            problem(row_number, spec.field_for("commune_id"),
                    say("commune_unknown", code=record["commune_id"]) if record["commune_id"]
                    else say("commune_empty"))
            bad = True
        elif record["commune_id"] != _cell_text(cells.get("commune_id")).upper():
            problem(row_number, spec.field_for("commune_id"),
                    say("commune_zero", given=_cell_text(cells.get("commune_id")), code=record["commune_id"]),
                    into=doubts)
        written = _cell_text(cells.get("occupation_code"))
        if record["occupation_code"] not in occupations and written in titles:
            match = titles[written]
            if match.status == "matched":
                record["occupation_code"] = match.rome_code
                matched.append((row_number, written, match.rome_code, match.appellation, match.score))
                problem(row_number, spec.field_for("occupation_code"),
                        say("title_matched", title=written, code=match.rome_code, appellation=match.appellation,
                            score=f"{match.score:.0f}"), into=doubts)
            else:
                problem(row_number, spec.field_for("occupation_code"),
                        say("title_unmatched", title=written, nearest=match.appellation or "–"))
                bad = True
        elif record["occupation_code"] not in occupations:
            code = record["occupation_code"]
            problem(row_number, spec.field_for("occupation_code"),
                    say("code_empty") if not code
                    else malformed_rome_message(code, lang) if not is_rome_code(code)
                    else unknown_rome_message(code, lang) if referential is not None and code not in referential
                    else say("code_unknown", code=code))
            bad = True
        headcount = _whole_number(cells.get("headcount"))
        if headcount is None or headcount <= 0:
            problem(row_number, spec.field_for("headcount"),
                    say("headcount_bad", value=_typed(cells.get("headcount"), lang)))
            bad = True
        elif headcount > LARGE_HEADCOUNT:
            problem(row_number, spec.field_for("headcount"),
                    say("headcount_large", value=headcount, limit=LARGE_HEADCOUNT), into=doubts)
        record["headcount"] = headcount
        for extra in ("time_frame", "horizon"):
            if spec.field_for(extra):
                record[extra] = _cell_text(cells.get(extra))
                year = YEAR.search(record[extra])
                if year and next_year < int(year.group(1)) <= 2100:
                    problem(row_number, spec.field_for(extra),
                            say("far_year", value=record[extra], year=next_year), into=doubts)
        if not bad:
            record["entry_id"] = entry_id(record["firm"], record["commune_id"], record["occupation_code"])
            if record["entry_id"] in seen:
                problem(row_number, spec.field_for("firm"), say("duplicate", row=seen[record["entry_id"]]))
            else:
                seen[record["entry_id"]] = row_number
                records.append(record)
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise PairingInputError(say("problems", where=where, n=len(problems)), problems)
    if not records:
        raise PairingInputError(say("no_rows", where=where, what=say(f"rows.{kind}")))
    extra = "time_frame" if kind == "fragile" else "horizon"
    frame = pd.DataFrame(records, columns=["entry_id", "firm", "commune_id", "occupation_code", "headcount", extra])
    frame["headcount"] = frame["headcount"].astype("int64")
    frame.attrs["matched_titles"] = matched
    frame.attrs["doubts"] = doubts
    return frame


def _titles_to_codes(rows, positions: dict[str, int], occupations: set[str], territory) -> dict[str, object]:
    """Written job titles (not ROME codes) of the occupation column → their match (a row of
    `survey.matching.match_titles`), matched once for the whole file against the pack's appellations."""
    column = positions.get("occupation_code")
    if column is None:
        return {}
    written = {_cell_text(values[column]) for values in rows if column < len(values)}
    texts = sorted(w for w in written if w and not ROME_CODE.fullmatch(w.upper().replace(" ", ""))
                   and w.upper().replace(" ", "") not in occupations)
    if not texts:
        return {}
    try:
        index = index_of_pack(territory)
    except ValueError:  # a pack without any ROME 4.0 label: each title is then reported as an unknown code
        return {}
    found = match_titles(texts, index)
    return {text: row for text, row in zip(texts, found.itertuples(index=False), strict=True)}
