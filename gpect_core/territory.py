"""Territory: the loaded bundle of canonical tables and their provenance, saved as a « pack ».

A pack is a folder: one Parquet file per table (GeoParquet for `zones`) and `manifest.json`, which says the
territory's name, whether its figures are real or fictional, its zonings and, for each table, where it
comes from. `Territory.save` writes a complete new folder beside the target and renames it into place, so a
failed save leaves the previous pack as it was; the previous version is kept in `<pack>.previous`.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from .errors import PackError, Problem, ValidationError
from .schema import SCHEMAS, table_label, validate_table

PACK_FORMAT = 1
MANIFEST = "manifest.json"
FICTIONAL_NOTICE_FR = "Données fictives de démonstration"
FICTIONAL_NOTICE_EN = "Fictional demonstration data"

# Validated tables of small packs, by the digest of their files' bytes: checking a pack's tables costs about 0.3 s of
# CPU for the 250 kB demo pack, and the same bytes are loaded again and again (every copy of the demo pack, every
# preview of an import, every test). Packs over 1 MB of files are read and checked each time: the few kept here stay
# a few tens of MB of memory at most.
_VALIDATED_MAX_BYTES = 2**20
_VALIDATED_ENTRIES = 4
_validated: OrderedDict[str, tuple[gpd.GeoDataFrame, dict[str, pd.DataFrame]]] = OrderedDict()
_validated_lock = threading.Lock()


def _small_pack_bytes(root: Path, manifest_bytes: bytes, entries: dict) -> tuple[str, dict[str, bytes]] | None:
    """The digest of a small pack's manifest and table files, and those files' bytes; None for a large pack or a
    file that cannot be read (the ordinary reading then says what is wrong)."""
    try:
        files = {name: root / entry["file"] for name, entry in entries.items()}
        if sum(f.stat().st_size for f in files.values()) > _VALIDATED_MAX_BYTES:
            return None
        contents = {name: f.read_bytes() for name, f in files.items()}
    except (OSError, KeyError, TypeError):
        return None
    digest = hashlib.sha256(manifest_bytes)
    for name, data in contents.items():
        digest.update(f"\x00{name}\x00{len(data)}\x00".encode())
        digest.update(data)
    return digest.hexdigest(), contents


@dataclass
class Provenance:
    source: str = ""
    producer: str = ""
    vintage: str = ""
    licence: str = ""
    url: str = ""
    file_hash: str = ""
    imported_at: str = ""
    imported_by: str = ""

    @classmethod
    def from_dict(cls, data: dict | None) -> Provenance:
        known = {k: str(v) for k, v in (data or {}).items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass
class Territory:
    """A territory's canonical tables. `zones` is a GeoDataFrame (EPSG:4326); `tables` the other tables."""

    name: str
    zones: gpd.GeoDataFrame
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    fictional: bool = False
    description: str = ""
    zonings: dict[str, dict] = field(default_factory=dict)
    default_zoning: str | None = None
    provenance: dict[str, Provenance] = field(default_factory=dict)
    path: Path | None = None
    fingerprint: str = ""

    # ------------------------------------------------------------------ reading
    @classmethod
    def load(cls, path: str | os.PathLike, validate: bool = True) -> Territory:
        """Read the pack at `path` and (by default) check every table against its contract (`validate`). Raises
        PackError (missing or unreadable manifest or file) or ValidationError, in French. A small pack (≤ 1 MB of
        tables) whose exact bytes were already loaded and checked in this process is not checked again: its
        checked tables are copied (each Territory owns its frames)."""
        root = Path(path)
        manifest_path = root / MANIFEST
        if not manifest_path.is_file():
            raise PackError(f"« {root} » n'est pas un pack de territoire : le fichier {MANIFEST} est absent.")
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise PackError(f"{manifest_path} : manifeste illisible ({exc}).") from None
        if manifest.get("format") != PACK_FORMAT:
            raise PackError(f"{manifest_path} : format de pack {manifest.get('format')!r} inconnu "
                            f"(attendu {PACK_FORMAT}).")
        tables: dict[str, pd.DataFrame] = {}
        zones = None
        problems: list[Problem] = []
        small = _small_pack_bytes(root, manifest_path.read_bytes(), manifest.get("tables", {})) if validate else None
        if small is not None:
            with _validated_lock:
                known = _validated.get(small[0])
                if known is not None:
                    _validated.move_to_end(small[0])
            if known is not None:
                return cls._from_manifest(root, manifest, known[0].copy(),
                                          {name: frame.copy() for name, frame in known[1].items()})
        for name, entry in manifest.get("tables", {}).items():
            file = root / entry["file"]
            source = io.BytesIO(small[1][name]) if small is not None else file
            try:
                if name == "zones":
                    zones = gpd.read_parquet(source)
                else:
                    tables[name] = pd.read_parquet(source)
            except Exception as exc:  # noqa: BLE001 — any unreadable file becomes a French problem
                problems.append(Problem(f"{file.name} : fichier illisible ({type(exc).__name__}: {exc})",
                                        table=name, file=str(file)))
        if zones is None and not problems:
            problems.append(Problem(f"{root} : le pack n'a pas de table « zones ».", table="zones"))
        if problems:
            raise PackError(f"Le pack « {root} » est incomplet ou abîmé.", problems)
        territory = cls._from_manifest(root, manifest, zones, tables)
        if validate:
            territory.validate(raise_on_error=True)
        if small is not None:
            with _validated_lock:
                _validated[small[0]] = (territory.zones.copy(),
                                        {name: frame.copy() for name, frame in territory.tables.items()})
                while len(_validated) > _VALIDATED_ENTRIES:
                    _validated.popitem(last=False)
        return territory

    @classmethod
    def _from_manifest(cls, root: Path, manifest: dict, zones: gpd.GeoDataFrame,
                       tables: dict[str, pd.DataFrame]) -> Territory:
        return cls(
            name=manifest.get("name", root.name),
            zones=zones,
            tables=tables,
            fictional=bool(manifest.get("fictional", False)),
            description=manifest.get("description", ""),
            zonings=manifest.get("zonings", {}),
            default_zoning=manifest.get("default_zoning"),
            provenance={k: Provenance.from_dict(v.get("provenance")) for k, v in manifest["tables"].items()},
            path=root,
            fingerprint=hashlib.sha256((root / MANIFEST).read_bytes()).hexdigest()[:16],
        )

    # ------------------------------------------------------------------ checking
    def validate(self, raise_on_error: bool = False) -> list[Problem]:
        """Check every table against its contract, and the zone geometries. Coerces dtypes in place."""
        problems: list[Problem] = []
        try:
            self.zones = validate_table("zones", self.zones)
        except ValidationError as exc:
            problems.extend(exc.problems)
        problems.extend(zone_geometry_problems(self.zones))
        for name, df in list(self.tables.items()):
            if name not in SCHEMAS:
                continue
            try:
                self.tables[name] = validate_table(name, df)
            except ValidationError as exc:
                problems.extend(exc.problems)
        problems.extend(self._reference_problems())
        if problems and raise_on_error:
            raise ValidationError(f"Le pack « {self.name} » contient des erreurs.", problems)
        return problems

    def _reference_problems(self) -> list[Problem]:
        """Rows of the tables that name a zone the pack does not have."""
        problems = []
        def keys(frame: pd.DataFrame) -> pd.Series:  # vectorised: a Python loop over 10^5 arrow strings took 0.8 s
            return frame["zoning"].astype(str) + "\x1f" + frame["zone_id"].astype(str)

        known = keys(self.zones).unique()
        for name in ("recruitment", "training", "needs"):
            df = self.tables.get(name)
            if df is None or df.empty:
                continue
            bad = df.loc[~keys(df).isin(known), ["zoning", "zone_id"]]
            for index, zoning, zone_id in bad.head(20).itertuples(name=None):
                problems.append(Problem(
                    f"{table_label(name)}, ligne {int(index) + 1}, colonne `zone_id` : la zone « {zone_id} » "
                    f"(zonage {zoning}) n'existe pas dans le pack", table=name, column="zone_id", row=int(index) + 1))
        return problems

    # ------------------------------------------------------------------ writing
    def save(self, path: str | os.PathLike, validate: bool = True, keep_previous: bool = True) -> Path:
        """Write the pack atomically: a complete temporary folder renamed into place."""
        if validate:
            self.validate(raise_on_error=True)
        target = Path(path).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
        try:
            self._write_into(tmp)
            previous = target.with_name(target.name + ".previous")
            if target.exists():
                if previous.exists():
                    shutil.rmtree(previous)
                os.replace(target, previous)
            os.replace(tmp, target)
            if not keep_previous and previous.exists():
                shutil.rmtree(previous)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        self.path = target
        return target

    def _write_into(self, folder: Path) -> None:
        entries = {}
        zones = self.zones.sort_values(["zoning", "zone_id"]).reset_index(drop=True)
        zones.to_parquet(folder / "zones.parquet", index=False, write_covering_bbox=False)
        entries["zones"] = self._entry("zones", "zones.parquet", len(zones))
        for name in sorted(self.tables):
            df = self.tables[name].reset_index(drop=True)
            df.to_parquet(folder / f"{name}.parquet", index=False)
            entries[name] = self._entry(name, f"{name}.parquet", len(df))
        manifest = {
            "format": PACK_FORMAT,
            "name": self.name,
            "fictional": self.fictional,
            "notice": FICTIONAL_NOTICE_FR if self.fictional else "",
            "description": self.description,
            "default_zoning": self.default_zoning,
            "zonings": self.zonings,
            "tables": entries,
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                       encoding="utf-8")

    def _entry(self, name: str, file: str, rows: int) -> dict:
        provenance = self.provenance.get(name, Provenance())
        return {"file": file, "rows": rows, "provenance": provenance.__dict__}

    # ------------------------------------------------------------------ helpers for analytics and pages
    def table(self, name: str) -> pd.DataFrame:
        """A canonical table, or an empty frame with its contract's columns when the pack lacks it."""
        if name in self.tables:
            return self.tables[name]
        columns = [c for c in SCHEMAS[name].columns if not c.startswith("^")] if name in SCHEMAS else []
        return pd.DataFrame(columns=columns)

    def _zones_memo(self, key, compute):
        # Pages ask for zonings and names many times a rerun; the zones frame is not changed in place once loaded
        # (a new frame, as `build` assigns, starts a new memo).
        memo = self.__dict__.get("_gpect_zones_memo")
        if memo is None or memo[0] is not self.zones:
            memo = (self.zones, {})
            self.__dict__["_gpect_zones_memo"] = memo
        if key not in memo[1]:
            memo[1][key] = compute()
        return memo[1][key]

    def zoning_ids(self) -> list[str]:
        def compute():
            present = [str(z) for z in pd.unique(self.zones["zoning"].to_numpy(dtype=object))]
            ordered = [z for z in self.zonings if z in present]
            return ordered + [z for z in present if z not in ordered]
        return list(self._zones_memo(("zoning_ids", tuple(self.zonings)), compute))

    def zones_of(self, zoning: str) -> gpd.GeoDataFrame:
        return self.zones[self.zones["zoning"] == zoning]

    def zone_names(self, zoning: str) -> dict[str, str]:
        def compute():
            zones = self.zones_of(zoning).sort_values("name")
            return dict(zip(zones["zone_id"], zones["name"], strict=True))
        return dict(self._zones_memo(("zone_names", zoning), compute))

    def notice(self, lang: str = "fr") -> str:
        if not self.fictional:
            return ""
        return FICTIONAL_NOTICE_FR if lang == "fr" else FICTIONAL_NOTICE_EN


def zone_geometry_problems(zones: gpd.GeoDataFrame) -> list[Problem]:
    """Missing, empty or invalid zone polygons, named by zone."""
    problems = []
    if "geometry" not in zones:
        return [Problem("zones : colonne `geometry` absente", table="zones", column="geometry")]
    geoms = zones.geometry.values
    missing = zones.geometry.isna() | shapely.is_empty(geoms)
    invalid = ~missing & ~shapely.is_valid(geoms)
    for index in zones.index[missing.to_numpy()]:
        row = zones.loc[index]
        problems.append(Problem(f"zones, zone « {row['name']} » ({row['zone_id']}) : géométrie absente",
                                table="zones", column="geometry"))
    for index in zones.index[invalid.to_numpy()]:
        row = zones.loc[index]
        reason = shapely.is_valid_reason(row.geometry)
        problems.append(Problem(f"zones, zone « {row['name']} » ({row['zone_id']}) : polygone invalide ({reason})",
                                table="zones", column="geometry"))
    return problems


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
