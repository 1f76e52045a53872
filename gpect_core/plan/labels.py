"""Display labels of the plan's codes (statuses, fields, entities, partner types, roles, kinds of change),
all read from the i18n catalogue (`gpect_core/i18n/catalog_plan.py`) in the language asked."""

from __future__ import annotations

from collections.abc import Iterable

from ..i18n import CATALOG, t

# kind of code -> catalogue prefix. « field_name » is a field as named inside a sentence (« date de début »),
# « field » the column header (« Début »).
KINDS = {
    "status": "plan.status", "field": "plan.field", "field_name": "plan.field_name", "entity": "plan.entity",
    "partner_type": "plan.partner_type", "role": "plan.role", "kind": "plan.kind",
}


def label(kind: str, code: str, lang: str = "fr") -> str:
    """The label (str) of `code` (str) of `kind` (a key of KINDS) in `lang` (« fr » / « en »); the code itself
    when the catalogue has no label for it. KeyError for an unknown kind."""
    key = f"{KINDS[kind]}.{code}"
    return t(key, lang) if key in CATALOG else str(code)


def labels(kind: str, codes: Iterable[str], lang: str = "fr") -> dict[str, str]:
    """{code: label} for `codes` (see `label`)."""
    return {code: label(kind, code, lang) for code in codes}


def item_label(entity: str, entity_id: str, lang: str = "fr") -> str:
    """What a history row or a difference is about, e.g. « indicateur IND02 du 2026-02-01 » / « indicator IND02
    on 2026-02-01 » (an indicator value's id is « indicator_id|AAAA-MM-JJ »)."""
    return f"{label('entity', entity, lang)} {item_id(entity_id, lang)}"


def item_id(entity_id: str, lang: str = "fr") -> str:
    """An entity id as read: « IND02|2026-02-01 » → « IND02 du 2026-02-01 » (fr) / « IND02 on 2026-02-01 » (en)."""
    head, sep, day = str(entity_id).partition("|")
    return t("plan.item.dated", lang, id=head, date=day) if sep else head
