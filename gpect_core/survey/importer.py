"""A survey export (XLSX or CSV of a form tool: questions as headers, in any order and wording) → rows of the pack
table `needs`.

Steps: `read_survey` reads the file (readers.sniff) and drops the personal-data columns (`personal_columns`:
names, e-mails, phone numbers of respondents, found by header and by content) before anything else sees them;
`guess_mapping` maps the remaining questions to the survey's fields from their wording (the user maps the rest,
and the mapping is saved as a survey profile keyed by `profile_key`, the set of folded headers); `check_survey`
turns the rows into `needs` rows (commune → zone of the pack, job title → ROME 4.0 by `matching`), with a French
problem naming file, row (as the user counts rows in the file) and column for each bad cell; `needs_csv` writes
the accepted rows in the committee template « besoins », which the ordinary import path
(`ingest.prepare` / `ingest.integrate`) validates and writes atomically. Firm names never reach the pack.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ..errors import Problem
from ..formatting import fmt_date
from ..i18n import t
from ..indicators.training_needs import HORIZON_LABELS, horizon_key
from ..readers.guess import ColumnMapping, header_key
from ..readers.sniff import NO, YES, RawTable, fold, normalise_codes, parse_dates, parse_numbers, read_tables
from ..templates import TEMPLATES_BY_KEY
from .matching import THRESHOLD, TitleIndex, match_titles

SURVEY_KIND = "survey"


@dataclass(frozen=True)
class SurveyField:
    """A field of the survey: key, French label, header words that name it (folded, tried in order)."""

    key: str
    label: str
    words: tuple[str, ...]
    required: bool = False


FIELDS: tuple[SurveyField, ...] = (
    SurveyField("headcount", "nombre de personnes recherchées", (
        r"nombre de (postes?|recrutements?|personnes?|salaries? recherches?|embauches?)", r"combien",
        r"effectifs? (recherches?|souhaites?|a recruter)", r"\bnb\b", r"postes? a pourvoir", r"recrutements? prevus?"),
        True),
    SurveyField("title", "poste recherché (texte libre)", (
        r"intitule", r"\bpostes?\b", r"metiers?", r"emplois?", r"fonctions?", r"profils?"), True),
    SurveyField("firm", "entreprise", (r"entreprise", r"raison sociale", r"societe", r"etablissement",
                                        r"\bstructure\b", r"employeur")),
    SurveyField("commune", "commune (code INSEE)", (r"code (insee|commune)", r"\bcommunes?\b", r"\bville\b",
                                                     r"localisation", r"\binsee\b")),
    SurveyField("zone", "bassin ou zone", (r"\bbassins?\b", r"\bzones?\b", r"territoire")),
    SurveyField("sector", "secteur (NAF)", (r"\bnaf\b", r"\bape\b", r"secteur", r"activite")),
    SurveyField("size", "taille de l'entreprise", (r"taille", r"tranche", r"nombre de salaries", r"effectif")),
    SurveyField("horizon", "horizon", (r"horizon", r"echeance", r"delai", r"\bquand\b", r"a quel moment")),
    SurveyField("difficulty", "difficulté", (r"difficil", r"difficult")),
    SurveyField("skills", "compétences recherchées", (r"competences?", r"savoir", r"qualifications?")),
    SurveyField("date", "date de la réponse", (r"\bdate\b", r"horodat", r"timestamp", r"soumis")),
    SurveyField("fragile", "emploi fragilisé (oui / non)", (r"fragilis", r"menace", r"risque de suppression")),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}

PERSONAL_HEADER = re.compile(
    r"\b(nom|prenom|e ?mail|courriel|mail|telephone|tel|portable|mobile|gsm|contacts?|contacter|repondant"
    r"|interlocuteur|personne|referent|adresse ip|linkedin)\b")
# a header naming the firm, its commune or the job (« Nom de l'entreprise », « Commune ») at its head is not
# personal; a person named « dans l'entreprise » is (« Personne à contacter dans l'entreprise »)
NOT_PERSONAL = re.compile(r"^(?:(?:nom|denomination|intitule) (?:de |du |d )?(?:l |la |votre |vos |notre |son |cette )?)?"
                          r"(?:entreprise|societe|etablissement"
                          r"|structure|raison sociale|employeur|commune|ville|metier|poste)\b")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.IGNORECASE)
PHONE = re.compile(r"(?:\+33\s?|0033\s?|0)[1-9](?:[\s.\-]?\d{2}){4}")
PERSONAL_SHARE = 0.5

FIRST_YEAR, LAST_YEAR = 1900, 2100  # a date out of these years is refused; a future date up to LAST_YEAR is asked about
LARGE_HEADCOUNT = 500  # more people than this in one answer is asked about (as in the pairing lists)
DIFFICULTY_WORDS = {"tres difficile": 5, "difficile": 4, "assez difficile": 4, "moyen": 3, "moyennement": 3,
                    "moyennement difficile": 3, "facile": 2, "assez facile": 2, "tres facile": 1, "oui": 4, "non": 2}


def profile_key(columns) -> str:
    """The key a survey profile is saved under: the set of folded headers (sorted, so a form whose questions
    come in another order finds the same profile)."""
    return "survey:" + header_key(sorted(str(c) for c in columns if str(c).strip()))


@dataclass
class SurveyFile:
    """A survey export read: `raw` (the answers without the personal-data columns), `dropped` (headers of the
    personal-data columns dropped, with why: « en-tête » or « contenu »)."""

    raw: RawTable
    dropped: dict[str, str] = field(default_factory=dict)
    sheets: tuple[str, ...] = ()  # the filled sheets of a workbook that has several (the user may choose)
    sheet: str = ""  # the sheet read (« » for a CSV)

    @property
    def columns(self) -> list[str]:
        return [str(c) for c in self.raw.frame.columns]


def personal_columns(frame: pd.DataFrame) -> dict[str, str]:
    """Columns holding names, e-mails or phone numbers of respondents: header → reason (« en-tête » when the
    header names them, « contenu » when half or more of the filled cells are e-mail addresses or French phone
    numbers). A header that names the firm, commune or job (« Nom de l'entreprise ») is not personal."""
    found: dict[str, str] = {}
    for column in frame.columns:
        folded = fold(column).replace("-", " ").replace("'", " ")
        if PERSONAL_HEADER.search(folded) and not NOT_PERSONAL.search(folded):
            found[str(column)] = "en-tête"
            continue
        values = frame[column].astype(str).str.strip()
        values = values[values != ""]
        if len(values) and (values.str.fullmatch(EMAIL.pattern, case=False).mean() >= PERSONAL_SHARE
                            or values.str.fullmatch(PHONE.pattern).mean() >= PERSONAL_SHARE
                            or values.str.contains(EMAIL).mean() >= PERSONAL_SHARE):
            found[str(column)] = "contenu"
    return found


def answers_score(raw: RawTable) -> tuple[int, int, int]:
    """How much a table looks like survey answers: (fields its headers name, `guess_mapping`; rows; columns)."""
    frame = raw.frame.drop(columns=list(personal_columns(raw.frame)))
    return len(guess_mapping([str(c) for c in frame.columns], frame).columns), len(frame), len(frame.columns)


def read_survey(data: bytes, name: str, read=read_tables, sheet: str | None = None) -> SurveyFile:
    """Read a survey export (CSV, or a workbook's sheet) and drop its personal-data columns. In a workbook the
    sheet read is `sheet` when given and filled, else the one that looks most like answers (`answers_score`: a
    « Lisez-moi » sheet before the answers is passed over); `SurveyFile.sheets` lists the filled sheets of a
    workbook that has several, for the user to choose (the guess may be wrong).
    `read`: how the tables are read (`read_tables`, or `readers.isolated.read_tables_isolated` for an upload).
    Raises readers.sniff.ReadError (French, naming the file) when the file cannot be read."""
    tables = read(data, name)
    scores = [answers_score(t) for t in tables]
    names = [str(t.sheet or "") for t in tables]
    if sheet is not None and sheet in names:
        raw = tables[names.index(sheet)]
    else:
        raw = tables[max(range(len(tables)), key=lambda i: (scores[i], -i))]
    dropped = personal_columns(raw.frame)
    frame = raw.frame.drop(columns=list(dropped))
    kept = RawTable(frame, file=raw.file, sheet=raw.sheet, header_row=raw.header_row, encoding=raw.encoding,
                    separator=raw.separator, notes=list(raw.notes), title=list(raw.title))
    return SurveyFile(kept, dropped, tuple(names) if len(tables) > 1 else (), str(raw.sheet or ""))


YES_NO_FIELDS = frozenset({"fragile", "difficulty"})  # the fields a yes/no question may fill
YES_NO_WORDS = re.compile(r"fragilis|menace|risque|supprim|en danger")


def yes_no_columns(frame: pd.DataFrame) -> set[str]:
    """Columns whose filled cells are all yes/no answers (« Oui », « non », « x », « 1 »…, `YES` / `NO`), at
    least one filled: such a column is a yes/no question, never a job title, a firm or a count."""
    found = set()
    for column in frame.columns:
        values = frame[column].astype(str).map(fold).str.strip()
        values = values[(values != "") & (values != "nan")]
        if len(values) and values.isin(YES | NO).all() and not values.isin({"1", "0"}).all():
            found.add(str(column))
    return found


def guess_mapping(columns: list[str], frame: pd.DataFrame | None = None) -> ColumnMapping:
    """The fields whose wording a header matches (`SurveyField.words`), one column per field and one field per
    column; the user maps the rest. `guessed` is True.

    A header names first what it starts with: « Taille de l'entreprise » is a size, « Effectif de
    l'établissement » a headcount of the firm (size), « Entreprise » the firm. So the best pairs are taken
    first: a word matched at the head of the header before one matched further on, then the field's earlier
    words, then the fields' order. A yes/no question — a header asking whether a job is threatened (« Emploi
    fragilisé ? », « Poste menacé ? »), or, given the answers `frame`, a column whose cells are all yes/no
    (`yes_no_columns`) — only fills a yes/no field (`YES_NO_FIELDS`), never the job title."""
    folded = {c: fold(c).replace("'", " ").replace("-", " ") for c in columns}
    yes_no = {c for c in columns if YES_NO_WORDS.search(folded[c].strip())}
    if frame is not None:
        yes_no |= yes_no_columns(frame[[c for c in frame.columns if str(c) in set(columns)]])
    pairs = []
    for order, survey_field in enumerate(FIELDS):
        for rank, pattern in enumerate(survey_field.words):
            for position, column in enumerate(columns):
                if column in yes_no and survey_field.key not in YES_NO_FIELDS:
                    continue
                hit = re.search(pattern, folded[column])
                if hit:
                    head = hit.start() <= (folded[column].find(" ") if " " in folded[column] else 0)
                    pairs.append((0 if head else 1, rank, order, position, survey_field.key, column))
    chosen: dict[str, str] = {}
    taken: set[str] = set()
    for *_, key, column in sorted(pairs):
        if key not in chosen and column not in taken:
            chosen[key] = column
            taken.add(column)
    return ColumnMapping(SURVEY_KIND, {f.key: chosen[f.key] for f in FIELDS if f.key in chosen}, guessed=True)


def missing_fields(mapping: ColumnMapping) -> list[str]:
    """French labels of what the mapping still lacks: the required fields, and a commune or a zone."""
    missing = [f.label for f in FIELDS if f.required and not mapping.columns.get(f.key)]
    if not mapping.columns.get("commune") and not mapping.columns.get("zone"):
        missing.append("commune ou bassin")
    return missing


@dataclass
class SurveyCheck:
    """What accepting a survey would bring: `needs` (rows of the pack table `needs`), `problems` (French,
    blocking), `doubts` (French, located: values that may be right — an answer dated in the future, needs for a
    year beyond next year —, kept but accepted only once the user confirms them), `review` (titles the matching does not trust, `matching.match_titles` status « review »: title, rows,
    reason, appellation, score, candidates), `matches` (one row per
    distinct title: title, rome_code, appellation, score, status), `firms` (response_id → firm), `notes`."""

    needs: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    doubts: list[Problem] = field(default_factory=list)  # unusual values kept: accepted only once confirmed
    review: pd.DataFrame = field(default_factory=pd.DataFrame)
    matches: pd.DataFrame = field(default_factory=pd.DataFrame)
    firms: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.needs.empty


def _horizon(text: str) -> str:
    key = horizon_key(text)
    return HORIZON_LABELS[key] if key else text


def _difficulty(text: str) -> int | None:
    folded = fold(text)
    number = re.fullmatch(r"([1-5])(?:[.,]0+)?(?: ?/ ?5)?", folded)
    if number:
        return int(number.group(1))
    return DIFFICULTY_WORDS.get(folded)


def _zone_lookup(territory, zoning: str) -> dict[str, str]:
    zones = territory.zones_of(zoning)
    lookup = {fold(z): z for z in zones["zone_id"].astype(str)}
    lookup.update({fold(n): z for z, n in zip(zones["zone_id"].astype(str), zones["name"].astype(str), strict=True)})
    return lookup


def check_survey(survey: SurveyFile, mapping: ColumnMapping, territory, index: TitleIndex,
                 memory: dict[str, tuple[str, str]] | None = None, today: date | None = None,
                 threshold: float = THRESHOLD, lang: str = "fr") -> SurveyCheck:
    """The `needs` rows of a mapped survey, and every problem.

    `needs` columns: those of the pack table (schema.SCHEMAS["needs"]): response_id (« E » + 10 hex of the
    answer's content, so the same answer imported twice replaces itself), zoning (the pack's default zoning),
    zone_id (from the commune, through the pack's `communes` table, or from the basin code or name), sector_naf,
    size_band, occupation_code (ROME 4.0, '' for a title left for review), occupation_text (the title as written),
    headcount (Int64), horizon (« besoins à moins de 6 mois », « besoins à 1 an », « besoins à 3 ans » or the text
    as written), difficulty (Int64 1–5), skills, date (datetime64), fragile (« oui » when the firm declares these
    jobs fragile — then headcount counts people whose job is at risk, not people sought —, else ''). Problems (French, « file », ligne N, colonne
    « header »): headcount not a whole number ≥ 0, commune code absent from the pack, basin unknown, date unreadable
    or out of `FIRST_YEAR`–`LAST_YEAR`. Doubts (same form, `SurveyCheck.doubts`): a date after `today` (up to `LAST_YEAR`), a
    horizon naming a year after next year, a horizon not understood (`horizon_key`: counted « sans horizon reconnu »). `today`: the date a future date is judged against (default: today).
    `lang`: the language of the problems, doubts and notes (« fr », « en »: the catalogue's `survey.msg.*`)."""
    raw, columns = survey.raw, mapping.columns
    frame = raw.frame
    today = today or date.today()
    problems: list[Problem] = []
    doubts: list[Problem] = []
    zoning = territory.default_zoning or territory.zoning_ids()[0]

    def text(key: str) -> pd.Series:
        column = columns.get(key)
        if not column or column not in frame.columns:
            return pd.Series("", index=frame.index, dtype=object)
        return frame[column].astype(str).str.strip()

    def say(key: str, **values) -> str:
        return t(f"survey.msg.{key}", lang, **values)

    def problem(message: str, index, column: str | None) -> Problem:
        if lang == "fr":
            return raw.problem(message, index=index, column=column, table="needs")
        where = [f"« {raw.file} »", *([f"sheet « {raw.sheet} »"] if raw.sheet else []),
                 f"row {raw.row_number(index)}", *([f"column « {column} »"] if column else [])]
        return Problem(f"{', '.join(where)}: {message}", table="needs", column=column, row=raw.row_number(index),
                       file=raw.file, sheet=raw.sheet)

    def bad(mask: pd.Series, key: str, message, into: list[Problem] = problems) -> None:
        for index in mask[mask.fillna(False)].index[:50]:
            value = frame.at[index, columns[key]]
            into.append(problem(message(value), index, columns[key]))

    headcount_text = text("headcount")
    parsed = parse_numbers(headcount_text)
    counts = parsed.values
    not_whole = (parsed.bad | parsed.secret | counts.lt(0) | (counts.notna() & (counts.fillna(0) % 1 != 0)))
    missing = headcount_text == ""
    percent = headcount_text.str.contains("%", regex=False)
    not_whole |= percent
    if columns.get("headcount"):
        bad(percent, "headcount", lambda v: say("percent_headcount", value=v))
        bad(not_whole & ~missing & ~percent, "headcount", lambda v: say("not_whole", value=v))
        bad(missing, "headcount", lambda v: say("no_headcount"))
        bad(~not_whole & counts.gt(LARGE_HEADCOUNT), "headcount", lambda v: say("large_headcount", value=v),
            into=doubts)
    if columns.get("fragile"):
        bad(~text("fragile").map(lambda v: fold(v) in YES or fold(v) in NO), "fragile",
            lambda v: say("bad_yes_no", value=v))
    if columns.get("difficulty"):
        bad(text("difficulty").map(lambda v: bool(v) and _difficulty(v) is None), "difficulty",
            lambda v: say("bad_difficulty", value=v))

    zone_ids = pd.Series("", index=frame.index, dtype=object)
    if columns.get("commune"):
        communes = territory.tables.get("communes")
        zone_column = f"zone_{zoning}"
        known = {} if communes is None or zone_column not in communes else dict(
            zip(communes["commune_id"].astype(str), communes[zone_column].astype(str), strict=True))
        codes = normalise_codes(text("commune"), 5)
        by_name = {} if communes is None else {fold(n): c for c, n in zip(communes["commune_id"].astype(str),
                                                                           communes["name"].astype(str), strict=True)}
        codes = codes.map(lambda c: c if c in known else by_name.get(fold(c), c))
        zone_ids = codes.map(lambda c: known.get(c, ""))
        unknown = (codes != "") & ~codes.isin(list(known))
        bad(unknown, "commune", lambda v: say("unknown_commune", value=v))
    if columns.get("zone"):
        lookup = _zone_lookup(territory, zoning)
        given = text("zone")
        from_zone = given.map(lambda v: lookup.get(fold(v), ""))
        unknown = (given != "") & (from_zone == "") & (zone_ids == "")
        bad(unknown, "zone", lambda v: say("unknown_zone", value=v))
        zone_ids = zone_ids.where(zone_ids != "", from_zone)
    no_place = (zone_ids == "") & (text("commune") == "") & (text("zone") == "")
    for index in no_place[no_place].index[:20]:
        where_column = columns.get("commune") or columns.get("zone")
        problems.append(problem(say("no_place"), index, where_column))

    dates = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    if columns.get("date"):
        date_text = text("date")
        dates = parse_dates(date_text)
        year = dates.dt.year
        beyond = (year > LAST_YEAR) | (year < FIRST_YEAR)
        future = (dates.dt.date > today) & ~beyond
        dates = dates.where(~beyond).astype("datetime64[ns]")  # 2931 does not fit a nanosecond timestamp
        bad(dates.isna() & (date_text != "") & ~beyond, "date",
            lambda v: say("bad_date", value=v))
        bad(beyond, "date", lambda v: say("date_beyond", value=v, first=FIRST_YEAR, last=LAST_YEAR))
        bad(future, "date", lambda v: say("future_date", value=v, today=fmt_date(today, lang)), into=doubts)
    if columns.get("horizon"):
        years = text("horizon").str.extract(r"\b(2\d{3})\b", expand=False).astype(float)
        late = (years > today.year + 1) & (years <= LAST_YEAR)
        bad(late, "horizon", lambda v: say("late_horizon", value=v, year=today.year + 1), into=doubts)
        unknown = (text("horizon") != "") & text("horizon").map(lambda v: horizon_key(v) is None) & ~late
        bad(unknown, "horizon", lambda v: say("unknown_horizon", value=v), into=doubts)

    titles = text("title")
    matches = match_titles(titles.tolist(), index, memory=memory, threshold=threshold)
    matches.index = frame.index
    difficulty = text("difficulty").map(lambda v: _difficulty(v) if v else None)
    needs = pd.DataFrame({
        "zoning": zoning,
        "zone_id": zone_ids,
        "sector_naf": text("sector"),
        "size_band": text("size"),
        "occupation_code": matches["rome_code"],
        "occupation_text": titles,
        "headcount": counts.where(~not_whole).round().astype("Int64"),
        "horizon": text("horizon").map(lambda v: _horizon(v) if v else ""),
        "difficulty": pd.array(difficulty.tolist(), dtype="Int64"),
        "skills": text("skills"),
        "date": dates,
        "fragile": text("fragile").map(lambda v: "oui" if fold(v) in YES else ""),
    }, index=frame.index)
    parts = zip(zone_ids, titles, headcount_text, text("horizon"), text("firm"), text("date"), frame.index,
                strict=True)
    needs.insert(0, "response_id", ["E" + hashlib.sha1("|".join(map(str, p)).encode()).hexdigest()[:10]
                                    for p in parts])
    firms = {r: f for r, f in zip(needs["response_id"], text("firm"), strict=True) if f}
    review = matches[matches["status"] == "review"].assign(row=[raw.row_number(i) for i in
                                                                matches.index[matches["status"] == "review"]])
    review = review.groupby("title", sort=True).agg(rows=("row", lambda r: ", ".join(map(str, r))),
                                                      reason=("reason", "first"),
                                                      appellation=("appellation", "first"),
                                                      score=("score", "first"),
                                                      candidates=("candidates", "first")).reset_index()
    distinct = matches.drop_duplicates("normalised")[["title", "normalised", "rome_code", "rome_label", "appellation",
                                                      "score", "candidates", "status", "reason"]].reset_index(drop=True)
    check = SurveyCheck(needs.reset_index(drop=True), problems, doubts, review, distinct, firms)
    if survey.dropped:
        check.notes.append(say("dropped", columns=", ".join(f"« {c} » ({say('why.' + why)})"
                                                            for c, why in survey.dropped.items())))
    if len(review):
        check.notes.append(say("review", n=len(review), threshold=f"{threshold:g}"))
    return check


def needs_csv(needs: pd.DataFrame) -> bytes:
    """The `needs` rows as a CSV of the committee template « besoins » (French headers, `;`, UTF-8), the form the
    ordinary import path reads (`ingest.prepare`)."""
    spec = TEMPLATES_BY_KEY["besoins"]
    out = pd.DataFrame({f.header: needs[f.column] if f.column in needs else "" for f in spec.fields})
    date_header = spec.field_for("date").header
    out[date_header] = pd.to_datetime(out[date_header]).dt.strftime("%d/%m/%Y").fillna("")
    buffer = io.StringIO()
    out.to_csv(buffer, sep=";", index=False)
    return buffer.getvalue().encode("utf-8")
