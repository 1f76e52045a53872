"""Readers for the tables a committee fills in by hand (the XLSX templates of `gpect_core.templates`).

Unlike official files, a hand-filled table is checked cell by cell and every problem names the template's
French header, the sheet and the row the user sees, so the file can be fixed and sent again.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ..i18n import t
from ..schema import OCCUPATION_SYSTEMS, SCHEMAS, ZONINGS
from ..templates import TEMPLATES, TemplateSpec
from .base import MAX_LISTED, FileReport, Format
from .rome import ROME_CODE
from .sniff import RawTable, fold, normalise_codes, parse_dates, parse_numbers, yes_no

KNOWN_ZONINGS = {fold(z): z for z in ZONINGS}
EMPTY_DTYPES = {"count": "Int64", "class": "Int64", "year": "Int64", "number": "Float64", "rate": "Float64",
                "date": "datetime64[ns]"}


def _convert(raw: RawTable, report: FileReport, spec: TemplateSpec) -> tuple[pd.DataFrame, pd.Series]:
    frame = pd.DataFrame(index=raw.frame.index)
    bad_rows = pd.Series(False, index=raw.frame.index)

    def reject(mask: pd.Series, header: str, reason: str) -> None:
        nonlocal bad_rows
        mask = mask.fillna(False).astype(bool)
        report.reject(raw, mask & ~bad_rows, header, reason)
        bad_rows = bad_rows | mask

    def doubt(mask: pd.Series, header: str, reason: str) -> None:
        """Values kept, but integrated only once the user confirms them in the preview (FileReport.doubts)."""
        mask = mask.fillna(False).astype(bool) & ~bad_rows
        for index in mask[mask].index[:MAX_LISTED]:
            report.doubts.append(raw.problem(f"« {raw.frame.at[index, header]} » : {reason}", index=index,
                                             column=header))
        if int(mask.sum()) > MAX_LISTED:
            report.doubts.append(raw.problem(t("hostile.confirm.more", n=int(mask.sum()) - MAX_LISTED,
                                               reason=reason), column=header))

    for field in spec.fields:
        header = raw.column(field.header, field.column)
        if header is None:
            if field.required:
                report.problems.append(raw.problem(f"colonne obligatoire « {field.header} » absente"))
                report.rows_rejected = len(raw.frame)
                bad_rows[:] = True
            frame[field.column] = pd.Series(pd.NA, index=raw.frame.index, dtype=EMPTY_DTYPES.get(field.kind, "object"))
            continue
        text = raw.frame[header].astype(str).str.strip()
        empty = text == ""
        if field.required:
            reject(empty, header, "valeur obligatoire manquante")
        if field.kind in ("code", "text"):
            values = normalise_codes(text) if field.kind == "code" else text
            if field.kind == "code":
                reject(values.str.contains(r"\s", regex=True) & ~empty, header, "un code ne contient pas d'espace")
            if field.column in ROME_FIELDS:
                not_rome = _not_rome(raw, spec, values)
                reject(not_rome & ~empty, header, t("hostile.value.rome"))
                lower = ~not_rome & ~empty & ~bad_rows & (values != values.str.upper())
                if lower.any():
                    values = values.where(~lower, values.str.upper())
                    shown = ", ".join(f"{raw.frame.at[i, header]} → {values[i]} (ligne {raw.row_number(i)})"
                                      for i in lower[lower].index[:5])
                    report.notes.append(t("hostile.value.rome_upper", file=report.name, column=header,
                                          n=int(lower.sum()), examples=shown))
            frame[field.column] = values.where(~empty, None)
        elif field.kind in ("count", "number", "class", "year", "rate"):
            parsed = parse_numbers(text)
            reject(parsed.secret, header, "« * » (secret) n'est pas accepté dans une saisie : laissez la case vide")
            reject(parsed.bad & ~parsed.too_large, header, "nombre attendu")
            reject(parsed.too_large, header, t("hostile.value.too_large"))
            values = parsed.values
            percent = text.str.endswith("%")
            if field.kind != "rate":
                reject(percent, header, t("hostile.value.percent_in_count"))
            if field.kind == "count":
                reject(values.lt(0), header, "un effectif ne peut pas être négatif")
                reject(values.notna() & (values.fillna(0) % 1 != 0), header, "nombre entier attendu")
                values = values.round().astype("Int64")
            elif field.kind == "class":
                reject(values.notna() & ((values < 1) | (values > 5) | (values.fillna(0) % 1 != 0)), header,
                       "note entière de 1 à 5 attendue")
                values = values.round().astype("Int64")
            elif field.kind == "year":
                reject(values.notna() & ((values < 1990) | (values > 2100)), header, "année entre 1990 et 2100 attendue")
                doubt(values.notna() & (values > LATEST_YEAR) & (values <= 2100), header,
                      t("hostile.value.future_year", latest=LATEST_YEAR))
                values = values.round().astype("Int64")
            elif field.kind == "rate":
                reject(values.notna() & ((values < 0) | (values > 100)), header, "pourcentage de 0 à 100 attendu")
                known = values.dropna()
                if len(known) and known.le(1).all() and (known % 1 != 0).any() and not percent.any():
                    doubt(values.notna(), header, t("hostile.value.fraction_in_percent"))
                else:  # fractions (0,75 for 75 %, once confirmed) are already the stored share
                    doubt(values.gt(0) & values.lt(1) & ~percent, header, t("hostile.value.fraction_among_percents"))
                    values = values / 100
            frame[field.column] = values
        elif field.kind == "date":
            dates = parse_dates(text)
            iso = text.str.match(r"\d{4}-")
            reject(dates.isna() & ~empty & iso, header, t("hostile.value.impossible_iso_date"))
            reject(dates.isna() & ~empty & ~iso, header, "date illisible (JJ/MM/AAAA attendu)")
            beyond = dates.dt.year.lt(1900) | dates.dt.year.gt(2100)
            reject(beyond, header, "année entre 1900 et 2100 attendue")
            dates = dates.where(~beyond.fillna(False))
            doubt(dates.dt.year.gt(LATEST_YEAR).fillna(False), header,
                  t("hostile.value.future_year", latest=LATEST_YEAR))
            frame[field.column] = dates.astype("datetime64[ns]")
        elif field.kind == "yes_no":
            answers = text.map(yes_no)
            reject(answers.isna(), header, t("hostile.value.yes_no_cell"))
            frame[field.column] = answers.map({True: "oui"}).fillna("")
        elif field.kind == "zoning":
            values = text.map(lambda v: KNOWN_ZONINGS.get(fold(v), v))
            reject(~values.isin(ZONINGS) & ~empty, header, f"zonage inconnu (attendu : {', '.join(ZONINGS)})")
            frame[field.column] = values.where(~empty, "")
        elif field.kind == "system":
            values = text.str.upper().str.replace(" ", "", regex=False).replace({"ROME": "ROME4", "CUSTOM": "custom"})
            reject(~values.isin(OCCUPATION_SYSTEMS) & ~empty, header,
                   f"nomenclature inconnue (attendu : {', '.join(OCCUPATION_SYSTEMS)})")
            frame[field.column] = values.where(~empty, "ROME4")
    return frame, bad_rows


LATEST_YEAR = date.today().year + 1
ROME_FIELDS = ("occupation_code", "occupation_codes")


def _not_rome(raw: RawTable, spec: TemplateSpec, values: pd.Series) -> pd.Series:
    """Cells of a ROME column that are not ROME codes (a letter A–N and four digits, several separated by
    spaces where the column takes a list); in the recruitment template only rows whose nomenclature is ROME."""
    code = f"(?i:{ROME_CODE.pattern})"
    pattern = rf"{code}(\s+{code})*" if spec.field_for("occupation_codes") else code
    bad = ~values.astype(str).str.strip().str.fullmatch(pattern)
    system = spec.field_for("occupation_system")
    if system is not None:
        header = raw.column(system.header, system.column)
        if header is not None:
            given = raw.frame[header].astype(str).str.strip().str.upper().str.replace(" ", "", regex=False)
            bad &= given.isin(["", "ROME", "ROME4"])
    return bad


def _header(raw: RawTable, spec: TemplateSpec, column: str) -> str:
    field = spec.field_for(column)
    return raw.column(field.header, field.column) if field else column


def _cross_checks(raw: RawTable, report: FileReport, spec: TemplateSpec, frame: pd.DataFrame,
                  bad: pd.Series) -> pd.Series:
    pairs = {"recruitment": (("difficult", "projects", "projets difficiles"), ("seasonal", "projects", "projets saisonniers")),
             "training": (("graduates", "enrolled", "diplômés"),)}
    for part, whole, label in pairs.get(spec.table, ()):
        over = (frame[part] > frame[whole]).fillna(False).astype(bool) & ~bad
        if over.any():
            whole_header = _header(raw, spec, whole)
            for index in over[over].index[:20]:
                report.problems.append(raw.problem(
                    f"{frame.at[index, part]} {label} pour {frame.at[index, whole]} dans « {whole_header} » — "
                    "impossible", index=index, column=_header(raw, spec, part)))
            report.rows_rejected += int(over.sum())
            bad = bad | over
    key = SCHEMAS[spec.table].unique if spec.table in SCHEMAS else ["commune_id"]
    key = [k for k in key if k in frame.columns]
    if key:
        dup = frame.duplicated(key, keep=False) & ~bad
        if dup.any():
            first_of = frame[dup].groupby(key, dropna=False).apply(lambda g: g.index[0], include_groups=False)
            later = frame.duplicated(key, keep="first") & dup
            headers = ", ".join(f"« {_header(raw, spec, k)} »" for k in key if k != "zoning")
            for index in later[later].index[:20]:
                values = tuple(frame.loc[index, key])
                first = first_of.get(values, first_of.iloc[0]) if len(key) > 1 else first_of.get(values[0])
                report.problems.append(raw.problem(
                    f"clé en double ({headers} = {', '.join(str(v) for v in values if v)}) : déjà en ligne "
                    f"{raw.row_number(first)}", index=index, column=_header(raw, spec, key[-1])))
            report.rows_rejected += int(later.sum())
            bad = bad | later
    return bad


def template_reader(spec: TemplateSpec):
    """The reader of a committee template: converted and cross-checked rows of `spec.table`, with
    `source_row` (the row the user sees)."""
    def read(raw: RawTable, report: FileReport) -> dict[str, pd.DataFrame]:
        frame, bad = _convert(raw, report, spec)
        bad = _cross_checks(raw, report, spec, frame, bad)
        report.notes.append(f"modèle « {spec.title} » rempli à la main : {int((~bad).sum())} ligne(s) valide(s)")
        out = frame[~bad].copy()
        out["source_row"] = [raw.row_number(i) for i in out.index]
        if spec.table == "composition":
            out = out.assign(zoning="custom", dep="", reg="")
            out["commune_id"] = normalise_codes(out["commune_id"], 5)
        return {spec.table: out.reset_index(drop=True)}

    return read


TEMPLATE_FORMATS: tuple[Format, ...] = tuple(
    Format(f"template_{spec.key}", f"modèle du comité : {spec.title}",
           tuple((f.header,) for f in spec.fields if f.required), template_reader(spec),
           producer="comité", source=f"saisie du comité ({spec.title})", vintage="", priority=20, licence="")
    for spec in TEMPLATES
)
