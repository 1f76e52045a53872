"""Zones of a pack: commune polygons (IGN / INSEE ADMIN EXPRESS) dissolved by each composition table (INSEE,
France Travail, DGCL, the committee), or zone polygons taken as they are; every layer simplified by the one
rule `geo.display_tolerance(zoning)`.

The zones frame everywhere: GeoDataFrame in WGS84 (EPSG:4326) with zoning, zone_id, name, dep, reg (str or
None), population (Int64, inhabitants) and geometry (Polygon or MultiPolygon).
"""

from __future__ import annotations

import re
import time

import geopandas as gpd
import pandas as pd

from .. import geo
from ..errors import GpectError
from ..i18n import t
from .report import listing, n

ZONING_ORDER = ("ZE2020", "BMO", "EPCI", "DEP", "REG", "FR", "custom")
ZONE_COLUMNS = ["zoning", "zone_id", "name", "dep", "reg", "population", "geometry"]
# Where two tables give the same zoning, the more official one wins, then the more recent.
COMPOSITION_RANK = {"ze_composition": 3, "bmo_basins": 3, "epci": 3, "custom_zoning": 3, "communes_ze": 1}


def zoning_label(zoning: str, lang: str = "fr") -> str:
    """The label of a zoning in a pack's manifest (catalogue key `pack.zoning.<zoning>`), French by default;
    the zoning's code when the catalogue has no label for it."""
    label = t(f"pack.zoning.{zoning}", lang)
    return zoning if label.startswith("pack.zoning.") else label


def compositions(src) -> dict[str, tuple]:
    """One composition table per zoning (zoning → (parsed, hash, frame of commune_id, zone_id, zone_name, dep,
    reg, zoning)); the tables set aside are noted in their files' reports."""
    chosen: dict[str, tuple] = {}
    for parsed, digest, frame in src.distinct("composition"):
        zoning = frame["zoning"].iloc[0] if len(frame) else None
        if zoning is None:
            continue
        score = (COMPOSITION_RANK.get(parsed.format.key, 0), parsed.vintage)
        if zoning in chosen:
            other = chosen[zoning][0]
            if score > (COMPOSITION_RANK.get(other.format.key, 0), other.vintage):
                src.unused(other, f"composition {zoning} remplacée par « {parsed.report.name} » "
                                  f"(plus officielle ou plus récente)")
                chosen[zoning] = (parsed, digest, frame)
            else:
                src.unused(parsed, f"composition {zoning} déjà prise dans « {other.report.name} »")
            continue
        chosen[zoning] = (parsed, digest, frame)
    return chosen


def zone_names(src) -> dict[str, dict[str, str]]:
    """zoning → zone_id → name, from lists of zones, département/région polygons and BMO files."""
    names: dict[str, dict[str, str]] = {}
    for _parsed, _digest, frame in src.frames("zone_names"):
        for zoning, group in frame.groupby("zoning"):
            names.setdefault(zoning, {}).update(dict(zip(group["zone_id"], group["name"], strict=True)))
    for _, _, frame in src.frames("admin_geometry"):
        for zoning, group in frame.groupby("zoning"):
            target = names.setdefault(zoning, {})
            for code, name in zip(group["zone_id"], group["name"], strict=True):
                target.setdefault(code, name)
    for _, _, frame in src.frames("recruitment_raw"):
        for zoning, code, name in (("DEP", "dep", "dep_name"), ("REG", "reg", "reg_name")):
            target = names.setdefault(zoning, {})
            for c, label in frame[[code, name]].drop_duplicates(code).itertuples(index=False):
                target.setdefault(c, label)
    names.setdefault("FR", {})["FR"] = "France"
    return names


def commune_attributes(src, communes: gpd.GeoDataFrame, chosen: dict) -> pd.DataFrame:
    """dep, reg, epci, population of each commune, from the polygons and any table that says them."""
    attrs = pd.DataFrame(communes.drop(columns="geometry"))
    reg = {}
    # INSEE's composition says the commune's own région; the BMO file gives its basin's: INSEE wins.
    for zoning in ("BMO", "ZE2020"):
        if zoning in chosen:
            frame = chosen[zoning][2]
            reg.update(dict(zip(frame["commune_id"], frame["reg"], strict=True)))
    for _, _, frame in src.frames("communes"):
        reg.update(dict(zip(frame["commune_id"], frame["reg"], strict=True)))
        population = dict(zip(frame["commune_id"], frame["population"], strict=True))
        attrs["population"] = attrs["population"].fillna(attrs["commune_id"].map(population)).astype("Int64")
    attrs["reg"] = attrs["commune_id"].map(reg).astype(object).fillna("")
    dep_reg = {}
    for _, _, frame in src.frames("zone_names"):
        if "reg" in frame and (frame["zoning"] == "DEP").any():
            dep_reg.update(dict(zip(frame["zone_id"], frame["reg"], strict=True)))
    attrs["reg"] = attrs["reg"].where(attrs["reg"] != "", attrs["dep"].map(dep_reg).astype(object).fillna(""))
    return attrs


def derived_composition(zoning: str, attrs: pd.DataFrame) -> pd.DataFrame | None:
    """The composition of DEP, REG, EPCI or FR read from the communes' own attributes (None if empty)."""
    column = {"DEP": "dep", "REG": "reg", "EPCI": "epci", "FR": None}[zoning]
    zone_id = attrs[column] if column else pd.Series("FR", index=attrs.index)
    frame = pd.DataFrame({"commune_id": attrs["commune_id"], "commune_name": attrs["name"],
                          "zone_id": zone_id.astype(str).replace({"nan": "", "<NA>": ""}),
                          "zone_name": "", "dep": attrs["dep"], "reg": attrs["reg"], "zoning": zoning})
    frame = frame[frame["zone_id"] != ""]
    if zoning == "EPCI" and "libepci" in attrs:
        frame["zone_name"] = attrs.loc[frame.index, "libepci"]
    return frame if len(frame) else None


def draw(src, zoning: str, communes, composition: pd.DataFrame, passage, names, attrs, source: str = ""
         ) -> tuple[gpd.GeoDataFrame, geo.DissolveResult]:
    """Dissolve `communes` by `composition` (codes updated by `passage`), name the zones, give them their
    département, région and population, simplify them for display; the report says what was drawn, from which
    file (`source`, in French), and names the communes of the composition that have no polygon (with the INSEE
    passage table to add when there is none)."""
    started = time.perf_counter()
    if source:
        src.report.add(f"{zoning} : {source}")
    result = geo.dissolve(communes, composition, passage)
    zones = result.zones
    zones["name"] = zones["zone_id"].map(names.get(zoning, {})).astype(object).fillna(zones["name"])
    zones["name"] = zones["name"].where(zones["name"].astype(str).str.strip() != "", zones["zone_id"])
    known = set(communes["commune_id"])
    mapped, _, _ = geo.apply_passage(composition, passage, known)
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
    simplified = geo.simplify_for_display(zones, geo.display_tolerance(zoning))
    simplified.insert(0, "zoning", zoning)
    line = f"zonage {zoning} : {len(simplified)} zones dessinées à partir de {n(zones['communes'].sum())} communes"
    if result.recoded:
        line += f" ; {result.recoded} codes communes mis à jour par la table de passage"
    if result.straddling:
        line += (f" ; {len(result.straddling)} communes nouvelles à cheval sur deux zones, rattachées à la zone "
                 f"de la commune dont elles gardent le code ({listing(result.straddling, 8)})")
    line += f" ({time.perf_counter() - started:.1f} s)"
    src.report.add(line)
    if result.missing_zones:
        src.report.add(f"zonage {zoning} : {len(result.missing_zones)} zone(s) sans aucune commune dessinée, "
                       f"absentes de la carte : {listing(result.missing_zones)}")
    if result.partial_zones:
        src.report.add(f"zonage {zoning} : {len(result.partial_zones)} zone(s) dont des communes n'ont pas de "
                       f"polygone : {listing(result.partial_zones, 6)}")
    _report_unknown_communes(src, zoning, mapped[~mapped["commune_id"].isin(known)], passage)
    return simplified.drop(columns=["communes", "communes_missing"]), result


PASSAGE_HINT = ("ajoutez la table de passage du COG (insee.fr, « Table de passage des codes communes », "
                "table_passage_cog_AAAA.csv) au dossier ou au pack pour les rattacher à leur commune actuelle")


def _report_unknown_communes(src, zoning: str, unknown: pd.DataFrame, passage) -> None:
    """Name the communes of a composition that no polygon has: merged since (no passage table given: say which
    INSEE file to add) or unknown."""
    if unknown.empty:
        return
    labels = [f"{name} ({code})" if str(name).strip() else code
              for code, name in zip(unknown["commune_id"], unknown["commune_name"], strict=True)]
    if passage is None or passage.empty:
        src.report.add(f"zonage {zoning} : {len(labels)} commune(s) de la composition sans polygone, sans doute "
                       f"fusionnées depuis ({listing(labels, 12)}) ; pas de table de passage : {PASSAGE_HINT}")
    else:
        src.report.add(f"zonage {zoning} : {len(labels)} commune(s) de la composition inconnues des polygones, "
                       f"même après la table de passage : {listing(labels, 12)}")


def composition_source(parsed) -> str:
    """« composition de « X.xlsx [feuille] » (géographie 2024) »: the file a zoning is drawn from, with its
    vintage."""
    vintage = str(parsed.vintage or "")
    said = f" (géographie {vintage})" if re.fullmatch(r"\d{4}", vintage) else (f" ({vintage})" if vintage else "")
    return f"composition de « {parsed.report.name} »{said}"


def as_is(src, parsed, digest, frame: gpd.GeoDataFrame, names) -> gpd.GeoDataFrame:
    """Zone polygons taken as they are (reprojected to WGS84, simplified by the same rule, named)."""
    zoning = frame["zoning"].iloc[0]
    src.use("zones", parsed, digest)
    simplified = geo.simplify_for_display(frame.to_crs(geo.WGS84), geo.display_tolerance(zoning))
    simplified["name"] = simplified["zone_id"].map(names.get(zoning, {})).astype(object).fillna(simplified["name"])
    src.report.add(f"zonage {zoning} : {len(frame)} zones prises telles quelles dans « {parsed.report.name} »")
    return simplified


def drawn_layers(src, derive: bool) -> tuple[list[gpd.GeoDataFrame], dict[str, geo.DissolveResult], dict]:
    """Every layer the commune polygons of `src` can draw: one per composition table and, with `derive`, DEP,
    REG, FR and EPCI from the communes' own attributes. Returns the layers (in ZONING_ORDER), the dissolve
    result of each zoning, and the compositions used (zoning → (parsed, hash, frame))."""
    communes_geo = src.distinct("commune_geometry")
    chosen = compositions(src)
    if not communes_geo:
        return [], {}, chosen
    passage = src.distinct("passage")
    passage_frame = pd.concat([f for _, _, f in passage]) if passage else None
    names = zone_names(src)
    parsed, digest, communes = communes_geo[0]
    attrs = commune_attributes(src, communes, chosen)
    frames = {z: f for z, (_, _, f) in chosen.items()}
    if derive:
        for zoning in ("DEP", "REG", "FR", "EPCI"):
            if zoning not in frames:
                derived = derived_composition(zoning, attrs)
                if derived is not None:
                    frames[zoning] = derived
    if not frames:
        return [], {}, chosen
    src.use("zones", parsed, digest)
    for p, h, _ in passage:
        src.use("zones", p, h)
    layers, results = [], {}
    for zoning in ZONING_ORDER:
        if zoning not in frames:
            continue
        if zoning in chosen:
            src.use("zones", chosen[zoning][0], chosen[zoning][1])
            source = composition_source(chosen[zoning][0])
        else:
            source = f"attributs de la couche communale « {parsed.report.name} »"
        layer, results[zoning] = draw(src, zoning, communes, frames[zoning], passage_frame, names, attrs, source)
        layers.append(layer)
    return layers, results, chosen


def build_zones(src) -> gpd.GeoDataFrame:
    """All the zones of a pack built from nothing: drawn layers, then zone polygons for zonings not drawn.
    Raises GpectError (French) when there is no geometry at all."""
    layers, _, _ = drawn_layers(src, derive=True)
    names = zone_names(src)
    drawn = {layer["zoning"].iloc[0] for layer in layers if len(layer)}
    for parsed, digest, frame in src.frames("zone_geometry") + src.frames("admin_geometry"):
        if frame.empty:
            src.unused(parsed, t("hostile.geo.all_rejected"))
            continue
        zoning = frame["zoning"].iloc[0]
        if zoning in drawn:
            src.unused(parsed, f"zonage {zoning} déjà dessiné à partir des polygones des communes")
            continue
        layers.append(as_is(src, parsed, digest, frame, names))
        drawn.add(zoning)
    if not layers:
        raise GpectError("Aucune géométrie de zone : il faut les polygones des communes (GeoPackage, GeoJSON "
                         "ou Shapefile zippé) et une table de composition, ou des polygones de zones.")
    return finish(pd.concat(layers, ignore_index=True))


def finish(zones: pd.DataFrame) -> gpd.GeoDataFrame:
    """The layers as one zones frame with exactly ZONE_COLUMNS (empty dep/reg as None)."""
    for column in ("dep", "reg"):
        if column not in zones:
            zones[column] = None
        zones[column] = zones[column].replace("", None)
    if "population" not in zones:
        zones["population"] = pd.NA
    return gpd.GeoDataFrame(zones[ZONE_COLUMNS], geometry="geometry", crs=geo.WGS84)


def replace_zoning(zones: gpd.GeoDataFrame, layer: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """`zones` with the zoning of `layer` replaced by `layer` (columns of `zones`, its CRS)."""
    layer = finish(layer.copy()).to_crs(zones.crs or geo.WGS84)
    kept = zones[zones["zoning"] != layer["zoning"].iloc[0]]
    combined = pd.concat([kept, layer[[c for c in zones.columns if c in layer.columns]]], ignore_index=True)
    return gpd.GeoDataFrame(combined, geometry="geometry", crs=zones.crs)


def population(src, zones: gpd.GeoDataFrame, context: pd.DataFrame | None) -> gpd.GeoDataFrame:
    """Each zone's population from the latest census in `context` (indicator « population »), else the sum of
    its communes' populations (Int64, inhabitants)."""
    if context is None:
        return zones
    people = context[context["indicator"] == "population"]
    if people.empty:
        return zones
    latest = people.sort_values("period").drop_duplicates(["zoning", "zone_id"], keep="last")
    lookup = dict(zip(zip(latest["zoning"], latest["zone_id"], strict=True), latest["value"], strict=True))
    values = pd.Series([lookup.get(k) for k in zip(zones["zoning"], zones["zone_id"], strict=True)],
                       index=zones.index, dtype="Float64")
    zones["population"] = values.round().astype("Int64").fillna(zones["population"])
    src.report.add(f"population des zones : dernier recensement ({latest['period'].max()}) pour "
                   f"{int(values.notna().sum())} zones, somme des populations communales sinon")
    return zones
