"""The company survey (pack table `needs`) as rows of the platform's two lists.

A survey answer with a ROME code and a headcount is a hiring position (« besoins » of the firm), or — when the
firm declared these jobs fragile (`needs.fragile` « oui », `indicators.bridges.declared_flags`) — people in
fragile jobs. Survey answers carry their zone, not their commune: their rows have commune_id '' and the zoning and
zone_id of the answer, so `geo.row_points` places them at the zone's centroid and the pairs say so. Firm names
come from the survey store (`survey.store.SurveyStore.firms`, editors only); without it a row is named after its
answer.
"""

from __future__ import annotations

import pandas as pd

from ..indicators.bridges import declared_flags

SURVEY_PREFIX = "enquete:"


def survey_rows(territory, kind: str, firms: dict[str, str] | None = None) -> pd.DataFrame:
    """The survey answers of the pack as rows of the list `kind` (« fragile » or « hiring »): columns entry_id
    (« enquete: » + response_id), firm (str), commune_id (''), occupation_code (ROME 4.0), headcount (int64,
    > 0), time_frame or horizon (str, the answer's horizon), zoning, zone_id (str), source (« enquête »). Answers
    without a ROME code or headcount are left out. Empty frame (same columns) when the pack has no survey."""
    extra = "time_frame" if kind == "fragile" else "horizon"
    columns = ["entry_id", "firm", "commune_id", "occupation_code", "headcount", extra, "zoning", "zone_id", "source"]
    needs = territory.tables.get("needs")
    if needs is None or needs.empty:
        return pd.DataFrame(columns=columns).astype({"headcount": "int64"})
    flagged = declared_flags(needs)
    rows = needs[flagged if kind == "fragile" else ~flagged]
    code = rows["occupation_code"].fillna("").astype(str)
    count = pd.to_numeric(rows["headcount"], errors="coerce")
    rows = rows[(code != "") & (count > 0)]
    names = firms or {}
    response = rows["response_id"].astype(str)
    return pd.DataFrame({
        "entry_id": SURVEY_PREFIX + response, "firm": [names.get(r) or f"Réponse {r} (enquête)" for r in response],
        "commune_id": "", "occupation_code": rows["occupation_code"].astype(str),
        "headcount": pd.to_numeric(rows["headcount"]).astype("int64"),
        extra: rows["horizon"].fillna("").astype(str) if "horizon" in rows else "",
        "zoning": rows["zoning"].astype(str), "zone_id": rows["zone_id"].astype(str), "source": "enquête",
    }, columns=columns).reset_index(drop=True)


def with_survey(territory, listed: pd.DataFrame, kind: str, firms: dict[str, str] | None = None) -> pd.DataFrame:
    """The platform's list `kind` (rows of `reader.read_list`, source « liste ») followed by the survey's rows of
    that kind (`survey_rows`)."""
    survey = survey_rows(territory, kind, firms)
    base = listed.assign(source="liste")
    if survey.empty:
        return base.reset_index(drop=True)
    return pd.concat([base, survey], ignore_index=True)
