"""`python -m gpect_core pair --pack PACK --fragile FILE --hiring FILE (--max-km N | --basins same|neighbours
[--zoning Z]) [--with-survey] [--lang fr|en] --out OUT.xlsx`.

Registered through `cli.EXTENSION_MODULES`; a bad file is a message in `--lang` (French by default: the
workbook, the reading errors and what the command prints) and exit code 1, never a traceback.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import GpectError, Problem
from ..i18n import t
from ..outfiles import write_atomically


def _cmd_pair(args: argparse.Namespace) -> int:
    from ..territory import Territory
    from .export import pairing_xlsx
    from .reader import read_list
    from .solver import pair_jobs
    from .survey import with_survey

    lang = args.lang
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise GpectError(t("pairing.cli.out_xlsx", lang, path=out))
    if not out.parent.is_dir():
        raise GpectError(t("pairing.cli.out_folder", lang, folder=out.parent))
    if args.max_km is None and not args.basins:
        raise GpectError(t("pairing.cli.distance_needed", lang))
    if args.max_km is not None and args.basins:
        raise GpectError(t("pairing.cli.both_rules", lang, km=f"{args.max_km:g}", basins=args.basins))
    if args.max_km is not None and args.max_km < 0:
        raise GpectError(t("pairing.cli.negative_km", lang, km=f"{args.max_km:g}"))
    territory = Territory.load(args.pack, validate=False)
    if args.basins and args.zoning and args.zoning not in territory.zoning_ids():
        raise GpectError(t("pairing.cli.unknown_zoning", lang, zoning=args.zoning,
                           known=", ".join(territory.zoning_ids())))
    for path in (args.fragile, args.hiring):
        if not Path(path).is_file():
            raise GpectError(t("pairing.cli.no_file", lang, path=path))
    lists, failed = {}, []
    for kind, path in (("fragile", args.fragile), ("hiring", args.hiring)):
        try:
            lists[kind] = read_list(path, kind, territory, lang=lang)
        except GpectError as exc:  # read the other file too: both files' errors in one run
            failed.append(exc)
    if len(failed) == 1:
        raise failed[0]
    if failed:
        raise GpectError(t("pairing.cli.both_failed", lang),
                         [p for exc in failed for p in (Problem(exc.message), *exc.problems)])
    fragile, hiring = lists["fragile"], lists["hiring"]
    doubts = [d for frame in (fragile, hiring) for d in frame.attrs.get("doubts", [])]
    if doubts:  # kept as read, like the page, but said: the user checks them in the workbook
        print(t("pairing.cli.doubts", lang, n=len(doubts)))
        for doubt in doubts:
            print(f"  - {doubt.message}")
    if args.with_survey:
        fragile, hiring = with_survey(territory, fragile, "fragile"), with_survey(territory, hiring, "hiring")
    pairing = pair_jobs(fragile, hiring, territory, None if args.basins else args.max_km, basins=args.basins,
                        zoning=args.zoning)
    write_atomically(out, pairing_xlsx(pairing, fragile, hiring, lang=lang))
    within = (t(f"pairing.cli.within.{args.basins}", lang, zoning=pairing.zoning) if args.basins else
              t("pairing.cli.within.km", lang, km=f"{args.max_km:g}"))
    print(t("pairing.cli.done", lang, paired=pairing.paired, fragile=pairing.fragile_total,
            hiring=pairing.hiring_total, within=within, pairs=len(pairing.pairs), out=out))
    return 0


def register(subparsers) -> None:
    """The `pair` sub-command."""
    pair = subparsers.add_parser("pair", help="rapproche les emplois fragilisés des postes à pourvoir (XLSX)")
    pair.add_argument("--pack", required=True, help="dossier du pack")
    pair.add_argument("--fragile", required=True, help="modèle rempli des emplois fragilisés (.xlsx)")
    pair.add_argument("--hiring", required=True, help="modèle rempli des postes à pourvoir (.xlsx)")
    pair.add_argument("--max-km", type=float, help="distance maximale entre les centroïdes des communes (km)")
    pair.add_argument("--basins", choices=("same", "neighbours"),
                      help="au lieu d'une distance : même bassin (same) ou bassins voisins (neighbours)")
    pair.add_argument("--zoning", help="zonage des bassins (par défaut BMO, sinon le zonage du pack)")
    pair.add_argument("--with-survey", action="store_true",
                      help="ajoute les besoins et emplois fragilisés déclarés à l'enquête du pack")
    pair.add_argument("--lang", choices=("fr", "en"), default="fr", help="langue du classeur et des messages (fr par défaut)")
    pair.add_argument("--out", required=True, help="classeur .xlsx à écrire")
    pair.set_defaults(func=_cmd_pair)
