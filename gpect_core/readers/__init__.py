"""File readers: any file a committee brings (CSV, XLSX, GeoJSON, GeoPackage, zipped Shapefile) → recognised
format → named frames and a French report. `read_source` never raises on a bad file: it returns a report
whose problems say what is wrong; `ReadError` is kept for the cases where nothing could be read at all.

Modules: `base` (FileReport, Parsed, Format, column helpers), one module per producer family (`zonings`,
`bmo`, `tension`, `nomenclatures`, `context`, `training`, `geofiles`, `hand` for the committee's templates),
`registry` (the official FORMATS), `sniff` (bytes → text tables), `source` (recognise and read).
"""

from __future__ import annotations

from .base import UNRECOGNISED_LABEL, FileReport, Format, Parsed
from .registry import FORMATS
from .sniff import RawTable, ReadError, fold, normalise_codes, normalise_dep, parse_numbers
from .source import (
    ALL_FORMATS,
    SUPPORTED_SUFFIXES,
    TABLE_SUFFIXES,
    parse_table,
    read_path,
    read_source,
    recognise,
)

__all__ = [
    "ALL_FORMATS", "FORMATS", "FileReport", "Format", "Parsed", "RawTable", "ReadError", "UNRECOGNISED_LABEL",
    "fold", "normalise_codes", "normalise_dep", "parse_numbers", "parse_table", "read_path", "read_source",
    "recognise", "TABLE_SUFFIXES", "SUPPORTED_SUFFIXES",
]
