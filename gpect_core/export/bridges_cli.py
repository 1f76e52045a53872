"""`python -m gpect_core bridges --pack PACK --from ROME_CODE [--zoning Z --zones A,B] --out OUT.csv`: the
occupations reachable from one, ranked by what they offer in the selection (`indicators.bridges.reachable_targets`),
written as CSV (UTF-8 with BOM, `;` separator, decimal comma, as French spreadsheets open it), with the words of
the « Passerelles » page (bridge types, reasons, « oui » / « non ») in `--lang`, never the internal codes.
Registered through `cli.EXTENSION_MODULES`; every error is a GpectError, and what it prints is, in `--lang`
(French by default).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from ..errors import GpectError
from ..formatting import yes_no
from ..i18n import LANGS, t
from ..outfiles import write_atomically
from .cli import _territory

CSV_FIELDS = ("rank", "to_code", "label", "kind", "score", "projects", "difficult_share", "needs", "openings",
              "tension_class", "jobseekers_per_offer", "fragile", "fragile_reason", "to_acquire", "skills_to_acquire",
              "trainings", "training_titles")
"""The columns of `reachable_targets` written to the file, in order; their names are the catalogue's
`bridges.csv.<column>` in the file's language."""


def export_frame(table: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """`reachable_targets` as written to a file: bridge type, fragile flag and reason in the page's words of
    `lang` (« métier proche », « oui » / « non », « secret statistique »…), columns named by the i18n catalogue
    (`bridges.csv.<column>`: « code_rome_cible »… in French, « target_rome_code »… in English), the origin's code
    first."""
    frame = table.copy()
    frame["kind"] = [t(f"bridges.kind.{k}", lang) for k in frame["kind"]]
    frame["fragile"] = yes_no(frame["fragile"], lang)
    frame["fragile_reason"] = [t(f"bridges.reason.{r}", lang) if r else "" for r in frame["fragile_reason"]]
    frame = frame.rename(columns={c: t(f"bridges.csv.{c}", lang) for c in CSV_FIELDS})
    frame.insert(0, t("bridges.csv.origin", lang), table.attrs.get("origin", ""))
    return frame


def _cmd_bridges(args: argparse.Namespace) -> int:
    from ..indicators.bridges import reachable_targets
    from .meeting import resolve_selection

    lang = args.lang
    out = Path(args.out)
    if out.suffix.lower() != ".csv":
        raise GpectError(t("bridges.cli.out_ext", lang, path=out))
    if not out.parent.exists():
        raise GpectError(t("bridges.cli.out_folder", lang, folder=out.parent))
    territory = _territory(args)
    zones = [z for z in (args.zones or "").split(",") if z.strip()]
    if zones and not args.zoning:
        raise GpectError(t("bridges.cli.zones_need_zoning", lang))
    selection = resolve_selection(territory, args.zoning, zones, lang=lang)
    table = reachable_targets(territory, selection, args.origin, lang=lang)
    frame = export_frame(table, lang)
    text = frame.to_csv(index=False, sep=";", decimal=",", float_format="%.4g")
    write_atomically(out, ("\ufeff" + text).encode("utf-8"))
    year = table.attrs.get("year")
    values = {"n": len(table), "origin": table.attrs.get("origin_label", args.origin), "out": out}
    print(t("bridges.cli.done.year", lang, year=year, **values) if year else t("bridges.cli.done", lang, **values))
    return 0


def register(subparsers) -> None:
    """The `bridges` sub-command."""
    parser = subparsers.add_parser("bridges", help="passerelles depuis un métier ROME, classées par ce que le "
                                                   "territoire offre (CSV)")
    parser.add_argument("--pack", help="dossier du pack (par défaut $GPECT_PACK)")
    parser.add_argument("--from", dest="origin", required=True, help="code ROME du métier de départ (ex. H2913)")
    parser.add_argument("--zoning", help="zonage de la sélection (par défaut celui du pack)")
    parser.add_argument("--zones", help="codes des zones, séparés par des virgules (par défaut : tout le territoire)")
    parser.add_argument("--out", required=True, help="fichier .csv à écrire")
    parser.add_argument("--lang", choices=LANGS, default="fr", help="langue des libellés et des messages (fr par défaut)")
    parser.set_defaults(func=_cmd_bridges)
