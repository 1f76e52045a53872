"""`python -m gpect_core match-titles FILE --column NAME --out OUT.csv [--pack PACK]`: one row per title of a
column of a CSV or XLSX file, matched to ROME 4.0 (`survey.matching`). Registered through `cli.EXTENSION_MODULES`;
errors are GpectError in French."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from .. import settings
from ..errors import GpectError, spreadsheet_inert
from ..outfiles import write_atomically


def _cmd_match_titles(args: argparse.Namespace) -> int:
    from ..readers.sniff import ReadError, fold, read_tables
    from ..territory import Territory
    from .matching import index_of_pack, match_titles

    source = Path(args.file)
    if not source.is_file():
        raise GpectError(f"« {source} » n'existe pas ou n'est pas un fichier.")
    out = Path(args.out)
    if not out.parent.is_dir():
        raise GpectError(f"Le dossier « {out.parent} » de la sortie n'existe pas.")
    try:
        tables = read_tables(source.read_bytes(), source.name)
    except ReadError as exc:
        raise GpectError(exc.message) from None
    table = next((t for t in tables if t.column(args.column)), None)
    if table is None:
        headers = ", ".join(f"« {c} »" for c in tables[0].frame.columns[:12])
        raise GpectError(f"« {source.name} » : pas de colonne « {args.column} » (colonnes lues : {headers}).")
    column = table.column(args.column)
    territory = Territory.load(Path(args.pack) if args.pack else settings.pack_path(), validate=False)
    try:
        index = index_of_pack(territory)
    except ValueError as exc:
        raise GpectError(f"Pack « {territory.name} » : {exc}.") from None
    result = match_titles(table.frame[column].tolist(), index)
    result["candidates"] = result["candidates"].map(" ".join)
    frame = result[["title", "rome_code", "rome_label", "appellation", "score", "candidates"]].copy()
    for name in ("title", "rome_label", "appellation", "candidates"):
        frame[name] = frame[name].map(spreadsheet_inert, na_action="ignore")
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False)
    write_atomically(out, buffer.getvalue().encode("utf-8"))
    unmatched = int((result["status"] == "review").sum())
    print(f"{len(frame)} intitulés de « {fold(column)} » rapprochés du ROME 4.0 ({len(index.frame)} appellations du "
          f"pack « {territory.name} ») ; {unmatched} laissé(s) sans code, à revoir (score sous le seuil, intitulé moins "
          f"précis que l'appellation, codes ROME proches ou abréviation à plusieurs sens) ; écrit dans {out}.")
    return 0


def register(subparsers) -> None:
    """The `match-titles` sub-command."""
    parser = subparsers.add_parser("match-titles", help="rapproche des intitulés de postes libres des appellations "
                                   "du ROME 4.0 (CSV : title, rome_code, rome_label, appellation, score, candidates)")
    parser.add_argument("file", help="fichier CSV ou XLSX des intitulés")
    parser.add_argument("--column", required=True, help="nom de la colonne des intitulés")
    parser.add_argument("--out", required=True, help="fichier CSV à écrire")
    parser.add_argument("--pack", default=None, help="pack dont les appellations servent (défaut : GPECT_PACK, "
                        "le pack de démonstration)")
    parser.set_defaults(func=_cmd_match_titles)
