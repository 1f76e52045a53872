"""The golden snapshot of the figures users see: recomputed by tests/test_golden.py, regenerated only by hand.

What it records, for a fixed list of selections (`DEMO_SELECTIONS`, `NATIONAL_SELECTIONS`):
- the key figures of « Synthèse » (hiring projects, difficult and seasonal shares, secret cells, unemployment rate
  and their year or quarter) as the page gets them, with the zoning substitution (`data_selection`) it applies,
  and the occupations that hire most;
- per zoning, every available map indicator (`zone_values`) and its class breaks (quantiles, natural breaks, and
  fixed for the tension class);
- the rankings of « Métiers en tension » (`occupation_table`, `rank` by each key, `tension_ranking`, `heatmap`);
- the comparison levels and figures of « Carte des bassins » (`comparison_levels`, `comparison`) and the peers of a
  few zones.
Not recorded: the pack's provenance stamps (they change with every build) and the count of plan actions
(`gpect_core.plan.scope`, tested there).

The national part keeps the file small: per-zone maps are summarised (count, sum, min, max, the values of the
selected zones and of the first ten zones) and rankings keep their first ten rows (twenty on the demo pack, whose per-zone maps are recorded whole). Values are exact (no rounding);
the test compares floats with a relative tolerance of 1e-12 and NaN equals NaN.

Regenerate, after a deliberate change of a figure, and review the diff of the JSON before committing it:

    python tests/golden/make_golden.py                      # tests/golden/demo.json
    GPECT_NATIONAL_PACK=/path/to/national/pack python tests/golden/make_golden.py --national
                                                            # tests/golden/national.json

(the national pack is built by `gpect_core.build.build_territory('../shared/realdata', ...)` then `.save(path)`).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gpect_core import Territory, settings  # noqa: E402
from gpect_core.indicators import choropleth as ch  # noqa: E402
from gpect_core.indicators import occupations as occ  # noqa: E402
from gpect_core.indicators import zones as zn  # noqa: E402
from gpect_core.indicators.selection import comparison_levels, key_figures, top_occupations  # noqa: E402
from gpect_core.selection import Selection  # noqa: E402

HERE = Path(__file__).resolve().parent
DEMO_FILE = HERE / "demo.json"
NATIONAL_FILE = HERE / "national.json"

DEMO_SELECTIONS = [
    Selection("ZE2020"), Selection("DEP"), Selection("REG"),
    Selection("ZE2020", ("9901",)), Selection("ZE2020", ("9902", "9907", "9913")),
    Selection("DEP", ("9B",)), Selection("DEP", ("9A", "9C")), Selection("REG", ("99",)),
]
DEMO_PEERS = [("ZE2020", "9901"), ("ZE2020", "9908"), ("ZE2020", "9915"), ("DEP", "9A")]

NATIONAL_SELECTIONS = [
    Selection("ZE2020"), Selection("BMO"), Selection("DEP"), Selection("REG"),
    Selection("ZE2020", ("2401",)), Selection("ZE2020", ("2401", "2402", "5201")),
    Selection("BMO", ("2401",)), Selection("BMO", ("2401", "5215")),
    Selection("DEP", ("44",)), Selection("REG", ("52",)),
]
NATIONAL_PEERS = [("ZE2020", "2401"), ("BMO", "2401"), ("DEP", "44")]


# ---------------------------------------------------------------------------------------------- plain JSON
def plain(value):
    """JSON-ready copy: NumPy and pandas scalars become Python ones, pd.NA None, NaN stays a float NaN."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [plain(v) for v in value]
    if isinstance(value, pd.Series):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, pd.DataFrame):
        return {str(c): plain(list(value[c])) for c in value.columns}
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    return str(value)


def same(expected, actual, path: str = "", tolerance: float = 1e-12) -> list[str]:
    """Paths where `actual` differs from `expected` (floats within `tolerance`, relative; NaN equals NaN)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        out = [f"{path}/{k}: missing" for k in expected if k not in actual]
        out += [f"{path}/{k}: unexpected" for k in actual if k not in expected]
        for k in expected:
            if k in actual:
                out += same(expected[k], actual[k], f"{path}/{k}", tolerance)
        return out
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{path}: length {len(expected)} → {len(actual)}"]
        return [d for i, (e, a) in enumerate(zip(expected, actual, strict=True))
                for d in same(e, a, f"{path}[{i}]", tolerance)]
    numbers = (int, float)
    if isinstance(expected, numbers) and isinstance(actual, numbers) and not isinstance(expected, bool) \
            and not isinstance(actual, bool):
        if math.isnan(expected) and math.isnan(actual):
            return []
        if math.isclose(expected, actual, rel_tol=tolerance, abs_tol=0.0):
            return []
        return [f"{path}: {expected!r} → {actual!r}"]
    return [] if expected == actual and type(expected) is type(actual) else [f"{path}: {expected!r} → {actual!r}"]


# ---------------------------------------------------------------------------------------------- figures
def _name(selection: Selection) -> str:
    return f"{selection.zoning}:{','.join(selection.zone_ids) or '*'}"


def _head(frame: pd.DataFrame, n: int | None) -> pd.DataFrame:
    return frame.head(n) if n else frame


def _summary(values: pd.Series, sample: list[str]) -> dict:
    known = values.dropna()
    return {"count": len(known), "sum": float(known.sum()) if len(known) else None,
            "min": float(known.min()) if len(known) else None, "max": float(known.max()) if len(known) else None,
            "zones": {z: values.get(z) for z in [*values.index[:10], *sample] if z in values.index}}


def synthese_figures(territory: Territory, selection: Selection) -> tuple:
    """(key figures, DataSelection) as « Synthèse » gets them."""
    figures = key_figures(territory, selection)
    return figures, figures.data


def selection_part(territory: Territory, selection: Selection, top: int | None) -> dict:
    figures, data = synthese_figures(territory, selection)
    recruited = data.selection
    table = occ.occupation_table(territory, recruited)
    ranks = {by: _head(occ.rank(table, by), top)[
        ["occupation_system", "occupation_code", "rank", by, "fragile", "fragile_reason"]]
             for by in ("projects", "difficult_share", "seasonal_share")}
    tension = occ.tension_ranking(territory, recruited)
    tension_columns = ["occupation_code", "rank", "tension_class", "tension_score", *occ.COMPONENTS, "zones"]
    heat = occ.heatmap(territory, recruited)
    levels = comparison_levels(territory, selection)
    return {
        "data_selection": {"zoning": recruited.zoning, "zone_ids": list(recruited.zone_ids),
                           "substituted": data.substituted,
                           "shares": None if data.shares is None else data.shares},
        "key_figures": {k: getattr(figures, k) for k in ("year", "projects", "difficult_share", "seasonal_share",
                                                          "secret_cells", "unemployment_rate",
                                                          "unemployment_period")},
        "top_occupations": top_occupations(territory, recruited),
        "occupation_table": {"rows": len(table), "projects": float(table["projects"].sum()) if len(table) else 0.0,
                             "fragile": int(table["fragile"].sum()) if len(table) else 0,
                             "head": _head(table.drop(columns=["family", "family_label"]), top)},
        "rank": ranks,
        "tension_ranking": {"rows": len(tension),
                            "head": _head(tension[[c for c in tension_columns if c in tension]], top)},
        "heatmap": {"rows": len(heat), "head": _head(heat, 2 * top if top else None)},
        "comparison_levels": [[key, label, level.zoning, list(level.zone_ids)] for key, label, level in levels],
        "comparison": zn.comparison(territory, selection),
    }


def zoning_part(territory: Territory, zoning: str, sample: list[str], summarise: bool) -> dict:
    out = {}
    for indicator in ch.available_indicators(territory, zoning):
        values = ch.zone_values(territory, zoning, indicator)
        methods = ["quantiles", "natural_breaks"] + (["fixed"] if indicator == "tension_class" else [])
        classes = {}
        for method in methods:
            c = ch.classify(values.values, method)
            classes[method] = {"breaks": c.breaks, "lower": c.lower, "upper": c.upper,
                               "counts": c.classes.value_counts(dropna=False).sort_index().to_dict()}
        out[indicator] = {
            "period": values.period, "unit_key": values.unit_key,
            "values": _summary(values.values, sample) if summarise else values.values,
            "mostly_secret": int(values.mostly_secret.sum()) if summarise else values.mostly_secret,
            "classes": classes,
        }
    return out


def snapshot(territory: Territory, selections, peer_zones, top: int | None, summarise: bool) -> dict:
    """Everything the golden file records (see the module docstring), as plain JSON values."""
    sample = sorted({z for s in selections for z in s.zone_ids})
    out = {
        "selections": {_name(s): selection_part(territory, s, top) for s in selections},
        "zonings": {z: zoning_part(territory, z, sample, summarise) for z in sorted({s.zoning for s in selections})},
        "peers": {f"{z}:{zone}": zn.peers(territory, z, zone) for z, zone in peer_zones},
        "peer_criteria": {z: zn.peer_criteria(territory, z) for z in sorted({z for z, _ in peer_zones})},
    }
    return plain(out)


def demo_snapshot() -> dict:
    return snapshot(Territory.load(ROOT / "data" / "demo"), DEMO_SELECTIONS, DEMO_PEERS, top=20, summarise=False)


def national_snapshot(pack: Path) -> dict:
    territory = Territory.load(pack, validate=False)
    return snapshot(territory, NATIONAL_SELECTIONS, NATIONAL_PEERS, top=10, summarise=True)


def _dumps(value, indent: str = "") -> str:
    """JSON with one line per key and lists of plain values on one line, so a changed figure shows in a diff."""
    inner = indent + " "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {_dumps(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return "[\n" + ",\n".join(inner + _dumps(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False)


def write(data: dict, path: Path) -> None:
    path.write_text(_dumps(data) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--national", action="store_true", help="the national snapshot (needs GPECT_NATIONAL_PACK)")
    args = parser.parse_args()
    if args.national:
        pack = settings.raw("GPECT_NATIONAL_PACK")
        if not pack:
            parser.error("set GPECT_NATIONAL_PACK to a built national pack")
        write(national_snapshot(Path(pack)), NATIONAL_FILE)
        print(f"wrote {NATIONAL_FILE}")
    else:
        write(demo_snapshot(), DEMO_FILE)
        print(f"wrote {DEMO_FILE}")


if __name__ == "__main__":
    main()
