"""`python -m gpect_core bridges --pack PACK --from ROME_CODE [--zoning Z --zones A,B] --out OUT.csv`: the
occupations reachable from one, ranked by what they offer in the selection (`indicators.bridges.reachable_targets`),
written as CSV (UTF-8 with BOM, `;` separator, decimal comma, as French spreadsheets open it), with the words of
the « Passerelles » page (bridge types, reasons, « oui » / « non ») in `--lang`, never the internal codes.
Registered through `cli.EXTENSION_MODULES`; every error is a GpectError in French.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from ..errors import GpectError
from ..formatting import yes_no
from ..i18n import LANGS, t
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
CSV_COLUMNS_EN = {
    "rank": "rank", "to_code": "target_rome_code", "label": "target_occupation", "kind": "bridge_type",
    "score": "closeness_score", "projects": "hiring_projects", "difficult_share": "difficult_share",
    "needs": "survey_needs", "openings": "openings", "tension_class": "tension_class",
    "jobseekers_per_offer": "jobseekers_per_offer", "fragile": "fragile_figure", "fragile_reason": "fragility_reason",
    "to_acquire": "skills_to_acquire_count", "skills_to_acquire": "skills_to_acquire",
    "trainings": "local_training_count", "training_titles": "local_training",
}


def export_frame(table: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """`reachable_targets` as written to a file: bridge type, fragile flag and reason in the page's words of
    `lang` (« métier proche », « oui » / « non », « secret statistique »…), columns renamed (`CSV_COLUMNS`, or
    `CSV_COLUMNS_EN` in English), the origin's code first."""
    frame = table.copy()
    frame["kind"] = [t(f"bridges.kind.{k}", lang) for k in frame["kind"]]
    frame["fragile"] = yes_no(frame["fragile"], lang)
    frame["fragile_reason"] = [t(f"bridges.reason.{r}", lang) if r else "" for r in frame["fragile_reason"]]
    frame = frame.rename(columns=CSV_COLUMNS if lang == "fr" else CSV_COLUMNS_EN)
    frame.insert(0, "code_rome_origine" if lang == "fr" else "origin_rome_code", table.attrs.get("origin", ""))
    return frame


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
    frame = export_frame(table, args.lang)
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
    parser.add_argument("--lang", choices=LANGS, default="fr", help="langue des libellés (fr par défaut)")
    parser.set_defaults(func=_cmd_bridges)
