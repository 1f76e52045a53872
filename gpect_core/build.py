"""`python -m gpect_core build-pack --from DIR --out PACK`: a territory pack from the official files in DIR.

Every file is recognised by its content (`readers.recognise`), read, and its rows assembled into the
canonical tables: zones drawn from commune polygons by each composition table, BMO aggregated exactly by
basin, département, région and France, tension, occupations, links, skills, context, training. The French
report says, file by file, what each was recognised as, the rows read and rejected (and why), the secret
cells and the codes that matched nothing.
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from . import geo
from .errors import GpectError, Problem
from .readers import SUPPORTED_SUFFIXES, Parsed, read_source
from .readers.formats import HEADERLESS_FAP_ROME, RECRUITMENT_MEASURES, FileReport, aggregate_recruitment
from .territory import Provenance, Territory, now_iso

ZONING_LABELS = {
    "ZE2020": "Zones d'emploi 2020", "BMO": "Bassins d'emploi BMO", "EPCI": "Intercommunalités (EPCI)",
    "DEP": "Départements", "REG": "Régions", "FR": "France", "custom": "Zonage du comité",
}
ZONING_ORDER = ("ZE2020", "BMO", "EPCI", "DEP", "REG", "FR", "custom")
MAX_LISTED = 12


@dataclass
class BuildReport:
    files: list = field(default_factory=list)  # FileReport
    lines: list[str] = field(default_factory=list)  # what the assembly did, in French
    seconds: float = 0.0

    def add(self, line: str) -> None:
        self.lines.append(line)

    def text(self) -> str:
        return format_report(self)


def n(value) -> str:
    """An integer the French way: 74 346."""
    return f"{int(value):,}".replace(",", "\u202f")


def _listing(items, limit: int = MAX_LISTED) -> str:
    items = list(items)
    shown = ", ".join(str(i) for i in items[:limit])
    return shown + (f" … (+{len(items) - limit})" if len(items) > limit else "")


def format_report(report: BuildReport) -> str:
    """The French build report: one block per file, then what the assembly did."""
    out = ["Rapport de lecture des fichiers", "=" * 31]
    for rep in report.files:
        status = rep.format_label if rep.format_key else "non reconnu — ignoré"
        if rep.format_key and not rep.used:
            status += " — non utilisé"
        out.append(f"• {rep.name} : {status}")
        if rep.format_key:
            out.append(f"    lignes lues : {n(rep.rows_read)} ; rejetées : {n(rep.rows_rejected)}"
                       + (f" ; cellules secrètes (*) : {n(rep.secret_cells)}" if rep.secret_cells else ""))
        for note in rep.notes:
            out.append(f"    ~ {note}")
        for kind, codes in rep.unmatched.items():
            out.append(f"    codes sans correspondance ({kind}) : {_listing(codes)}")
        for problem in rep.problems[:MAX_LISTED]:
            out.append(f"    ! {problem.message}")
        if len(rep.problems) > MAX_LISTED:
            out.append(f"    ! … et {len(rep.problems) - MAX_LISTED} autre(s) problème(s)")
    if report.lines:
        out += ["", "Assemblage du pack", "=" * 18, *[f"• {line}" for line in report.lines]]
    if report.seconds:
        out.append(f"Durée : {report.seconds:.1f} s")
    return "\n".join(out)


# ============================================================================================ reading
def scan_folder(folder: str | Path) -> list[tuple[Parsed, str]]:
    """Every supported file under `folder` (sorted), parsed, with the SHA-256 of its bytes."""
    root = Path(folder)
    if not root.is_dir():
        raise GpectError(f"« {root} » n'est pas un dossier.")
    results = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES):
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        name = str(path.relative_to(root))
        try:
            parsed_list = read_source(data, name)
        except Exception as exc:  # noqa: BLE001 — one unreadable file must not stop the build, nor show a traceback
            report = FileReport(file=name, used=False)
            report.problems.append(Problem(f"« {name} » : lecture impossible, fichier ignoré "
                                           f"({str(exc).splitlines()[0][:160] if str(exc) else 'raison inconnue'})",
                                           file=name))
            parsed_list = [Parsed(HEADERLESS_FAP_ROME, None, {}, report)]
        results.extend((parsed, digest) for parsed in parsed_list)
    return results


# ============================================================================================ assembly
class Assembler:
    """Turns parsed files into a Territory; every choice it makes is written in the report."""

    def __init__(self, items: list[tuple[Parsed, str]], imported_by: str, report: BuildReport):
        self.items = items
        self.report = report
        self.imported_by = imported_by
        self.imported_at = now_iso()
        self.provenance: dict[str, list[tuple[Parsed, str]]] = {}
        report.files = [p.report for p, _ in items]

    # -------------------------------------------------------------- helpers
    def frames(self, key: str) -> list[tuple[Parsed, str, pd.DataFrame]]:
        return [(p, h, p.data[key]) for p, h in self.items if key in p.data and p.report.used]

    def use(self, table: str, parsed: Parsed, digest: str) -> None:
        entries = self.provenance.setdefault(table, [])
        if all(p is not parsed for p, _ in entries):
            entries.append((parsed, digest))

    def unused(self, parsed: Parsed, why: str) -> None:
        parsed.report.used = False
        parsed.report.notes.append(why)

    def distinct(self, key: str) -> list[tuple[Parsed, str, pd.DataFrame]]:
        """The frames under `key`, keeping one of files with the same format and vintage (xlsx + its CSV)."""
        kept, seen = [], {}
        for parsed, digest, frame in self.frames(key):
            ident = (parsed.format.key, parsed.vintage, len(frame))
            if ident in seen:
                self.unused(parsed, f"même contenu que « {seen[ident]} », déjà lu")
                continue
            seen[ident] = parsed.report.name
            kept.append((parsed, digest, frame))
        return kept

    def provenance_of(self, table: str) -> Provenance:
        entries = self.provenance.get(table, [])
        if not entries:
            return Provenance(imported_at=self.imported_at, imported_by=self.imported_by)

        def join(values):
            return " ; ".join(dict.fromkeys(v for v in values if v))

        return Provenance(
            source=join(p.format.source or p.format.label for p, _ in entries),
            producer=join(p.format.producer for p, _ in entries),
            vintage=join(p.vintage for p, _ in entries),
            licence=join(p.format.licence for p, _ in entries),
            url=join(p.report.name for p, _ in entries),
            file_hash=join(h for _, h in entries),
            imported_at=self.imported_at,
            imported_by=self.imported_by,
        )

    # -------------------------------------------------------------- zonings
    def compositions(self) -> dict[str, tuple[Parsed, str, pd.DataFrame]]:
        chosen: dict[str, tuple[Parsed, str, pd.DataFrame]] = {}
        rank = {"ze_composition": 3, "bmo_basins": 3, "epci": 3, "custom_zoning": 3, "communes_ze": 1}
        for parsed, digest, frame in self.distinct("composition"):
            zoning = frame["zoning"].iloc[0] if len(frame) else None
            if zoning is None:
                continue
            score = (rank.get(parsed.format.key, 0), parsed.vintage)
            if zoning in chosen:
                other = chosen[zoning][0]
                other_score = (rank.get(other.format.key, 0), other.vintage)
                if score > other_score:
                    self.unused(other, f"composition {zoning} remplacée par « {parsed.report.name} » "
                                       f"(plus officielle ou plus récente)")
                    chosen[zoning] = (parsed, digest, frame)
                else:
                    self.unused(parsed, f"composition {zoning} déjà prise dans « {other.report.name} »")
                continue
            chosen[zoning] = (parsed, digest, frame)
        return chosen

    def build_zones(self) -> gpd.GeoDataFrame:
        communes_geo = self.distinct("commune_geometry")
        passage = self.distinct("passage")
        passage_frame = pd.concat([f for _, _, f in passage]) if passage else None
        compositions = self.compositions()
        names = self.zone_names()
        layers = []
        if communes_geo:
            parsed, digest, communes = communes_geo[0]
            self.use("zones", parsed, digest)
            for p, h, _ in passage:
                self.use("zones", p, h)
            extra = self.commune_attributes(communes, compositions)
            base = compositions.copy()
            base_frames = {z: f for z, (_, _, f) in base.items()}
            for zoning in ("DEP", "REG", "FR", "EPCI"):
                if zoning not in base_frames:
                    derived = self.derived_composition(zoning, extra)
                    if derived is not None:
                        base_frames[zoning] = derived
            for zoning in ZONING_ORDER:
                if zoning not in base_frames:
                    continue
                if zoning in compositions:
                    self.use("zones", compositions[zoning][0], compositions[zoning][1])
                layers.append(self.draw(zoning, communes, base_frames[zoning], passage_frame, names, extra))
        drawn = {layer["zoning"].iloc[0] for layer in layers if len(layer)}
        for parsed, digest, frame in self.frames("zone_geometry") + self.frames("admin_geometry"):
            zoning = frame["zoning"].iloc[0]
            if zoning in drawn:
                self.unused(parsed, f"zonage {zoning} déjà dessiné à partir des polygones des communes")
                continue
            self.use("zones", parsed, digest)
            simplified = geo.simplify_for_display(frame.to_crs(geo.WGS84), geo.DISPLAY_TOLERANCE_M.get(zoning, 500))
            simplified["name"] = simplified["zone_id"].map(names.get(zoning, {})).astype(object).fillna(
                simplified["name"])
            layers.append(simplified)
            drawn.add(zoning)
            self.report.add(f"zonage {zoning} : {len(frame)} zones prises telles quelles dans « {parsed.report.name} »")
        if not layers:
            raise GpectError("Aucune géométrie de zone : il faut les polygones des communes (GeoPackage, GeoJSON "
                             "ou Shapefile zippé) et une table de composition, ou des polygones de zones.")
        zones = pd.concat(layers, ignore_index=True)
        for column in ("dep", "reg"):
            if column not in zones:
                zones[column] = None
            zones[column] = zones[column].replace("", None)
        if "population" not in zones:
            zones["population"] = pd.NA
        zones = gpd.GeoDataFrame(zones[["zoning", "zone_id", "name", "dep", "reg", "population", "geometry"]],
                                 geometry="geometry", crs=geo.WGS84)
        return zones

    def zone_names(self) -> dict[str, dict[str, str]]:
        names: dict[str, dict[str, str]] = {}
        for _parsed, _digest, frame in self.frames("zone_names"):
            for zoning, group in frame.groupby("zoning"):
                names.setdefault(zoning, {}).update(dict(zip(group["zone_id"], group["name"], strict=True)))
        for _, _, frame in self.frames("admin_geometry"):
            for zoning, group in frame.groupby("zoning"):
                target = names.setdefault(zoning, {})
                for code, name in zip(group["zone_id"], group["name"], strict=True):
                    target.setdefault(code, name)
        for _, _, frame in self.frames("recruitment_raw"):
            for zoning, code, name in (("DEP", "dep", "dep_name"), ("REG", "reg", "reg_name")):
                target = names.setdefault(zoning, {})
                for c, n in frame[[code, name]].drop_duplicates(code).itertuples(index=False):
                    target.setdefault(c, n)
        names.setdefault("FR", {})["FR"] = "France"
        return names

    def commune_attributes(self, communes: gpd.GeoDataFrame, compositions: dict) -> pd.DataFrame:
        """dep, reg, epci, population of each commune, from the polygons and any table that says them."""
        attrs = pd.DataFrame(communes.drop(columns="geometry"))
        reg = {}
        # INSEE's composition says the commune's own région; the BMO file gives its basin's: INSEE wins.
        for zoning in ("BMO", "ZE2020"):
            if zoning in compositions:
                frame = compositions[zoning][2]
                reg.update(dict(zip(frame["commune_id"], frame["reg"], strict=True)))
        for _, _, frame in self.frames("communes"):
            reg.update(dict(zip(frame["commune_id"], frame["reg"], strict=True)))
            population = dict(zip(frame["commune_id"], frame["population"], strict=True))
            attrs["population"] = attrs["population"].fillna(attrs["commune_id"].map(population)).astype("Int64")
        attrs["reg"] = attrs["commune_id"].map(reg).fillna("")
        dep_reg = {}
        for _, _, frame in self.frames("zone_names"):
            if "reg" in frame and (frame["zoning"] == "DEP").any():
                dep_reg.update(dict(zip(frame["zone_id"], frame["reg"], strict=True)))
        attrs["reg"] = attrs["reg"].where(attrs["reg"] != "", attrs["dep"].map(dep_reg).astype(object).fillna(""))
        return attrs

    def derived_composition(self, zoning: str, attrs: pd.DataFrame) -> pd.DataFrame | None:
        column = {"DEP": "dep", "REG": "reg", "EPCI": "epci", "FR": None}[zoning]
        zone_id = attrs[column] if column else pd.Series("FR", index=attrs.index)
        frame = pd.DataFrame({"commune_id": attrs["commune_id"], "commune_name": attrs["name"],
                              "zone_id": zone_id.astype(str).replace({"nan": "", "<NA>": ""}),
                              "zone_name": "", "dep": attrs["dep"], "reg": attrs["reg"], "zoning": zoning})
        frame = frame[frame["zone_id"] != ""]
        if zoning == "EPCI" and "libepci" in attrs:
            frame["zone_name"] = attrs.loc[frame.index, "libepci"]
        return frame if len(frame) else None

    def draw(self, zoning: str, communes, composition: pd.DataFrame, passage, names, attrs) -> gpd.GeoDataFrame:
        started = time.perf_counter()
        result = geo.dissolve(communes, composition, passage)
        zones = result.zones
        zones["name"] = zones["zone_id"].map(names.get(zoning, {})).astype(object).fillna(zones["name"])
        zones["name"] = zones["name"].where(zones["name"].astype(str).str.strip() != "", zones["zone_id"])
        mapped, _, _ = geo.apply_passage(composition, passage, set(communes["commune_id"]))
        mapped = mapped.merge(attrs[["commune_id", "population", "dep", "reg"]].rename(
            columns={"dep": "dep_commune", "reg": "reg_commune"}), on="commune_id", how="left")
        for column in ("dep", "reg"):
            own = mapped[column].astype(str).replace({"nan": "", "None": ""})
            mapped[column] = own.where(own != "", mapped[f"{column}_commune"].fillna("").astype(str))
        for column in ("dep", "reg"):
            values = mapped[mapped[column].astype(str) != ""].groupby("zone_id")[column].agg(
                lambda s: s.iloc[0] if s.nunique() == 1 else "")
            zones[column] = zones["zone_id"].map(values).astype(object).fillna("")
        if zoning == "DEP":
            zones["dep"] = zones["zone_id"]
        if zoning == "REG":
            zones["reg"] = zones["zone_id"]
        zones["population"] = zones["zone_id"].map(mapped.groupby("zone_id")["population"].sum(min_count=1)
                                                   ).astype("Float64").round().astype("Int64")
        simplified = geo.simplify_for_display(zones, geo.DISPLAY_TOLERANCE_M.get(zoning, 500))
        simplified.insert(0, "zoning", zoning)
        line = f"zonage {zoning} : {len(simplified)} zones dessinées à partir de {n(zones['communes'].sum())} communes"
        if result.recoded:
            line += f" ; {result.recoded} codes communes mis à jour par la table de passage"
        if result.straddling:
            line += (f" ; {len(result.straddling)} communes nouvelles à cheval sur deux zones, rattachées à la zone "
                     f"de la commune dont elles gardent le code ({_listing(result.straddling, 8)})")
        line += f" ({time.perf_counter() - started:.1f} s)"
        self.report.add(line)
        if result.missing_zones:
            self.report.add(f"zonage {zoning} : {len(result.missing_zones)} zone(s) sans aucune commune dessinée, "
                            f"absentes de la carte : {_listing(result.missing_zones)}")
        if result.partial_zones:
            self.report.add(f"zonage {zoning} : {len(result.partial_zones)} zone(s) dont des communes n'ont pas de "
                            f"polygone : {_listing(result.partial_zones, 6)}")
        return simplified.drop(columns=["communes", "communes_missing"])

    # -------------------------------------------------------------- tables
    def recruitment(self, zones: gpd.GeoDataFrame) -> tuple[pd.DataFrame | None, pd.DataFrame]:
        items = self.distinct("recruitment_raw")
        occupations = []
        if not items:
            return None, pd.DataFrame()
        raw = []
        for parsed, digest, frame in items:
            self.use("recruitment", parsed, digest)
            raw.append(frame)
            labels = frame.drop_duplicates("occupation_code")
            occupations.append(pd.DataFrame({
                "system": labels["occupation_system"], "code": labels["occupation_code"],
                "label": labels["occupation_label"], "family": labels["family"],
                "family_label": labels["family_label"]}))
            self._bmo_parsed = (parsed, digest)
        rows = pd.concat(raw, ignore_index=True)
        known = {z: set(g["zone_id"]) for z, g in zones.groupby("zoning")}
        parts = []
        for zoning, column in (("BMO", "basin"), ("DEP", "dep"), ("REG", "reg"), ("FR", None)):
            aggregated = aggregate_recruitment(rows, zoning, column)
            if zoning != "FR" and zoning in known:
                unknown = ~aggregated["zone_id"].isin(known[zoning])
                if unknown.any():
                    codes = sorted(aggregated.loc[unknown, "zone_id"].unique())
                    label = {"BMO": "bassins", "DEP": "départements", "REG": "régions"}[zoning]
                    if zoning == "BMO":
                        basin_names = rows.drop_duplicates("basin").set_index("basin")["basin_name"]
                        codes = [f"{basin_names.get(c, '')} ({c})" for c in codes]
                    items[0][0].report.unmatched[f"{label} absents des zones du pack"] = codes
                    self.report.add(f"recrutement ({zoning}) : {int(unknown.sum())} lignes sur des {label} sans "
                                    f"géométrie ({_listing(codes, 6)}) non gardées à ce niveau ; elles restent "
                                    "comptées aux niveaux supérieurs")
                    aggregated = aggregated[~unknown]
            elif zoning != "FR":
                continue
            parts.append(aggregated)
        recruitment = pd.concat(parts, ignore_index=True)
        lacking = int((recruitment["secret_cells"] > 0).sum())
        self.report.add(f"recrutement : {n(len(recruitment))} lignes (bassin, département, région, France) ; "
                        f"{n(lacking)} lignes où des cellules sont secrètes, chacune avec le nombre de cellules "
                        "qui manquent à chaque chiffre")
        return recruitment, pd.concat(occupations, ignore_index=True)

    def concat(self, key: str, table: str, unique: list[str]) -> pd.DataFrame | None:
        items = self.distinct(key)
        if not items:
            return None
        for parsed, digest, _ in items:
            self.use(table, parsed, digest)
        frame = pd.concat([f for _, _, f in items], ignore_index=True)
        before = len(frame)
        frame = frame.drop_duplicates(unique, keep="first").reset_index(drop=True)
        if before != len(frame):
            self.report.add(f"{table} : {before - len(frame)} lignes en double entre fichiers retirées")
        return frame

    def tension(self, zones) -> pd.DataFrame | None:
        items = self.distinct("tension")
        if not items:
            return None
        for parsed, digest, _ in items:
            self.use("tension", parsed, digest)
        frame = pd.concat([f for _, _, f in items], ignore_index=True)
        # Where a long series and a detailed file give the same figure, keep the detailed row (class, components).
        frame = frame.assign(_detail=frame["tension_class"].notna()).sort_values("_detail", ascending=False,
                                                                                 kind="stable")
        key = ["zoning", "zone_id", "occupation_system", "occupation_code", "year"]
        before = len(frame)
        frame = frame.drop_duplicates(key).drop(columns="_detail").sort_index().reset_index(drop=True)
        if before != len(frame):
            self.report.add(f"tensions : {n(before - len(frame))} lignes d'une série longue déjà données, en détail, "
                            "par un autre fichier : la ligne détaillée est gardée")
        known = set(zip(zones["zoning"], zones["zone_id"], strict=True))
        pairs = pd.Series(list(zip(frame["zoning"], frame["zone_id"], strict=True)), index=frame.index)
        unknown = frame[~pairs.isin(known) & (frame["zoning"] != "FR")]
        if len(unknown):
            codes = sorted(set(unknown["zoning"] + " " + unknown["zone_id"]))
            self.report.add(f"tensions : {len(unknown)} lignes sur des zones absentes du pack ({_listing(codes, 8)}), "
                            "gardées mais invisibles sur la carte")
        for parsed, _, _ in self.distinct("tension"):
            sub = parsed.data["tension"]
            sub_pairs = pd.Series(list(zip(sub["zoning"], sub["zone_id"], strict=True)))
            miss = sorted(set(sub.loc[(~sub_pairs.isin(known)).to_numpy() & (sub["zoning"] != "FR").to_numpy(),
                                      "zone_id"]))
            if miss:
                parsed.report.unmatched["zones absentes du pack"] = miss
        return frame

    def context(self, zones) -> pd.DataFrame | None:
        frame = self.concat("context", "context", ["zoning", "zone_id", "indicator", "period"])
        if frame is None:
            return None
        known = set(zip(zones["zoning"], zones["zone_id"], strict=True)) | {("FR", "FR")}
        for parsed, _, sub in self.distinct("context"):
            pairs = pd.Series(list(zip(sub["zoning"], sub["zone_id"], strict=True)), index=sub.index)
            missing = sorted(set(sub.loc[~pairs.isin(known), "zone_id"]))
            if missing:
                parsed.report.unmatched["zones absentes du pack"] = missing
                self.report.add(f"contexte : « {parsed.report.name} » cite {len(missing)} zone(s) absente(s) du pack "
                                f"({_listing(missing, 8)}) ; leurs lignes sont gardées mais n'apparaissent sur aucune "
                                "carte")
        return frame

    def occupations(self, bmo_occupations: pd.DataFrame) -> pd.DataFrame | None:
        frame = self.concat("occupations", "occupations", ["system", "code"])
        domains = self.frames("rome_domains")
        parts = [frame] if frame is not None else []
        if len(bmo_occupations):
            parts.append(bmo_occupations)
        if not parts:
            return None
        out = pd.concat(parts, ignore_index=True).drop_duplicates(["system", "code"], keep="first")
        if domains:
            labels = dict(zip(domains[0][2]["family"], domains[0][2]["family_label"], strict=True))
            rome = out["system"] == "ROME4"
            out.loc[rome, "family_label"] = out.loc[rome, "family"].map(labels)
            self.use("occupations", domains[0][0], domains[0][1])
        return out.reset_index(drop=True)

    def skills(self) -> pd.DataFrame | None:
        links = self.concat("skill_links", "skills", ["occupation_code", "skill_id"])
        labels = self.concat("skill_labels", "skills", ["skill_id"])
        items = self.concat("skill_items", "skills", ["skill_id"])
        if links is None or (labels is None and items is None):
            return None
        labels = pd.concat([f for f in (labels, items) if f is not None]).drop_duplicates("skill_id")
        merged = links.merge(labels, on="skill_id", how="left")
        missing = merged["label"].isna()
        if missing.any():
            self.report.add(f"compétences : {int(missing.sum())} liens métier–item sans libellé connu "
                            "(ni compétence ni savoir) non gardés")
        return merged[~missing][["occupation_code", "skill_id", "label", "kind", "core"]].reset_index(drop=True)

    def training(self, zones) -> pd.DataFrame | None:
        frame = self.concat("training_raw", "training", ["program_id", "year"])
        if frame is None:
            return None
        mef = self.frames("bcn_mef")
        formation = self.frames("bcn_formation")
        level = self.frames("bcn_level")
        if mef and formation:
            for item in (mef[0], formation[0]) + ((level[0],) if level else ()):
                self.use("training", item[0], item[1])
            lookup = mef[0][2].merge(formation[0][2], on="formation_diplome", how="left")
            if level:
                lookup = lookup.merge(level[0][2], on="niveau", how="left")
            frame = frame.merge(lookup, on="mef_stat_11", how="left")
            untitled = frame["title"].fillna("") == ""
            frame.loc[untitled, "title"] = frame.loc[untitled, "formation_label"]
            if "level_label" in frame:
                frame["level"] = frame["level"].where(frame["level"] != "", frame["level_label"])
            decoded = int((~frame["formation_label"].isna()).sum())
            self.report.add(f"formations : {n(decoded)} offres décodées par la BCN (MEF → diplôme)")
        frame["title"] = frame["title"].fillna("").where(frame["title"].fillna("") != "",
                                                          "Formation MEF " + frame["mef_stat_11"])
        certifications = self.frames("certifications")
        if certifications and "formation_diplome" in frame:
            certs = certifications[0][2]
            certs = certs[(certs["formation_diplome"] != "") & (certs["occupation_codes"] != "")]
            romes = certs.groupby("formation_diplome")["occupation_codes"].agg(
                lambda s: " ".join(sorted(set(" ".join(s).split()))))
            linked = frame["formation_diplome"].map(romes)
            frame["occupation_codes"] = linked.where(linked.notna(), frame["occupation_codes"]).fillna("")
            self.use("training", certifications[0][0], certifications[0][1])
            self.report.add(f"formations : {n(linked.notna().sum())} offres reliées à des codes ROME par Certif Info "
                            "(diplôme BCN → certification → ROME)")
        known = set(zones.loc[zones["zoning"] == "DEP", "zone_id"])
        unknown = ~frame["zone_id"].isin(known)
        if unknown.any():
            self.report.add(f"formations : {int(unknown.sum())} offres dans des départements absents du pack "
                            f"({_listing(sorted(frame.loc[unknown, 'zone_id'].unique()), 8)}) non gardées")
        frame = frame[~unknown]
        for column in ("enrolled", "graduates"):
            frame[column] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
        frame["employment_rate"] = pd.Series(np.nan, index=frame.index, dtype="Float64")
        columns = ["program_id", "title", "provider", "zoning", "zone_id", "occupation_codes", "level", "capacity",
                   "demand", "enrolled", "graduates", "employment_rate", "year", "kind", "mef_stat_11"]
        return frame[columns].reset_index(drop=True)

    def communes_table(self, zones) -> pd.DataFrame | None:
        items = self.distinct("commune_geometry")
        if not items:
            return None
        parsed, digest, communes = items[0]
        self.use("communes", parsed, digest)
        compositions = self.compositions()
        attrs = self.commune_attributes(communes, compositions)
        out = attrs[["commune_id", "name", "dep", "reg", "epci", "population"]].copy()
        for column in ("dep", "reg", "epci"):
            out[column] = out[column].replace("", None)
        for zoning, (p, h, frame) in compositions.items():
            self.use("communes", p, h)
            mapped, _, _ = geo.apply_passage(frame, None, None)
            out[f"zone_{zoning}"] = out["commune_id"].map(dict(zip(mapped["commune_id"], mapped["zone_id"],
                                                                   strict=True)))
        return out.drop_duplicates("commune_id").reset_index(drop=True)

    def assemble(self, name: str) -> Territory:
        zones = self.build_zones()
        tables: dict[str, pd.DataFrame] = {}
        recruitment, bmo_occupations = self.recruitment(zones)
        if recruitment is not None:
            tables["recruitment"] = recruitment
        for table, frame in (("tension", self.tension(zones)), ("occupations", self.occupations(bmo_occupations)),
                             ("occupation_links", self.concat("occupation_links", "occupation_links",
                                                              ["from_system", "from_code", "to_system", "to_code",
                                                               "kind"])),
                             ("skills", self.skills()),
                             ("context", self.context(zones)),
                             ("training", self.training(zones)),
                             ("communes", self.communes_table(zones)),
                             ("certifications", self.concat("certifications", "certifications",
                                                            ["certification_id"])),
                             ("occupation_titles", self.concat("occupation_titles", "occupation_titles",
                                                               ["occupation_code", "title_id"]))):
            if frame is not None and len(frame):
                tables[table] = frame
        zones = self.population(zones, tables.get("context"))
        zonings = {}
        counts = zones.groupby("zoning").size()
        for zoning in ZONING_ORDER:
            if zoning in counts:
                zonings[zoning] = {"label": ZONING_LABELS[zoning], "count": int(counts[zoning])}
        tables = {k: v for k, v in tables.items()}
        provenance = {table: self.provenance_of(table) for table in ["zones", *tables]}
        if "recruitment" in provenance:
            provenance["recruitment"].vintage = "BMO " + provenance["recruitment"].vintage
        return Territory(
            name=name, zones=zones, tables=tables, fictional=False,
            description="Pack construit à partir des fichiers publics officiels (INSEE, France Travail, DARES, "
                        "DEPP) par `python -m gpect_core build-pack`.",
            zonings=zonings, default_zoning="ZE2020" if "ZE2020" in zonings else next(iter(zonings), None),
            provenance=provenance,
        )

    def population(self, zones: gpd.GeoDataFrame, context: pd.DataFrame | None) -> gpd.GeoDataFrame:
        if context is None:
            return zones
        population = context[context["indicator"] == "population"]
        if population.empty:
            return zones
        latest = population.sort_values("period").drop_duplicates(["zoning", "zone_id"], keep="last")
        lookup = dict(zip(zip(latest["zoning"], latest["zone_id"], strict=True), latest["value"], strict=True))
        values = pd.Series([lookup.get(k) for k in zip(zones["zoning"], zones["zone_id"], strict=True)],
                           index=zones.index, dtype="Float64")
        zones["population"] = values.round().astype("Int64").fillna(zones["population"])
        self.report.add(f"population des zones : dernier recensement ({latest['period'].max()}) pour "
                        f"{int(values.notna().sum())} zones, somme des populations communales sinon")
        return zones


def build_territory(folder: str | Path, name: str = "France — données publiques", imported_by: str | None = None
                    ) -> tuple[Territory, BuildReport]:
    started = time.perf_counter()
    report = BuildReport()
    items = scan_folder(folder)
    assembler = Assembler(items, imported_by or _user(), report)
    territory = assembler.assemble(name)
    report.seconds = time.perf_counter() - started
    territory.tables["build_report"] = pd.DataFrame({"line": report.text().splitlines()})
    territory.provenance["build_report"] = Provenance(source="python -m gpect_core build-pack",
                                                      producer="GPECT Atlas", imported_at=assembler.imported_at,
                                                      imported_by=assembler.imported_by)
    return territory, report


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "inconnu"


def _cmd_build_pack(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / "manifest.json").is_file())):
        raise GpectError(f"« {out} » existe et n'est pas un pack de territoire : choisissez un dossier vide ou un "
                         "pack existant (il sera remplacé, l'ancien gardé dans « .previous »).")
    territory, report = build_territory(args.source, name=args.name, imported_by=args.by)
    print(report.text())
    path = territory.save(args.out)
    counts = territory.zones.groupby("zoning").size()
    summary = ", ".join(f"{counts[z]} {ZONING_LABELS.get(z, z).lower()}" for z in ZONING_ORDER if z in counts)
    print(f"\nPack écrit dans {path} : {summary} ; tables {', '.join(sorted(territory.tables))}.")
    return 0


def register(subparsers) -> None:
    parser = subparsers.add_parser("build-pack", help="construit un pack à partir des fichiers officiels d'un dossier")
    parser.add_argument("--from", dest="source", required=True, help="dossier des fichiers officiels")
    parser.add_argument("--out", required=True, help="dossier du pack à écrire")
    parser.add_argument("--name", default="France — données publiques", help="nom du territoire")
    parser.add_argument("--by", default=None, help="qui importe (par défaut : l'utilisateur du système)")
    parser.set_defaults(func=_cmd_build_pack)


__all__ = ["BuildReport", "build_territory", "format_report", "register", "scan_folder", "RECRUITMENT_MEASURES"]
