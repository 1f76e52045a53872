"""BMO hiring projects (France Travail / Crédoc, enquête Besoins en Main-d'Œuvre) summed by zone: the one
aggregation of the BMO figures, by basin (BMO), département (DEP), région (REG) and France (FR).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..schema import RECRUITMENT_MEASURES
from . import offpack
from .report import listing, n

LEVELS = (("BMO", "basin"), ("DEP", "dep"), ("REG", "reg"), ("FR", None))
LEVEL_WORDS = {"BMO": "bassins absents", "DEP": "départements absents", "REG": "régions absentes"}


def aggregate_recruitment(raw_rows: pd.DataFrame, zoning: str, by: str | None) -> pd.DataFrame:
    """Sum BMO rows by zone and occupation.

    `raw_rows`: the readers' `recruitment_raw` (basin, dep, reg, occupation_system, occupation_code: str;
    year: Int64; projects, difficult, seasonal: Float64, null where secret; <measure>_secret: bool).
    `by`: the column naming the zone (None: all of France, zone « FR »); rows with an empty zone are left out.
    Returns zoning, zone_id, occupation_system, occupation_code, year, projects, difficult, seasonal (Int64
    numbers of projects), <measure>_secret and secret_cells (Int64 numbers of cells). A sum is over the
    non-secret cells; `<measure>_secret` says how many cells it lacks, and a figure whose every cell is
    secret stays unknown (null), never 0.
    """
    keys = ["occupation_system", "occupation_code", "year"]
    frame = raw_rows.assign(zone_id=raw_rows[by] if by else "FR")
    frame = frame[frame["zone_id"] != ""]
    grouped = frame.groupby(["zone_id", *keys], sort=True)
    out = grouped[list(RECRUITMENT_MEASURES)].sum(min_count=1)
    for measure in RECRUITMENT_MEASURES:
        out[f"{measure}_secret"] = grouped[f"{measure}_secret"].sum()
    out = out.reset_index()
    out.insert(0, "zoning", zoning)
    for measure in RECRUITMENT_MEASURES:
        out[measure] = out[measure].round().astype("Int64")
        out[f"{measure}_secret"] = out[f"{measure}_secret"].astype("Int64")
    out["secret_cells"] = sum(out[f"{m}_secret"] for m in RECRUITMENT_MEASURES).astype("Int64")
    return out


def basin_codes(rows: pd.DataFrame, codes) -> list[str]:
    """BMO basin codes as « Name (code) », the names the BMO rows give (`rows`: recruitment_raw)."""
    names = rows.drop_duplicates("basin").set_index("basin")["basin_name"]
    return [f"{names.get(c, '')} ({c})" for c in codes]


def recruitment_levels(rows: pd.DataFrame, zones: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, tuple]]:
    """The recruitment table of a pack whose zones are `zones` (zoning, zone_id).

    Each level (basins BMO, départements DEP, régions REG, France FR) is kept where the pack has that zoning,
    and only on the zones it draws (a table row must name a zone of the pack). Returns the rows (columns of
    `aggregate_recruitment`, levels in the order BMO, DEP, REG, FR) and, by zoning, the zone codes left out
    (basins as « Name (code) ») with the BMO rows on them (`recruitment_raw` columns, plus zoning and zone_id).
    """
    known = {z: set(g["zone_id"]) for z, g in zones.groupby("zoning")}
    parts, unmatched = [], {}
    for zoning, column in LEVELS:
        if zoning not in known:
            continue
        aggregated = aggregate_recruitment(rows, zoning, column)
        unknown = ~aggregated["zone_id"].isin(known[zoning])
        if unknown.any():
            codes = sorted(aggregated.loc[unknown, "zone_id"].unique())
            left = rows[rows[column].isin(codes)].assign(zoning=zoning, zone_id=lambda f, c=column: f[c])
            unmatched[zoning] = (basin_codes(rows, codes) if zoning == "BMO" else codes, left)
            aggregated = aggregated[~unknown]
        parts.append(aggregated)
    columns = ["zoning", "zone_id", "occupation_system", "occupation_code", "year", *RECRUITMENT_MEASURES]
    if not parts:
        return pd.DataFrame(columns=columns), unmatched
    return pd.concat(parts, ignore_index=True), unmatched


def bmo_occupations(frame: pd.DataFrame) -> pd.DataFrame:
    """The occupations a BMO file names (system, code, label, family, family_label: str), one row per code."""
    labels = frame.drop_duplicates("occupation_code")
    return pd.DataFrame({"system": labels["occupation_system"], "code": labels["occupation_code"],
                         "label": labels["occupation_label"], "family": labels["family"],
                         "family_label": labels["family_label"]})


ROW_KEY = ["year", "basin", "occupation_system", "occupation_code"]
SYSTEM_WORDS = {"FAP2009": "FAP 2009", "FAP2021": "FAP 2021", "ROME4": "ROME 4.0"}


def _once(items: list[tuple]) -> tuple[pd.DataFrame, list[tuple]]:
    """The rows of every BMO file, a (year, basin, occupation) given by an earlier file left out of a later one
    (an extract of a survey already read is not counted twice; repeated rows within one file are summed, as
    published). Returns the rows and (parsed, rows left out, year, first file) for the report."""
    parts, seen, dropped = [], None, []
    for parsed, _, frame in items:
        if seen is not None and len(frame):
            keys = pd.MultiIndex.from_frame(frame[ROW_KEY])
            again = keys.isin(seen.index)
            if again.any():
                first = seen.loc[keys[again][0], "file"]
                first = first.iloc[0] if isinstance(first, pd.Series) else first
                years = sorted({int(y) for y in frame.loc[again, "year"].dropna()})
                dropped.append((parsed, int(again.sum()), years, first))
                frame = frame[~again]
        parts.append(frame)
        new = frame[ROW_KEY].drop_duplicates().assign(file=parsed.report.name).set_index(ROW_KEY)
        seen = new if seen is None else pd.concat([seen, new])
    return pd.concat(parts, ignore_index=True), dropped


def basin_years(rows: pd.DataFrame, zones: pd.DataFrame) -> pd.DataFrame:
    """The basins each BMO year publishes (pack table `recruitment_basins`): year (Int64), basin, basin_name,
    dep, reg (str), projects (Int64, published projects summed, secret cells left out) and drawn (bool: the
    pack's BMO zoning has the basin). From the readers' `recruitment_raw` rows."""
    drawn = set(zones.loc[zones["zoning"] == "BMO", "zone_id"])
    frame = rows[rows["basin"] != ""]
    out = frame.groupby(["year", "basin"], sort=True).agg(
        basin_name=("basin_name", "first"), dep=("dep", "first"), reg=("reg", "first"),
        projects=("projects", lambda v: v.sum(min_count=1))).reset_index()
    out["year"] = out["year"].astype("Int64")
    out["projects"] = out["projects"].round().astype("Int64")
    out["drawn"] = out["basin"].isin(drawn)
    return out[["year", "basin", "basin_name", "dep", "reg", "projects", "drawn"]]


@dataclass(frozen=True)
class BasinChange:
    """How the basins of a list changed from one BMO year to the next: rows of `basin_years` that appear and
    disappear, and the basins recoded (same name, another code) as (old code, new code, name)."""

    before: int
    after: int
    appear: pd.DataFrame
    gone: pd.DataFrame
    recoded: tuple[tuple[str, str, str], ...] = ()

    def describe(self) -> str:
        """« recodés : Bassin Iles Du Nord (0104 → 0113) ; apparus : Monaco (9399) ; disparus : … » (French)."""
        parts = []
        if self.recoded:
            parts.append("recodés : " + listing([f"{name} ({old} → {new})" for old, new, name in self.recoded], 12))
        if len(self.appear):
            parts.append(f"apparus : {listing(_named(self.appear), 12)}")
        if len(self.gone):
            parts.append(f"disparus : {listing(_named(self.gone), 12)}")
        return " ; ".join(parts)


def basin_changes(basins: pd.DataFrame, years=None) -> list[BasinChange]:
    """Each pair of consecutive years (`years`, by default those of `basins`) where the list of basins of
    `basins` (`basin_years` rows, or a subset such as a selection's) changed; a basin that disappears while one
    of the same name appears is « recoded »."""
    years = sorted(int(y) for y in (basins["year"].dropna().unique() if years is None else years))
    out = []
    for before, after in zip(years, years[1:], strict=False):
        old, new = basins[basins["year"] == before], basins[basins["year"] == after]
        appear, gone = new[~new["basin"].isin(set(old["basin"]))], old[~old["basin"].isin(set(new["basin"]))]
        if not len(appear) and not len(gone):
            continue
        gone_names = {str(name).casefold(): code for code, name in zip(gone["basin"], gone["basin_name"], strict=True)
                      if name}
        recoded = tuple((gone_names[str(name).casefold()], code, name)
                        for code, name in zip(appear["basin"], appear["basin_name"], strict=True)
                        if name and str(name).casefold() in gone_names)
        old_codes, new_codes = {r[0] for r in recoded}, {r[1] for r in recoded}
        out.append(BasinChange(before, after, appear[~appear["basin"].isin(new_codes)],
                               gone[~gone["basin"].isin(old_codes)], recoded))
    return out


def _named(frame: pd.DataFrame) -> list[str]:
    return [f"{name} ({code})" if name else code for code, name in zip(frame["basin"], frame["basin_name"],
                                                                      strict=True)]


def _report_series(src, rows: pd.DataFrame, basins: pd.DataFrame) -> None:
    """The breaks in series the build report states: basins appearing or disappearing, nomenclature changes."""
    for change in basin_changes(basins):
        src.report.add(f"recrutement : bassins BMO de {change.before} à {change.after} — {change.describe()} ; "
                       "rupture de série pour les zones qui les contiennent (départements, régions, France), "
                       "montrée sur la page « Métiers en tension », onglet « Évolutions »")
    systems = rows.groupby("year")["occupation_system"].agg(lambda v: sorted(set(v)))
    spans: list[tuple[str, int, int]] = []
    for year, names in systems.items():
        label = " + ".join(SYSTEM_WORDS.get(s, s) for s in names)
        if spans and spans[-1][0] == label:
            spans[-1] = (label, spans[-1][1], int(year))
        else:
            spans.append((label, int(year), int(year)))
    if len(spans) > 1:
        text = ", puis ".join(f"{label} ({a}–{b})" if a != b else f"{label} ({a})" for label, a, b in spans)
        src.report.add(f"recrutement : nomenclature des métiers {text} ; les séries par métier ne sont pas "
                       "raccordées d'une nomenclature à l'autre (rupture de série)")


def recruitment(src, zones) -> tuple[pd.DataFrame | None, pd.DataFrame, pd.DataFrame | None]:
    """The `recruitment` table from every BMO file of `src` (a `provenance.Sources`) onto `zones`, the
    occupations the files name, and the basins of each year (`basin_years`, table `recruitment_basins`).

    Every year is kept side by side (one row set per year); the same survey given twice (a workbook and its CSV)
    is read once (`Sources.distinct`), and a (year, basin, occupation) already given by an earlier file is not
    counted again. The report says the rows left out, the secret cells, and the breaks in series (basins
    appearing or disappearing between years, a change of occupation nomenclature)."""
    items = src.distinct("recruitment_raw")
    if not items:
        return None, pd.DataFrame(), None
    rows, dropped = _once(items)
    emptied = set()
    for parsed, count, years, first in dropped:
        why = (f"{count} ligne(s) (BMO {', '.join(map(str, years))}) déjà lue(s) dans « {first} », non comptée(s) "
               "une seconde fois")
        if count == len(parsed.data["recruitment_raw"]):
            emptied.add(id(parsed))
            src.unused(parsed, why)
        else:
            parsed.report.notes.append(why)
    for parsed, digest, _ in items:
        if id(parsed) not in emptied:
            src.use("recruitment", parsed, digest)
    table, unmatched = recruitment_levels(rows, zones)
    for zoning, (codes, left) in unmatched.items():
        if zoning == "FR":
            continue
        items[0][0].report.unmatched[f"{LEVEL_WORDS[zoning]} des zones du pack"] = codes
        src.report.add(f"recrutement ({zoning}) : {offpack.sentence('recruitment', left, codes)} à ce niveau ; "
                       "elles restent comptées aux niveaux supérieurs")
    lacking = int((table["secret_cells"] > 0).sum())
    years = sorted(int(y) for y in table["year"].dropna().unique())
    src.report.add(f"recrutement : {n(len(table))} lignes (bassin, département, région, France) ; années "
                   f"{', '.join(map(str, years))} côte à côte ; {n(lacking)} lignes où des cellules sont secrètes, "
                   "chacune avec le nombre de cellules qui manquent à chaque chiffre")
    basins = basin_years(rows, zones)
    _report_series(src, rows, basins)
    return table, pd.concat([bmo_occupations(f) for _, _, f in items], ignore_index=True), basins
