"""`python -m gpect_core bridges --pack PACK --from ROME_CODE [--zoning Z --zones A,B] --out OUT.csv`: the
occupations reachable from one, ranked by what they offer in the selection (`indicators.bridges.reachable_targets`),
written as CSV (UTF-8 with BOM, `;` separator, decimal comma, as French spreadsheets open it). Registered through
`cli.EXTENSION_MODULES`; every error is a GpectError in French.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import GpectError
from ..outfiles import write_atomically
from .cli import _check_out, _territory

CSV_COLUMNS = {
    "rank": "rang", "to_code": "code_rome_cible", "label": "metier_cible", "kind": "type_passerelle",
    "score": "score_proximite", "projects": "projets_recrutement", "difficult_share": "part_difficiles",
    "needs": "besoins_enquete", "openings": "ouvertures", "tension_class": "classe_tension",
    "jobseekers_per_offer": "demandeurs_par_offre", "fragile": "chiffre_fragile", "fragile_reason": "raison_fragilite",
    "to_acquire": "nb_competences_a_acquerir", "skills_to_acquire": "competences_a_acquerir",
    "trainings": "nb_formations_locales", "training_titles": "formations_locales",
}


def _cmd_bridges(args: argparse.Namespace) -> int:
    from ..indicators.bridges import reachable_targets
    from .meeting import resolve_selection

    out = _check_out(args.out, (".csv",))
    territory = _territory(args)
    zones = [z for z in (args.zones or "").split(",") if z.strip()]
    if zones and not args.zoning:
        raise GpectError("--zones demande --zoning (le zonage des codes donnés).")
    selection = resolve_selection(territory, args.zoning, zones)
    table = reachable_targets(territory, selection, args.origin)
    frame = table.rename(columns=CSV_COLUMNS)
    frame.insert(0, "code_rome_origine", table.attrs.get("origin", args.origin))
    text = frame.to_csv(index=False, sep=";", decimal=",", float_format="%.4g")
    write_atomically(Path(out), ("\ufeff" + text).encode("utf-8"))
    year = table.attrs.get("year")
    print(f"{len(table)} passerelles depuis {table.attrs.get('origin_label', args.origin)} écrites dans {out}"
          + (f" (projets de recrutement BMO {year})." if year else "."))
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
    parser.set_defaults(func=_cmd_bridges)
