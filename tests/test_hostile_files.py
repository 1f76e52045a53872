"""Hostile and broken uploads, each written here: the French message names the file (sheet, line, column) and
the cause, no library text or temporary path reaches the user, and the pack is byte-for-byte unchanged."""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass

import pytest

from gpect_core.errors import GpectError
from gpect_core.ingest import Upload, integrate, pack_digest, prepare
from gpect_core.readers import read_source
from gpect_core.readers.bounds import MAX_JSON_DEPTH, check_json_depth, check_workbook
from gpect_core.readers.isolated import read_source_isolated
from gpect_core.readers.sniff import ReadError

TECHNICAL = re.compile(r"Error\b|Exception|Traceback|site-packages|/tmp/|gpect-geo-|codec|invalid literal|"
                       r"recursion|BadZipFile|pyogrio|calamine|Expecting")
RECRUIT = "Zonage;Code zone;Nomenclature;Code métier;Année;Projets de recrutement;Projets difficiles\n"


def sparse_xlsx(cell: str = "XFD1048576", dimension: str | None = "A1:XFD1048576", extra: int = 0) -> bytes:
    """A workbook written as raw XML: one sheet « Données » whose only cell is `cell` (1.6 kB on disk)."""
    column, row = re.fullmatch(r"([A-Z]+)(\d+)", cell).groups()
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.'
        'org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
        '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"'
        '/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
        'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
        'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Données" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '</Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
        'openxmlformats.org/spreadsheetml/2006/main">' + (f'<dimension ref="{dimension}"/>' if dimension else "")
        + f'<sheetData><row r="{row}"><c r="{cell}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
          '</worksheet>',
    }
    for i in range(extra):
        parts[f"xl/media/image{i}.xml"] = "<x/>"
    return zip_of(parts)


def zip_of(entries: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def deep_json(depth: int, geo: bool) -> bytes:
    nested = "[" * depth + "1" + "]" * depth
    if geo:
        return ('{"type": "FeatureCollection",\n"features": [\n{"type": "Feature", "properties": {"code_zone": '
                f'"Z1", "x": {nested}}}, "geometry": null}}]}}').encode()
    return f'[{{"Code commune": "01001",\n "x": {nested}}}]'.encode()


def encrypted_workbook() -> bytes:
    """What Excel writes for a workbook with a password: an OLE2 container holding « EncryptedPackage »."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 600


@dataclass
class Case:
    id: str
    name: str
    data: bytes
    expected: list[str]


CASES = [
    Case("sparse-xlsx-last-cell", "clairsemé.xlsx", sparse_xlsx(),
         ["« clairsemé.xlsx », feuille « Données »", "1\u202f048\u202f576 lignes et 16\u202f384 colonnes", "refusée"]),
    Case("sparse-xlsx-without-dimension", "sans_dimension.xlsx", sparse_xlsx(dimension=None),
         ["« sans_dimension.xlsx », feuille « Données »", "16\u202f384 colonnes"]),
    Case("sparse-xlsx-far-row-only", "loin.xlsx", sparse_xlsx(cell="ZZ1048576", dimension="A1"),
         ["« loin.xlsx », feuille « Données »", "1\u202f048\u202f576 lignes et 702 colonnes"]),
    Case("xlsx-many-entries", "entrees.xlsx", sparse_xlsx(cell="B2", dimension="A1:B2", extra=2_100),
         ["« entrees.xlsx » : ce classeur contient 2105 fichiers", "refusée"]),
    Case("zip-many-entries", "morceaux.zip", zip_of({f"part{i}.txt": "x" * 100 for i in range(2_500)}),
         ["« morceaux.zip » : l'archive contient 2500 fichiers", "refusée"]),
    Case("zip-many-small-entries-that-inflate", "gonfle.zip",
         zip_of({f"zones{i}.geojson": b" " * 9_000_000 for i in range(7)}),
         ["« gonfle.zip » : l'archive se décompresse en 63 Mo", "bombe zip"]),
    Case("deep-json-records", "profond.json", deep_json(5_000, geo=False),
         ["« profond.json », ligne 2 : le JSON est imbriqué sur plus de 64 niveaux"]),
    Case("deep-geojson", "profond.geojson", deep_json(50_000, geo=True),
         ["« profond.geojson », ligne 3 : le JSON est imbriqué sur plus de 64 niveaux"]),
    Case("deep-geojson-in-zip", "profond.zip", zip_of({"zones.geojson": deep_json(3_000, geo=True)}),
         ["« profond.zip / zones.geojson », ligne 3 : le JSON est imbriqué"]),
    Case("broken-json", "casse.json", b'[{"Code commune": "01001",\n "nom": }]',
         ["« casse.json », ligne 2 : le fichier n'est pas un JSON valide"]),
    Case("json-not-utf8", "latin.json", '[{"nom": "Évreux"}]'.encode("latin-1"),
         ["« latin.json » : le fichier n'est pas en UTF-8"]),
    Case("encrypted-workbook", "secret.xlsx", encrypted_workbook(),
         ["« secret.xlsx » : le classeur est protégé par mot de passe"]),
    Case("truncated-workbook", "coupe.xlsx", sparse_xlsx(cell="B2", dimension="A1:B2")[:700],
         ["« coupe.xlsx »", "illisible ou tronqué"]),
    Case("garbage-geopackage", "zones.gpkg", b"SQLite format 3\x00" + b"\x07" * 3000,
         ["« zones.gpkg » : fichier géographique illisible"]),
    Case("unclosed-quote", "guillemet.csv",
         (RECRUIT + "ZE2020;9901;ROME4;H2913;2025;12;7\nZE2020;\"9902;ROME4;H2913;2025;10;3\n"
          "ZE2020;9903;ROME4;H2913;2025;10;3\n").encode(),
         ["« guillemet.csv », ligne 3 : guillemet ouvert jamais refermé"]),
    Case("value-past-the-last-header", "debord.csv",
         (RECRUIT + "ZE2020;9901;ROME4;H2913;2025;12;7;\nZE2020;9902;ROME4;H2913;2025;10;3;en trop\n").encode(),
         ["« debord.csv », ligne 3 : une valeur en fin de ligne n'a pas d'en-tête"]),
    Case("duplicate-header-csv", "doublon.csv",
         b"Code commune;Code zone;Nom de la zone;Code zone\n01001;Z1;Nord;Z2\n",
         ["« doublon.csv », ligne 1 : la colonne « Code zone » figure plusieurs fois (colonnes 2 et 4)"]),
    Case("duplicate-header-after-title-rows", "titre.csv",
         "Enquête 2025\n\nCode commune;Code zone;Code zone\n01001;Z1;Z2\n01002;Z1;Z2\n".encode(),
         ["« titre.csv », ligne 3 : la colonne « Code zone » figure plusieurs fois (colonnes 2 et 3)"]),
]


NEEDS = "Identifiant réponse;Zonage;Code zone;Code métier (ROME);Effectif recherché;Difficulté (1 à 5);Date de la réponse\n"
TRAINING = "Identifiant formation;Intitulé;Zonage;Code zone;Codes ROME visés;Inscrits;Taux d'insertion (%);Année\n"
CASES += [
    Case("percent-sign-in-a-count", "pourcent.csv", (RECRUIT + "ZE2020;9901;ROME4;H2913;2025;12 %;7\n").encode(),
         ["« pourcent.csv », ligne 2, colonne « Projets de recrutement » : « 12 % » : un nombre est attendu, sans "
          "signe %"]),
    Case("fraction-in-a-class", "classe.csv", (NEEDS + "R1;ZE2020;9901;H2913;2;3,5;15/03/2025\n").encode(),
         ["« classe.csv », ligne 2, colonne « Difficulté (1 à 5) » : « 3,5 » : note entière de 1 à 5 attendue"]),
    Case("rome-code-outside-the-nomenclature", "rome.csv",
         (RECRUIT + "ZE2020;9901;ROME4;Z9999;2025;12;7\nZE2020;9902;ROME4;soudeur;2025;3;1\n").encode(),
         ["« rome.csv », ligne 2, colonne « Code métier » : « Z9999 » : code ROME attendu",
          "« rome.csv », ligne 3, colonne « Code métier » : « soudeur » : code ROME attendu"]),
    Case("rome-word-in-needs", "besoins.csv", (NEEDS + "R1;ZE2020;9901;soudeur;2;3;15/03/2025\n").encode(),
         ["« besoins.csv », ligne 2, colonne « Code métier (ROME) » : « soudeur » : code ROME attendu"]),
    Case("rome-list-with-a-word", "formations.csv",
         (TRAINING + "F1;CAP Soudeur;ZE2020;9901;H2913 soudure;20;75;2025\n").encode(),
         ["« formations.csv », ligne 2, colonne « Codes ROME visés » : « H2913 soudure » : code ROME attendu"]),
]

LAMBERT_SQUARE = [[[652000, 6862000], [653000, 6862000], [653000, 6863000], [652000, 6863000], [652000, 6862000]]]
CASES += [
    Case("lambert93-in-a-wgs84-geojson", "zones_l93.geojson", json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code_zone": "Z1", "nom_zone": "Nord"},
         "geometry": {"type": "Polygon", "coordinates": LAMBERT_SQUARE}}]}).encode(),
         ["« zones_l93.geojson » : le fichier se déclare en WGS 84", "ressemblent à du Lambert-93 (EPSG:2154)"]),
    Case("unknown-uai-names-the-uai-column", "capacites_2024.csv",
         ("Etablissement d'accueil;MEF STAT 11;Capacité carte scolaire;Demandes vœux 1;Statut Offre de formation\n"
          "0770001W;23210023446;15;6;ST\n").encode(),
         ["« capacites_2024.csv », colonne « Etablissement d'accueil » : aucun département des formations (déduit du code "
          "établissement UAI) ne correspond aux zones du pack (départements 77)"]),
]

CASES += [
    Case("polygon-ring-not-closed", "ouvert.geojson", json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code_zone": "Z1", "nom_zone": "Nord"},
         "geometry": {"type": "Polygon", "coordinates": [[[5, 46], [5.1, 46], [5.1, 46.1], [5.0, 46.2]]]}}]}).encode(),
         ["« ouvert.geojson » : un polygone du fichier est mal formé (contour non fermé"]),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_upload_is_refused_in_french_where_it_is_and_the_pack_is_unchanged(demo_pack_copy, case):
    before = pack_digest(demo_pack_copy)
    preview = prepare(demo_pack_copy, [Upload(case.name, case.data)])
    messages = [p.message for p in preview.problems]
    text = "\n".join(messages)
    assert not preview.ok and preview.territory is None
    for expected in case.expected:
        assert expected in text, text
    assert not TECHNICAL.search(text), text
    with pytest.raises(GpectError, match="Rien à intégrer"):
        integrate(demo_pack_copy, preview)
    assert pack_digest(demo_pack_copy) == before


def test_sparse_workbook_the_issue_sent_is_small_and_refused_before_any_allocation():
    data = sparse_xlsx()
    assert len(data) < 2_000
    parsed = read_source(data, "clairsemé.xlsx")  # in this process: the bound stops it before the reader
    assert "plus de 10 millions de cellules" in parsed[0].report.problems[0].message


def test_valid_csv_whose_rows_end_with_a_separator_is_read_with_its_own_columns(demo_pack_copy):
    data = (RECRUIT + "ZE2020;9901;ROME4;H2913;2025;12;7;\nZE2020;9902;ROME4;H2913;2025;10;3;\n").encode()
    parsed = read_source(data, "fin_de_ligne.csv")[0]
    assert parsed.report.format_key == "template_recrutement" and not parsed.report.problems
    assert list(parsed.raw.frame["Zonage"]) == ["ZE2020", "ZE2020"]
    assert list(parsed.raw.frame["Projets difficiles"]) == ["7", "3"]
    assert parsed.raw.row_number(parsed.raw.frame.index[1]) == 3


def test_reading_that_overruns_its_memory_is_stopped_in_the_child_and_said_in_french():
    rows = "ZE2020;9901;ROME4;H2913;2025;12;7\n" * 100_000  # 3.4 MB: its reading needs far more than 1 MB
    parsed = read_source_isolated((RECRUIT + rows).encode(), "gros.csv", memory=1 << 20)
    message = parsed[0].report.problems[0].message
    assert message.startswith("« gros.csv » : la lecture du fichier a dépassé la mémoire permise (1 Mo)")
    assert not TECHNICAL.search(message)


def test_reading_that_overruns_its_time_is_stopped_and_said_in_french():
    parsed = read_source_isolated(deep_json(10, geo=False), "lent.json", seconds=0)
    assert parsed[0].report.problems[0].message.startswith("« lent.json » : la lecture du fichier a dépassé 0 s")


def test_the_child_gives_back_recognised_tables_with_their_format():
    parsed = read_source_isolated((RECRUIT + "ZE2020;9901;ROME4;H2913;2025;12;7\n").encode(), "ok.csv")
    assert parsed[0].format is not None and parsed[0].format.key == "template_recrutement"
    assert parsed[0].data["recruitment"]["projects"].tolist() == [12]


@pytest.mark.parametrize("depth,refused", [(MAX_JSON_DEPTH, False), (MAX_JSON_DEPTH + 1, True)])
def test_json_depth_bound_counts_brackets_outside_strings_only(depth, refused):
    payload = ("[" * depth + "]" * depth).encode()
    check_json_depth(json.dumps({"texte": "[" * 500}).encode(), "f.json")  # brackets in a string do not count
    if refused:
        with pytest.raises(ReadError, match="imbriqué sur plus de 64 niveaux"):
            check_json_depth(payload, "f.json")
    else:
        check_json_depth(payload, "f.json")



def test_one_zone_polygon_that_would_replace_a_whole_zoning_is_explained(demo_pack_copy):
    square = [[[5.0, 46.0], [5.1, 46.0], [5.1, 46.1], [5.0, 46.1], [5.0, 46.0]]]
    data = json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"ze2020": "9901", "nom": "Val d'Argent"},
         "geometry": {"type": "Polygon", "coordinates": square}}]}).encode()
    before = pack_digest(demo_pack_copy)
    preview = prepare(demo_pack_copy, [Upload("une_zone.geojson", data)], vintages={"une_zone.geojson": "2025"})
    text = "\n".join(preview.notes + [p.message for p in preview.problems])
    assert "le zonage ZE2020 du pack compte 15 zone(s) ; l'envoi en apporte 1 et remplace le zonage entier : " \
           "14 zone(s) en disparaîtraient" in text, text
    assert "envoyez le zonage complet" in text
    assert pack_digest(demo_pack_copy) == before


def test_readings_fork_from_one_zygote_which_is_started_again_if_it_died():
    import os
    import signal

    from gpect_core.readers.isolated import ZYGOTE

    data = (RECRUIT + "ZE2020;9901;ROME4;H2913;2025;12;7\n").encode()
    assert read_source_isolated(data, "un.csv")[0].data["recruitment"]["projects"].tolist() == [12]
    first = ZYGOTE.pid
    assert first is not None and first != os.getpid()
    assert read_source_isolated(data, "deux.csv")[0].recognised
    assert ZYGOTE.pid == first  # the second reading did not start an interpreter
    os.kill(first, signal.SIGKILL)
    os.waitpid(first, 0)
    assert read_source_isolated(data, "trois.csv")[0].data["recruitment"]["projects"].tolist() == [12]
    assert ZYGOTE.pid not in (None, first)


def _ods(rows: int, columns: int, edge: bool = False) -> bytes:
    """An OpenDocument workbook: a header, then `rows` rows of `columns` filled cells, written as repeats (a few
    hundred bytes); `edge` adds the empty rows and cells LibreOffice repeats to the sheet's edge."""

    empty_edge = ('<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
                  'table:number-columns-repeated="16384"/></table:table-row>') if edge else ""
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               '<table:table table:name="Feuille1"><table:table-row>'
               '<table:table-cell office:value-type="string"><text:p>Code</text:p></table:table-cell>'
               '<table:table-cell table:number-columns-repeated="16383"/></table:table-row>'
               f'<table:table-row table:number-rows-repeated="{rows}"><table:table-cell '
               f'table:number-columns-repeated="{columns}" office:value-type="string"><text:p>x</text:p>'
               f'</table:table-cell></table:table-row>{empty_edge}</table:table></office:spreadsheet></office:body>'
               '</office:document-content>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def test_an_opendocument_sheet_of_repeated_cells_is_refused_before_it_is_read():
    with pytest.raises(ReadError, match=r"« repete\.ods » : une feuille .* 40\u202f001 lignes et 999 colonnes"):
        check_workbook(_ods(40_000, 999), "repete.ods")
    check_workbook(_ods(200, 12, edge=True), "libreoffice.ods")  # empty repeats to the sheet's edge: a usual file


def test_single_quoted_cell_references_are_bounded_too():

    sheet = ("<?xml version='1.0'?><worksheet><dimension ref='A1:XFD1048576'/><sheetData>"
             "<row r='1048576'><c r='XFD1048576' t='n'><v>1</v></c></row></sheetData></worksheet>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    with pytest.raises(ReadError, match="plus de 10 millions de cellules"):
        check_workbook(buffer.getvalue(), "guillemets.xlsx")


def test_no_more_readings_at_once_than_the_setting_allows(monkeypatch):
    """Each reading may take the whole memory ceiling: uploads beyond GPECT_PARSE_CONCURRENCY wait their turn."""
    import threading
    import time

    from gpect_core.readers import isolated

    monkeypatch.setenv("GPECT_PARSE_CONCURRENCY", "1")
    monkeypatch.setattr(isolated, "_READINGS", None)
    running, most = 0, 0
    lock = threading.Lock()
    real = isolated._run_in_child

    def counted(*args):
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.3)
        try:
            return real(*args)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(isolated, "_run_in_child", counted)
    data = (RECRUIT + "ZE2020;9901;ROME4;H2913;2025;12;7\n").encode()
    results = []
    threads = [threading.Thread(target=lambda n=n: results.append(read_source_isolated(data, f"f{n}.csv")))
               for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most == 1 and len(results) == 3
    assert all(r[0].data["recruitment"]["projects"].tolist() == [12] for r in results)
    monkeypatch.setattr(isolated, "_READINGS", None)
