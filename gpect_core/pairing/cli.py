"""`python -m gpect_core pair --pack PACK --fragile FILE --hiring FILE (--max-km N | --basins same|neighbours
[--zoning Z]) [--with-survey] [--lang fr|en] --out OUT.xlsx`.

Registered through `cli.EXTENSION_MODULES`; a bad file is a French message and exit code 1, never a traceback.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import GpectError, Problem
from ..outfiles import write_atomically


def _cmd_pair(args: argparse.Namespace) -> int:
    from ..territory import Territory
    from .export import pairing_xlsx
    from .reader import read_list
    from .solver import pair_jobs
    from .survey import with_survey

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise GpectError(f"« {out} » : la sortie doit être un fichier .xlsx.")
    if not out.parent.is_dir():
        raise GpectError(f"Le dossier « {out.parent} » de la sortie n'existe pas.")
    if args.max_km is None and not args.basins:
        raise GpectError("Donnez --max-km N (distance entre communes) ou --basins same|neighbours.")
    if args.max_km is not None and args.max_km < 0:
        raise GpectError(f"--max-km doit être positif ou nul (reçu : {args.max_km:g}).")
    territory = Territory.load(args.pack, validate=False)
    for path in (args.fragile, args.hiring):
        if not Path(path).is_file():
            raise GpectError(f"Le fichier « {path} » n'existe pas.")
    lists, failed = {}, []
    for kind, path in (("fragile", args.fragile), ("hiring", args.hiring)):
        try:
            lists[kind] = read_list(path, kind, territory)
        except GpectError as exc:  # read the other file too: both files' errors in one run
            failed.append(exc)
    if len(failed) == 1:
        raise failed[0]
    if failed:
        raise GpectError("Les deux fichiers ont des erreurs ; rien n'a été écrit.",
                         [p for exc in failed for p in (Problem(exc.message), *exc.problems)])
    fragile, hiring = lists["fragile"], lists["hiring"]
    doubts = [d for frame in (fragile, hiring) for d in frame.attrs.get("doubts", [])]
    if doubts:  # kept as read, like the page, but said: the user checks them in the workbook
        print(f"{len(doubts)} valeur(s) à vérifier (gardées telles que lues) :")
        for doubt in doubts:
            print(f"  - {doubt.message}")
    if args.with_survey:
        fragile, hiring = with_survey(territory, fragile, "fragile"), with_survey(territory, hiring, "hiring")
    pairing = pair_jobs(fragile, hiring, territory, None if args.basins else args.max_km, basins=args.basins,
                        zoning=args.zoning)
    write_atomically(out, pairing_xlsx(pairing, fragile, hiring, lang=args.lang))
    within = (f"à {args.max_km:g} km au plus" if not args.basins else
              f"{'dans le même bassin' if args.basins == 'same' else 'dans le même bassin ou un bassin voisin'} "
              f"({pairing.zoning})")
    print(f"{pairing.paired} personne(s) rapprochée(s) sur {pairing.fragile_total} emploi(s) fragilisé(s) et "
          f"{pairing.hiring_total} poste(s), {within} : {len(pairing.pairs)} rapprochement(s) "
          f"écrit(s) dans {out}.")
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
    pair.add_argument("--lang", choices=("fr", "en"), default="fr", help="langue du classeur (fr par défaut)")
    pair.add_argument("--out", required=True, help="classeur .xlsx à écrire")
    pair.set_defaults(func=_cmd_pair)
