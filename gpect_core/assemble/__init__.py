"""The one assembler: recognised tables (the readers' `Parsed`, each with the SHA-256 of its file) → a pack.

Two entry points share every rule (one aggregation of the BMO figures, one simplification, one provenance
join, one hash, one French report):

- `build_pack(items, name, imported_by)`: a whole pack from nothing (`python -m gpect_core build-pack`);
- `assemble_onto(preview, territory, items, imported_by)`: the same tables merged onto an existing pack
  (« Données » page, `gpect_core.ingest.prepare`).

Modules: `zones` (compositions, dissolve, simplification), `recruitment` (BMO sums), `tables` (tension,
context, occupations, skills, training, communes), `provenance` (Sources, provenance join, hash), `report`
(the French report, with a line per table built), `bridges` (passerelles between occupations, from the
mobilities and skills), `offpack` (the one rule for rows on zones the pack lacks, and
the sentence saying what they carried), `onto` (merging onto an existing pack).
"""

from __future__ import annotations

from ..i18n import t
from ..readers.base import Parsed
from ..territory import Provenance, Territory
from . import tables, zones
from .bridges import bridges_line, build_bridges
from .onto import assemble_onto
from .provenance import Sources, content_hash, provenance_of
from .recruitment import RECRUITMENT_MEASURES, aggregate_recruitment, recruitment
from .report import MAX_LISTED, BuildReport, format_report, n, table_line, vintages_of
from .zones import ZONING_ORDER, zoning_label

__all__ = ["MAX_LISTED", "RECRUITMENT_MEASURES", "ZONING_ORDER", "BuildReport", "Sources", "aggregate_recruitment",
           "assemble_onto", "build_pack", "content_hash", "format_report", "provenance_of", "zoning_label"]

PACK_DESCRIPTION = ("Pack construit à partir des fichiers publics officiels (INSEE, France Travail, DARES, DEPP) par "
                    "`python -m gpect_core build-pack`.")


def build_pack(items: list[tuple[Parsed, str]], name: str, imported_by: str,
               report: BuildReport | None = None) -> tuple[Territory, BuildReport]:
    """A pack from nothing: zones drawn from commune polygons by every composition (and DEP, REG, FR, EPCI from
    the communes' attributes), then recruitment, tension, occupations, links, skills, context, training,
    communes, certifications, occupation titles, bridges (`bridges.build_bridges`); every table's provenance from the files that fed it.

    `items`: (parsed table, SHA-256 of its file's bytes). Returns the Territory (not validated, not saved) and
    the French report. Raises GpectError (French) when no zone geometry can be drawn.
    """
    report = report if report is not None else BuildReport()
    src = Sources(items, imported_by, report)
    drawn = zones.build_zones(src)
    built: dict = {}
    rec, bmo_occupations, basins = recruitment(src, drawn)
    if rec is not None:
        built["recruitment"] = rec
        built["recruitment_basins"] = basins
        src.fed["recruitment_basins"] = list(src.fed.get("recruitment", []))
    chosen = zones.compositions(src)
    for table, frame in (("tension", tables.tension(src, drawn)),
                         ("occupations", tables.occupations(src, bmo_occupations)),
                         ("occupation_links", tables.concat(src, "occupation_links", "occupation_links",
                                                            ["from_system", "from_code", "to_system", "to_code",
                                                             "kind"])),
                         ("skills", tables.skills(src)),
                         ("context", tables.context(src, drawn)),
                         ("training", tables.training(src, drawn)),
                         ("communes", tables.communes(src, chosen)),
                         ("certifications", tables.concat(src, "certifications", "certifications",
                                                          ["certification_id"])),
                         ("occupation_titles", tables.concat(src, "occupation_titles", "occupation_titles",
                                                             ["occupation_code", "title_id"]))):
        if frame is not None and len(frame):
            built[table] = frame
    bridged = build_bridges(built.get("occupation_links"), built.get("skills"))
    if bridged is not None and len(bridged):
        built["bridges"] = bridged
        for parsed, digest in src.fed.get("occupation_links", []) + src.fed.get("skills", []):
            src.use("bridges", parsed, digest)
        report.add(bridges_line(bridged))
    drawn = zones.population(src, drawn, built.get("context"))
    fed = {id(p) for entries in src.fed.values() for p, _ in entries}
    for parsed, _ in items:
        if parsed.recognised and parsed.format.key.startswith("template_") and parsed.report.used \
                and id(parsed) not in fed:
            src.unused(parsed, t("hostile.build.template_unused", file=parsed.report.name))
    counts = drawn.groupby("zoning").size()
    zonings = {z: {"label": zoning_label(z), "count": int(counts[z])} for z in ZONING_ORDER if z in counts}
    provenance: dict[str, Provenance] = {table: src.provenance_of(table) for table in ["zones", *built]}
    report.add(f"table zones : {n(len(drawn))} zones (" + ", ".join(f"{z} {n(v['count'])}" for z, v in zonings.items())
               + ")")
    for table, frame in built.items():
        report.add(table_line(table, len(frame), vintages_of(frame, provenance[table].vintage)))
    territory = Territory(
        name=name, zones=drawn, tables=built, fictional=False, description=PACK_DESCRIPTION, zonings=zonings,
        default_zoning="ZE2020" if "ZE2020" in zonings else next(iter(zonings), None), provenance=provenance)
    return territory, report
