"""`python -m gpect_core deck ...` and `python -m gpect_core sheet ...`: the committee deck (PPTX) and the basin
sheets (PDF) from the command line. Registered through `cli.EXTENSION_MODULES`; errors are GpectError in French.

The plan is the pack's (`plan_*` tables) unless `--db URL` names the plan store the app uses.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import settings
from ..errors import GpectError
from ..i18n import LANGS, t
from ..outfiles import write_atomically


def _territory(args: argparse.Namespace):
    from ..territory import Territory

    return Territory.load(Path(args.pack) if args.pack else settings.pack_path())


def _plan(args: argparse.Namespace, territory):
    from .meeting import PlanData

    if not args.db:
        return PlanData.from_pack(territory)
    from ..plan.store import PlanStore

    store = PlanStore.open(args.db, territory)
    try:
        return PlanData.from_store(store)
    finally:
        store.close()


def _check_out(path: str, extensions: tuple[str, ...]) -> Path:
    out = Path(path)
    if out.suffix.lower() not in extensions:
        raise GpectError(t("meeting.error.out", "fr", path=out, ext=" ou ".join(extensions)))
    if not out.parent.exists():
        raise GpectError(f"Le dossier « {out.parent} » de la sortie n'existe pas.")
    return out


def _cmd_deck(args: argparse.Namespace) -> int:
    from .deck import build_deck
    from .meeting import meeting_content, resolve_selection

    out = _check_out(args.out, (".pptx",))
    territory = _territory(args)
    zones = [z for z in (args.zones or "").split(",") if z.strip()]
    if zones and not args.zoning:
        raise GpectError("--zones demande --zoning (le zonage des codes donnés).")
    selection = resolve_selection(territory, args.zoning, zones)
    content = meeting_content(territory, selection, _plan(args, territory), args.lang)
    data = build_deck(content, args.template)
    write_atomically(out, data)
    print(f"Diaporama écrit dans {out} ({content.label}).")
    return 0


def _progress(done: int, total: int, name: str) -> None:
    print(f"\rFiche {done}/{total} : {name[:50]:<50}", end="" if done < total else "\n", file=sys.stderr, flush=True)


def _cmd_sheet(args: argparse.Namespace) -> int:
    from .meeting import resolve_selection
    from .sheet import build_sheet, build_sheets, build_sheets_zip

    if args.all == bool(args.zone):
        raise GpectError("Donnez soit --zone CODE (une fiche), soit --all (toutes les zones du zonage).")
    out = _check_out(args.out, (".pdf", ".zip") if args.all else (".pdf",))
    territory = _territory(args)
    plan = _plan(args, territory)
    if args.all:
        selection = resolve_selection(territory, args.zoning)
        zone_ids = sorted(territory.zones_of(selection.zoning)["zone_id"])
        build = build_sheets_zip if out.suffix.lower() == ".zip" else build_sheets
        data = build(territory, selection.zoning, zone_ids, plan, args.lang, progress=_progress)
        write_atomically(out, data)
        print(f"{len(zone_ids)} fiches écrites dans {out}.")
        return 0
    selection = resolve_selection(territory, args.zoning, [args.zone])
    write_atomically(out, build_sheet(territory, selection.zoning, args.zone, plan, args.lang))
    print(f"Fiche de « {territory.zone_names(selection.zoning).get(args.zone, args.zone)} » écrite dans {out}.")
    return 0


def register(subparsers) -> None:
    """The `deck` and `sheet` sub-commands."""
    deck = subparsers.add_parser("deck", help="diaporama du comité (PPTX) pour une sélection")
    deck.add_argument("--pack", help="dossier du pack (par défaut $GPECT_PACK)")
    deck.add_argument("--zoning", help="zonage de la sélection (par défaut celui du pack)")
    deck.add_argument("--zones", help="codes des zones, séparés par des virgules (par défaut : tout le territoire)")
    deck.add_argument("--lang", choices=LANGS, default="fr")
    deck.add_argument("--template", help="modèle du comité (.pptx ou .potx)")
    deck.add_argument("--db", help="URL du plan d'action enregistré (par défaut : le plan du pack)")
    deck.add_argument("--out", required=True, help="fichier .pptx à écrire")
    deck.set_defaults(func=_cmd_deck)
    sheet = subparsers.add_parser("sheet", help="fiche A4 (PDF) d'un bassin, ou de tous les bassins d'un zonage")
    sheet.add_argument("--pack", help="dossier du pack (par défaut $GPECT_PACK)")
    sheet.add_argument("--zoning", help="zonage (par défaut celui du pack)")
    sheet.add_argument("--zone", help="code de la zone")
    sheet.add_argument("--all", action="store_true", help="toutes les zones du zonage (--out x.zip ou x.pdf)")
    sheet.add_argument("--lang", choices=LANGS, default="fr")
    sheet.add_argument("--db", help="URL du plan d'action enregistré (par défaut : le plan du pack)")
    sheet.add_argument("--out", required=True, help="fichier .pdf (ou .zip avec --all) à écrire")
    sheet.set_defaults(func=_cmd_sheet)
