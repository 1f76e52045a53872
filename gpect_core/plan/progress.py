"""Where the plan stands: actions of a selection, counts by status and axis, progress by axis, late actions,
indicators against their targets, and how the tension of the targeted occupations moved since an action began.

All functions take plain DataFrames (the store's frames, or the pack's plan tables) and never touch a database.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ..i18n import t
from .rules import CLOSED_STATUSES, late_mask
from .values import split_list


def progress_rule(lang: str = "fr") -> str:
    """How an axis's progress is computed, as the page states it, in `lang` (catalogue: plan.rule.progress)."""
    return t("plan.rule.progress", lang)


def association_caveat(lang: str = "fr") -> str:
    """Why the tension since an action began is an association, not an effect, in `lang`
    (catalogue: plan.rule.association)."""
    return t("plan.rule.association", lang)


def counts_by_axis_and_status(actions: pd.DataFrame, axes: pd.DataFrame) -> pd.DataFrame:
    """Columns axis_id, axis_label, status, actions."""
    counts = actions.groupby(["axis_id", "status"]).size().rename("actions").reset_index()
    labels = axes.set_index("axis_id")["label"]
    counts["axis_label"] = counts["axis_id"].map(labels).fillna(counts["axis_id"])
    return counts[["axis_id", "axis_label", "status", "actions"]]


def progress_by_axis(actions: pd.DataFrame, axes: pd.DataFrame, today: date | None = None) -> pd.DataFrame:
    """Columns axis_id, axis_label, progress (0–100, see `progress_rule`), actions, late."""
    live = actions[actions["status"] != "abandonnee"].copy()
    live["progress"] = pd.to_numeric(live["progress"], errors="coerce").fillna(0).astype(float)
    live["late"] = late_mask(live, today) if not live.empty else pd.Series(dtype=bool)
    grouped = live.groupby("axis_id").agg(progress=("progress", "mean"), actions=("action_id", "count"),
                                          late=("late", "sum")).reset_index()
    out = axes[["axis_id", "label"]].rename(columns={"label": "axis_label"}).merge(grouped, on="axis_id", how="left")
    out["actions"] = out["actions"].fillna(0).astype(int)
    out["late"] = out["late"].fillna(0).astype(int)
    return out


def late_actions(actions: pd.DataFrame, today: date | None = None) -> pd.DataFrame:
    """The late actions (rules.late_rule) with `reason`: « overdue » or « lagging »."""
    mask = late_mask(actions, today)
    late = actions[mask].copy()
    today_ts = pd.Timestamp(today or date.today())
    overdue = (pd.to_datetime(late["end_date"]) < today_ts) & ~late["status"].isin(CLOSED_STATUSES)
    late["reason"] = overdue.map({True: "overdue", False: "lagging"})
    return late


def expected_progress(actions: pd.DataFrame, today: date | None = None) -> pd.Series:
    """Share of each action's duration already elapsed, in points (0–100)."""
    today_ts = pd.Timestamp(today or date.today())
    start = pd.to_datetime(actions["start_date"])
    end = pd.to_datetime(actions["end_date"])
    duration = (end - start).dt.days.clip(lower=1)
    return (((today_ts - start).dt.days / duration).clip(0, 1) * 100).round(0)


def indicators_against_targets(indicators: pd.DataFrame, values: pd.DataFrame,
                               actions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per indicator: baseline, target, latest value and its date, and `achieved` (share of the way
    from baseline to target, may exceed 1)."""
    latest = (values.sort_values("date").groupby("indicator_id").tail(1)
              .set_index("indicator_id")[["date", "value", "source"]])
    out = indicators.join(latest, on="indicator_id")
    baseline = pd.to_numeric(out["baseline"], errors="coerce").fillna(0).astype(float)
    target = pd.to_numeric(out["target"], errors="coerce").astype(float)
    value = pd.to_numeric(out["value"], errors="coerce").astype(float)
    span = (target - baseline).where(lambda s: s != 0)
    out["achieved"] = ((value - baseline) / span).astype(float)
    if actions is not None:
        out = out.merge(actions[["action_id", "title"]], on="action_id", how="left")
    return out


def zone_action_counts(actions: pd.DataFrame) -> pd.Series:
    """Number of actions per basin (index zone_id)."""
    exploded = actions.assign(zone=actions["zone_ids"].map(split_list)).explode("zone").dropna(subset=["zone"])
    return exploded.groupby("zone").size()


def zone_action_titles(actions: pd.DataFrame, limit: int = 6) -> pd.Series:
    """Titles of the actions of each basin, as one text per basin (index zone_id)."""
    exploded = actions.assign(zone=actions["zone_ids"].map(split_list)).explode("zone").dropna(subset=["zone"])

    def join(titles: pd.Series) -> str:
        shown = list(titles)[:limit]
        more = len(titles) - len(shown)
        return " · ".join(shown) + (f" (+{more})" if more > 0 else "")

    return exploded.groupby("zone")["title"].agg(join)


def tension_since_start(actions: pd.DataFrame, tension: pd.DataFrame | None, recruitment: pd.DataFrame | None,
                        zoning: str) -> pd.DataFrame:
    """For each action with target occupations and basins: the mean tension score and the share of difficult
    hiring projects of those occupations in those basins, the year the action started and the latest year.

    An association in time, not an effect (`association_caveat`)."""
    rows = []
    targets = []  # (position of the action, zone, occupation): one row per pair an action aims at
    for position, action in enumerate(actions.itertuples()):
        occupations, zones = set(split_list(action.occupation_codes)), set(split_list(action.zone_ids))
        if occupations and zones and not pd.isna(action.start_date):
            targets.extend((position, zone, code) for zone in sorted(zones) for code in sorted(occupations))
    pairs = pd.DataFrame(targets, columns=["_action", "zone_id", "occupation_code"]).astype(
        {"zone_id": "str", "occupation_code": "str"})
    # Each measure's yearly series of every action in one grouping, not one filter and grouping per action.
    yearly_of = {name: _yearly_by_action(frame, pairs, zoning, measure)
                 for name, frame, measure in (("tension", tension, "tension_score"),
                                              ("difficulty", recruitment, None))}
    for position, action in enumerate(actions.itertuples()):
        occupations, zones = set(split_list(action.occupation_codes)), set(split_list(action.zone_ids))
        if not occupations or not zones or pd.isna(action.start_date):
            continue
        start_year = pd.Timestamp(action.start_date).year
        row = {"action_id": action.action_id, "title": action.title, "start_year": start_year}
        for name in ("tension", "difficulty"):
            yearly = yearly_of[name].get(position)
            if yearly is None or yearly.empty:
                continue
            before = yearly[yearly.index < start_year]  # the last full year before the action began
            base_year = int(before.index.max()) if not before.empty else int(yearly.index.min())
            last_year = int(yearly.index.max())
            row.update({f"{name}_base_year": base_year, f"{name}_base": float(yearly[base_year]),
                        f"{name}_last_year": last_year, f"{name}_last": float(yearly[last_year]),
                        f"{name}_change": float(yearly[last_year] - yearly[base_year])})
        if len(row) > 3:
            rows.append(row)
    return pd.DataFrame(rows)


def _yearly_by_action(frame: pd.DataFrame | None, pairs: pd.DataFrame, zoning: str,
                      measure: str | None) -> dict[int, pd.Series]:
    """For `tension_since_start`: by position of the action in `pairs` (`_action`, zone_id, occupation_code), the
    yearly mean of `measure` over the rows of `frame` (in `zoning`) of its basins and occupations, or, without a
    measure, the yearly share difficult / projects of those rows; years without a value left out, sorted."""
    if frame is None or frame.empty or pairs.empty:
        return {}
    cut = frame[frame["zoning"] == zoning]
    columns = [measure] if measure else ["difficult", "projects"]
    keys = cut[["zone_id", "occupation_code"]].astype("str")
    part = pd.concat([keys, cut[["year", *columns]]], axis=1).merge(pairs, on=["zone_id", "occupation_code"])
    if part.empty:
        return {}
    grouped = part.groupby(["_action", "year"], sort=True)
    if measure:
        yearly = grouped[measure].mean()
    else:
        sums = grouped[["difficult", "projects"]].sum(min_count=1).astype(float)
        yearly = sums["difficult"] / sums["projects"].where(sums["projects"] > 0)
    yearly = yearly.dropna()
    return {int(position): series.droplevel(0) for position, series in yearly.groupby(level=0)}


def status_counts(actions: pd.DataFrame, late: pd.DataFrame) -> dict[str, int]:
    """The overview's key figures: {"actions": all, "in_progress": status en_cours, "done": status terminee,
    "late": rows of `late` (late_actions of the same actions)}."""
    return {"actions": len(actions), "in_progress": int((actions["status"] == "en_cours").sum()),
            "done": int((actions["status"] == "terminee").sum()), "late": len(late)}


def zone_shades(actions: pd.DataFrame, zone_ids: list[str], classes: int = 4) -> pd.DataFrame:
    """For each of `zone_ids` (index zone_id): `n_actions` (int), `titles` (str, see zone_action_titles) and
    `shade`, the class of its count among `classes` equal bins from 0 to the largest count (0 = fewest), or -1
    for a basin without action."""
    per_zone = zone_action_counts(actions)
    titles = zone_action_titles(actions)
    top = max(1, int(per_zone.max())) if not per_zone.empty else 1
    out = pd.DataFrame(index=pd.Index(zone_ids, name="zone_id"))
    out["n_actions"] = per_zone.reindex(out.index).fillna(0).astype(int)
    out["titles"] = titles.reindex(out.index).fillna("").astype(str)
    shade = (out["n_actions"] / top * (classes - 0.001)).astype(int).clip(upper=classes - 1)
    out["shade"] = shade.where(out["n_actions"] > 0, -1).astype(int)
    return out


TENSION_MEASURES = (("tension", 1), ("difficulty", 100))  # (measure, scale to show it: difficulty in %)


def tension_figures(association: pd.DataFrame) -> pd.DataFrame:
    """The table of `tension_since_start` as shown: title, start_year and, per measure present (« tension »
    score, « difficulty » share of difficult projects in %), `<measure>_before`, `<measure>_latest`,
    `<measure>_change` (rounded to 2 decimals) and `<measure>_years` (« 2019 → 2024 »)."""
    out = association[["title", "start_year"]].copy()
    for prefix, scale in TENSION_MEASURES:
        if f"{prefix}_base" not in association:
            continue
        out[f"{prefix}_before"] = (association[f"{prefix}_base"] * scale).round(2)
        out[f"{prefix}_latest"] = (association[f"{prefix}_last"] * scale).round(2)
        out[f"{prefix}_change"] = (association[f"{prefix}_change"] * scale).round(2)
        out[f"{prefix}_years"] = (association[f"{prefix}_base_year"].astype("Int64").astype(str) + " → "
                                  + association[f"{prefix}_last_year"].astype("Int64").astype(str))
    return out
