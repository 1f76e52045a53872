"""`python -m gpect_core ...`: build the demo pack, validate and describe packs, and the commands that
other modules register (plan...), and `build-pack`. Every error is printed in French, without traceback."""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback

from .errors import GpectError

# Modules that add sub-commands: each exposes `register(subparsers)`; absent modules are skipped.
EXTENSION_MODULES = (
    "gpect_core.plan.cli",
    "gpect_core.export.cli",
    "gpect_core.export.bridges_cli",
    "gpect_core.pairing.cli",
    "gpect_core.survey.cli",
)


def _cmd_build_pack(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .assemble import ZONING_ORDER, zoning_label
    from .build import BuildFailed, build_territory

    out = Path(args.out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / "manifest.json").is_file())):
        raise GpectError(f"« {out} » existe et n'est pas un pack de territoire : choisissez un dossier vide ou un "
                         "pack existant (il sera remplacé, l'ancien gardé dans « .previous »).")
    from .readers.vintage import parse_vintage_options

    try:
        vintages = parse_vintage_options(args.vintage)
    except ValueError as exc:
        raise GpectError(str(exc)) from None
    try:
        territory, report = build_territory(args.source, name=args.name, imported_by=args.by, vintages=vintages,
                                            isolated=args.isolated)
    except BuildFailed as exc:
        print(exc.build_report.text())
        raise
    print(report.text())
    path = territory.save(args.out)
    counts = territory.zones.groupby("zoning").size()
    summary = ", ".join(f"{counts[z]} {zoning_label(z).lower()}" for z in ZONING_ORDER if z in counts)
    print(f"\nPack écrit dans {path} : {summary} ; tables {', '.join(sorted(territory.tables))}.")
    for name in report.undated:
        print(f"Attention : « {name} » écarté faute d'année lisible ; relancez avec --vintage \"{name}=AAAA\".")
    return 0


def register(subparsers) -> None:
    """The `build-pack` sub-command: a pack from the official files of a folder."""
    parser = subparsers.add_parser("build-pack", help="construit un pack à partir des fichiers officiels d'un dossier")
    parser.add_argument("--from", dest="source", required=True, help="dossier des fichiers officiels")
    parser.add_argument("--out", required=True, help="dossier du pack à écrire")
    parser.add_argument("--name", default="France — données publiques", help="nom du territoire")
    parser.add_argument("--by", default=None, help="qui importe (par défaut : l'utilisateur du système)")
    parser.add_argument("--vintage", action="append", metavar="FICHIER=AAAA",
                        help="année d'un fichier qui ne la dit pas (répétable), par exemple "
                             "« attractivite_capacite.csv=2021 »")
    parser.add_argument("--isolated", action="store_true",
                        help="lit chaque fichier dans un processus enfant borné en mémoire et en temps "
                             "(GPECT_PARSE_MEMORY_MB, GPECT_PARSE_SECONDS), comme un envoi sur la page « Données » : "
                             "pour un dossier de fichiers venus d'ailleurs (plus lent)")
    parser.set_defaults(func=_cmd_build_pack)


def _cmd_correspondence(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .export.correspondence import correspondence_xlsx, zoning_name
    from .indicators.correspondence import check_zonings, correspondence
    from .outfiles import write_atomically
    from .territory import Territory

    territory = Territory.load(args.pack, validate=False)
    check_zonings(territory, args.source, args.target)
    if args.source == args.target:
        raise GpectError(f"--from et --to désignent le même zonage « {args.source} » : choisissez deux zonages "
                         f"différents parmi {', '.join(territory.zoning_ids())}.")
    corr = correspondence(territory, args.source, args.target)
    out = Path(args.out)
    if not out.parent.is_dir():
        raise GpectError(f"« {out.parent} » n'est pas un dossier existant : impossible d'écrire « {out.name} ».")
    write_atomically(out, correspondence_xlsx(territory, corr))
    method = "communes en commun (population)" if corr.method == "communes" else "superposition des contours"
    print(f"Correspondance {zoning_name(territory, args.source)} → {zoning_name(territory, args.target)} : "
          f"{len(corr.table)} couples de zones ({method}), écrite dans {out}.")
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from .demo import build_demo

    territory = build_demo()
    path = territory.save(args.out, keep_previous=False)
    print(f"Territoire de démonstration écrit dans {path} ({len(territory.zones)} zones, "
          f"{len(territory.tables['recruitment'])} lignes de recrutement).")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from .territory import Territory

    territory = Territory.load(args.pack, validate=False)
    problems = territory.validate()
    if not problems:
        print(f"Pack « {territory.name} » valide : {len(territory.tables) + 1} tables vérifiées.")
        return 0
    print(f"Pack « {territory.name} » : {len(problems)} problème(s).")
    for problem in problems:
        print(f"  - {problem.message}")
    return 1


def _cmd_info(args: argparse.Namespace) -> int:
    from .territory import Territory

    territory = Territory.load(args.pack, validate=False)
    kind = "fictives (démonstration)" if territory.fictional else "réelles"
    print(f"Territoire : {territory.name} — données {kind}")
    print("Zonages :")
    counts = territory.zones.groupby("zoning").size()
    for zoning in territory.zoning_ids():
        print(f"  {zoning:<8} {counts.get(zoning, 0):>6} zones")
    print("Tables :")
    for name in ["zones", *sorted(territory.tables)]:
        rows = len(territory.zones) if name == "zones" else len(territory.tables[name])
        prov = territory.provenance.get(name)
        origin = f"{prov.producer}, {prov.source} ({prov.vintage})" if prov and prov.source else ""
        print(f"  {name:<22} {rows:>9} lignes  {origin}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of `python -m gpect_core` with every sub-command."""
    parser = argparse.ArgumentParser(prog="python -m gpect_core", description="GPECT Atlas : outils en ligne de commande")
    parser.add_argument("--debug", action="store_true",
                        help="montre la trace Python des erreurs et les avertissements (pour un développeur)")
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="construit le territoire de démonstration (déterministe)")
    demo.add_argument("out", help="dossier du pack à écrire")
    demo.set_defaults(func=_cmd_demo)
    validate = sub.add_parser("validate", help="vérifie un pack ; code 0 s'il est valide, 1 sinon")
    validate.add_argument("pack")
    validate.set_defaults(func=_cmd_validate)
    info = sub.add_parser("info", help="zonages, nombre de zones, tailles des tables, provenance")
    info.add_argument("pack")
    info.set_defaults(func=_cmd_info)
    corr = sub.add_parser("correspondence", help="table de correspondance entre deux zonages d'un pack (XLSX)")
    corr.add_argument("--pack", required=True, help="dossier du pack")
    corr.add_argument("--from", dest="source", required=True, help="zonage de départ (ex. ZE2020)")
    corr.add_argument("--to", dest="target", required=True, help="zonage d'arrivée (ex. BMO)")
    corr.add_argument("--out", required=True, help="fichier XLSX à écrire")
    corr.set_defaults(func=_cmd_correspondence)
    assets = sub.add_parser("assets", help="installe Leaflet (paquet XStatic-Leaflet) dans static/vendor")
    assets.set_defaults(func=lambda a: _cmd_assets())
    register(sub)
    for module_name in EXTENSION_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name and module_name.startswith(exc.name):
                continue
            raise
        module.register(sub)
    return parser


def _cmd_assets() -> int:
    from .assets import install_leaflet

    print(f"Leaflet prêt dans {install_leaflet()}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run a sub-command; 0 on success, 1 on a GpectError (printed in French on stderr) or on any other
    failure (a French sentence, never a traceback, unless `--debug` is given); Python warnings are shown only
    with `--debug`."""
    import warnings

    from .i18n import t

    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    argv = [a for a in argv if a != "--debug"]
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():
            if not debug:
                warnings.simplefilter("ignore")
            return int(args.func(args) or 0)
    except GpectError as exc:
        print(exc.report(), file=sys.stderr)
        if debug:
            traceback.print_exc()
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception:  # noqa: BLE001 — the one error path: a French sentence; the trace only with --debug
        print(t("hostile.cli.unexpected", command=" ".join(argv[:1])),
              file=sys.stderr)
        if debug:
            traceback.print_exc()
        return 1
