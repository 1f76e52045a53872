"""The canonical tables of a territory pack, as pandera contracts.

This is the one place that says what a column means. Codes are always strings (« 0051 », « 2A »,
« H2913 »); counts are nullable integers, because a statistical secret (« * ») is unknown, not zero.
Every failure becomes a French message naming the table, the column, the row and the rule
(`validate_table` / `problems_from`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from .errors import Problem, ValidationError
from .formatting import fmt_date

ZONINGS = ("ZE2020", "BMO", "EPCI", "DEP", "REG", "FR", "custom")
OCCUPATION_SYSTEMS = ("ROME4", "FAP2021", "FAP2009", "custom")
ACTION_STATUSES = ("a_lancer", "en_cours", "terminee", "suspendue", "abandonnee")
PARTNER_TYPES = (
    "etat", "region", "france_travail", "maison_emploi", "mission_locale", "opco", "cci", "cma",
    "entreprise", "organisme_formation", "collectivite", "education", "autre",
)

# French names of the tables, as messages and the « Données » page show them.
TABLE_LABELS_FR = {
    "zones": "zones",
    "communes": "communes",
    "occupations": "métiers",
    "occupation_links": "liens entre métiers",
    "recruitment": "recrutement",
    "recruitment_basins": "bassins BMO de chaque année",
    "tension": "tensions",
    "context": "contexte",
    "training": "formations",
    "needs": "besoins des entreprises",
    "skills": "compétences",
    "bridges": "passerelles",
    "partners": "partenaires",
    "plan_axes": "axes du plan",
    "plan_actions": "actions du plan",
    "plan_indicators": "indicateurs du plan",
    "plan_indicator_values": "valeurs des indicateurs",
    "plan_milestones": "jalons du plan",
    "certifications": "certifications",
    "occupation_titles": "appellations des métiers",
    "build_report": "rapport de construction du pack",
}


@dataclass(frozen=True)
class RowRule:
    """A rule across columns of one row, with the French sentence said for each row that breaks it."""

    name: str
    column: str
    bad_rows: Callable[[pd.DataFrame], pd.Series]
    message: Callable[[pd.Series], str]

    def check(self) -> pa.Check:
        return pa.Check(lambda df: ~self.bad_rows(df), name=self.name, ignore_na=False)


def _n(value) -> str:
    return str(int(value)) if pd.notna(value) else "?"


def _exceeds(part: str, whole: str) -> Callable[[pd.DataFrame], pd.Series]:
    def bad(df: pd.DataFrame) -> pd.Series:
        return (df[part] > df[whole]).fillna(False).astype(bool)

    return bad


# The additive measures of the `recruitment` table (counts of hiring projects; null where the BMO hides them).
RECRUITMENT_MEASURES = ("projects", "difficult", "seasonal")

RECRUITMENT_RULES = [
    RowRule(
        "difficult_le_projects", "difficult", _exceeds("difficult", "projects"),
        lambda r: f"{_n(r['difficult'])} projets difficiles pour {_n(r['projects'])} projets — impossible",
    ),
    RowRule(
        "seasonal_le_projects", "seasonal", _exceeds("seasonal", "projects"),
        lambda r: f"{_n(r['seasonal'])} projets saisonniers pour {_n(r['projects'])} projets — impossible",
    ),
]

PLAN_ACTION_RULES = [
    RowRule(
        "end_after_start", "end_date",
        lambda df: (pd.to_datetime(df["end_date"]) < pd.to_datetime(df["start_date"])).fillna(False).astype(bool),
        lambda r: f"fin le {fmt_date(r['end_date'])} avant le début le {fmt_date(r['start_date'])}",
    ),
]

TRAINING_RULES = [
    RowRule(
        "graduates_le_enrolled", "graduates", _exceeds("graduates", "enrolled"),
        lambda r: f"{_n(r['graduates'])} diplômés pour {_n(r['enrolled'])} inscrits — impossible",
    ),
]

def _well_formed_codes(values: pd.Series) -> pd.Series:
    # A code is one or more characters without whitespace. Codes repeat (zones, occupations) over 10^5 rows: the
    # pattern runs on the distinct values only, which keeps the national pack's load well under its 1.5 s target.
    distinct = pd.Series(values.dropna().unique(), dtype=object)
    bad = distinct[~distinct.astype(str).str.fullmatch(r"\S+")]
    return ~values.isin(bad) | values.isna()


CODE = pa.Check(_well_formed_codes, name="code_format", error="code mal formé (espaces ou vide)")
COUNT = pa.Check.ge(0)
CLASS_1_5 = pa.Check.in_range(1, 5)


def _code(nullable: bool = False, **kw) -> pa.Column:
    return pa.Column(str, CODE, nullable=nullable, **kw)


def _text(nullable: bool = True, **kw) -> pa.Column:
    return pa.Column(str, nullable=nullable, **kw)


def _count(nullable: bool = True, **kw) -> pa.Column:
    return pa.Column("Int64", COUNT, nullable=nullable, **kw)


def _number(nullable: bool = True, checks=None, **kw) -> pa.Column:
    return pa.Column("Float64", checks, nullable=nullable, **kw)


def _class(**kw) -> pa.Column:
    return pa.Column("Int64", CLASS_1_5, nullable=True, **kw)


def _schema(name: str, columns: dict, unique: list[str] | None = None, rules: list[RowRule] | None = None,
            **kw) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        columns,
        name=name,
        unique=unique,
        checks=[rule.check() for rule in (rules or [])],
        coerce=True,
        strict=False,
        **kw,
    )


ZONING = pa.Column(str, nullable=False)

SCHEMAS: dict[str, pa.DataFrameSchema] = {
    # Attributes of the zones GeoDataFrame (geometry is checked in geo terms by `zone_geometry_problems`).
    "zones": _schema("zones", {
        "zoning": ZONING,
        "zone_id": _code(),
        "name": _text(nullable=False),
        "dep": _code(nullable=True, required=False),
        "reg": _code(nullable=True, required=False),
        "population": _count(required=False),
    }, unique=["zoning", "zone_id"]),
    "communes": _schema("communes", {
        "commune_id": _code(),
        "name": _text(nullable=False),
        "dep": _code(nullable=True, required=False),
        "reg": _code(nullable=True, required=False),
        "epci": _code(nullable=True, required=False),
        "population": _count(required=False),
        "lon": _number(pa.Check.in_range(-180, 180), required=False),
        "lat": _number(pa.Check.in_range(-90, 90), required=False),
        r"^zone_.+$": pa.Column(str, nullable=True, regex=True, required=False),
    }, unique=["commune_id"]),
    "occupations": _schema("occupations", {
        "system": pa.Column(str, pa.Check.isin(OCCUPATION_SYSTEMS)),
        "code": _code(),
        "label": _text(nullable=False),
        "family": _text(required=False),
        "family_label": _text(required=False),
        "parent": _text(required=False),
        "transition_eco": pa.Column("boolean", nullable=True, required=False),
        "transition_num": pa.Column("boolean", nullable=True, required=False),
        "transition_demo": pa.Column("boolean", nullable=True, required=False),
    }, unique=["system", "code"]),
    "occupation_links": _schema("occupation_links", {
        "from_system": pa.Column(str, pa.Check.isin(OCCUPATION_SYSTEMS)),
        "from_code": _code(),
        "to_system": pa.Column(str, pa.Check.isin(OCCUPATION_SYSTEMS)),
        "to_code": _code(),
        "kind": pa.Column(str, pa.Check.isin(("crosswalk", "mobility"))),
        "source": _text(),
    }),
    "recruitment": _schema("recruitment", {
        "zoning": ZONING,
        "zone_id": _code(),
        "occupation_system": pa.Column(str, pa.Check.isin(OCCUPATION_SYSTEMS)),
        "occupation_code": _code(),
        "year": pa.Column("Int64", pa.Check.in_range(1990, 2100)),
        "projects": _count(),
        "difficult": _count(),
        "seasonal": _count(),
        "secret_cells": _count(required=False),
        # Secret cells (« * ») each aggregated figure lacks, measure by measure (build-pack).
        "projects_secret": _count(required=False),
        "difficult_secret": _count(required=False),
        "seasonal_secret": _count(required=False),
    }, unique=["zoning", "zone_id", "occupation_system", "occupation_code", "year"], rules=RECRUITMENT_RULES),
    # The basins each BMO year publishes, drawn in the pack or not: the breaks in series (basins recoded, created
    # or gone between years) are read from it.
    "recruitment_basins": _schema("recruitment_basins", {
        "year": pa.Column("Int64", pa.Check.in_range(1990, 2100)),
        "basin": _code(),
        "basin_name": _text(),
        "dep": _text(),
        "reg": _text(),
        "projects": _count(),
        "drawn": pa.Column(bool),
    }, unique=["year", "basin"]),
    "tension": _schema("tension", {
        "zoning": ZONING,
        "zone_id": _code(),
        "occupation_system": pa.Column(str, pa.Check.isin(OCCUPATION_SYSTEMS)),
        "occupation_code": _code(),
        "year": pa.Column("Int64", pa.Check.in_range(1990, 2100)),
        "tension_class": _class(),
        "tension_score": _number(required=False),
        "hiring_intensity": _class(required=False),
        "labour_shortage": _class(required=False),
        "non_durable_jobs": _class(required=False),
        "working_conditions": _class(required=False),
        "geographic_mismatch": _class(required=False),
        "training_link": _class(required=False),
        "wage_attractiveness": _class(required=False),
        "offers": _number(required=False, checks=pa.Check.ge(0)),
        "jobseekers": _number(required=False, checks=pa.Check.ge(0)),
    }, unique=["zoning", "zone_id", "occupation_system", "occupation_code", "year"]),
    "context": _schema("context", {
        "zoning": ZONING,
        "zone_id": _code(),
        "indicator": _code(),
        "period": _code(),
        "value": _number(),
        "unit": _text(),
    }, unique=["zoning", "zone_id", "indicator", "period"]),
    "training": _schema("training", {
        "program_id": _code(),
        "title": _text(nullable=False),
        "provider": _text(),
        "zoning": ZONING,
        "zone_id": _code(),
        "occupation_codes": _text(),
        "level": _text(),
        "capacity": _count(),
        "demand": _count(),
        "enrolled": _count(),
        "graduates": _count(),
        # InserJeunes, as fractions 0–1 (never percentages): employment 12 months after leaving, and further
        # study of final-year pupils, for the cohort (`millesime`, « 2021_2022 ») named in insertion_cohort.
        "employment_rate": _number(checks=pa.Check.in_range(0, 1)),
        "further_study_rate": _number(checks=pa.Check.in_range(0, 1), required=False),
        "insertion_cohort": _text(required=False),
        "voie": pa.Column(str, pa.Check.isin(("scolaire", "apprentissage")), nullable=True, required=False),
        "cfd": _text(required=False),  # diploma code (BCN FORMATION_DIPLOME), '' when unknown
        "year": pa.Column("Int64", pa.Check.in_range(1990, 2100)),
    }, unique=["program_id", "year"], rules=TRAINING_RULES),
    "needs": _schema("needs", {
        "response_id": _code(),
        "zoning": ZONING,
        "zone_id": _code(),
        "sector_naf": _text(),
        "size_band": _text(),
        "occupation_code": _text(),
        "occupation_text": _text(),
        "headcount": _count(),
        "horizon": _text(),
        "difficulty": _class(),
        "skills": _text(),
        "date": pa.Column("datetime64[ns]", nullable=True),
        "fragile": _text(required=False),
    }, unique=["response_id"]),
    "skills": _schema("skills", {
        "occupation_code": _code(),
        "skill_id": _code(),
        "label": _text(nullable=False),
        "kind": pa.Column(str, pa.Check.isin(("competence", "savoir", "savoir_etre"))),
        "core": pa.Column("boolean", nullable=True),
    }, unique=["occupation_code", "skill_id"]),
    "bridges": _schema("bridges", {
        "from_code": _code(),
        "to_code": _code(),
        # close / evolution: ROME mobility typed by its file; mobility: ROME mobility of a file that gives no type
        # (ROME 4.0 v460); skills: a pair found by the skills score alone (assemble/bridges.py).
        "kind": pa.Column(str, pa.Check.isin(("close", "evolution", "mobility", "skills"))),
        "source": _text(),
        "score": _number(checks=pa.Check.in_range(0, 1)),
        "shared_core": _count(required=False),
        "to_core": _count(required=False),
    }, unique=["from_code", "to_code"]),
    "partners": _schema("partners", {
        "partner_id": _code(),
        "name": _text(nullable=False),
        "type": pa.Column(str, pa.Check.isin(PARTNER_TYPES)),
    }, unique=["partner_id"]),
    "plan_axes": _schema("plan_axes", {
        "axis_id": _code(),
        "label": _text(nullable=False),
    }, unique=["axis_id"]),
    "plan_actions": _schema("plan_actions", {
        "action_id": _code(),
        "axis_id": _code(),
        "title": _text(nullable=False),
        "description": _text(),
        "zone_ids": _text(),
        "occupation_codes": _text(),
        "lead_partner_id": _code(nullable=True),
        "partner_ids": _text(),
        "start_date": pa.Column("datetime64[ns]", nullable=True),
        "end_date": pa.Column("datetime64[ns]", nullable=True),
        "status": pa.Column(str, pa.Check.isin(ACTION_STATUSES)),
        "budget": _number(checks=pa.Check.ge(0)),
        "funders": _text(),
        "progress": pa.Column("Int64", pa.Check.in_range(0, 100), nullable=True),
    }, unique=["action_id"], rules=PLAN_ACTION_RULES),
    "plan_indicators": _schema("plan_indicators", {
        "indicator_id": _code(),
        "action_id": _code(),
        "label": _text(nullable=False),
        "unit": _text(),
        "baseline": _number(),
        "target": _number(),
    }, unique=["indicator_id"]),
    "plan_indicator_values": _schema("plan_indicator_values", {
        "indicator_id": _code(),
        "date": pa.Column("datetime64[ns]"),
        "value": _number(nullable=False),
        "source": _text(),
    }, unique=["indicator_id", "date"]),
    # Optional in a pack: the milestones of the actions (the plan store keeps them too).
    "plan_milestones": _schema("plan_milestones", {
        "milestone_id": _code(),
        "action_id": _code(),
        "label": _text(nullable=False),
        "due_date": pa.Column("datetime64[ns]", nullable=True),
        "done": pa.Column("boolean", nullable=True),
    }, unique=["milestone_id"]),
}

ROW_RULES: dict[str, RowRule] = {
    rule.name: rule for rules in (RECRUITMENT_RULES, PLAN_ACTION_RULES, TRAINING_RULES) for rule in rules
}

_RULES_FR = {
    "not_nullable": "valeur manquante",
    "code_format": "code mal formé (espaces ou vide)",
    "str_matches": "code mal formé (espaces ou vide)",
    "greater_than_or_equal_to": "doit être positif ou nul",
    "in_range": "hors de l'intervalle autorisé",
    "isin": "valeur non autorisée",
    "field_uniqueness": "valeur en double",
    "multiple_fields_uniqueness": "clé en double",
}


def table_label(table: str) -> str:
    return TABLE_LABELS_FR.get(table, table)


def _row_label(index, row_offset: int) -> str:
    try:
        return f"ligne {int(index) + row_offset}"
    except (TypeError, ValueError):
        return "ligne ?"


def problems_from(table: str, exc: pa.errors.SchemaErrors, df: pd.DataFrame, row_offset: int = 1,
                  limit: int = 200) -> list[Problem]:
    """Turn pandera's failure cases into French problems (row numbers start at `row_offset`)."""
    label = table_label(table)
    problems: list[Problem] = []
    cases = exc.failure_cases
    key = SCHEMAS[table].unique or []
    duplicate_rows_done: set = set()
    coerce_failed = set(cases.loc[cases["check"].astype(str).str.startswith("coerce_dtype("), "column"])
    for case in cases.itertuples(index=False):
        if len(problems) >= limit:
            break
        check = str(case.check)
        column = None if pd.isna(case.column) else str(case.column)
        index = None if pd.isna(case.index) else case.index
        value = case.failure_case
        rule_name = check.split("(")[0]
        row = int(index) + row_offset if isinstance(index, (int, float)) and not pd.isna(index) else None
        if check == "column_in_dataframe":
            msg = f"{label} : colonne obligatoire `{value}` absente"
            problems.append(Problem(msg, table=table, column=str(value)))
        elif column in coerce_failed and not check.startswith("coerce_dtype("):
            continue  # the type error already says it; later checks on that column only echo it
        elif rule_name == "multiple_fields_uniqueness":
            if index is None or index in duplicate_rows_done or index not in df.index:
                continue
            duplicate_rows_done.add(index)
            values = ", ".join(str(df.loc[index, k]) for k in key)
            msg = f"{label}, {_row_label(index, row_offset)} : clé en double ({', '.join(key)} = {values})"
            problems.append(Problem(msg, table=table, column=", ".join(key), row=row))
        elif check.startswith("dtype("):
            msg = f"{label}, colonne `{column}` : type attendu {check[6:-1]}, trouvé {value}"
            problems.append(Problem(msg, table=table, column=column))
        elif check.startswith("coerce_dtype("):
            msg = (f"{label}, {_row_label(index, row_offset)}, colonne `{column}` : « {value} » "
                   f"n'est pas du type attendu ({check[13:-1]})")
            problems.append(Problem(msg, table=table, column=column, row=row))
        elif rule_name in ROW_RULES:
            rule = ROW_RULES[rule_name]
            if index is None or index not in df.index:
                continue
            msg = f"{label}, {_row_label(index, row_offset)}, colonne `{rule.column}` : {rule.message(df.loc[index])}"
            problems.append(Problem(msg, table=table, column=rule.column, row=row))
        else:
            rule_fr = _RULES_FR.get(rule_name, check)
            if rule_name == "in_range":
                rule_fr += " " + check[len("in_range"):]
            where = f", {_row_label(index, row_offset)}" if index is not None else ""
            col = f", colonne `{column}`" if column else ""
            shown = "" if pd.isna(value) else f"« {value} » : "
            msg = f"{label}{where}{col} : {shown}{rule_fr}"
            problems.append(Problem(msg, table=table, column=column, row=row))
    seen: set[str] = set()
    unique_problems = []
    for problem in problems:
        if problem.message not in seen:
            seen.add(problem.message)
            unique_problems.append(problem)
    return unique_problems


def validate_table(table: str, df: pd.DataFrame, row_offset: int = 1) -> pd.DataFrame:
    """Validate and coerce one canonical table; raise ValidationError with French problems."""
    schema = SCHEMAS[table]
    frame = df if table != "zones" else pd.DataFrame(df.drop(columns="geometry", errors="ignore"))
    try:
        validated = schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        problems = problems_from(table, exc, frame, row_offset=row_offset)
        raise ValidationError(f"La table « {table_label(table)} » ne respecte pas son contrat.", problems) from None
    if table == "zones":
        out = df.copy()
        for column in validated.columns:
            out[column] = validated[column]
        return out
    return validated
