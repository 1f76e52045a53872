"""The whole plan as an Excel workbook with French headers, and back, with the differences shown before applying.

Sheets: « Actions », « Indicateurs », « Valeurs », « Jalons », « Axes », « Partenaires ». Actions name their
axis, lead partner and partners by their labels (the « Axes » and « Partenaires » sheets say which id each
label stands for); statuses are written in French (« en cours »). Every text cell is written as text, so
a title such as « =HYPERLINK(...) » stays a title in Excel and LibreOffice instead of becoming a formula.
"""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from ..errors import GpectError, Problem
from ..i18n import t
from ..readers.bounds import ReadError, check_workbook
from ..readers.rome import is_rome_code, normalise_rome, unknown_rome_codes
from . import model as m
from .errors import PlanValidationError
from .labels import item_id, label, labels
from .saving import Edit
from .store import PlanStore
from .validation import partner_type_code
from .values import coerce_value, display_value, split_list

LIST_JOIN = "; "


@dataclass(frozen=True)
class SheetSpec:
    entity: str
    title: str
    columns: tuple[tuple[str, str], ...]  # (field, French header)


SHEETS = (
    SheetSpec("action", "Actions", (
        ("action_id", "identifiant"), ("title", "titre"), ("axis_id", "axe"), ("status", "statut"),
        ("lead_partner_id", "pilote"), ("partner_ids", "partenaires"), ("start_date", "début"),
        ("end_date", "fin"), ("progress", "avancement (%)"), ("budget", "budget (€)"), ("funders", "financeurs"),
        ("zone_ids", "bassins"), ("occupation_codes", "métiers visés"), ("description", "description"),
    )),
    SheetSpec("indicator", "Indicateurs", (
        ("indicator_id", "identifiant"), ("action_id", "action"), ("label", "libellé"), ("unit", "unité"),
        ("baseline", "valeur de départ"), ("target", "cible"),
    )),
    SheetSpec("indicator_value", "Valeurs", (
        ("indicator_id", "indicateur"), ("date", "date"), ("value", "valeur"), ("source", "source"),
    )),
    SheetSpec("milestone", "Jalons", (
        ("milestone_id", "identifiant"), ("action_id", "action"), ("label", "libellé"), ("due_date", "échéance"),
        ("done", "atteint"),
    )),
    SheetSpec("axis", "Axes", (("axis_id", "identifiant"), ("label", "libellé"))),
    SheetSpec("partner", "Partenaires", (("partner_id", "identifiant"), ("name", "nom"), ("type", "type"))),
)
KEY_FIELDS = {"action": ("action_id",), "indicator": ("indicator_id",), "indicator_value": ("indicator_id", "date"),
              "milestone": ("milestone_id",), "axis": ("axis_id",), "partner": ("partner_id",)}
COMPARED_FIELDS = {
    "action": m.ACTION_EDITABLE, "indicator": ("action_id", *m.INDICATOR_EDITABLE), "indicator_value": ("value", "source"),
    "milestone": ("action_id", "label", "due_date", "done"), "axis": ("label",), "partner": ("name", "type"),
}


class ImportedPlan(dict):
    """A plan read from a workbook (the PlanStore.snapshot() form, equal to it when nothing differs) that also
    knows where each row came from: `source` = {"file": name, "rows": {entity: {key: row number}}}, and the
    values it read but may have misread (`doubts`, French Problems naming sheet, row and column: a « % » in a
    budget, a date-formatted cell in a text column, a ROME code put in upper case, a hidden sheet), applied only once
    confirmed (`apply_import(..., confirmed=True)`)."""

    def __init__(self, plan: dict, source: dict, doubts: list[Problem] | None = None):
        super().__init__(plan)
        self.source = source
        self.doubts = list(doubts or [])


class PlanImportError(GpectError):
    """A plan workbook that cannot be read, with French problems naming sheet, row and column."""


@dataclass(frozen=True)
class Difference:
    entity: str
    entity_id: str
    field: str
    before: Any
    after: Any
    kind: str  # « ajout », « modification », « absent du fichier »

    def describe(self, lang: str = "fr") -> str:
        """The difference as one sentence in `lang` (« fr » / « en »), e.g. « action « ACT06 » : avancement
        « 60 % » → « 64 % » »."""
        what = t("plan.diff.what", lang, entity=label("entity", self.entity, lang),
                 id=item_id(self.entity_id, lang))
        if self.kind == "absent du fichier":
            return t("plan.diff.absent", lang, what=what)
        kind, code = ("entity", "action") if self.field == "action_id" else ("field_name", self.field)
        name = label(kind, code, lang)
        before = display_value(self.field, self.before, from_history=False, lang=lang)
        after = display_value(self.field, self.after, from_history=False, lang=lang)
        if self.kind == "ajout":
            return t("plan.diff.added", lang, what=what, label=name, after=after)
        return t("plan.diff.changed", lang, what=what, label=name, before=before, after=after)


# --------------------------------------------------------------------------------------------- writing
def export_workbook(plan: dict[str, dict[str, dict]], out: str | os.PathLike | io.BytesIO | None = None) -> bytes:
    """Write `plan` (PlanStore.snapshot()) as a workbook; return its bytes (and write `out` if given)."""
    axis_labels = {k: r["label"] for k, r in plan["axis"].items()}
    partner_names = {k: r["name"] for k, r in plan["partner"].items()}
    workbook = Workbook()
    workbook.remove(workbook.active)
    for spec in SHEETS:
        sheet = workbook.create_sheet(spec.title)
        sheet.append([header for _f, header in spec.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for row in plan[spec.entity].values():
            values = [_cell_value(spec.entity, name, row.get(name), axis_labels, partner_names)
                      for name, _h in spec.columns]
            sheet.append([None] * len(values))
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row=sheet.max_row, column=column)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
                elif isinstance(value, date):
                    cell.number_format = "DD/MM/YYYY"
        for column, (_name, header) in enumerate(spec.columns, start=1):
            width = max([len(header)] + [len(str(c.value or "")) for c in sheet[get_column_letter(column)][1:200]])
            sheet.column_dimensions[get_column_letter(column)].width = min(60, max(10, width + 2))
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    if isinstance(out, io.BytesIO):
        out.write(data)
    elif out is not None:
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.tmp")
        temp.write_bytes(data)
        os.replace(temp, path)
    return data


def _cell_value(entity: str, name: str, value: Any, axis_labels: dict, partner_names: dict) -> Any:
    if value is None:
        return None
    if entity == "action" and name == "axis_id":
        return axis_labels.get(value, value)
    if entity == "action" and name == "lead_partner_id":
        return partner_names.get(value, value)
    if entity == "action" and name == "partner_ids":
        return LIST_JOIN.join(partner_names.get(p, p) for p in split_list(value))
    if name == "status":
        return label("status", value, "fr")
    if entity == "partner" and name == "type":
        return label("partner_type", value, "fr")
    if name == "done":
        return "oui" if value else "non"
    if name in m.LIST_FIELDS:
        return LIST_JOIN.join(split_list(value))
    return value


def export_store(store: PlanStore, out=None) -> bytes:
    return export_workbook(store.snapshot(), out)


# --------------------------------------------------------------------------------------------- reading
def read_workbook(source: str | os.PathLike | bytes | io.BytesIO, name: str | None = None) -> dict:
    """Read a plan workbook into the PlanStore.snapshot() form; PlanImportError with every problem found."""
    label = name or (Path(source).name if isinstance(source, (str, os.PathLike)) else "classeur importé")
    if isinstance(source, (str, os.PathLike)):
        data = Path(source).read_bytes()
    elif isinstance(source, bytes):
        data = source
    else:
        data = source.getvalue()
    try:
        check_workbook(data, label)
    except ReadError as exc:
        raise PlanImportError(exc.message) from None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = load_workbook(io.BytesIO(data), data_only=False)  # formulas, merged cells, sheet state
    except Exception:  # noqa: BLE001 — any unreadable file becomes one French message
        raise PlanImportError(t("hostile.plan.unreadable", file=label)) from None
    problems: list[Problem] = []
    doubts: list[Problem] = []
    raw: dict[str, list[tuple[int, dict]]] = {}
    for spec in SHEETS:
        if spec.title not in workbook.sheetnames:
            problems.append(Problem(f"{label} : feuille « {spec.title} » absente.", file=label, sheet=spec.title))
            continue
        rows = workbook[spec.title].iter_rows()
        header = [str(c.value).strip().casefold() if c.value is not None else "" for c in next(rows, ())]
        titles = {title.casefold(): title for _, title in spec.columns}
        _sheet_checks(formulas[spec.title], workbook[spec.title], label, spec.title, header, titles, problems,
                      doubts)
        for title in sorted({h for h in header if h and header.count(h) > 1}):
            problems.append(Problem(t("hostile.plan.duplicate_header", file=label, sheet=spec.title, column=title,
                                      columns=", ".join(get_column_letter(i + 1) for i, h in enumerate(header)
                                                        if h == title)),
                                    file=label, sheet=spec.title, column=title))
        positions = {}
        for name, title in spec.columns:
            if title.casefold() in header:
                positions[name] = header.index(title.casefold())
            else:
                problems.append(Problem(f"{label}, feuille « {spec.title} » : colonne « {title} » absente.",
                                        file=label, sheet=spec.title, column=title))
        records = []
        for number, cells in enumerate(rows, start=2):
            values = [c.value for c in cells]
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            record = {name: values[i] if i < len(values) else None for name, i in positions.items()}
            record[DATE_FORMATTED] = {name for name, i in positions.items()
                                      if i < len(cells) and getattr(cells[i], "is_date", False)}
            records.append((number, record))
        raw[spec.title] = records
    workbook.close()
    formulas.close()
    shape = [p for p in problems if p.row is None]
    if shape:
        raise PlanImportError(f"{label} : le classeur n'a pas la forme d'un plan d'action exporté.", shape)
    plan = _decode(raw, label, problems, doubts)
    if problems:
        raise PlanImportError(f"{label} : {len(problems)} problème(s) ; rien n'a été importé.", problems)
    return plan


def _sheet_checks(sheet, cached, label: str, title: str, header: list[str], titles: dict[str, str],
                  problems: list[Problem], doubts: list[Problem]) -> None:
    """Formulas without a computed value and cells merged across rows are refused (their value would be read
    as empty); a hidden sheet is a doubt."""
    if sheet.sheet_state != "visible":
        doubts.append(Problem(t("hostile.plan.hidden_sheet", file=label, sheet=title), file=label, sheet=title))

    def column_of(index: int) -> str:
        name = header[index] if index < len(header) else ""
        return titles.get(name, name or get_column_letter(index + 1))

    for merged in sheet.merged_cells.ranges:
        if merged.max_row > merged.min_row and merged.max_row >= 2:
            column = column_of(merged.min_col - 1)
            problems.append(Problem(t("hostile.plan.merged", file=label, sheet=title, cells=merged.coord,
                                      column=column, first=merged.min_row, last=merged.max_row),
                                    file=label, sheet=title, row=merged.min_row, column=column))
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f" and cached.cell(row=cell.row, column=cell.column).value is None:
                formula = str(cell.value)
                problems.append(Problem(t("hostile.plan.formula", file=label, sheet=title, row=cell.row,
                                          column=column_of(cell.column - 1), formula=formula[:60]),
                                        file=label, sheet=title, row=cell.row, column=column_of(cell.column - 1)))


def _decode(raw: dict, label: str, problems: list[Problem], doubts: list[Problem]) -> dict:
    plan: dict[str, dict[str, dict]] = {}
    numbers: dict[str, dict[str, int]] = {}
    specs = {spec.title: spec for spec in SHEETS}
    # Axes and partners first: actions name them by label.
    order = ["Axes", "Partenaires", "Actions", "Indicateurs", "Valeurs", "Jalons"]
    for title in order:
        spec = specs[title]
        rows: dict[str, dict] = {}
        for number, record in raw[title]:
            where_row = f"{label}, feuille « {title} », ligne {number}"
            row = {}
            for name, header in spec.columns:
                where = f"{where_row}, colonne « {header} »"
                try:
                    value = record.get(name)
                    if name in record.get(DATE_FORMATTED, ()):
                        value = _date_formatted(name, value, where, doubts,
                                                Problem("", file=label, sheet=title, row=number, column=header))
                    row[name] = _decode_cell(spec.entity, name, value, where, plan)
                    doubt = _doubt(name, value, row[name], where)
                    if doubt:
                        doubts.append(Problem(doubt, file=label, sheet=title, row=number, column=header))
                except PlanValidationError as exc:
                    problems.append(Problem(exc.message, file=label, sheet=title, row=number, column=header))
                    row[name] = None
            keys = KEY_FIELDS[spec.entity]
            if any(row.get(k) in (None, "") for k in keys):
                problems.append(Problem(f"{where_row} : identifiant manquant.", file=label, sheet=title, row=number))
                continue
            key = f"{row['indicator_id']}|{row['date'].isoformat()}" if spec.entity == "indicator_value" \
                else str(row[keys[0]])
            if key in rows:
                problems.append(Problem(f"{where_row} : « {key.replace('|', ' du ')} » figure deux fois.",
                                        file=label, sheet=title, row=number))
            rows[key] = row
            numbers.setdefault(spec.entity, {})[key] = number
        plan[spec.entity] = rows
    return ImportedPlan(plan, source={"file": label, "rows": numbers}, doubts=doubts)


DATE_FORMATTED = "\0date-formatted"  # a record's set of fields whose cell is formatted as a date
TEXT_FIELDS = frozenset({"title", "description", "label", "source", "name", "unit", "funders"})
LARGEST = 1e12  # beyond, a plan's figure (euros, indicator values) is taken for a typo or a pasted overflow


def _rome_codes(value: Any, where: str) -> str | None:
    codes = [c for c in re.split(r"[;,\s]+", str(value)) if c]
    wrong = [c for c in codes if not is_rome_code(c)]
    if wrong:
        raise PlanValidationError(t("hostile.plan.rome", where=where, codes=", ".join(f"« {c} »" for c in wrong)))
    return " ".join(normalise_rome(c) for c in codes) or None


def _expected(name: str) -> str:
    if name in m.FLOAT_FIELDS:
        return t("hostile.plan.expected.number")
    if name in m.INT_FIELDS:
        return t("hostile.plan.expected.integer")
    if name in m.BOOL_FIELDS:
        return t("hostile.plan.expected.yes_no")
    if name in m.LIST_FIELDS:
        return t("hostile.plan.expected.codes")
    return t("hostile.plan.expected.text")


def _date_formatted(name: str, value: Any, where: str, doubts: list[Problem], place: Problem) -> Any:
    """The value of a cell formatted as a date (openpyxl gives a datetime) in column `name`: kept for a date
    column; read as its « JJ/MM/AAAA » text, and asked about, in a free-text column; refused (naming the date it
    shows and the number it stores) in every other typed column, never silently converted."""
    if name in m.DATE_FIELDS or not isinstance(value, (date, datetime, time, timedelta)):
        return value
    shown = f"{value:%d/%m/%Y}" if isinstance(value, date) else str(value)
    if name in TEXT_FIELDS:
        doubts.append(Problem(t("hostile.plan.date_cell_text", where=where, read=shown), file=place.file,
                              sheet=place.sheet, row=place.row, column=place.column))
        return shown
    try:
        stored = f"{to_excel(value):g}"
    except (TypeError, ValueError):
        stored = str(value)
    raise PlanValidationError(t("hostile.plan.date_cell", where=where, date=shown, stored=stored,
                                expected=_expected(name)))


def _doubt(name: str, given: Any, read: Any, where: str) -> str | None:
    """Why a value read from a cell may not be what the committee meant (French, naming `where`), or None."""
    if read is None or given is None:
        return None
    if name in m.FLOAT_FIELDS and isinstance(given, str) and "%" in given:
        return t("hostile.plan.percent", where=where, value=given.strip(), read=f"{read:g}")
    if name == "occupation_codes" and str(read) != " ".join(c for c in re.split(r"[;,\s]+", str(given)) if c):
        return t("hostile.plan.rome_upper", where=where, value=str(given).strip(), read=read)
    return None


def _lookup(value: str, known: dict[str, dict], label_field: str, what: str, where: str) -> str:
    if value in known:
        return value
    matches = [k for k, r in known.items() if str(r.get(label_field, "")).strip().casefold() == value.casefold()]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise PlanValidationError(f"{where} : « {value} » désigne plusieurs {what}s ({', '.join(matches)}) ; "
                                  "écrivez l'identifiant.")
    raise PlanValidationError(f"{where} : {what} « {value} » inconnu (absent de la feuille correspondante).")


def _decode_cell(entity: str, name: str, value: Any, where: str, plan: dict) -> Any:
    if name in m.DATE_FIELDS and isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            shown = f"{datetime(1899, 12, 30) + timedelta(days=float(value)):%d/%m/%Y}"
        except (OverflowError, ValueError):
            shown = "?"
        raise PlanValidationError(t("hostile.plan.number_not_date", where=where, value=f"{value:g}", date=shown))
    if isinstance(value, datetime) and name not in m.DATE_FIELDS:
        value = value.isoformat()
    if isinstance(value, str):
        value = value if value.strip() else None
    if entity == "action" and name == "axis_id" and value is not None:
        return _lookup(str(value).strip(), plan["axis"], "label", "axe", where)
    if entity == "action" and name == "lead_partner_id" and value is not None:
        return _lookup(str(value).strip(), plan["partner"], "name", "partenaire", where)
    if entity == "action" and name == "partner_ids" and value is not None:
        names = [p.strip() for p in str(value).split(";") if p.strip()]
        return m.LIST_SEPARATOR.join(_lookup(p, plan["partner"], "name", "partenaire", where) for p in names) or None
    if entity == "partner" and name == "type" and value is not None:
        code = partner_type_code(value)
        if code not in m.PARTNER_KINDS:
            raise PlanValidationError(f"{where} : type « {value} » inconnu (types : "
                                      f"{', '.join(labels('partner_type', m.PARTNER_KINDS, 'fr').values())}).")
        return code
    if name == "occupation_codes" and value is not None:
        return _rome_codes(value, where)
    if name in m.LIST_FIELDS and value is not None:
        return coerce_value(name, str(value).replace(";", " "), where)
    if name in KEY_FIELDS[entity] and name not in m.DATE_FIELDS:
        return None if value is None else str(value).strip()
    if name == "action_id":
        return None if value is None else str(value).strip()
    if name == "title" and value is None:
        raise PlanValidationError(f"{where} : le titre est obligatoire.")
    result = coerce_value(name, value, where)
    if isinstance(result, (int, float)) and not isinstance(result, bool) and abs(result) > LARGEST:
        raise PlanValidationError(t("hostile.plan.too_large", where=where, limit=f"{LARGEST:.0e}"))
    return result


# --------------------------------------------------------------------------------------------- diff and apply
def diff_plans(stored: dict, incoming: dict) -> list[Difference]:
    """What importing `incoming` would change in `stored` (things absent from the file are kept)."""
    differences = []
    for spec in SHEETS:
        entity = spec.entity
        old_rows, new_rows = stored.get(entity, {}), incoming.get(entity, {})
        for key, new in new_rows.items():
            old = old_rows.get(key)
            for name in COMPARED_FIELDS[entity]:
                after = new.get(name)
                if old is None:
                    if after is not None and after is not False:
                        differences.append(Difference(entity, key, name, None, after, "ajout"))
                elif not _equal(old.get(name), after):
                    differences.append(Difference(entity, key, name, old.get(name), after, "modification"))
        for key in old_rows.keys() - new_rows.keys():
            differences.append(Difference(entity, key, "*", None, None, "absent du fichier"))
    return differences


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a))
    return a == b


FAR_YEARS = 15  # a plan's date further ahead than this is taken for a typo (2099 for 2029)


def apply_import(store: PlanStore, incoming: dict, user: str, comment: str = "Import d'un classeur",
                 dry_run: bool = False, known_zones: set[str] | None = None, today: date | None = None,
                 confirmed: bool = False, known_rome: frozenset[str] | None = None) -> int:
    """Apply the differences of `incoming` (from `read_workbook`) to the store as `user`, all or nothing: one
    transaction for the whole workbook (`PlanStore.batch`), on SQLite and PostgreSQL. Returns the number of
    fields changed. Each action's changes (its indicators, values and milestones included) are one versioned
    save inside it. Raises PlanImportError whose problems name the file, sheet and row of every change the
    plan's rules refuse (French); then nothing is written. `dry_run`: check only, always roll back.

    Beside the plan's rules, a changed value is refused when it names a zone code outside `known_zones` (the
    zone ids of every zoning of the pack; not checked when None), a ROME code outside `known_rome` (the pack's
    ROME 4.0 referential, `readers.rome.rome_referential`; not checked when None) or is a date more than
    `FAR_YEARS` years after `today` (default: today). A workbook with doubts (`import_doubts`: misread values,
    dates after next year) is applied only when `confirmed`; else PlanImportError listing them, nothing written."""
    doubts = import_doubts(store, incoming, today) if not dry_run else []
    if doubts and not confirmed:
        refused = import_problems(store, incoming, known_zones=known_zones, today=today, known_rome=known_rome)
        if refused:  # what cannot be applied at all comes before what asks for a yes
            raise PlanImportError(t("hostile.plan.refused", file=_source(incoming)["file"], n=len(refused)),
                                  refused)
        raise PlanImportError(t("hostile.plan.confirm_needed", file=_source(incoming)["file"], n=len(doubts)),
                              doubts)
    problems: list[Problem] = []
    with store.batch(rollback=dry_run):
        problems.extend(_doubtful(store, incoming, known_zones, today or date.today(), known_rome))
        changed = _apply(store, incoming, user, comment, problems)
        if problems:
            raise PlanImportError(t("hostile.plan.refused", file=_source(incoming)["file"], n=len(problems)),
                                  problems)
    return changed


def import_doubts(store: PlanStore, incoming: dict, today: date | None = None) -> list[Problem]:
    """What `apply_import` asks to confirm before applying `incoming`: the values it may have misread
    (`ImportedPlan.doubts`) and every changed or added date whose year is after `today`'s year + 1 (default:
    today): a value measured, a milestone due or an action starting or ending in such a year is more often a
    typo than a plan. French Problems naming file, sheet, row and column."""
    today = today or date.today()
    latest = today.year + 1
    doubts = list(getattr(incoming, "doubts", []))
    headers = {(spec.entity, name): header for spec in SHEETS for name, header in spec.columns}
    differences = diff_plans(store.snapshot(), incoming)
    new_values = {d.entity_id for d in differences if d.entity == "indicator_value" and d.kind == "ajout"}
    differences += [Difference("indicator_value", key, "date", None, incoming["indicator_value"][key]["date"],
                               "ajout") for key in sorted(new_values)]
    for d in differences:
        if d.field in m.DATE_FIELDS and isinstance(d.after, date) and d.after.year > latest:
            column = headers.get((d.entity, d.field), d.field)
            doubts.append(_located(incoming, d.entity, d.entity_id,
                                   t("hostile.plan.future_date", column=column, date=f"{d.after:%d/%m/%Y}",
                                     latest=latest), column=column))
    return doubts


def import_problems(store: PlanStore, incoming: dict, known_zones: set[str] | None = None,
                    today: date | None = None, known_rome: frozenset[str] | None = None) -> list[Problem]:
    """What would stop `apply_import` (rules broken, unknown indicators, zones or ROME codes, far dates...), found
    by a dry run: empty when the workbook can be applied (`known_zones`, `today`, `known_rome` as there)."""
    try:
        apply_import(store, incoming, user="vérification", dry_run=True, known_zones=known_zones, today=today,
                     known_rome=known_rome)
    except PlanImportError as exc:
        return exc.problems or [Problem(exc.message)]
    return []


def _doubtful(store: PlanStore, incoming: dict, known_zones: set[str] | None, today: date,
              known_rome: frozenset[str] | None = None) -> list[Problem]:
    """Changed values the store would take but no committee means: zone codes outside the pack, ROME codes
    outside its referential, dates more than FAR_YEARS years ahead; each located at its file, sheet, row and
    column."""
    headers = {(spec.entity, name): header for spec in SHEETS for name, header in spec.columns}
    try:
        limit = today.replace(year=today.year + FAR_YEARS)
    except ValueError:  # 29 February
        limit = today.replace(year=today.year + FAR_YEARS, day=28)
    problems = []
    differences = diff_plans(store.snapshot(), incoming)
    new_values = {d.entity_id for d in differences if d.entity == "indicator_value" and d.kind == "ajout"}
    differences += [Difference("indicator_value", key, "date", None, incoming["indicator_value"][key]["date"],
                               "ajout") for key in sorted(new_values)]  # a value's date is its key, not compared
    for d in differences:
        column = headers.get((d.entity, d.field), d.field)
        if d.field == "zone_ids" and known_zones is not None:
            before = set(split_list(d.before))
            for code in split_list(d.after):
                if code not in known_zones and code not in before:
                    problems.append(_located(incoming, d.entity, d.entity_id,
                                             t("hostile.plan.unknown_zone", column=column, code=code)))
        if d.field == "occupation_codes" and known_rome is not None:
            before = set(split_list(d.before))
            for code in unknown_rome_codes([c for c in split_list(d.after) if c not in before], known_rome):
                problems.append(_located(incoming, d.entity, d.entity_id,
                                         t("hostile.rome.unknown_in_file", where=f"colonne « {column} »",
                                           code=code), column=column))
        if d.field in m.DATE_FIELDS and isinstance(d.after, date) and d.after > limit:
            problems.append(_located(incoming, d.entity, d.entity_id,
                                     t("hostile.plan.far_date", column=column, date=f"{d.after:%d/%m/%Y}",
                                       years=FAR_YEARS)))
    return problems


def _source(incoming: dict) -> dict:
    return getattr(incoming, "source", None) or {"file": "classeur importé", "rows": {}}


def _located(incoming: dict, entity: str, key: str, message: str, column: str | None = None) -> Problem:
    source = _source(incoming)
    sheet = next(spec.title for spec in SHEETS if spec.entity == entity)
    row = source["rows"].get(entity, {}).get(key)
    where = f"{source['file']}, feuille « {sheet} »" + (f", ligne {row}" if row else "")
    return Problem(f"{where} : {message}", file=source["file"], sheet=sheet, row=row, column=column)


def _attempt(incoming: dict, problems: list[Problem], entity: str, key: str, call) -> Any:
    try:
        return call()
    except GpectError as exc:
        details = [p.message for p in exc.problems] or [exc.message]
        problems.extend(_located(incoming, entity, key, detail) for detail in details)
        return None


def _apply(store: PlanStore, incoming: dict, user: str, comment: str, problems: list[Problem]) -> int:
    differences = [d for d in diff_plans(store.snapshot(), incoming) if d.kind != "absent du fichier"]
    changed = 0
    for entity, upsert in (("axis", store.upsert_axis), ("partner", store.upsert_partner)):
        for key in sorted({d.entity_id for d in differences if d.entity == entity}):
            row = incoming[entity][key]
            values = (row["label"],) if entity == "axis" else (row["name"], row["type"])
            result = _attempt(incoming, problems, entity, key,
                              lambda: upsert(key, *values, user=user, comment=comment))  # noqa: B023
            changed += len(result.changed) if result else 0
    new_actions = {d.entity_id for d in differences if d.entity == "action" and d.kind == "ajout"}
    for action_id in sorted(new_actions):
        if _attempt(incoming, problems, "action", action_id,
                    lambda: store.create_action(incoming["action"][action_id], user=user,  # noqa: B023
                                                comment=comment)) is not None:
            changed += sum(1 for d in differences if d.entity == "action" and d.entity_id == action_id)
    snapshot = store.snapshot()
    stored_indicators = snapshot["indicator"]
    known_actions = set(snapshot["action"]) | set(incoming["action"])
    headers = {(spec.entity, name): header for spec in SHEETS for name, header in spec.columns}
    edits_by_action: dict[str, list[Edit]] = {}
    for d in differences:
        column = headers.get((d.entity, d.field), d.field)
        refusal = None
        if d.field == "action_id" and d.after is not None and d.after not in known_actions:
            refusal = t("hostile.plan.unknown_action", column=column, action=d.after)
        elif d.field == "action_id" and d.before is not None and d.after != d.before:
            # the store keeps an indicator or a milestone under its action: an import cannot move it
            refusal = t("hostile.plan.moved", column=column, before=d.before, after=d.after)
        if refusal is not None:
            problems.append(_located(incoming, d.entity, d.entity_id, refusal, column=column))
            continue
        if d.entity in ("axis", "partner") or (d.entity == "action" and d.entity_id in new_actions):
            continue
        if d.entity == "action":
            action_id = d.entity_id
        elif d.entity == "indicator_value":
            indicator = d.entity_id.split("|")[0]
            action_id = (incoming["indicator"].get(indicator) or stored_indicators.get(indicator) or {}).get(
                "action_id")
            if action_id is None:
                problems.append(_located(incoming, d.entity, d.entity_id, t("hostile.plan.unknown_indicator",
                                                                           indicator=indicator)))
                continue
        else:
            action_id = incoming[d.entity][d.entity_id]["action_id"]
        if d.field == "action_id":
            continue  # the owner is set by the save itself
        edits_by_action.setdefault(action_id, []).append(Edit(d.entity, d.entity_id, d.field, d.after))
    for action_id, edits in sorted(edits_by_action.items()):
        current = _attempt(incoming, problems, "action", action_id, lambda: store.get_action(action_id))  # noqa: B023
        if current is None:
            continue
        result = _attempt(incoming, problems, "action", action_id,
                          lambda: store.save(action_id, int(current["version"]),  # noqa: B023
                                             _creation_first(edits), user, comment))  # noqa: B023
        changed += len(result.changed) if result else 0
    return changed


def _creation_first(edits: list[Edit]) -> list[Edit]:
    order = {"action": 0, "indicator": 1, "milestone": 2, "indicator_value": 3}
    return sorted(edits, key=lambda e: order[e.entity])
