"""Rows on zones the pack does not have: the one rule of every assembly (build or import), and the one French
sentence that says how many rows, on how many zones, carrying what.

The rule: tension and context rows may name zones the pack lacks (they are kept, and invisible on the maps:
the pack's contract lets them be); recruitment, training and needs rows must name a zone of the pack
(`Territory.validate`), so they are left out. Either way the report says it, with what the rows carried:
« 37 lignes sur 4 bassins absents du pack : 11 778 projets ».
"""

from __future__ import annotations

import pandas as pd

from .report import listing, n

KEPT_OFF_PACK = frozenset({"tension", "context"})
FATE = {True: "gardée{s}, mais invisible{s} sur la carte", False: "laissée{s} de côté"}
# zoning → (singular, plural, feminine): how the sentence names the zones
ZONE_WORDS = {"BMO": ("bassin", "bassins", False), "DEP": ("département", "départements", False),
              "REG": ("région", "régions", True), "ZE2020": ("zone d'emploi", "zones d'emploi", True),
              "EPCI": ("EPCI", "EPCI", False)}
LISTED = 8
TABLE_WORDS = {"recruitment": "recrutement", "tension": "tension", "context": "contexte", "training": "formations",
               "needs": "besoins"}


def label(table: str, parsed) -> str:
    """How a line names a file's rows of a table, the same in a build and an import: « tension, « f.csv » »."""
    return f"{TABLE_WORDS.get(table, table)}, « {parsed.report.name} »"


def known_pairs(zones: pd.DataFrame) -> set[tuple[str, str]]:
    """(zoning, zone_id) of every zone of `zones`, with France (« FR », « FR ») always known."""
    return set(zip(zones["zoning"], zones["zone_id"], strict=True)) | {("FR", "FR")}


def off_pack(frame: pd.DataFrame, zones: pd.DataFrame) -> pd.Series:
    """Bool mask of the rows of `frame` (zoning, zone_id columns) whose zone `zones` lacks."""
    pairs = pd.Series(list(zip(frame["zoning"], frame["zone_id"], strict=True)), index=frame.index)
    return ~pairs.isin(known_pairs(zones))


def zones_phrase(count: int, zonings) -> str:
    """« 4 bassins absents », « 1 zone d'emploi absente », « 3 zones absentes » (several zonings)."""
    zonings = set(zonings)
    one, many, feminine = ZONE_WORDS.get(next(iter(zonings)), ("zone", "zones", True)) if len(zonings) == 1 \
        else ("zone", "zones", True)
    absent = "absente" if feminine else "absent"
    return f"{n(count)} {one} {absent}" if count == 1 else f"{n(count)} {many} {absent}s"


def plural(count: int, word: str, words: str | None = None) -> str:
    """« 1 projet », « 11 778 projets » (`words`: an irregular plural)."""
    return f"{n(count)} {word}" if count == 1 else f"{n(count)} {words or word + 's'}"


def _total(rows: pd.DataFrame, column: str) -> int:
    return int(pd.to_numeric(rows[column], errors="coerce").fillna(0).sum()) if column in rows else 0


def carried(table: str, rows: pd.DataFrame) -> str:
    """What rows of `table` carried, in French: projects (recruitment), places or pupils (training), people
    sought (needs), occupations (tension), indicators (context)."""
    if table in ("recruitment", "recruitment_raw"):
        text = plural(_total(rows, "projects"), "projet")
        secret = int(rows["projects_secret"].fillna(0).astype(bool).sum()) if "projects_secret" in rows else 0
        return text + (f" (et {plural(secret, 'chiffre secret', 'chiffres secrets')})" if secret else "")
    if table == "training":
        for column, word in (("capacity", "places"), ("enrolled", "inscrits")):
            if column in rows and rows[column].notna().any():
                return f"{plural(_total(rows, column), word[:-1], word)} ({plural(len(rows), 'formation')})"
        return plural(len(rows), "formation")
    if table == "needs":
        return plural(_total(rows, "headcount"), "personne recherchée", "personnes recherchées")
    if table == "tension":
        return plural(rows["occupation_code"].nunique(), "métier")
    if table == "context":
        indicators = sorted(rows["indicator"].astype(str).unique())
        return ("indicateur " if len(indicators) == 1 else "indicateurs ") + listing(indicators, 4)
    return plural(len(rows), "ligne")


def sentence(table: str, rows: pd.DataFrame, codes: list[str] | None = None, kept: bool | None = None) -> str:
    """« 37 lignes sur 4 bassins absents du pack : 11 778 projets — Monaco (9399), … ; laissées de côté ».

    `rows`: the rows off the pack (zoning, zone_id and the table's figures); `codes`: how to name the zones
    (default « zoning zone_id »); `kept`: their fate (default: the rule, `KEPT_OFF_PACK`)."""
    zonings = rows["zoning"].unique()
    if codes is None:
        pairs = sorted(set(zip(rows["zoning"], rows["zone_id"], strict=True)))
        codes = [code if len(zonings) == 1 else f"{zoning} {code}" for zoning, code in pairs]
    kept = table in KEPT_OFF_PACK if kept is None else kept
    fate = FATE[kept].format(s="" if len(rows) == 1 else "s")
    return (f"{plural(len(rows), 'ligne')} sur {zones_phrase(len(codes), zonings)} du pack : {carried(table, rows)} "
            f"— {listing(codes, LISTED)} ; {fate}")


def apply_rule(table: str, frame: pd.DataFrame, zones: pd.DataFrame, say, label: str) -> pd.DataFrame:
    """`frame` after the rule: rows on zones the pack lacks kept (`KEPT_OFF_PACK`) or left out; `say` (a
    callable taking a French line) is told « label : <sentence> » when there are any."""
    outside = off_pack(frame, zones)
    if not outside.any():
        return frame
    say(f"{label} : {sentence(table, frame[outside])}")
    return frame if table in KEPT_OFF_PACK else frame[~outside]
