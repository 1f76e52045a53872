"""Faults fresh testers found after issue 14 was merged, each with inputs written here: counts too large for
int64, tables too wide to be worth reading, invisible and direction-changing characters echoed in messages, and
valid or odd GeoJSON / CSV files read or refused with a message that names the file, row and column."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl.utils import get_column_letter

from gpect_core.errors import GpectError, Problem, neutralise
from gpect_core.ingest import Upload, integrate, pack_digest, prepare
from gpect_core.readers import read_source
from gpect_core.readers.bounds import MAX_COLUMNS

try:
    from test_hostile_files import RECRUIT, TECHNICAL, sparse_xlsx, zip_of
except ImportError:  # pragma: no cover
    from tests.test_hostile_files import RECRUIT, TECHNICAL, sparse_xlsx, zip_of


def refused(pack, name: str, data: bytes, **options) -> str:
    """The problems of an upload that must be refused, after checking nothing was written."""
    before = pack_digest(pack)
    preview = prepare(pack, [Upload(name, data)], **options)
    text = "\n".join(p.message for p in preview.problems)
    assert not preview.ok and preview.territory is None, text
    with pytest.raises(GpectError):
        integrate(pack, preview)
    assert pack_digest(pack) == before
    assert not TECHNICAL.search(text), text
    return text


# ------------------------------------------------------------------------------------- numbers beyond int64
@pytest.mark.parametrize("value", ["99999999999999999999", "1e400", "9 223 372 036 854 775 808"])
def test_a_count_too_large_for_int64_is_refused_at_its_cell_not_wrapped(demo_pack_copy, value):
    data = (RECRUIT + f"ZE2020;9901;ROME4;H2913;2025;{value};7\n").encode()
    text = refused(demo_pack_copy, "enorme.csv", data)
    assert (f"« enorme.csv », ligne 2, colonne « Projets de recrutement » : « {value} » : nombre trop grand"
            in text), text
    assert "-9223372036854775808" not in text


# ------------------------------------------------------------------------------------- very wide tables
def wide_xlsx(columns: int) -> bytes:
    header = "".join(f'<c r="{get_column_letter(i + 1)}1" t="inlineStr"><is><t>c{i}</t></is></c>'
                     for i in range(columns))
    values = "".join(f'<c r="{get_column_letter(i + 1)}2"><v>{i}</v></c>' for i in range(columns))
    archive = zipfile.ZipFile(io.BytesIO(sparse_xlsx(cell="A1", dimension=None)))
    parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        f'2006/main"><sheetData><row r="1">{header}</row><row r="2">{values}</row></sheetData></worksheet>')
    return zip_of(parts)


def test_a_workbook_of_16384_columns_is_refused_before_any_column_is_read():
    parsed = read_source(wide_xlsx(16_384), "large.xlsx")
    assert [p.message for p in parsed[0].report.problems] == [
        "« large.xlsx », feuille « Données » : le tableau compte 16\u202f384 colonnes, au-delà de la limite de "
        "1\u202f000 ; il est refusé. Retirez les colonnes inutiles (ou vides) avant de l'envoyer."]
    assert not parsed[0].recognised


def test_a_csv_of_100000_columns_is_refused_naming_its_line(demo_pack_copy):
    data = ("Titre de l'export\n" + ";".join(f"c{i}" for i in range(100_000)) + "\n"
            + ";".join("1" for _ in range(100_000)) + "\n").encode()
    text = refused(demo_pack_copy, "large.csv", data)
    assert "« large.csv », ligne 2 : le tableau compte 100\u202f000 colonnes, au-delà de la limite de 1\u202f000" in text


def test_a_json_list_of_records_with_too_many_keys_is_refused():
    data = json.dumps([{f"k{i}": i for i in range(MAX_COLUMNS + 1)}]).encode()
    message = read_source(data, "large.json")[0].report.problems[0].message
    assert message.startswith("« large.json » : le tableau compte 1\u202f001 colonnes")


def test_a_table_at_the_column_limit_is_still_read():
    data = (";".join(["Code commune", "Code zone", *(f"c{i}" for i in range(MAX_COLUMNS - 2))]) + "\n"
            + ";".join(["01001", "Z1", *("x" for _ in range(MAX_COLUMNS - 2))]) + "\n").encode()
    parsed = read_source(data, "juste.csv")[0]
    assert not any("colonnes, au-delà" in p.message for p in parsed.report.problems)
    assert parsed.raw.frame.shape == (1, MAX_COLUMNS)


# ------------------------------------------------------------------------------------- invisible characters
RLO, ESC = "\u202e", "\x1b"


def test_bidi_override_in_a_file_name_header_and_cell_is_shown_escaped(demo_pack_copy):
    name = f"factures{RLO}vsc.csv"
    data = (f"Zonage;Code zone;Nomenclature;Code métier;Année;Projets de recrutement{RLO};Projets difficiles\n"
            f"ZE2020;9901;ROME4;H2913;2025;12{ESC}[31m;7\n").encode()
    text = refused(demo_pack_copy, name, data)
    assert RLO not in text and ESC not in text
    assert "« factures\\u202evsc.csv »" in text, text


def test_problems_and_errors_escape_every_invisible_character_in_one_place():
    assert neutralise(f"a{RLO}b\u2066c\u200bd\x00e\tf\ng") == "a\\u202eb\\u2066c\\u200bd\\u0000e\\u0009f\ng"
    assert neutralise("Évreux — « 12 % »") == "Évreux — « 12 % »"
    assert Problem(f"« x{RLO}.csv » : vide").message == "« x\\u202e.csv » : vide"
    error = GpectError(f"« y{RLO}.csv »", [Problem(f"ligne 2 {ESC}")])
    assert error.message == "« y\\u202e.csv »" and error.report() == "« y\\u202e.csv »\n  - ligne 2 \\u001b"


def test_markdown_helper_shows_the_escape_not_the_character():
    from ui.feedback import md

    assert md(f"a{RLO}b") == "a\\\\u202eb"


# ------------------------------------------------------------------------------------- odd but valid files
SQUARE = [[[5.0, 46.0], [5.1, 46.0], [5.1, 46.1], [5.0, 46.1], [5.0, 46.0]]]
ROW = "ZE2020;9901;ROME4;H2913;2025;12;7\n"


def feature(properties, geometry) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def collection(*features) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


VALID_TABLES = {
    "bom-semicolons-crlf": ("bom.csv", ("\ufeff" + RECRUIT + ROW).replace("\n", "\r\n").encode()),
    "utf16-with-bom": ("utf16.csv", (RECRUIT + ROW).encode("utf-16")),
    "utf16-le-without-bom": ("utf16le.csv", (RECRUIT + ROW).encode("utf-16-le")),
    "tsv": ("onglets.tsv", (RECRUIT + ROW).replace(";", "\t").encode()),
    "trailing-empty-column": ("fin.csv", (RECRUIT.replace("\n", ";\n") + ROW.replace("\n", ";\n")).encode()),
    "extra-blank-lines": ("vides.csv", ("\n\n" + RECRUIT + "\n\n" + ROW + "\n\n\n").encode()),
}


@pytest.mark.parametrize("name,data", VALID_TABLES.values(), ids=VALID_TABLES.keys())
def test_valid_tables_in_odd_but_common_shapes_are_read_with_their_own_columns(name, data):
    parsed = read_source(data, name)
    assert len(parsed) == 1 and parsed[0].report.format_key == "template_recrutement", parsed[0].report.notes
    assert not parsed[0].report.problems, [p.message for p in parsed[0].report.problems]
    assert list(parsed[0].raw.frame.columns) == RECRUIT.strip().split(";")
    recruitment = parsed[0].data["recruitment"]
    assert recruitment["zone_id"].tolist() == ["9901"] and recruitment["projects"].tolist() == [12]


def test_a_bad_cell_after_blank_lines_is_named_at_the_line_a_text_editor_shows(demo_pack_copy):
    data = ("\n\n" + RECRUIT + "\n\n" + ROW + "ZE2020;9902;ROME4;H2913;2025;8 %;1\n").encode()
    text = refused(demo_pack_copy, "vides.csv", data)
    assert "« vides.csv », ligne 7, colonne « Projets de recrutement » : « 8 % »" in text, text


def test_a_single_feature_geojson_is_read_like_a_collection_of_one():
    data = json.dumps(feature({"ze2020": "9901", "nom": "Val d'Argent"}, {"type": "Polygon",
                                                                         "coordinates": SQUARE})).encode()
    parsed = read_source(data, "une.geojson")[0]
    assert parsed.report.format_key == "geo_zones" and not parsed.report.problems
    assert parsed.data["zone_geometry"]["zone_id"].tolist() == ["9901"]


ODD_GEO = {
    "null-geometry": ("vide.geojson", collection(
        feature({"ze2020": "9901", "nom": "A"}, {"type": "Polygon", "coordinates": SQUARE}),
        feature({"ze2020": "9902", "nom": "B"}, None)),
        "« vide.geojson », entité 2, colonne « ze2020 » : « 9902 » : géométrie absente (« geometry » vide ou null)"),
    "geometry-collection": ("contours.geojson", json.dumps({"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "coordinates": SQUARE}]}).encode(),
        "« contours.geojson » : le fichier est une géométrie seule (GeometryCollection), sans attributs"),
    "bare-polygon-json": ("contour.json", json.dumps({"type": "Polygon", "coordinates": SQUARE}).encode(),
                          "« contour.json » : le fichier est une géométrie seule (Polygon)"),
    "coordinates-as-text": ("texte.geojson", collection(
        feature({"ze2020": "9901"}, {"type": "Polygon", "coordinates": SQUARE}),
        feature({"ze2020": "9902"}, {"type": "Polygon", "coordinates": [[[str(x), str(y)] for x, y in SQUARE[0]]]})),
        "« texte.geojson », entité 2 : les coordonnées sont écrites comme du texte (« 5.0 » entre guillemets)"),
    "properties-null": ("anonyme.geojson", collection(feature(None, {"type": "Polygon", "coordinates": SQUARE})),
                        "« anonyme.geojson » : aucune des 1 entité(s) n'a d'attributs (« properties » vides ou null)"),
    "header-only-csv": ("entete.csv", RECRUIT.encode(),
                        "« entete.csv » : le fichier n'a que sa ligne d'en-tête (ligne 1) et aucune ligne de données"),
    "geometry-collection-in-zip": ("contours.zip", zip_of({"zones.geojson": json.dumps(
        {"type": "GeometryCollection", "geometries": []})}),
        "« contours.zip / zones.geojson » : le fichier est une géométrie seule (GeometryCollection)"),
}


@pytest.mark.parametrize("name,data,expected", ODD_GEO.values(), ids=ODD_GEO.keys())
def test_odd_geojson_and_empty_tables_get_their_own_message_not_a_generic_one(demo_pack_copy, name, data, expected):
    text = refused(demo_pack_copy, name, data, vintages={name: "2025"})
    assert expected in text, text
    assert "non reconnu" not in text and "aucun contenu reconnu" not in text


def test_final_check_problems_name_the_upload(demo_pack_copy):
    data = json.dumps(feature({"ze2020": "9901", "nom": "A"}, {"type": "Polygon", "coordinates": SQUARE})).encode()
    text = refused(demo_pack_copy, "une.geojson", data, vintages={"une.geojson": "2025"})
    lines = text.splitlines()
    assert lines and all(line.startswith("« une.geojson »") for line in lines), text


# ------------------------------------------------------------------------------------- build-pack --isolated
def test_build_pack_isolated_reads_each_file_in_the_bounded_child(tmp_path, monkeypatch):
    from gpect_core.build import scan_folder

    (tmp_path / "projets.csv").write_bytes((RECRUIT + ROW).encode())
    inside = scan_folder(tmp_path)
    assert inside[0][0].report.format_key == "template_recrutement"
    assert scan_folder(tmp_path, isolated=True)[0][0].data["recruitment"]["projects"].tolist() == [12]
    monkeypatch.setenv("GPECT_PARSE_MEMORY_MB", "1")  # only the child is bound by it
    (tmp_path / "projets.csv").write_bytes((RECRUIT + ROW * 100_000).encode())  # needs far more than 1 MB to read
    assert scan_folder(tmp_path)[0][0].recognised
    refused_item = scan_folder(tmp_path, isolated=True)[0][0]
    assert refused_item.report.problems[0].message.startswith(
        "« projets.csv » : la lecture du fichier a dépassé la mémoire permise (1 Mo)")


def test_build_pack_keeps_an_unusual_value_but_says_it_in_its_report(tmp_path):
    import shutil
    from datetime import date

    from gpect_core.build import build_territory

    source = tmp_path / "src"
    shutil.copytree(Path(__file__).resolve().parent / "fixtures" / "mini", source)
    far = date.today().year + 5
    (source / "projets_locaux.csv").write_bytes((RECRUIT + f"ZE2020;9901;ROME4;H2913;{far};12;7\n").encode())
    _, report = build_territory(source, imported_by="test")
    assert (f"valeur inhabituelle gardée, à vérifier : « projets_locaux.csv », ligne 2, colonne « Année » : "
            f"« {far} » : année postérieure à") in report.text(), report.text()
