"""Reading tables in the forms French public files really take.

CSV: UTF-8 with or without BOM, cp1252/latin-1, or lines of both (each line in its own encoding); `,` `;` tab or `|` separators. XLSX/XLS: the header may sit
below title rows (INSEE puts a French label row above the code row). Every cell is read as text, so codes keep
their leading zeros; numbers are parsed afterwards with `parse_numbers` (decimal comma, spaces as thousands
separators, `*` = statistical secret, `n.d.` = not available).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import Problem
from ..i18n import t
from .bounds import ReadError, TooWide, check_line_width, check_width, check_workbook

SEPARATORS = (";", ",", "\t", "|")
SECRET_MARKS = frozenset({"*", "s", "secret", "c"})
MISSING_MARKS = frozenset({"", "n.d.", "nd", "n.d", "na", "nan", "none", "null", "-", "..", "…", "n/a", "#n/a"})
HEADER_SCAN_ROWS = 40
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def fold(text: object) -> str:
    """A column name reduced for matching: no accents, lower case, single spaces, `_` as space."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("œ", "oe").replace("Œ", "oe").replace("’", "'").replace("_", " ")
    return re.sub(r"\s+", " ", text).strip().lower()


YES = frozenset({"oui", "o", "yes", "y", "x", "1", "vrai", "true"})  # folded (`fold`) yes/no answers
NO = frozenset({"", "non", "n", "no", "0", "faux", "false"})


def yes_no(text: object) -> bool | None:
    """A yes/no answer (« Oui », « x », « 1 », « non », empty…, `YES` / `NO` once folded): True, False, or None
    when it is neither."""
    folded = fold(text)
    return True if folded in YES else False if folded in NO else None


YEAR_FIRST = re.compile(r"^\d{4}[-/]\d{1,2}[-/]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?)?"
                        r"(?: ?(?:Z|UTC|[+-]\d{2}:?\d{2}))?$")
TIME_ZONE = re.compile(r"(?<=\d)(?: ?(?:Z|UTC|[+-]\d{2}:?\d{2}))$")


def parse_dates(text: pd.Series) -> pd.Series:
    """Dates written by a person, a spreadsheet or a form tool → datetime64[us] (years beyond 2262 fit; NaT when
    blank, unreadable or impossible). Year first (ISO 8601 « 2026-10-02 », timestamps « 2026-10-02 14:33:10 »,
    « 2026/10/02 ») is strictly year-month-day, so « 2025-13-01 » is NaT, never 13 January; anything else is read
    day first, as French dates are (« 02/10/2026 », « 2/10/26 14:33 »). A time zone is dropped: the local time
    written is kept."""
    values = text.astype(object).where(text.notna(), "").astype(str).str.strip()
    year_first = values.str.match(YEAR_FIRST)
    out = pd.Series(pd.NaT, index=values.index, dtype="datetime64[us]")
    if year_first.any():
        iso = values[year_first].str.replace(TIME_ZONE, "", regex=True).str.replace("/", "-", regex=False)
        out[year_first] = pd.to_datetime(iso, format="ISO8601", errors="coerce").astype("datetime64[us]")
    others = ~year_first & (values != "") & (values.str.lower() != "nan")
    if others.any():
        day_first = pd.to_datetime(values[others], dayfirst=True, errors="coerce", format="mixed", utc=True)
        out[others] = day_first.dt.tz_localize(None).astype("datetime64[us]")
    return out


def cell_text(value: object) -> str:
    """A spreadsheet cell as text: 11.0 → « 11 », dates kept as ISO, None → ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if np.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


@dataclass
class RawTable:
    """A table read as text, with where it came from, so each problem can name file, sheet, row, column."""

    frame: pd.DataFrame
    file: str
    sheet: str | None = None
    header_row: int = 1  # 1-based line (CSV) or row (sheet) of the header
    encoding: str | None = None
    separator: str | None = None
    notes: list[str] = field(default_factory=list)
    row_word: str = "ligne"  # « entité » for the features of a geographic file
    title: list[str] = field(default_factory=list)  # text of the rows above the header (INSEE title rows)
    vintage: str = ""  # the vintage resolved for this table before its reader runs (`readers.vintage`)

    def row_number(self, index) -> int:
        """The line or row a user sees in a spreadsheet or text editor for frame index `index`."""
        return self.header_row + 1 + int(index)

    def where(self, index=None, column: str | None = None) -> str:
        parts = [f"« {self.file} »"]
        if self.sheet:
            parts.append(f"feuille « {self.sheet} »")
        if index is not None:
            parts.append(f"{self.row_word} {self.row_number(index)}")
        if column is not None:
            parts.append(f"colonne « {column} »")
        return ", ".join(parts)

    def problem(self, message: str, index=None, column: str | None = None, table: str | None = None) -> Problem:
        row = self.row_number(index) if index is not None else None
        return Problem(f"{self.where(index, column)} : {message}", table=table, column=column, row=row,
                       file=self.file, sheet=self.sheet)

    def column(self, *candidates: str, pattern: str | None = None) -> str | None:
        """The actual name of the first column whose folded name is a candidate (or matches `pattern`)."""
        folded = {fold(c): c for c in self.frame.columns}
        for candidate in candidates:
            if fold(candidate) in folded:
                return folded[fold(candidate)]
        if pattern:
            for key, original in folded.items():
                if re.fullmatch(pattern, key):
                    return original
        return None


# ---------------------------------------------------------------------------------------------- decoding
MIXED_ENCODING = "utf-8 + windows-1252"
CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


def decode_text(data: bytes, file: str) -> tuple[str, str, list[str]]:
    """The text of a CSV, the encoding it was in, and French notes on how it was decoded.

    UTF-8 (BOM or not) or UTF-16, else, when some lines are UTF-8 and others not (a file pasted together from
    two sources), each line in its own encoding: UTF-8 where the line is valid UTF-8, Windows-1252 otherwise
    (encoding `MIXED_ENCODING`, a note giving how many lines and the first ones); else cp1252 throughout, else
    latin-1. Raises ReadError (French, naming the file and the line) for a mixed file with a line that is
    neither UTF-8 nor Windows-1252, or for bytes that are not text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8", errors="strict"), "utf-8-sig", []
        except UnicodeDecodeError:
            return _decode_mixed(data[3:], file)
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        try:
            return data.decode("utf-32"), "utf-32", []
        except UnicodeDecodeError:
            raise ReadError(t("hostile.text.utf32_broken", file=file)) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError:
            pass
    head = data[:4096]
    if b"\x00" in head:
        if len(head) >= 8 and all(head[i::4].count(0) >= 0.9 * len(head[i::4]) for i in (1, 2, 3)):
            raise ReadError(t("hostile.text.utf32_broken", file=file))
        for encoding, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
            if zeros.count(0) >= 0.9 * len(zeros):
                try:
                    return data.decode(encoding), encoding, []
                except UnicodeDecodeError:
                    break
        raise ReadError(f"« {file} » : ce fichier n'est pas un texte lisible (octets nuls) ; "
                        "enregistrez-le en CSV UTF-8 ou en Excel.")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    return _decode_mixed(data, file)


def _decode_mixed(data: bytes, file: str) -> tuple[str, str, list[str]]:
    """Bytes that are not UTF-8 throughout: line by line when some lines are UTF-8 with accents, else cp1252
    (or latin-1) throughout."""
    lines = data.split(b"\n")
    utf8_accented = False
    for line in lines:
        if not line.isascii():
            try:
                line.decode("utf-8")
                utf8_accented = True
                break
            except UnicodeDecodeError:
                continue
    if not utf8_accented:
        return _decode_single(data, file)
    out, cp1252_lines = [], []
    for number, line in enumerate(lines, start=1):
        try:
            out.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            out.append(line.decode("cp1252"))
        except UnicodeDecodeError as exc:
            byte = line[exc.start]
            raise ReadError(f"« {file} », ligne {number} : octet 0x{byte:02X} illisible, ni en UTF-8 ni en "
                            "Windows-1252 (le fichier mêle plusieurs encodages) ; enregistrez-le en CSV UTF-8."
                            ) from None
        cp1252_lines.append(number)
    first = ", ".join(str(n) for n in cp1252_lines[:10]) + (" …" if len(cp1252_lines) > 10 else "")
    note = (f"encodages mêlés : {len(cp1252_lines)} ligne(s) en Windows-1252 (ligne(s) {first}), les autres en "
            "UTF-8 ; chaque ligne lue dans son encodage")
    return "\n".join(out), MIXED_ENCODING, [note]


def _decode_single(data: bytes, file: str) -> tuple[str, str, list[str]]:
    try:
        text = data.decode("cp1252")
        encoding = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        encoding = "latin-1"
    controls = sum(1 for c in text[:20000] if unicodedata.category(c) == "Cc" and c not in "\r\n\t")
    if controls > 5:
        raise ReadError(f"« {file} » : encodage non reconnu (ni UTF-8, ni Windows-1252) ; "
                        "enregistrez-le en CSV UTF-8.")
    return text, encoding, []


def decode_bytes(data: bytes, file: str) -> tuple[str, str]:
    """The text of a CSV and the encoding it was in (`decode_text` without its notes)."""
    text, encoding, _ = decode_text(data, file)
    return text, encoding


def sniff_separator(lines: list[str]) -> str:
    """The separator that splits the most sample lines into the same number (> 1) of fields."""
    best, best_score = ",", -1.0
    sample = [line for line in lines if line.strip()][:HEADER_SCAN_ROWS]
    for sep in SEPARATORS:
        try:
            counts = [len(next(csv.reader([line], delimiter=sep))) for line in sample]
        except csv.Error:  # a field over the csv module's limit: `_head_rows` names its line
            continue
        if not counts or max(counts) < 2:
            continue
        top = max(counts)
        score = sum(1 for c in counts if c == top) * np.log2(top)
        if score > best_score:
            best, best_score = sep, score
    return best


def find_header(rows: list[list[str]], expected: Iterable[str] | None = None) -> int:
    """Index of the header row among the first rows: the row holding most expected names, else the first
    row as wide as the table whose cells are all non-numeric text."""
    rows = rows[:HEADER_SCAN_ROWS]
    if not rows:
        return 0
    if expected:
        wanted = {fold(e) for e in expected}
        scores = [sum(1 for c in row if fold(c) in wanted) for row in rows]
        if max(scores) > 0:
            return int(np.argmax(scores))
    width = max(sum(1 for c in row if str(c).strip()) for row in rows)
    for i, row in enumerate(rows):
        cells = [str(c).strip() for c in row if str(c).strip()]
        if len(cells) >= max(2, int(width * 0.8)) and all(not _looks_numeric(c) for c in cells):
            # INSEE workbooks: a French label row then a code row; prefer the code row.
            nxt = rows[i + 1] if i + 1 < len(rows) else []
            nxt_cells = [str(c).strip() for c in nxt if str(c).strip()]
            if (len(nxt_cells) == len(cells) and all(not _looks_numeric(c) for c in nxt_cells)
                    and all(re.fullmatch(r"[A-Za-z0-9_\-]+", c) for c in nxt_cells)
                    and not all(re.fullmatch(r"[A-Za-z0-9_\-]+", c) for c in cells)):
                return i + 1
            return i
    return 0


def _looks_numeric(text: str) -> bool:
    return bool(re.fullmatch(r"[-+]?\d[\d\s.,]*", text))


def _unique_names(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(names):
        name = str(name).strip() if str(name).strip() else f"colonne_{i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        out.append(name)
    return out


def _head_rows(lines: list[str], sep: str, file: str) -> list[list[str]]:
    """The first lines of a CSV split into fields; raises ReadError naming the line whose field is longer than
    the csv module's limit (`csv.field_size_limit()`, 131 072 characters)."""
    reader = csv.reader(lines, delimiter=sep)
    try:
        return list(reader)
    except csv.Error:
        limit = f"{csv.field_size_limit():,}".replace(",", "\u202f")
        raise ReadError(f"« {file} », ligne {reader.line_num} : "
                        + t("hostile.csv.field_too_long", limit=limit)) from None


def read_csv_bytes(data: bytes, file: str, expected: Iterable[str] | None = None,
                   header: bool = True) -> RawTable:
    """A CSV file's bytes as a RawTable of text (encoding and separator detected, header
    found among the first rows); raises ReadError in French when it cannot be read."""
    if not data.strip():
        raise ReadError(f"« {file} » : le fichier est vide.")
    text, encoding, notes = decode_text(data, file)
    head_lines = text.splitlines()[:HEADER_SCAN_ROWS]
    check_line_width(head_lines, file, SEPARATORS)
    sep = sniff_separator(head_lines)
    head_rows = _head_rows(head_lines, sep, file)
    skip = find_header(head_rows, expected) if header else 0
    options = dict(sep=sep, dtype=str, keep_default_na=False, na_filter=False, skiprows=skip,
                   header=0 if header else None, skip_blank_lines=False, engine="c", on_bad_lines="error")
    try:
        frame = pd.read_csv(io.StringIO(text), **options)
        if not isinstance(frame.index, pd.RangeIndex):  # every row has one field more than the header
            frame = _without_trailing_field(text, options, frame, file, skip)
    except (pd.errors.ParserError, ValueError) as exc:
        line = re.search(r"line (\d+)", str(exc))
        row = re.search(r"starting at row (\d+)", str(exc))
        where = f", ligne {int(line.group(1)) + skip}" if line else (
            f", ligne {int(row.group(1)) + skip + 1}" if row else "")
        what = t("hostile.csv.quote") if row else t("hostile.csv.columns", sep=sep)
        raise ReadError(f"« {file} »{where} : {what}") from None
    except pd.errors.EmptyDataError:
        raise ReadError(f"« {file} » : le fichier ne contient aucune ligne de données.") from None
    if header:
        _refuse_duplicate_headers(head_rows[skip] if skip < len(head_rows) else [], file, skip + 1)
    if header:
        names = head_rows[skip] if skip < len(head_rows) and len(head_rows[skip]) == frame.shape[1] else \
            [str(c) for c in frame.columns]
        frame.columns = _unique_names([c.lstrip("\ufeff") for c in names])
        frame = frame.drop(columns=[c for c in frame.columns if c.startswith("colonne_")
                                    and (frame[c].astype(str).str.strip() == "").all()])
    else:
        frame.columns = [f"colonne_{i + 1}" for i in range(frame.shape[1])]
    frame = _drop_blank_rows(frame)
    title = [" ".join(c.strip() for c in row if c.strip()) for row in head_rows[:skip]] if header else []
    return RawTable(frame, file=file, header_row=skip + 1 if header else 0, encoding=encoding, separator=sep,
                    title=[t for t in title if t], notes=notes)


def _without_trailing_field(text: str, options: dict, frame: pd.DataFrame, file: str, skip: int) -> pd.DataFrame:
    """Rows ending with a separator (`a;b;c;`): the empty last field is dropped, never taken as row labels; a
    last field holding a value under no header is refused with its line."""
    last = frame[frame.columns[-1]].astype(str).str.strip()
    if (last != "").any():
        position = int((last != "").to_numpy().argmax())
        raise ReadError(f"« {file} », ligne {skip + 2 + position} : " + t("hostile.csv.extra_field"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pd.errors.ParserWarning)
        return pd.read_csv(io.StringIO(text), index_col=False, **options)


def _refuse_duplicate_headers(names: list[str], file: str, line: int, sheet: str | None = None) -> None:
    """Two columns with the same name: which one is meant cannot be guessed, the file is refused."""
    cleaned = [str(n).strip().lstrip("\ufeff") for n in names]
    for name in dict.fromkeys(n for n in cleaned if n and cleaned.count(n) > 1):
        positions = [i + 1 for i, n in enumerate(cleaned) if n == name]
        where = f"« {file} »" + (f", feuille « {sheet} »" if sheet else "") + f", ligne {line}"
        raise ReadError(f"{where} : " + t("hostile.header.duplicate", column=name,
                                          positions=" et ".join(map(str, positions))))


def _drop_blank_rows(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty:
        return frame
    blank = (frame.apply(lambda col: col.astype(str).str.strip()) == "").all(axis=1)
    return frame[~blank]


def _looks_like_text(head: bytes) -> bool:
    """True for the start of a text file (no NUL byte, printable UTF-8 or Windows-1252, a line break or a
    separator): a CSV saved under a workbook's name."""
    if not head or b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8", errors="strict")
    except UnicodeDecodeError:
        text = head.decode("cp1252", errors="replace")
    printable = sum(c.isprintable() or c in "\r\n\t" for c in text)
    return printable >= 0.98 * len(text) and any(c in text for c in "\n;,\t")


def excel_sheets(data: bytes, file: str) -> dict[str, list[list]]:
    """Every sheet of a workbook as rows of raw cell values (python-calamine reads xlsx, xls and ods)."""
    from python_calamine import CalamineWorkbook

    if not data:
        raise ReadError(f"« {file} » : le fichier est vide.")
    check_workbook(data, file)  # any zip, even behind leading bytes (calamine finds it there too); encrypted
    if not data.startswith(b"\xd0\xcf\x11\xe0") and b"PK\x03\x04" not in data and _looks_like_text(data[:4096]):
        raise ReadError(t("hostile.text.wrong_extension", file=file, suffix=Path(file).suffix or "?"))
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        return {name: workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
                for name in workbook.sheet_names}
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 — calamine raises its own types, a Rust panic a BaseException
        raise ReadError(f"« {file} » : classeur Excel illisible ou tronqué. "
                        "Ouvrez-le dans Excel et enregistrez-le de nouveau.") from exc


def sheet_table(rows: list[list], file: str, sheet: str, expected: Iterable[str] | None = None) -> RawTable:
    """One worksheet's rows as a RawTable of text, its header found below any title rows. Raises ReadError for
    an empty sheet or one wider than `bounds.MAX_COLUMNS`."""
    check_width(max((_filled_width(row) for row in rows[:HEADER_SCAN_ROWS]), default=0), file, sheet)
    text_rows = [[v if type(v) is str else cell_text(v) for v in row] for row in rows]  # most cells are text
    if not any(any(c.strip() for c in row) for row in text_rows):
        raise ReadError(f"« {file} », feuille « {sheet} » : la feuille est vide.")
    skip = find_header(text_rows, expected)
    header = text_rows[skip]
    _refuse_duplicate_headers(header, file, skip + 1, sheet)
    body = text_rows[skip + 1:]
    width = len(header)
    frame = pd.DataFrame([row[:width] + [""] * (width - len(row)) for row in body],
                         columns=_unique_names(header), dtype=object)
    if frame.empty:
        frame = pd.DataFrame(columns=_unique_names(header))
    frame = frame.astype(str)
    empty_columns = [c for c in frame.columns if c.startswith("colonne_") and (frame[c].str.strip() == "").all()]
    frame = _drop_blank_rows(frame.drop(columns=empty_columns))
    title = [" ".join(c.strip() for c in row if c.strip()) for row in text_rows[:skip]]
    return RawTable(frame, file=file, sheet=sheet, header_row=skip + 1, title=[t for t in title if t])


def _filled_width(row: list) -> int:
    for position in range(len(row) - 1, -1, -1):
        if row[position] not in (None, ""):
            return position + 1
    return 0


def read_tables(data: bytes, file: str, expected: Iterable[str] | None = None) -> list[RawTable]:
    """Every table of a file: one for a CSV, one per non-empty sheet of a workbook."""
    if Path(file).suffix.lower() in EXCEL_SUFFIXES or data[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0"):
        tables = []
        for sheet, rows in excel_sheets(data, file).items():
            try:
                tables.append(sheet_table(rows, file, sheet, expected))
            except TooWide:
                raise
            except ReadError:
                continue
        if not tables:
            raise ReadError(f"« {file} » : le classeur ne contient aucune feuille remplie.")
        return tables
    return [read_csv_bytes(data, file, expected)]


# ---------------------------------------------------------------------------------------------- values
def normalise_codes(values: pd.Series, width: int | None = None) -> pd.Series:
    """Codes as text: trimmed, `11.0` → `11`, digits padded with leading zeros to `width`."""
    text = values.astype(str).str.strip().str.replace(r"^(\d+)\.0+$", r"\1", regex=True)
    text = text.str.replace("\u00a0", "", regex=False)
    if width:
        digits = text.str.fullmatch(r"\d+") & (text.str.len() < width)
        text = text.where(~digits, text.str.zfill(width))
    return text


def normalise_dep(values: pd.Series) -> pd.Series:
    """Département codes: `1` → `01`, `001` → `01`, `2A` kept, `971` kept."""
    text = normalise_codes(values)
    three = text.str.fullmatch(r"0(\d\d|2[AB])")
    text = text.where(~three, text.str[1:])
    short = text.str.fullmatch(r"\d")
    return text.where(~short, text.str.zfill(2))


@dataclass
class ParsedNumbers:
    """Numbers parsed from text: `values` (Float64, null where secret or missing), `secret` and `bad`
    (bool masks)."""

    values: pd.Series  # Float64, null where secret, missing or bad
    secret: pd.Series  # bool
    bad: pd.Series  # bool: text that is not a number, or a number beyond `MAX_NUMBER` (too_large)
    too_large: pd.Series | None = None  # bool: infinite, or beyond ±MAX_NUMBER (a count would wrap in int64)


MAX_NUMBER = 2.0 ** 53  # beyond it a float no longer holds every integer; no count, population or budget is near


def parse_numbers(values: pd.Series) -> ParsedNumbers:
    """Numbers as the French write them: « 1 234,5 », « 12,3 », « 1.0 »; `*` is a secret, never 0. Text that is
    not a number, and numbers that are infinite or beyond ±`MAX_NUMBER` (« 1e400 », twenty nines), are `bad`
    (null values); the latter are also `too_large`, so a reader can say so."""
    text = values.astype(str).str.strip()
    lowered = text.str.lower()
    secret = lowered.isin(SECRET_MARKS)
    missing = lowered.isin(MISSING_MARKS)
    cleaned = text.str.replace(r"[\s\u00a0\u202f]", "", regex=True)
    has_comma = cleaned.str.contains(",", regex=False)
    cleaned = cleaned.where(~has_comma, cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    cleaned = cleaned.str.rstrip("%")
    numbers = pd.to_numeric(cleaned.where(~(secret | missing)), errors="coerce").astype(float)
    too_large = pd.Series(np.abs(numbers.to_numpy(dtype=float, na_value=0.0)) >= MAX_NUMBER, index=values.index)
    numbers = numbers.where(~too_large)
    bad = numbers.isna() & ~secret & ~missing
    return ParsedNumbers(pd.Series(numbers, index=values.index, dtype="Float64"), secret, bad, too_large)
