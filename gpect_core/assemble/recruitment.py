"""BMO hiring projects (France Travail / Crédoc, enquête Besoins en Main-d'Œuvre) summed by zone: the one
aggregation of the BMO figures, by basin (BMO), département (DEP), région (REG) and France (FR).
"""

from __future__ import annotations

import pandas as pd

from ..schema import RECRUITMENT_MEASURES
from . import offpack
from .report import n

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


def recruitment(src, zones) -> tuple[pd.DataFrame | None, pd.DataFrame]:
    """The `recruitment` table from every BMO file of `src` (a `provenance.Sources`) onto `zones`, and the
    occupations the files name; the report says the rows left out and the secret cells."""
    items = src.distinct("recruitment_raw")
    if not items:
        return None, pd.DataFrame()
    for parsed, digest, _ in items:
        src.use("recruitment", parsed, digest)
    rows = pd.concat([f for _, _, f in items], ignore_index=True)
    table, unmatched = recruitment_levels(rows, zones)
    for zoning, (codes, left) in unmatched.items():
        if zoning == "FR":
            continue
        items[0][0].report.unmatched[f"{LEVEL_WORDS[zoning]} des zones du pack"] = codes
        src.report.add(f"recrutement ({zoning}) : {offpack.sentence('recruitment', left, codes)} à ce niveau ; "
                       "elles restent comptées aux niveaux supérieurs")
    lacking = int((table["secret_cells"] > 0).sum())
    src.report.add(f"recrutement : {n(len(table))} lignes (bassin, département, région, France) ; "
                   f"{n(lacking)} lignes où des cellules sont secrètes, chacune avec le nombre de cellules "
                   "qui manquent à chaque chiffre")
    return table, pd.concat([bmo_occupations(f) for _, _, f in items], ignore_index=True)
