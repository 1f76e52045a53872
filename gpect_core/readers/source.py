"""From a file's bytes to recognised tables: CSV, XLSX, JSON or geometry → `RawTable`s → each recognised by its
columns (`recognise`) and read by its format into a `Parsed` (named frames and a French `FileReport`).
`read_source` never raises on a bad file: the report of an unreadable or unrecognised table says why.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ..errors import Problem
from ..i18n import t
from .base import FileReport, Format, Parsed, find_column
from .bounds import check_json_depth, check_width
from .geofiles import GEO_SUFFIXES, parse_geo, read_geo_bytes
from .guess import ColumnMapping, apply_mapping, guess_zoning, header_key
from .hand import TEMPLATE_FORMATS
from .nomenclatures import headerless_fap_rome
from .registry import EXPECTED_NAMES, FORMATS, HEADERLESS_FAP_ROME
from .sniff import EXCEL_SUFFIXES, MIXED_ENCODING, RawTable, ReadError, fold, read_csv_bytes, read_tables
from .vintage import missing_message, resolve

ALL_FORMATS: tuple[Format, ...] = (*TEMPLATE_FORMATS, *FORMATS)
ALL_EXPECTED_NAMES = sorted(set(EXPECTED_NAMES)
                            | {h for fmt in TEMPLATE_FORMATS for group in fmt.signature for h in group})


def recognise(raw: RawTable) -> Format | None:
    """The format a table is in, by its columns; the most specific (highest priority, most columns) wins."""
    matching = [f for f in ALL_FORMATS if f.matches(raw)]
    if not matching:
        return HEADERLESS_FAP_ROME if headerless_fap_rome(raw) else None
    return max(matching, key=lambda f: (f.priority, len(f.signature)))


TABLE_SUFFIXES = (".csv", ".txt", ".tsv", *EXCEL_SUFFIXES)
SUPPORTED_SUFFIXES = (*TABLE_SUFFIXES, *GEO_SUFFIXES)
FORMULA_COLUMNS_LIMIT = 5


def _is_geojson(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \r\n\t")
    return head.startswith(b"{") and b'"type"' in data[:4096] and re.search(
        rb'"(Feature|FeatureCollection|GeometryCollection|(Multi)?(Polygon|Point|LineString))"', data[:4096]) is not None


def _json_table(data: bytes, file: str) -> RawTable:
    check_json_depth(data, file)
    try:
        payload = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        line = f", ligne {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else ""
        what = "n'est pas en UTF-8" if isinstance(exc, UnicodeDecodeError) else "n'est pas un JSON valide"
        raise ReadError(f"« {file} »{line} : le fichier {what}.") from None
    if not isinstance(payload, list) or not payload or not all(isinstance(r, dict) for r in payload):
        raise ReadError(f"« {file} » : JSON reconnu ni comme GeoJSON ni comme liste d'enregistrements.")
    check_width(max(len(record) for record in payload), file)
    frame = pd.DataFrame(payload).astype(str).replace({"None": "", "nan": ""})
    return RawTable(frame, file=file, header_row=1)


def read_source(data: bytes, file: str, vintages: Mapping[str, str] | None = None,
                mappings: Mapping[str, ColumnMapping] | None = None) -> list[Parsed]:
    """Read one file's bytes: every table in it, recognised and parsed, each with its report.

    `vintages`: years the user gave, by file name (or « file [sheet] »), which win over what the file says.
    `mappings`: column mappings the user gave, by the folded headers of a table (`guess.header_key`): a table
    with those headers is read through its mapping (`guess.apply_mapping`) before it is recognised; a table
    no format recognises may still be a commune → zone table found by its content (`guess.guess_zoning`)."""
    suffix = Path(file).suffix.lower()
    try:
        if suffix in (".gpkg", ".zip", ".shp", ".geojson") or (suffix == ".json" and _is_geojson(data)):
            return [_parse_geo(data, file)]
        if suffix == ".json":
            tables = [_json_table(data, file)]
        else:
            tables = read_tables(data, file, ALL_EXPECTED_NAMES)
    except ReadError as exc:
        report = FileReport(file=file)
        report.problems.append(Problem(exc.message, file=file))
        return [Parsed.unrecognised(report)]
    results = []
    for raw in tables:
        raw, mapping = _mapped(raw, mappings)
        fmt = recognise(raw)
        if fmt is HEADERLESS_FAP_ROME:
            raw = read_csv_bytes(data, file, header=False)
        if fmt is None and mapping is None and not is_documentation(raw) and _nearest_format(raw) is None:
            mapping = guess_zoning(raw) if len(raw.frame) <= MAX_GUESSED_ROWS else None
            if mapping is not None:
                raw = apply_mapping(raw, mapping)
                fmt = recognise(raw)
        parsed = parse_table(raw, fmt, vintages)
        if mapping is not None and parsed.recognised:
            how = "reconnues par leur contenu" if mapping.guessed else "indiquées par l'utilisateur"
            parsed.report.notes.insert(0, f"colonnes {how} : {mapping.describe()}")
        results.append(parsed)
    return results


MAX_GUESSED_ROWS = 10_000  # a committee's zoning covers its territory, not the whole country
DOCUMENTATION_SHEETS = ("documentation", "doc", "variables", "variable", "notes", "note", "lisez-moi", "lisez moi",
                        "readme", "read me", "avertissement", "avertissements", "metadonnees", "metadata",
                        "definitions", "definition", "sommaire", "methodologie", "methode", "dictionnaire",
                        "legende", "licence", "sources", "source", "presentation", "description")


def _documentation_by_name_or_variables(raw: RawTable) -> bool:
    """A sheet of an official workbook that documents the others (its name says so, « Documentation »,
    « Variables », « Notes »…, or it lists variables: VAR_ID / VAR_LIB), not a table to read."""
    if raw.sheet is not None and fold(raw.sheet) in DOCUMENTATION_SHEETS:
        return True
    words = {fold(c) for c in raw.frame.columns} | {fold(w) for line in raw.title for w in line.split()}
    return {"var id", "var lib"} <= words or {"var_id", "var_lib"} <= {w.replace(" ", "_") for w in words}


def _mapped(raw: RawTable, mappings: Mapping[str, ColumnMapping] | None) -> tuple[RawTable, ColumnMapping | None]:
    """The table through the mapping the user gave for its headers, if any (a mapping naming a column the
    table lacks is not applied)."""
    mapping = (mappings or {}).get(header_key(raw.frame.columns))
    if mapping is None:
        return raw, None
    try:
        return apply_mapping(raw, mapping), mapping
    except KeyError:
        return raw, None


def _parse_geo(data: bytes, file: str) -> Parsed:
    frame = read_geo_bytes(data, file)
    return parse_geo(frame, file)


def parse_table(raw: RawTable, fmt: Format | None, vintages: Mapping[str, str] | None = None) -> Parsed:
    """A table read by `fmt`; with `fmt` None, the « non reconnu » state, naming the format it nearly is.

    The vintage is resolved before the reader runs (`readers.vintage.resolve`, into `raw.vintage`); a format
    that needs one and finds none gives a Parsed with `missing_vintage` True, no data, not used, and a
    problem saying how to give the year."""
    report = FileReport(file=raw.file, sheet=raw.sheet, rows_read=len(raw.frame))
    if raw.encoding and raw.encoding not in ("utf-8", "utf-8-sig", MIXED_ENCODING):
        report.notes.append(f"encodage {raw.encoding} détecté et converti")
    report.notes.extend(raw.notes)
    if fmt is None:
        near = _nearest_format(raw)
        if near is None and (is_documentation(raw) or _documentation_by_name_or_variables(raw)):
            report.documentation = True
            return Parsed.unrecognised(report, raw)
        columns = ", ".join(list(map(str, raw.frame.columns))[:8])
        report.notes.append(f"format non reconnu (colonnes : {columns})")
        if near is not None:
            fmt_near, missing = near
            names = ", ".join(f"« {m} »" for m in missing)
            report.problems.append(raw.problem(f"ressemble à « {fmt_near.label} » mais colonne(s) obligatoire(s) "
                                               f"absente(s) : {names}"))
        return Parsed.unrecognised(report, raw)
    report.format_key, report.format_label = fmt.key, fmt.label
    if raw.frame.empty and raw.sheet is None:
        report.used = False
        report.problems.append(raw.problem(t("hostile.csv.header_only", line=raw.header_row)))
        return Parsed(fmt, raw, {}, report)
    vintage, where = resolve(raw, fmt.vintage_of(raw), vintages)
    if not vintage and fmt.needs_vintage:
        report.used = False
        report.problems.append(Problem(missing_message(raw), file=raw.file, sheet=raw.sheet))
        return Parsed(fmt, raw, {}, report, missing_vintage=True)
    raw.vintage = vintage
    if vintage and not callable(fmt.vintage) and fmt.vintage:
        where = ""  # a nomenclature's version, nothing to say
    if where:
        report.notes.append(f"millésime {vintage} ({where})")
    _note_formulas(raw, report)
    data = fmt.read(raw, report)
    report.documentation = fmt.key == "documentation"
    return Parsed(fmt, raw, data, report, vintage=vintage)


DOCUMENTATION_NAMES = re.compile(
    r"(?<![a-z])(documentation|variables?|descriptions?|dictionnaire|notes?|lisez ?-?moi|readme|read me|sommaire|"
    r"definitions?|methodologie|methode|avertissement|metadonnees|glossaire|lexique|presentation|titre|"
    r"mode d'emploi|contents?|informations?)(?![a-z])")
DOCUMENTATION_MAX_ROWS = 60
DOCUMENTATION_MAX_COLUMNS = 4


def is_documentation(raw: RawTable) -> bool:
    """Whether a table no format recognises is the documentation of an official file: a sheet (or a CSV file)
    named like one (Documentation, Variables, Description_des_variables, Notes, Lisez-moi, Sommaire,
    dictionnaire...), or a sheet of a few rows of text (at most 60 rows and 4 filled columns, numbers in at
    most a fifth of its filled cells). Such tables are listed « documentation — non utilisée », not as an
    alarm."""
    name = raw.sheet if raw.sheet else Path(raw.file).stem
    if DOCUMENTATION_NAMES.search(fold(name)):
        return True
    if not raw.sheet or len(raw.frame) > DOCUMENTATION_MAX_ROWS:
        return False
    cells = raw.frame.astype(str).apply(lambda column: column.str.strip())
    filled_columns = int((cells != "").any().sum())
    values = pd.Series(cells.to_numpy().ravel())
    values = values[values != ""]
    if filled_columns > DOCUMENTATION_MAX_COLUMNS or values.empty:
        return filled_columns <= DOCUMENTATION_MAX_COLUMNS and bool(raw.title)
    numeric = values.str.fullmatch(r"[-+]?\d[\d\s.,]*%?").mean()
    return bool(numeric <= 0.2)


def _nearest_format(raw: RawTable) -> tuple[Format, list[str]] | None:
    """The format a table almost is (at least two of its columns, and half of them), with what it lacks."""
    best = None
    for fmt in ALL_FORMATS:
        if len(fmt.signature) < 2:
            continue
        found = [find_column(raw, group) is not None for group in fmt.signature]
        share = sum(found) / len(found)
        if sum(found) >= 2 and share >= 0.5 and (best is None or share > best[0]):
            missing = [group[0] for group, ok in zip(fmt.signature, found, strict=True) if not ok]
            best = (share, fmt, missing)
    return (best[1], best[2]) if best else None


def _note_formulas(raw: RawTable, report: FileReport) -> None:
    """Cells that a spreadsheet would run as formulas are kept as plain text; the report says where."""
    for column in raw.frame.columns:
        values = raw.frame[column].astype(str)
        starts = values.str.startswith(("=", "+", "@", "-"))
        if not starts.any():
            continue
        starts &= ~values.str.fullmatch(r"[-+]?\d[\d\s.,]*")
        if starts.any():
            index = starts.idxmax()
            report.notes.append(f"{raw.where(index, column)} : {int(starts.sum())} cellule(s) commençant par "
                                "=, +, - ou @ gardée(s) comme texte (jamais exécutée(s) comme formule)")


def read_path(path: str | Path, vintages: Mapping[str, str] | None = None) -> list[Parsed]:
    """`read_source` on a file's bytes, named by its file name (`vintages` as there)."""
    path = Path(path)
    return read_source(path.read_bytes(), path.name, vintages)
