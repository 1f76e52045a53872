"""The plan's tables as a page shows them, in French or English: history, a refused (stale) save, the refused
rows of the quick editor, the late actions, an action's detail. Headers and values come from the catalogue.

Every function takes plain values / DataFrames and `lang` (« fr » / « en ») and returns a DataFrame whose
columns are the translated headers; none touches a database or streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..formatting import Fmt, fmt_datetime
from ..i18n import t
from . import model as m
from .labels import item_label, label
from .values import display_value, split_list


def when_text(at: pd.Timestamp, lang: str = "fr") -> str:
    """A UTC timestamp as read in Paris: « 31/01/2026 14:05 » (fr) / « 31 Jan 2026 14:05 » (en)."""
    return fmt_datetime(at.tz_convert("Europe/Paris"), lang)


def history_table(history: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """The history rows `history` (columns of PlanStore.history_frame) as shown: number, when, who, kind of
    change, item (« indicateur IND02 » / « indicator IND02 »), field, before, after, comment."""
    return pd.DataFrame({
        t("plan.history.id", lang): history["history_id"],
        t("plan.history.at", lang): [when_text(at, lang) for at in history["at"]],
        t("plan.history.user", lang): history["user_name"],
        t("plan.history.kind", lang): [label("kind", k, lang) for k in history["kind"]],
        t("plan.history.what", lang): [item_label(e, i, lang)
                                       for e, i in zip(history["entity"], history["entity_id"], strict=True)],
        t("plan.history.field", lang): [label("field", f, lang) for f in history["field"]],
        t("plan.history.before", lang): [display_value(f, b, lang=lang)
                                         for f, b in zip(history["field"], history["before"], strict=True)],
        t("plan.history.after", lang): [display_value(f, a, lang=lang)
                                        for f, a in zip(history["field"], history["after"], strict=True)],
        t("plan.history.comment", lang): history["comment"].fillna(""),
    }, columns=[t(f"plan.history.{c}", lang) for c in ("id", "at", "user", "kind", "what", "field", "before",
                                                        "after", "comment")])


def stale_changes(changes: pd.DataFrame, lang: str = "fr") -> list[dict[str, str]]:
    """What the other person changed (the `changes` of a StaleVersionError), oldest first: one dict per history
    row with the headers who, when, field, before, after."""
    return [{t("plan.history.user", lang): r.user_name,
             t("plan.history.at", lang): when_text(r.at, lang),
             t("plan.history.field", lang): label("field", r.field, lang),
             t("plan.history.before", lang): display_value(r.field, r.before, lang=lang),
             t("plan.history.after", lang): display_value(r.field, r.after, lang=lang)}
            for r in changes.sort_values("history_id").itertuples()]


def stale_input(mine: Mapping[str, Any], current: Mapping[str, Any], theirs: set[str],
                lang: str = "fr") -> list[dict[str, str]]:
    """The user's refused input `mine` ({field: value}) against the action stored now (`current`, a dict of the
    store), one dict per field: field, your input, stored now, changed on both sides (the fields in `theirs`)."""
    return [{t("plan.history.field", lang): label("field", name, lang),
             t("plan.stale.mine", lang): display_value(name, value, from_history=False, lang=lang),
             t("plan.stale.now", lang): display_value(name, current.get(name), from_history=False, lang=lang),
             t("plan.stale.conflict", lang): t("plan.yes", lang) if name in theirs else t("plan.no", lang)}
            for name, value in mine.items()]


def refused_rows(refused: list[tuple[str, dict[str, Any], Mapping[str, Any]]], lang: str = "fr") -> list[dict]:
    """The quick editor's refused input: for each (action_id, {field: value typed}, action stored now), one dict
    per field with the headers action id, field, your input, stored now."""
    return [{t("plan.field.action_id", lang): action_id, t("plan.history.field", lang): label("field", name, lang),
             t("plan.stale.mine", lang): display_value(name, value, from_history=False, lang=lang),
             t("plan.stale.now", lang): display_value(name, current.get(name), from_history=False, lang=lang)}
            for action_id, wanted, current in refused for name, value in wanted.items()]


def late_table(late: pd.DataFrame, expected: pd.Series, partner_names: Mapping[str, str],
               lang: str = "fr") -> pd.DataFrame:
    """The late actions (progress.late_actions) with their expected progress (progress.expected_progress):
    id, title, lead partner, end (a date), status, progress and time elapsed (numbers in %), reason; shown with
    `late_formats(lang)`."""
    return pd.DataFrame({
        t("plan.field.action_id", lang): late["action_id"],
        t("plan.field.title", lang): late["title"],
        t("plan.field.lead_partner_id", lang): late["lead_partner_id"].map(partner_names),
        t("plan.field.end_date", lang): late["end_date"].dt.date,
        t("plan.field.status", lang): late["status"].map(lambda s: label("status", s, lang)),
        t("plan.field.progress", lang): late["progress"],
        t("plan.late.expected", lang): expected,
        t("plan.late.reason", lang): late["reason"].map(lambda r: t(f"plan.late.{r}", lang)),
    })


def late_formats(lang: str = "fr") -> dict[str, Fmt]:
    """How `late_table`'s dates and percentages are shown: « 31/12/2026 », « 40 % » (fr) / « 31 Dec 2026 »,
    « 40% » (en)."""
    return {t("plan.field.end_date", lang): Fmt("date"), t("plan.field.progress", lang): Fmt("rate", 0),
            t("plan.late.expected", lang): Fmt("rate", 0)}


def action_detail(action: Mapping[str, Any], axis_labels: Mapping[str, str], partner_names: Mapping[str, str],
                  lang: str = "fr") -> pd.DataFrame:
    """An action (a dict of the store) as a two-column table field / value, for a reader who cannot edit."""
    detail = {t(f"plan.field.{name}", lang): display_value(name, action.get(name), from_history=False, lang=lang)
              for name in m.ACTION_EDITABLE}
    detail[t("plan.field.axis_id", lang)] = axis_labels.get(action["axis_id"], action["axis_id"])
    detail[t("plan.field.lead_partner_id", lang)] = partner_names.get(action["lead_partner_id"] or "", "–")
    detail[t("plan.field.partner_ids", lang)] = ", ".join(partner_names.get(p, p)
                                                          for p in split_list(action["partner_ids"]))
    return pd.DataFrame({t("plan.detail.field", lang): list(detail), t("plan.detail.value", lang):
                         list(detail.values())})


def milestones_table(milestones: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """Milestones (label, due_date, done) as shown: label, due date, reached yes/no."""
    return pd.DataFrame({
        t("plan.field.label", lang): milestones["label"],
        t("plan.field.due_date", lang): milestones["due_date"].dt.date,
        t("plan.field.done", lang): milestones["done"].map({True: t("plan.yes", lang), False: t("plan.no", lang)}),
    })


def milestones_formats(lang: str = "fr") -> dict[str, Fmt]:
    """How `milestones_table`'s due dates are shown."""
    return {t("plan.field.due_date", lang): Fmt("date")}


def indicator_values_formats(lang: str = "fr") -> dict[str, Fmt]:
    """How `indicator_values_table`'s dates and values (up to 2 decimals) are shown."""
    return {t("plan.field.date", lang): Fmt("date"), t("plan.field.value", lang): Fmt("number", 2)}


def indicator_values_table(values: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """Indicator values (indicator_id, date datetime64, value float, source) as shown: headers from the
    catalogue, the date without its time."""
    return pd.DataFrame({
        t("plan.field.indicator_id", lang): values["indicator_id"],
        t("plan.field.date", lang): values["date"].dt.date,
        t("plan.field.value", lang): values["value"],
        t("plan.field.source", lang): values["source"],
    })


def partners_table(partners: pd.DataFrame, lang: str = "fr") -> pd.DataFrame:
    """The partners directory with each type's label."""
    return partners.assign(type=partners["type"].map(lambda k: label("partner_type", k, lang)))
