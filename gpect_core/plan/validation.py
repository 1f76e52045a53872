"""The rules a save must keep, and the French messages of a refused save (invalid values, stale version).

Pure functions: the store reads what they need (known axes and partners, history rows) and raises the errors.
The late rule is in `rules.py`.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ..errors import Problem
from . import model as m
from .errors import PlanValidationError
from .labels import item_id, label, labels
from .values import display_value, split_list

INVALID_MESSAGE = "Les valeurs saisies ne sont pas valides ; rien n'a été enregistré."


def action_problems(row: dict[str, Any], known_axes: set[str], known_partners: set[str]) -> list[Problem]:
    """The French problems (list of Problem, table plan_actions, column = field) of an action's stored values
    `row` (the rules the page states next to its form): title, status and a known axis required; end not before
    start; progress 0–100; budget ≥ 0; lead partner and partners in the directory."""
    problems = []
    name = f"Action « {row.get('title') or row['action_id']} »"

    def add(message: str, column: str):
        problems.append(Problem(f"{name} : {message}", table="plan_actions", column=column))

    if not row.get("title"):
        add("le titre est obligatoire.", "title")
    if not row.get("status"):
        add("le statut est obligatoire.", "status")
    start, end = row.get("start_date"), row.get("end_date")
    if start and end and end < start:
        add(f"la date de fin ({end:%d/%m/%Y}) est antérieure à la date de début ({start:%d/%m/%Y}).", "end_date")
    progress = row.get("progress")
    if progress is not None and not 0 <= progress <= 100:
        add(f"l'avancement doit être compris entre 0 et 100 % (saisi : {progress}).", "progress")
    budget = row.get("budget")
    if budget is not None and budget < 0:
        add(f"le budget doit être positif ou nul (saisi : {budget}).", "budget")
    if not row.get("axis_id"):
        add("l'axe est obligatoire.", "axis_id")
    elif row["axis_id"] not in known_axes:
        add(f"axe « {row['axis_id']} » inconnu.", "axis_id")
    lead = row.get("lead_partner_id")
    if lead and lead not in known_partners:
        add(f"pilote « {lead} » inconnu de l'annuaire des partenaires.", "lead_partner_id")
    for partner in split_list(row.get("partner_ids")):
        if partner not in known_partners:
            add(f"partenaire « {partner} » inconnu de l'annuaire des partenaires.", "partner_ids")
    return problems


def part_problems(entity: str, key: dict[str, Any], after: dict[str, Any], action_id: str,
                  indicator_owner: str | None) -> list[Problem]:
    """The French problems of an indicator, milestone or indicator value of the action `action_id` about to be
    written (`after`: its values; `indicator_owner`: the action of the value's indicator)."""
    if entity == "indicator" and not after.get("label"):
        return [Problem(f"Indicateur « {key['indicator_id']} » : le libellé est obligatoire.",
                        table="indicator", column="label")]
    if entity == "milestone" and not after.get("label"):
        return [Problem(f"Jalon « {key['milestone_id']} » : le libellé est obligatoire.",
                        table="milestone", column="label")]
    if entity == "indicator_value" and indicator_owner != action_id:
        return [Problem(f"L'indicateur « {key['indicator_id']} » n'est pas un indicateur de "
                        f"l'action « {action_id} ».", table="indicator_value", column="indicator_id")]
    return []


def edit_where(entity: str, entity_id: str, field_name: str) -> str:
    """How a message names the field of an edit: « action ACT02, date de fin »."""
    return f"{label('entity', entity)} {item_id(entity_id)}, {label('field_name', field_name)}"


def check_admin_values(entity: str, key: str, after: dict[str, Any] | None, fields: tuple[str, ...]) -> None:
    """PlanValidationError (French) unless a partner or axis has an id without spaces and (when `after`, its
    values, is given) every field of `fields` filled and, for a partner, a known type."""
    if not key or not re.fullmatch(r"\S+", key):
        raise PlanValidationError(f"{label('entity', entity)} : l'identifiant est obligatoire et sans espace.")
    if after is None:
        return
    if any(not after.get(f) for f in fields):
        raise PlanValidationError(f"{label('entity', entity)} « {key} » : "
                                  f"{', '.join(label('field_name', f) for f in fields)} obligatoire(s).")
    if entity == "partner" and after["type"] not in m.PARTNER_KINDS:
        raise PlanValidationError(f"Partenaire « {key} » : type « {after['type']} » inconnu (types : "
                                  f"{', '.join(labels('partner_type', m.PARTNER_KINDS).values())}).")


def partner_type_code(value: str) -> str:
    """A partner type code from a code or its French or English label (any case); `value` itself if unknown."""
    if value in m.PARTNER_KINDS:
        return value
    by_label = {text.casefold(): code for lang in ("en", "fr")
                for code, text in labels("partner_type", m.PARTNER_KINDS, lang).items()}
    return by_label.get(str(value).strip().casefold(), value)


def stale_problems(changes: pd.DataFrame) -> list[Problem]:
    """One French Problem per history row of `changes` (columns of PlanStore.history_frame): « field : « before »
    → « after » (par who, le 31/01/2026 à 14:05) », oldest first."""
    problems = []
    for row in changes.sort_values("history_id").itertuples():
        text = label("field_name", row.field)
        if row.entity != "action":
            text = f"{label('entity', row.entity)} {item_id(row.entity_id)}, {text}"
        problems.append(Problem(
            f"{text} : « {display_value(row.field, row.before)} » → « {display_value(row.field, row.after)} »"
            f" (par {row.user_name}, le {row.at.tz_convert('Europe/Paris'):%d/%m/%Y à %H:%M})",
            table="plan_actions", column=row.field))
    return problems


def stale_message(title: str, changes: pd.DataFrame, read_version: int, current_version: int) -> str:
    """The French message of a save refused because the action `title` moved from `read_version` to
    `current_version` meanwhile (`changes`: the history rows since)."""
    who = sorted(set(changes["user_name"])) if not changes.empty else ["une autre personne"]
    return (f"L'action « {title} » a été modifiée par {', '.join(who)} pendant votre saisie "
            f"(version {read_version} → {current_version}). Vos modifications n'ont pas été "
            "enregistrées : elles restent affichées pour que vous les reportiez sur la version à jour. "
            "Voici ce qui a changé :")
