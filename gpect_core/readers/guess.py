"""Tables recognised by their content, and tables the user maps column by column.

A committee's own zoning comes with any headers (`Code INSEE`, `CODGEO`, `DEPCOM`, `Commune`, `Zone GPECT`,
`Territoire`, `Secteur`, `Bassin`...): `guess_zoning` finds a column whose values are mostly commune codes and a
column with a few distinct zone codes or names, and refuses to guess when two columns could be the zone. When
nothing is guessed, the user says which column is which (a `ColumnMapping`, chosen on the « Données » page);
`apply_mapping` renames the columns to the headers a known format reads, so the table then goes through the
normal reader. Mappings are remembered by the table's folded headers (`header_key`) in a JSON file beside the
pack (`mappings_path`), written atomically.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..templates import TEMPLATES
from .sniff import RawTable, fold, normalise_codes

COMMUNE_CODE = r"\d[\dAB]\d{3}"
MIN_COMMUNE_SHARE = 0.8  # share of non-empty cells that must be commune codes
MAX_ZONES = 200  # a zoning has a few zones; more distinct values is a list, not a zoning
ZONE_WORDS = ("zone", "territoire", "secteur", "bassin", "pays", "epci", "intercommunalite", "perimetre",
              "bassin de vie", "arrondissement", "canton", "zonage", "gpect", "antenne", "district")
NOT_ZONE_WORDS = ("dep", "departement", "reg", "region", "code postal", "cp", "population", "pmun", "ptot",
                  "superficie", "siren", "insee", "codgeo", "depcom", "commune", "libgeo", "nom commune")
NOT_COMMUNE_WORDS = ("rncp", "rome", "ogr", "diplome", "formation", "mef", "siret", "siren", "uai", "naf", "fap",
                     "cfd", "postal", "cp", "type", "contexte", "id", "activite", "metier",
                     "savoir", "competence", "domaine", "item")
MIN_UNIQUE_SHARE = 0.8  # a composition has one row per commune (a few duplicates at most)
ZONING_KIND = "custom_zoning"


@dataclass(frozen=True)
class MappingField:
    """One field of a mappable kind: the header the format reads, its French label, whether it is required."""

    header: str
    label: str
    required: bool = False


@dataclass(frozen=True)
class MappableKind:
    """A kind of table the user may map a file onto: its key, French label and fields."""

    key: str
    label: str
    fields: tuple[MappingField, ...]


MAPPABLE_KINDS: tuple[MappableKind, ...] = (
    MappableKind(ZONING_KIND, "zonage du comité (commune → zone)", (
        MappingField("code commune", "code commune (INSEE, 5 caractères)", True),
        MappingField("code zone", "zone (code ou nom)", True),
        MappingField("nom commune", "nom de la commune"),
        MappingField("nom zone", "nom de la zone"),
    )),
    *(MappableKind(f"template_{spec.key}", f"modèle du comité : {spec.title}",
                   tuple(MappingField(f.header, f.header, f.required) for f in spec.fields))
      for spec in TEMPLATES),
)
KINDS = {kind.key: kind for kind in MAPPABLE_KINDS}


@dataclass
class ColumnMapping:
    """Which column of a file is which field of a kind: `columns` maps a field's header to the file's column.
    `guessed` says it was found by content (the report says so), not given by the user."""

    kind: str
    columns: dict[str, str] = field(default_factory=dict)
    guessed: bool = False

    def as_json(self) -> dict:
        return {"kind": self.kind, "columns": dict(self.columns)}

    def describe(self) -> str:
        """« « Code INSEE » → code commune, « Zone GPECT » → code zone »."""
        return ", ".join(f"« {source} » → {target}" for target, source in self.columns.items())


def header_key(columns) -> str:
    """The key a mapping is remembered by: the table's folded headers, in order, joined by « | »."""
    return "|".join(fold(c) for c in columns)


def missing_fields(mapping: ColumnMapping) -> list[str]:
    """The required fields of the mapping's kind that no column is given for (their headers)."""
    kind = KINDS.get(mapping.kind)
    if kind is None:
        return []
    return [f.header for f in kind.fields if f.required and not mapping.columns.get(f.header)]


def apply_mapping(raw: RawTable, mapping: ColumnMapping) -> RawTable:
    """A copy of `raw` whose mapped columns carry the headers the kind's format reads (unmapped columns and the
    mapped ones' other names are dropped so no other format can take them). Raises KeyError when a mapped column
    is not in the table."""
    chosen = {target: source for target, source in mapping.columns.items() if source}
    for source in chosen.values():
        if source not in raw.frame.columns:
            raise KeyError(source)
    frame = pd.DataFrame({target: raw.frame[source] for target, source in chosen.items()}, index=raw.frame.index)
    return RawTable(frame, file=raw.file, sheet=raw.sheet, header_row=raw.header_row, encoding=raw.encoding,
                    separator=raw.separator, notes=list(raw.notes), row_word=raw.row_word, title=list(raw.title),
                    vintage=raw.vintage)


def commune_share(values: pd.Series) -> float:
    """Share of the non-empty cells of a column that are commune codes (5 characters, `\\d[\\dAB]\\d{3}`, a lost
    leading zero restored)."""
    text = normalise_codes(values.astype(str), 5)
    text = text[text.str.strip() != ""]
    if text.empty:
        return 0.0
    return float(text.str.fullmatch(COMMUNE_CODE).mean())


def _is_zone_header(name: str) -> bool:
    folded = fold(name)
    return any(re.search(rf"\b{re.escape(word)}\b", folded) for word in ZONE_WORDS)


def _is_other_header(name: str) -> bool:
    folded = fold(name)
    return folded in NOT_ZONE_WORDS or any(re.fullmatch(rf"(code |nom |libelle )?{re.escape(w)}s?", folded)
                                           for w in NOT_ZONE_WORDS)


def _same_grouping(a: pd.Series, b: pd.Series) -> bool:
    pairs = pd.DataFrame({"a": a, "b": b}).drop_duplicates()
    return pairs["a"].is_unique and pairs["b"].is_unique


def _looks_like_code(values: pd.Series) -> bool:
    distinct = values[values != ""].drop_duplicates()
    return bool(len(distinct)) and bool(distinct.str.fullmatch(r"[A-Za-z0-9_\-.]{1,12}").all())


def guess_zoning(raw: RawTable) -> ColumnMapping | None:
    """The columns of a commune → zone table found by content, whatever the headers, or None.

    The commune column: the one whose non-empty values are mostly (80 %) commune codes (several such columns:
    the first). The zone: among the other columns with 1 to MAX_ZONES distinct values (and fewer than half as
    many as rows), those whose header names a zone (zone, territoire, secteur, bassin...) if any, else all but
    département / région / population columns; two candidates that group the communes the same way are a code and
    its name (the code-like one is the zone code); two that group them differently are ambiguous: None. A column
    with one distinct text per commune is the commune name."""
    frame = raw.frame
    rows = len(frame)
    if rows < 2 or frame.shape[1] < 2:
        return None
    texts = {c: frame[c].astype(str).str.strip() for c in frame.columns}
    communes = [c for c in frame.columns if commune_share(texts[c]) >= MIN_COMMUNE_SHARE
                and not any(re.search(rf"\b{w}\b", fold(c)) for w in NOT_COMMUNE_WORDS)
                and texts[c][texts[c] != ""].nunique() >= MIN_UNIQUE_SHARE * (texts[c] != "").sum()]
    if not communes:
        return None
    commune = communes[0]
    candidates = []
    for c in frame.columns:
        if c in communes:
            continue
        values = texts[c][texts[c] != ""]
        distinct = values.nunique()
        if values.empty or values.size < 0.8 * rows or distinct > MAX_ZONES or distinct > max(1, rows // 2):
            continue
        if distinct == 1 and rows > 2 and not _is_zone_header(c):
            continue
        candidates.append(c)
    named = [c for c in candidates if _is_zone_header(c)]
    pool = named or [c for c in candidates if not _is_other_header(c)]
    if not pool:
        return None
    zone_code, zone_name = pool[0], None
    if len(pool) > 1:
        groups = [pool[0]]
        for c in pool[1:]:
            if not _same_grouping(texts[groups[0]], texts[c]):
                return None
            groups.append(c)
        codes = [c for c in groups if _looks_like_code(texts[c])]
        zone_code = codes[0] if codes else groups[0]
        others = [c for c in groups if c != zone_code]
        zone_name = others[0] if others else None
    mapping = {"code commune": commune, "code zone": zone_code}
    if zone_name:
        mapping["nom zone"] = zone_name
    name = _commune_name_column(frame, texts, commune, set(mapping.values()))
    if name:
        mapping["nom commune"] = name
    return ColumnMapping(ZONING_KIND, mapping, guessed=True)


def _commune_name_column(frame: pd.DataFrame, texts: dict, commune: str, taken: set[str]) -> str | None:
    for c in frame.columns:
        if c in taken or c == commune:
            continue
        values = texts[c]
        if (values != "").mean() >= 0.8 and values.str.contains(r"[A-Za-zÀ-ÿ]", regex=True).mean() >= 0.8 \
                and values.nunique() >= 0.8 * texts[commune].nunique():
            return c
    return None


# ---------------------------------------------------------------------------------------------- the store
def mappings_path(pack: str | os.PathLike) -> Path:
    """Where the mappings a committee gave for a pack are kept: `<pack>.mappings.json` beside the pack folder
    (it survives a restart, an integration — which rewrites the pack folder — and a restore)."""
    target = Path(pack).resolve()
    return target.with_name(target.name + ".mappings.json")


def load_mappings(path: str | os.PathLike) -> dict[str, ColumnMapping]:
    """The remembered mappings by header key; an absent or unreadable file gives none (never raises)."""
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out = {}
    for key, entry in (payload.get("mappings", {}) if isinstance(payload, dict) else {}).items():
        if isinstance(entry, dict) and entry.get("kind") in KINDS and isinstance(entry.get("columns"), dict):
            out[key] = ColumnMapping(entry["kind"], {str(k): str(v) for k, v in entry["columns"].items()})
    return out


def save_mapping(path: str | os.PathLike, key: str, mapping: ColumnMapping) -> None:
    """Remember `mapping` for tables whose headers give `key`, writing the file atomically (a temporary file
    in the same folder, then `os.replace`), so a crash leaves the old file or the new one, never half of one."""
    path = Path(path)
    mappings = load_mappings(path)
    mappings[key] = mapping
    payload = {"mappings": {k: m.as_json() for k, m in mappings.items()}}
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(payload, out, ensure_ascii=False, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
