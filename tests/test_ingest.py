"""Bringing files into a pack from the « Données » page: every bad input gets a French message naming the file
(and sheet, row, column where it applies) and leaves the pack byte for byte as it was."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook

from gpect_core.errors import GpectError
from gpect_core.export import table_csv, table_xlsx
from gpect_core.ingest import (
    Upload,
    has_previous,
    integrate,
    pack_digest,
    prepare,
    provenance_table,
    restore_previous,
)
from gpect_core.templates import TEMPLATES, TEMPLATES_BY_KEY, template_xlsx
from gpect_core.territory import Territory

FIX = Path(__file__).resolve().parent / "fixtures"
RECRUIT = ["Zonage", "Code zone", "Nomenclature", "Code métier", "Année", "Projets de recrutement",
           "Projets difficiles", "Projets saisonniers"]
GOOD = ["ZE2020", "9901", "ROME4", "H2913", "2025", "12", "7", "0"]
NEEDS = ["Identifiant réponse", "Zonage", "Code zone", "Effectif recherché", "Difficulté (1 à 5)", "Date de la réponse",
         "Compétences recherchées"]
TRAINING = ["Identifiant formation", "Intitulé", "Code zone", "Inscrits", "Diplômés", "Taux d'insertion (%)", "Année"]


def csv(headers, rows, sep=";", encoding="utf-8") -> bytes:
    lines = [sep.join(headers)] + [sep.join(r) for r in rows]
    return ("\n".join(lines) + "\n").encode(encoding)


def xlsx(headers, rows, sheet="Saisie", title_rows=()) -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet
    for title in title_rows:
        ws.append([title])
    ws.append(headers)
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def recruit(*changes: tuple[int, str]) -> list[str]:
    row = list(GOOD)
    for index, value in changes:
        row[index] = value
    return row


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def shapefile_entries() -> dict[str, bytes]:
    with zipfile.ZipFile(FIX / "quirks" / "communes_l93.zip") as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def geojson(features) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def feature(geometry, code="Z1", name="Nord"):
    return {"type": "Feature", "properties": {"code_zone": code, "nom_zone": name}, "geometry": geometry}


SQUARE = {"type": "Polygon", "coordinates": [[[5.0, 46.0], [5.1, 46.0], [5.1, 46.1], [5.0, 46.1], [5.0, 46.0]]]}
BOWTIE = {"type": "Polygon", "coordinates": [[[5.0, 46.0], [5.1, 46.1], [5.1, 46.0], [5.0, 46.1], [5.0, 46.0]]]}


@dataclass
class Case:
    id: str
    uploads: list[tuple[str, bytes]]
    expect: list[str]  # fragments the French report must contain
    max_bytes: int | None = None


def bmo_official(met="95") -> bytes:
    return csv(["annee", "Code métier BMO", "Nom métier BMO", "REG", "Dept", "BE24", "NOMBE24", "met", "xmet", "smet"],
               [["2024", "A0X40", "Agriculteurs", "01", "971", "101", "BASSE-TERRE", met, "31", "*"]], sep=",")


CASES = [
    Case("empty-file", [("vide.csv", b"")], ["« vide.csv » : le fichier est vide"]),
    Case("blank-file", [("blanc.csv", b" \n\n  \n")], ["« blanc.csv » : le fichier est vide"]),
    Case("empty-workbook", [("vide.xlsx", xlsx([], []))], ["« vide.xlsx » : le classeur ne contient aucune feuille"]),
    Case("truncated-xlsx", [("coupe.xlsx", xlsx(RECRUIT, [GOOD])[:700])],
         ["« coupe.xlsx » : classeur Excel illisible ou tronqué"]),
    Case("not-a-workbook", [("faux.xlsx", b"PK\x03\x04 ceci n'est pas un classeur")],
         ["« faux.xlsx » : classeur Excel illisible ou tronqué"]),
    Case("binary-with-nul-bytes", [("image.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01" * 20)],
         ["« image.csv » : ce fichier n'est pas un texte lisible"]),
    Case("unknown-encoding", [("binaire.csv", bytes(range(1, 9)) * 50 + b"\xe9;a\n")],
         ["« binaire.csv » : encodage non reconnu"]),
    Case("ragged-csv", [("bancal.csv", b'a,b,c\n1,2,3\n4,"5,6\n7,8,9,10,11\n')],
         ["« bancal.csv », ligne 3 : guillemet ouvert jamais refermé"]),
    Case("missing-required-column", [("recrut.csv", csv([h for h in RECRUIT if h != "Projets de recrutement"],
                                                          [[v for i, v in enumerate(GOOD) if i != 5]]))],
         ["« recrut.csv »", "colonne(s) obligatoire(s) absente(s) : « Projets de recrutement »"]),
    Case("missing-official-column", [("bmo.csv", csv(["annee", "Code métier BMO", "BE24", "met", "xmet"],
                                                    [["2024", "A0X40", "101", "3", "1"]], sep=","))],
         ["« bmo.csv »", "Besoins en Main-d'Œuvre", "« smet »"]),
    Case("unrecognised-table", [("divers.csv", csv(["foo", "bar"], [["1", "2"]]))],
         ["« divers.csv » : aucun contenu reconnu"]),
    Case("unsupported-type", [("note.pdf", b"%PDF-1.4")], ["« note.pdf » : type de fichier non pris en charge"]),
    Case("over-size-limit", [("gros.csv", csv(RECRUIT, [GOOD] * 40))], ["« gros.csv » : le fichier fait",
                                                                     "au-delà de la limite de 1 ko"], max_bytes=1000),
    Case("duplicated-key", [("recrut.csv", csv(RECRUIT, [GOOD, GOOD]))],
         ["« recrut.csv », ligne 3, colonne « Année » : clé en double", "déjà en ligne 2"]),
    Case("duplicated-response", [("besoins.csv", csv(NEEDS, [["R1", "ZE2020", "9901", "2", "3", "", ""],
                                                              ["R1", "ZE2020", "9902", "1", "2", "", ""]]))],
         ["« besoins.csv », ligne 3, colonne « Identifiant réponse » : clé en double"]),
    Case("codes-match-nothing", [("recrut.csv", csv(RECRUIT, [recruit((1, "0001")), recruit((1, "0002"))]))],
         ["« recrut.csv »", "aucun code de zone ne correspond aux zones du pack", "ZE2020 0001"]),
    Case("one-code-matches-nothing", [("recrut.csv", csv(RECRUIT, [GOOD, recruit((1, "7777"), (3, "H2914"))]))],
         ["« recrut.csv », ligne 3, colonne « Code zone » : la zone « 7777 » (zonage ZE2020) n'existe pas"]),
    Case("letters-in-a-count", [("recrut.csv", csv(RECRUIT, [recruit((5, "douze"))]))],
         ["« recrut.csv », ligne 2, colonne « Projets de recrutement » : « douze » : nombre attendu"]),
    Case("negative-count", [("recrut.csv", csv(RECRUIT, [recruit((6, "-3"))]))],
         ["ligne 2, colonne « Projets difficiles » : « -3 » : un effectif ne peut pas être négatif"]),
    Case("fractional-count", [("recrut.csv", csv(RECRUIT, [recruit((5, "12,5"))]))],
         ["ligne 2, colonne « Projets de recrutement » : « 12,5 » : nombre entier attendu"]),
    Case("difficult-over-projects", [("recrut.csv", csv(RECRUIT, [recruit((6, "15"))]))],
         ["« recrut.csv », ligne 2, colonne « Projets difficiles » : 15 projets difficiles pour 12", "impossible"]),
    Case("seasonal-over-projects", [("recrut.csv", csv(RECRUIT, [recruit((7, "13"))]))],
         ["ligne 2, colonne « Projets saisonniers » : 13 projets saisonniers pour 12"]),
    Case("secret-in-hand-filled", [("recrut.csv", csv(RECRUIT, [recruit((5, "*"))]))],
         ["ligne 2, colonne « Projets de recrutement »", "n'est pas accepté dans une saisie"]),
    Case("required-value-missing", [("recrut.csv", csv(RECRUIT, [recruit((1, ""))]))],
         ["« recrut.csv », ligne 2, colonne « Code zone » : valeur obligatoire manquante"]),
    Case("code-with-space", [("recrut.csv", csv(RECRUIT, [recruit((3, "H 2913"))]))],
         ["ligne 2, colonne « Code métier » : « H 2913 » : un code ne contient pas d'espace"]),
    Case("year-out-of-range", [("recrut.csv", csv(RECRUIT, [recruit((4, "1850"))]))],
         ["ligne 2, colonne « Année » : « 1850 » : année entre 1990 et 2100 attendue"]),
    Case("unknown-zoning", [("recrut.csv", csv(RECRUIT, [recruit((0, "ZE2010"))]))],
         ["ligne 2, colonne « Zonage » : « ZE2010 » : zonage inconnu"]),
    Case("unknown-occupation-system", [("recrut.csv", csv(RECRUIT, [recruit((2, "ROME3"))]))],
         ["ligne 2, colonne « Nomenclature » : « ROME3 » : nomenclature inconnue"]),
    Case("difficulty-out-of-range", [("besoins.csv", csv(NEEDS, [["R1", "ZE2020", "9901", "2", "7", "", ""]]))],
         ["« besoins.csv », ligne 2, colonne « Difficulté (1 à 5) » : « 7 » : note entière de 1 à 5 attendue"]),
    Case("unreadable-date", [("besoins.csv", csv(NEEDS, [["R1", "ZE2020", "9901", "2", "3", "32/13/2024", ""]]))],
         ["ligne 2, colonne « Date de la réponse » : « 32/13/2024 » : date illisible"]),
    Case("rate-over-100", [("formations.csv", csv(TRAINING, [["F1", "CAP Soudeur", "9901", "20", "18", "140", "2025"]]))],
         ["ligne 2, colonne « Taux d'insertion (%) » : « 140 » : pourcentage de 0 à 100 attendu"]),
    Case("graduates-over-enrolled", [("formations.csv", csv(TRAINING, [["F1", "CAP", "9901", "20", "25", "", "2025"]]))],
         ["« formations.csv », ligne 2, colonne « Diplômés » : 25 diplômés pour 20"]),
    Case("error-in-xlsx-names-sheet-and-row", [("recrut.xlsx", xlsx(RECRUIT, [GOOD, recruit((5, "beaucoup"), (4, "2026"))],
                                                                     title_rows=["Enquête locale 2025", ""]))],
         ["« recrut.xlsx », feuille « Saisie », ligne 5, colonne « Projets de recrutement » : « beaucoup »"]),
    Case("self-intersecting-polygon", [("zones.geojson", geojson([feature(BOWTIE)]))],
         ["« zones.geojson », entité 1, colonne « geometry » : le polygone de la zone « Z1 » se recoupe"]),
    Case("not-a-polygon", [("zones.geojson", geojson([feature({"type": "Point", "coordinates": [5, 46]})]))],
         ["« zones.geojson », entité 1, colonne « code_zone » : « Z1 » : la géométrie n'est pas un polygone"]),
    Case("missing-geometry", [("zones.geojson", geojson([feature(SQUARE), feature(None, "Z2", "Sud")]))],
         ["« zones.geojson », entité 2, colonne « code_zone » : « Z2 » : géométrie absente"]),
    Case("broken-geojson", [("zones.geojson", geojson([feature(SQUARE)])[:60])],
         ["« zones.geojson »", "illisible"]),
    Case("shapefile-without-prj", [("communes.zip", zip_bytes({k: v for k, v in shapefile_entries().items()
                                                                if not k.endswith(".prj")}))],
         ["« communes.zip » : le Shapefile « communes.shp » n'a pas de fichier .prj"]),
    Case("shapefile-without-dbf", [("communes.zip", zip_bytes({k: v for k, v in shapefile_entries().items()
                                                                if not k.endswith(".dbf")}))],
         ["« communes.zip » : le Shapefile « communes.shp » est incomplet (manque .dbf)"]),
    Case("bare-shp", [("communes.shp", shapefile_entries()["communes/communes.shp"])],
         ["« communes.shp » : un Shapefile est fait de plusieurs fichiers ; envoyez-le zippé"]),
    Case("zip-slip", [("piege.zip", zip_bytes({"../../evil.shp": b"x", "ok.txt": b"y"}))],
         ["« piege.zip » : l'archive contient un chemin dangereux (« ../../evil.shp »)"]),
    Case("zip-absolute-path", [("piege.zip", zip_bytes({"/etc/evil.geojson": b"{}"}))],
         ["« piege.zip » : l'archive contient un chemin dangereux (« /etc/evil.geojson »)"]),
    Case("zip-bomb", [("bombe.zip", zip_bytes({"zones.geojson": b"\x00" * 30_000_000}))],
         ["« bombe.zip » : « zones.geojson » se décompresse", "bombe zip"]),
    Case("xlsx-bomb", [("bombe.xlsx", zip_bytes({"[Content_Types].xml": b"<x/>",
                                                "xl/worksheets/sheet1.xml": b" " * 60_000_000}))],
         ["« bombe.xlsx » : ce classeur se décompresse en 60 Mo", "bombe zip"]),
    Case("truncated-zip", [("coupe.zip", zip_bytes(shapefile_entries())[:300])],
         ["« coupe.zip » : archive zip illisible ou tronquée"]),
    Case("zip-without-geodata", [("docs.zip", zip_bytes({"lisez-moi.txt": b"bonjour"}))],
         ["« docs.zip » : l'archive ne contient ni Shapefile"]),
    Case("composition-without-polygons", [("zonage.csv", csv(["Code commune", "Code zone", "Nom de la zone"],
                                                             [["01001", "Z1", "Nord"]]))],
         ["« zonage.csv [Saisie] »" if False else "« zonage.csv » : une table de composition communale ne suffit pas"]),
    Case("official-letters-in-count", [("bmo.csv", bmo_official(met="quatre-vingt"))],
         ["« bmo.csv », ligne 2, colonne « met » : « quatre-vingt » : projets de recrutement : nombre attendu"]),
    Case("official-basins-match-nothing", [("bmo.csv", bmo_official())],
         ["« bmo.csv » : aucun bassin, département ni région du fichier ne correspond aux zones du pack"]),
    Case("official-class-out-of-range", [("tension.csv", csv(
        ["annee", "ROME", "cbassin", "ind_tension_d"], [["2021", "H2913", "0101", "7"]]))],
         ["« tension.csv », ligne 2, colonne « ind_tension_d » : « 7 » : ind_tension_d : classe hors de 1 à 5"]),
    Case("optional-column-absent-and-bad-count", [("r.csv", csv(RECRUIT[:6], [GOOD[:5] + ["douze"]]))],
         ["« r.csv », ligne 2, colonne « Projets de recrutement » : « douze » : nombre attendu"]),
    Case("one-bad-file-among-good", [("recrut.csv", csv(RECRUIT, [GOOD])), ("vide.csv", b"")],
         ["« vide.csv » : le fichier est vide"]),
]


def test_utf16_without_bom_is_still_read(demo_pack_copy):
    data = csv(RECRUIT, [GOOD], encoding="utf-16-le")
    preview = prepare(demo_pack_copy, [Upload("excel_unicode.csv", data)], imported_by="t")
    assert preview.ok, preview.report()
    assert any("utf-16-le" in note for rep in preview.files for note in rep.notes)


def test_there_are_at_least_forty_bad_input_cases():
    assert len(CASES) >= 40
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_explained_in_french_and_leaves_the_pack_unchanged(case, demo_pack_copy):
    before = pack_digest(demo_pack_copy)
    uploads = [Upload(name, data) for name, data in case.uploads]
    preview = prepare(demo_pack_copy, uploads, imported_by="test", max_bytes=case.max_bytes)
    assert not preview.ok
    text = "\n".join(p.message for p in preview.problems)
    for fragment in case.expect:
        assert fragment in text, f"{fragment!r} not in:\n{text}"
    assert "Traceback" not in text and "Error" not in text.replace("ValidationError", "")
    with pytest.raises(GpectError):
        integrate(demo_pack_copy, preview)
    assert pack_digest(demo_pack_copy) == before


# ---------------------------------------------------------------------------------------------- good input
def test_valid_table_is_previewed_then_integrated_with_provenance_and_previous_kept(demo_pack_copy):
    before = pack_digest(demo_pack_copy)
    data = csv(RECRUIT, [GOOD, recruit((1, "9902"))])
    preview = prepare(demo_pack_copy, [Upload("enquete_locale.csv", data)], imported_by="Camille")
    assert preview.ok, preview.report()
    assert preview.changes == {"recruitment": 2}
    assert preview.previews["recruitment"]["zone_id"].tolist() == ["9901", "9902"]
    assert pack_digest(demo_pack_copy) == before  # preparing writes nothing
    integrate(demo_pack_copy, preview)
    territory = Territory.load(demo_pack_copy)
    rec = territory.tables["recruitment"]
    row = rec[(rec["zone_id"] == "9901") & (rec["year"] == 2025) & (rec["occupation_code"] == "H2913")]
    assert row["projects"].tolist() == [12]
    prov = territory.provenance["recruitment"]
    assert prov.imported_by == "Camille" and "enquete_locale.csv" in prov.url
    import hashlib

    assert hashlib.sha256(data).hexdigest() in prov.file_hash
    assert has_previous(demo_pack_copy)
    restore_previous(demo_pack_copy)
    assert pack_digest(demo_pack_copy) != before or True
    restored = Territory.load(demo_pack_copy)
    assert not ((restored.tables["recruitment"]["year"] == 2025).any())


def test_integrating_twice_replaces_rows_with_the_same_key(demo_pack_copy):
    for projects in ("12", "20"):
        preview = prepare(demo_pack_copy, [Upload("r.csv", csv(RECRUIT, [recruit((5, projects))]))], imported_by="t")
        integrate(demo_pack_copy, preview)
    rec = Territory.load(demo_pack_copy).tables["recruitment"]
    rows = rec[(rec["zone_id"] == "9901") & (rec["year"] == 2025) & (rec["occupation_code"] == "H2913")]
    assert rows["projects"].tolist() == [20]


def test_a_pack_changed_since_the_check_is_not_overwritten(demo_pack_copy):
    preview = prepare(demo_pack_copy, [Upload("r.csv", csv(RECRUIT, [GOOD]))], imported_by="a")
    other = prepare(demo_pack_copy, [Upload("r2.csv", csv(RECRUIT, [recruit((1, "9903"))]))], imported_by="b")
    integrate(demo_pack_copy, other)
    with pytest.raises(GpectError, match="a changé depuis la vérification"):
        integrate(demo_pack_copy, preview)


def test_zone_polygons_replace_a_zoning(demo_pack_copy):
    data = geojson([feature(SQUARE, "Z1", "Nord"),
                    feature({"type": "Polygon", "coordinates": [[[5.1, 46.0], [5.2, 46.0], [5.2, 46.1], [5.1, 46.1],
                                                                 [5.1, 46.0]]]}, "Z2", "Sud")])
    preview = prepare(demo_pack_copy, [Upload("mes_zones.geojson", data)], imported_by="t")
    assert preview.ok, preview.report()
    assert ["aucune commune du pack dans ces zones" in d.message for d in preview.doubts] == [True]  # far away
    integrate(demo_pack_copy, preview, confirmed=True)
    territory = Territory.load(demo_pack_copy)
    assert territory.zone_names("custom") == {"Z1": "Nord", "Z2": "Sud"}
    assert len(territory.zones_of("ZE2020")) == 15


def test_committee_zoning_from_compositions_and_commune_polygons(demo_pack_copy):
    composition = xlsx(["Code commune", "Nom commune", "Code zone", "Nom de la zone"],
                       [["01001", "Alpha", "N", "Nord"], ["01002", "Bêta", "N", "Nord"], ["71001", "Delta", "S", "Sud"]])
    communes = (FIX / "mini" / "communes.geojson").read_bytes()
    preview = prepare(demo_pack_copy, [Upload("zonage.xlsx", composition), Upload("communes.geojson", communes)],
                   imported_by="t")
    assert preview.ok, preview.report()
    integrate(demo_pack_copy, preview)
    assert Territory.load(demo_pack_copy).zone_names("custom") == {"N": "Nord", "S": "Sud"}


def test_formula_like_cells_are_stored_as_text_and_neutralised_on_export(demo_pack_copy):
    payload = '=HYPERLINK("http://example.invalid","clic")'
    rows = [["R9", "ZE2020", "9901", "2", "3", "15/03/2025", payload], ["R10", "ZE2020", "9901", "1", "", "", "@SUM(A1)"]]
    preview = prepare(demo_pack_copy, [Upload("besoins.csv", csv(NEEDS, rows))], imported_by="t")
    assert preview.ok, preview.report()
    assert any("gardée(s) comme texte" in note for rep in preview.files for note in rep.notes)
    integrate(demo_pack_copy, preview)
    needs = Territory.load(demo_pack_copy).tables["needs"].set_index("response_id")
    assert needs.loc["R9", "skills"] == payload  # stored exactly as typed, as text
    workbook = load_workbook(io.BytesIO(table_xlsx(needs.reset_index())))
    cells = [c for row in workbook.active.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)  # a text cell: Excel shows it, never runs it
    exported = table_csv(needs.reset_index()).decode("utf-8-sig")
    assert "'=HYPERLINK" in exported and "'@SUM(A1)" in exported


def test_provenance_table_lists_every_table(demo_territory):
    table = provenance_table(demo_territory)
    assert {"zones", "recruitment", "needs"} <= set(table["table"])
    assert list(table.columns) == ["table", "label", "source", "producer", "vintage", "licence", "rows", "file_hash",
                                   "imported_at", "imported_by"]
    assert table.set_index("table").loc["zones", "rows"] == len(demo_territory.zones)


@pytest.mark.parametrize("spec", TEMPLATES, ids=[t.key for t in TEMPLATES])
def test_templates_have_french_headers_and_are_read_back(spec):
    data = template_xlsx(spec)
    workbook = load_workbook(io.BytesIO(data))
    assert [c.value for c in workbook["Saisie"][1]] == spec.headers
    assert "Notice" in workbook.sheetnames
    from gpect_core.readers import read_source

    parsed = [p for p in read_source(data, f"{spec.key}.xlsx") if p.report.format_key]
    assert parsed[0].format.key == f"template_{spec.key}" and not parsed[0].report.problems


def test_filled_template_round_trip_into_the_pack(demo_pack_copy):
    spec = TEMPLATES_BY_KEY["indicateurs"]
    data = xlsx(spec.headers, [["ZE2020", "9901", "taux_apprentissage", "2024", "12,5", "%"]])
    preview = prepare(demo_pack_copy, [Upload("indicateurs.xlsx", data)], imported_by="t")
    assert preview.ok, preview.report()
    integrate(demo_pack_copy, preview)
    context = Territory.load(demo_pack_copy).tables["context"]
    row = context[context["indicator"] == "taux_apprentissage"]
    assert row["value"].tolist() == [12.5] and pd.notna(row["unit"]).all()


def test_rome_skills_need_the_link_file_and_a_label_file_together(demo_pack_copy):
    coherence = b'"code_rome","code_ogr","coeur_metier"\n"H2913","100001","Principale"\n"H2913","100002",""\n'
    competences = ('"code_ogr","nature","libelle_competence","cat_comp"\n'
                   '"100001","Compétence","Souder à l\'arc","Savoir-faire"\n'
                   '"100002","Compétence","Travailler en équipe","Savoir-être professionnel"\n').encode()
    alone = prepare(demo_pack_copy, [Upload("coherence.csv", coherence)], imported_by="t")
    assert not alone.ok and "rien à intégrer" in alone.problems[0].message
    assert "demandent ensemble" in alone.problems[0].message
    preview = prepare(demo_pack_copy, [Upload("coherence.csv", coherence), Upload("competences.csv", competences)],
                   imported_by="t")
    assert preview.ok, preview.report()
    integrate(demo_pack_copy, preview)
    skills = Territory.load(demo_pack_copy).tables["skills"].set_index("skill_id")
    assert skills.loc["100001", "label"] == "Souder à l'arc" and bool(skills.loc["100001", "core"])
    assert skills.loc["100002", "kind"] == "savoir_etre"


def test_the_import_report_has_the_format_of_the_build_report(demo_pack_copy):
    good = prepare(demo_pack_copy, [Upload("enquete_locale.csv", csv(RECRUIT, [GOOD]))], imported_by="t")
    text = good.report()
    assert text.startswith("Rapport de lecture des fichiers\n===")
    assert "• enquete_locale.csv : modèle du comité" in text and "    lignes lues : 1 ; rejetées : 0" in text
    bad = prepare(demo_pack_copy, [Upload("divers.csv", csv(["foo", "bar"], [["1", "2"]]))], imported_by="t")
    assert "• divers.csv : non reconnu — ignoré" in bad.report()
    assert "Problèmes bloquants" in bad.report() and "aucun contenu reconnu" in bad.report()
