"""`python -m gpect_core pair --pack PACK --fragile FILE --hiring FILE --max-km N --out OUT.xlsx`.

Registered through `cli.EXTENSION_MODULES`; a bad file is a French message and exit code 1, never a traceback.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import GpectError
from ..outfiles import write_atomically


def _cmd_pair(args: argparse.Namespace) -> int:
    from ..territory import Territory
    from .export import pairing_xlsx
    from .reader import read_list
    from .solver import pair_jobs

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise GpectError(f"« {out} » : la sortie doit être un fichier .xlsx.")
    if not out.parent.is_dir():
        raise GpectError(f"Le dossier « {out.parent} » de la sortie n'existe pas.")
    if args.max_km < 0:
        raise GpectError(f"--max-km doit être positif ou nul (reçu : {args.max_km:g}).")
    territory = Territory.load(args.pack, validate=False)
    for path in (args.fragile, args.hiring):
        if not Path(path).is_file():
            raise GpectError(f"Le fichier « {path} » n'existe pas.")
    fragile = read_list(args.fragile, "fragile", territory)
    hiring = read_list(args.hiring, "hiring", territory)
    pairing = pair_jobs(fragile, hiring, territory, args.max_km)
    write_atomically(out, pairing_xlsx(pairing, fragile, hiring))
    print(f"{pairing.paired} personne(s) rapprochée(s) sur {pairing.fragile_total} emploi(s) fragilisé(s) et "
          f"{pairing.hiring_total} poste(s), à {args.max_km:g} km au plus : {len(pairing.pairs)} rapprochement(s) "
          f"écrit(s) dans {out}.")
    return 0


def register(subparsers) -> None:
    """The `pair` sub-command."""
    pair = subparsers.add_parser("pair", help="rapproche les emplois fragilisés des postes à pourvoir (XLSX)")
    pair.add_argument("--pack", required=True, help="dossier du pack")
    pair.add_argument("--fragile", required=True, help="modèle rempli des emplois fragilisés (.xlsx)")
    pair.add_argument("--hiring", required=True, help="modèle rempli des postes à pourvoir (.xlsx)")
    pair.add_argument("--max-km", type=float, required=True, help="distance maximale entre communes (km)")
    pair.add_argument("--out", required=True, help="classeur .xlsx à écrire")
    pair.set_defaults(func=_cmd_pair)
