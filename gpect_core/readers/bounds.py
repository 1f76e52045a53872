"""Bounds on untrusted files, checked before a parser allocates anything: the cells a worksheet declares and
holds, the entries and inflated size of a zip (an xlsx is a zip), the nesting depth of JSON.

Every check reads at most the bytes it is given (zip entries are inflated in chunks and never written to disk)
and raises `ReadError` with a French message naming the file (and the sheet or entry). The limits are set for
the largest public files a committee brings (a national workbook of every commune, a GeoJSON of every commune
of a région) with a wide margin.
"""

from __future__ import annotations

import io
import re
import zipfile

import numpy as np

from ..errors import GpectError
from ..i18n import t


class ReadError(GpectError):
    """A file could not be read at all (empty, truncated, unknown encoding, beyond bounds...)."""


class TooWide(ReadError):
    """A table with more than `MAX_COLUMNS` columns: the whole file is refused, not only its sheet."""


MAX_SHEET_CELLS = 10_000_000  # rows × columns a worksheet spans (a dense list is built of it); the largest public
# workbook read here spans about 1 million (a national BMO sheet: 53,444 × 14)
MAX_ZIP_ENTRIES = 2_000
MAX_UNZIPPED_TOTAL = 1_000_000_000
MAX_TOTAL_RATIO = 200  # inflated / packed size of the whole archive, beyond 50 MB inflated
RATIO_FLOOR = 50_000_000
MAX_COLUMNS = 1_000  # the widest public file read here has under 100; refused before any per-column work
MAX_JSON_DEPTH = 64  # a GeoJSON MultiPolygon is 6 deep; records 2
_CHUNK = 1 << 20

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref=["\']([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?["\']')
# A cell is the only element of a worksheet with an attribute r="A1" (a row's r is digits only); each pattern starts
# with a literal so the regex engine can skip ahead (a `<(?:\w+:)?c` prefix made the scan of a 27 MB sheet 10× slower).
_CELL = re.compile(rb'\sr=["\']([A-Z]{1,3})(\d+)["\'][^>/]*(/?)>')  # letters, row, « / » when empty: <c r="XFD1" s="3"/>
_ROW = re.compile(rb'row\b[^>]*?\sr=["\'](\d+)["\']')
# OpenDocument: a row or a cell may stand for many (table:number-rows-repeated / number-columns-repeated); a
# cell that carries a value (office:value-type) or text is a filled one.
_ODS_TOKEN = re.compile(rb'<table:table[\s>]|<table:table-row\b([^>]*)>|<table:(?:covered-)?table-cell\b([^>]*?)(/?)>')
_ODS_ROWS = re.compile(rb'number-rows-repeated=["\'](\d+)')
_ODS_COLUMNS = re.compile(rb'number-columns-repeated=["\'](\d+)')


def column_number(letters: str) -> int:
    """Spreadsheet column letters as a 1-based number: « A » → 1, « XFD » → 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def check_zip_entries(archive: zipfile.ZipFile, file: str, what: str = "l'archive") -> list[zipfile.ZipInfo]:
    """The entries of an archive, after refusing too many of them or a total inflated size beyond reason
    (what the entries declare; `inflate_bounded` checks what they really give). Raises ReadError."""
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ReadError(f"« {file} » : {what} contient {len(entries)} fichiers, au-delà de la limite de "
                        f"{MAX_ZIP_ENTRIES} ; elle est refusée.")
    total = sum(e.file_size for e in entries)
    packed = max(1, sum(e.compress_size for e in entries))
    if total > MAX_UNZIPPED_TOTAL or (total > RATIO_FLOOR and total / packed > MAX_TOTAL_RATIO):
        raise ReadError(f"« {file} » : {what} se décompresse en {total / 1e6:.0f} Mo pour {packed / 1e6:.1f} Mo "
                        "sur disque : fichier suspect (bombe zip), refusé.")
    return entries


def inflate_bounded(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, file: str, limit: int):
    """The chunks of one entry, inflated in memory, stopping with ReadError past `limit` bytes (an entry may
    lie about its size)."""
    seen = 0
    with archive.open(entry) as stream:
        while chunk := stream.read(_CHUNK):
            seen += len(chunk)
            if seen > limit:
                raise ReadError(f"« {file} » : « {entry.filename} » se décompresse au-delà de ce qu'il déclare "
                                "(archive suspecte), refusé.")
            yield chunk


def is_encrypted_workbook(data: bytes) -> bool:
    """True for a password-protected Office workbook: an OLE compound file holding an « EncryptedPackage »."""
    return data[:4] == b"\xd0\xcf\x11\xe0" and "EncryptedPackage".encode("utf-16-le") in data


def check_workbook(data: bytes, file: str) -> None:
    """An xlsx/xlsm (a zip): its entries (`check_zip_entries`), then each worksheet's declared dimension
    (`<dimension ref>`) and the rows and columns its cells really reach; a sheet spanning more than
    `MAX_SHEET_CELLS` cells is refused with ReadError naming it. A file that is not a zip is left to the
    workbook reader, except a password-protected (encrypted) workbook, refused with ReadError saying so."""
    if is_encrypted_workbook(data):
        raise ReadError(t("hostile.workbook.encrypted", file=file))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    entries = check_zip_entries(archive, file, "ce classeur")
    content = next((e for e in entries if e.filename == "content.xml"), None)
    if content is not None and not any(e.filename.startswith("xl/") for e in entries):
        rows, columns = _ods_extent(archive, content, file)
        if rows * columns > MAX_SHEET_CELLS:
            raise ReadError(f"« {file} » : une feuille de ce classeur OpenDocument s'étend sur {_n(rows)} lignes et "
                            f"{_n(columns)} colonnes remplies (plus de {MAX_SHEET_CELLS // 1_000_000} millions de "
                            "cellules, par des lignes ou cellules répétées) ; le classeur est refusé. Envoyez le "
                            "tableau en CSV.")
        return
    names = _sheet_names(archive)
    for entry in entries:
        if entry.filename not in names and not re.fullmatch(r"xl/worksheets/[^/]+\.xml", entry.filename):
            continue  # a worksheet is where the workbook's relations say, wherever that is in the zip
        sheet = names.get(entry.filename, entry.filename.rsplit("/", 1)[-1][:-4])
        rows, columns, filled = _sheet_extent(archive, entry, file)
        if rows * columns > MAX_SHEET_CELLS:
            raise ReadError(f"« {file} », feuille « {sheet} » : la feuille s'étend sur {_n(rows)} lignes et {_n(columns)} "
                            f"colonnes (plus de {MAX_SHEET_CELLS // 1_000_000} millions de cellules) ; elle est "
                            "refusée. Supprimez les lignes et colonnes vides au-delà du tableau, ou envoyez-la en "
                            "CSV.")
        if filled > MAX_COLUMNS:  # an empty cell kept for its format (a styled row) does not count
            raise TooWide(too_many_columns(file, filled, sheet=sheet))


def too_many_columns(file: str, columns: int, sheet: str | None = None, line: int | None = None) -> str:
    """The French refusal of a table wider than `MAX_COLUMNS`, naming the file (sheet, line)."""
    where = f"« {file} »" + (f", feuille « {sheet} »" if sheet else "") + (f", ligne {line}" if line else "")
    return t("hostile.columns.too_many", where=where, columns=_n(columns), limit=_n(MAX_COLUMNS))


def check_line_width(lines: list[str], file: str, separators: tuple[str, ...]) -> None:
    """Refuse a text table one of whose first `lines` holds more than `MAX_COLUMNS` separators of any kind,
    before the separator is sniffed or a column is built. Raises ReadError naming the line."""
    for number, line in enumerate(lines, start=1):
        if len(line) <= MAX_COLUMNS:
            continue
        widest = max(line.count(sep) for sep in separators) + 1
        if widest > MAX_COLUMNS:
            raise TooWide(too_many_columns(file, widest, line=number))


def check_width(width: int, file: str, sheet: str | None = None) -> None:
    """Refuse a table of `width` columns beyond `MAX_COLUMNS` (ReadError naming file and sheet)."""
    if width > MAX_COLUMNS:
        raise TooWide(too_many_columns(file, width, sheet=sheet))


def _n(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


def _sheet_extent(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, file: str) -> tuple[int, int, int]:
    """Rows and columns a worksheet spans (declared or reached by a cell), and the last column holding a value."""
    rows = columns = filled = 0
    tail = b""
    for chunk in inflate_bounded(archive, entry, file, MAX_UNZIPPED_TOTAL):
        text = tail + chunk
        if rows == 0 and columns == 0 and (found := _DIMENSION.search(text)):
            first_col, first_row, last_col, last_row = found.groups()
            rows = int(last_row or first_row or 0)
            columns = column_number((last_col or first_col or b"A").decode())
        # A sheet has few distinct column letters and row numbers per chunk: max over the distinct ones (a
        # real BMO sheet holds 750,000 cells; a Python step per cell cost 20 s of its reading).
        if cells := _CELL.findall(text):
            letters, numbers, empty = zip(*cells, strict=True)
            columns = max(columns, _last_column(letters))
            filled = max(filled, _last_column([c for c, e in zip(letters, empty, strict=True) if not e]))
            rows = max(rows, max(map(int, set(numbers))))
        rows = max(rows, max(map(int, set(_ROW.findall(text))), default=0))
        tail = text[-256:]
    return rows, columns, filled


def _ods_extent(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, file: str) -> tuple[int, int]:
    """The largest (rows, columns) of a sheet of an OpenDocument workbook, repeats counted: rows holding a value,
    columns up to the last value of a row. Trailing empty rows and cells repeated to the sheet's edge, as
    LibreOffice writes them, do not count."""
    sheets = [(0, 0)]
    rows = columns = position = last = repeat = 0
    tail = b""

    def end_row() -> None:
        nonlocal rows, columns
        if last:
            rows += repeat
            columns = max(columns, last)

    for chunk in inflate_bounded(archive, entry, file, MAX_UNZIPPED_TOTAL):
        text = tail + chunk
        cut = text.rfind(b"<")  # a tag cut at the chunk's end is read with the next chunk
        body, tail = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
        for match in _ODS_TOKEN.finditer(body):
            tag = match.group(0)
            if tag.startswith((b"<table:table-row", b"<table:table ", b"<table:table>")):
                end_row()
                if not tag.startswith(b"<table:table-row"):  # a new sheet
                    sheets.append((rows, columns))
                    rows = columns = 0
                found = _ODS_ROWS.search(match.group(1) or b"")
                repeat, position, last = (int(found.group(1)) if found else 1), 0, 0
                continue
            found = _ODS_COLUMNS.search(match.group(2))
            position += int(found.group(1)) if found else 1
            if b"value-type" in match.group(2) or not match.group(3):
                last = position
    end_row()
    sheets.append((rows, columns))
    return max(sheets, key=lambda rc: rc[0] * rc[1])


def _last_column(letters) -> int:
    return max((column_number(c.decode()) for c in set(letters)), default=0)


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → the sheet name the user sees (from workbook.xml and its relationships)."""
    try:
        book = archive.read("xl/workbook.xml")[:5_000_000]
        rels = archive.read("xl/_rels/workbook.xml.rels")[:5_000_000]
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return {}
    targets = {m.group(1): m.group(2) for m in re.finditer(rb'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"',
                                                            rels)}
    targets.update({m.group(2): m.group(1) for m in re.finditer(
        rb'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
    out = {}
    for m in re.finditer(rb'<(?:\w+:)?sheet\s[^>]*?name="([^"]*)"[^>]*?r:id="([^"]+)"', book):
        target = targets.get(m.group(2), b"").decode("utf-8", "replace").lstrip("/")
        part = target if target.startswith("xl/") else f"xl/{target}"
        out[part] = m.group(1).decode("utf-8", "replace").replace("&amp;", "&")
    return out


_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)


def check_json_depth(data: bytes, file: str, limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse JSON nested deeper than `limit` (arrays and objects) before any parser recurses into it; the
    message gives the line where the limit is crossed. Raises ReadError."""
    bare = np.frombuffer(_JSON_STRING.sub(lambda m: b"\n" * m.group(0).count(b"\n"), data),
                         dtype=np.uint8)
    step = (np.isin(bare, (ord("{"), ord("["))).astype(np.int32)
            - np.isin(bare, (ord("}"), ord("]"))).astype(np.int32))
    if not len(step):
        return
    depth = np.cumsum(step)
    deepest = int(depth.max())
    if deepest > limit:
        where = int(np.argmax(depth > limit))
        line = int(np.count_nonzero(bare[:where] == ord("\n"))) + 1
        raise ReadError(f"« {file} », ligne {line} : le JSON est imbriqué sur plus de {limit} niveaux "
                        f"({deepest} ou plus) ; fichier suspect, refusé.")
