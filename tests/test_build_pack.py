"""`build-pack`: a pack from a folder of official files, with aggregates equal to the source's sums."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import shapely

from gpect_core import geo
from gpect_core.cli import main
from gpect_core.territory import Territory

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def mini_pack(tmp_path_factory):
    out = tmp_path_factory.mktemp("mini") / "pack"
    assert main(["build-pack", "--from", str(MINI), "--out", str(out), "--by", "test"]) == 0
    return Territory.load(out)


def test_build_pack_prints_a_french_report(tmp_path, capsys):
    assert main(["build-pack", "--from", str(MINI), "--out", str(tmp_path / "p")]) == 0
    out = capsys.readouterr().out
    assert "bmo_2024.csv : enquête Besoins en Main-d'Œuvre (BMO)" in out
    assert "cellules secrètes (*) : 6" in out
    assert "encodage cp1252 détecté" in out
    assert "codes sans correspondance (zones absentes du pack) : 9999" in out
    assert "1 codes communes mis à jour par la table de passage" in out


def test_a_damaged_file_is_reported_and_the_rest_is_built(tmp_path, capsys, monkeypatch):
    import shutil

    source = tmp_path / "src"
    shutil.copytree(MINI, source)
    (source / "abime.xlsx").write_bytes(b"PK\x03\x04 pas un classeur")
    (source / "vide.csv").write_bytes(b"")
    assert main(["build-pack", "--from", str(source), "--out", str(tmp_path / "p")]) == 0
    out = capsys.readouterr().out
    assert "« abime.xlsx » : classeur Excel illisible ou tronqué" in out
    assert "« vide.csv » : le fichier est vide" in out
    assert Territory.load(tmp_path / "p").zones_of("ZE2020").shape[0] == 2


def test_build_pack_never_replaces_a_folder_that_is_not_a_pack(tmp_path, capsys):
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "budget.xlsx").write_bytes(b"important")
    assert main(["build-pack", "--from", str(MINI), "--out", str(documents)]) == 1
    assert "n'est pas un pack de territoire" in capsys.readouterr().err
    assert (documents / "budget.xlsx").read_bytes() == b"important"
    assert not (tmp_path / "Documents.previous").exists()


def test_build_pack_missing_folder_is_a_french_error(tmp_path, capsys):
    assert main(["build-pack", "--from", str(tmp_path / "absent"), "--out", str(tmp_path / "p")]) == 1
    assert "n'est pas un dossier" in capsys.readouterr().err


def test_mini_pack_zonings_and_zone_attributes(mini_pack):
    counts = mini_pack.zones.groupby("zoning").size().to_dict()
    assert counts == {"ZE2020": 2, "BMO": 2, "DEP": 2, "REG": 2, "FR": 1, "EPCI": 2}
    ze = mini_pack.zones_of("ZE2020").set_index("zone_id")
    assert ze.loc["8405", "reg"] == "84"
    assert ze.loc["8405", "population"] == 1200 + 800 + 500  # 01998 reached 01999 through the passage table
    assert geo.coverage_is_valid(mini_pack.zones_of("ZE2020"))


def test_mini_pack_recruitment_sums_and_secret_counts(mini_pack):
    rec = mini_pack.tables["recruitment"].set_index(["zoning", "zone_id", "occupation_code"])
    welders = rec.loc[("BMO", "8401", "D2X41")]
    assert welders["projects"] == 150 and welders["difficult"] == 80  # 120 + 30, 80 + secret
    assert welders["difficult_secret"] == 1 and welders["seasonal_secret"] == 2
    assert pd.isna(welders["seasonal"])  # every cell secret: unknown, not 0
    assert pd.isna(rec.loc[("BMO", "8401", "T4X60"), "projects"])
    national = rec.loc[("FR", "FR", "D2X41")]
    assert national["projects"] == 195 and national["seasonal"] == 2 and national["seasonal_secret"] == 2
    assert rec.loc[("DEP", "71", "T4X60"), "projects"] == 210
    assert rec.loc[("REG", "84", "D2X41"), "projects"] == 150


def test_the_build_report_is_kept_in_the_pack(mini_pack):
    lines = mini_pack.tables["build_report"]["line"].tolist()
    assert any("bmo_2024.csv : enquête Besoins en Main-d'Œuvre" in line for line in lines)
    assert mini_pack.provenance["build_report"].imported_by == "test"


def test_mini_pack_provenance_says_source_hash_and_who(mini_pack):
    prov = mini_pack.provenance["recruitment"]
    assert prov.producer == "France Travail / Crédoc" and prov.vintage == "BMO 2024"
    assert len(prov.file_hash) == 64 and prov.imported_by == "test" and prov.imported_at
    assert prov.licence.startswith("Licence Ouverte")
    assert "passage.csv" in mini_pack.provenance["zones"].url


# ---------------------------------------------------------------------------------------------- national
@pytest.mark.realdata
def test_national_pack_has_306_zones_d_emploi_and_the_bmo_basins(national_pack, capsys):
    assert main(["info", str(national_pack)]) == 0
    out = capsys.readouterr().out
    assert "ZE2020      306 zones" in out
    territory = Territory.load(national_pack)
    assert len(territory.zones_of("BMO")) >= 400
    assert territory.zones_of("ZE2020")["reg"].notna().sum() > 280  # INSEE gives the région of most ZE
    for table in ("recruitment", "tension", "occupations", "occupation_links", "skills", "context", "training"):
        assert len(territory.tables[table]) > 1000, table


@pytest.mark.realdata
def test_national_bmo_figures_equal_the_raw_file(national_pack, realdata):
    territory = Territory.load(national_pack, validate=False)
    rec = territory.tables["recruitment"]
    rec = rec[rec["year"] == 2024]  # the folder holds the 2023, 2024 and 2025 surveys
    raw = pd.read_csv(realdata / "bmo" / "bmo_2024.csv", dtype=str, keep_default_na=False)
    raw["basin"] = raw["BE24"].str.zfill(4)

    def raw_sum(frame, column):
        return int(pd.to_numeric(frame[column].where(frame[column] != "*"), errors="coerce").sum())

    for basin in ("0101", "8457", "1107", "5201", "9303"):
        sub = raw[raw["basin"] == basin]
        ours = rec[(rec["zoning"] == "BMO") & (rec["zone_id"] == basin)]
        assert int(ours["projects"].sum()) == raw_sum(sub, "met"), basin
        assert int(ours["difficult"].sum()) == raw_sum(sub, "xmet"), basin
        assert int(ours["seasonal"].sum()) == raw_sum(sub, "smet"), basin
        assert int(ours["secret_cells"].sum()) == int((sub[["met", "xmet", "smet"]] == "*").sum().sum()), basin
    for code in raw.loc[raw["basin"] == "8457", "Code métier BMO"].unique()[:40]:
        cells = raw[(raw["basin"] == "8457") & (raw["Code métier BMO"] == code)]
        ours = rec[(rec["zoning"] == "BMO") & (rec["zone_id"] == "8457") & (rec["occupation_code"] == code)]
        assert len(ours) == 1, code
        if (cells["met"] == "*").all():
            assert pd.isna(ours["projects"].iloc[0]), code  # every cell secret: unknown, never 0
        else:
            assert int(ours["projects"].iloc[0]) == raw_sum(cells, "met"), code
    national = rec[rec["zoning"] == "FR"]
    assert int(national["projects"].sum()) == raw_sum(raw, "met")
    reg = rec[(rec["zoning"] == "REG") & (rec["zone_id"] == "84")]
    assert int(reg["projects"].sum()) == raw_sum(raw[raw["REG"] == "84"], "met")


@pytest.mark.realdata
def test_national_ze_map_layer_is_small_and_a_valid_coverage(national_pack):
    territory = Territory.load(national_pack, validate=False)
    ze = territory.zones_of("ZE2020")
    assert len(ze) == 306 and not shapely.is_empty(ze.geometry.values).any()
    assert len(geo.zones_geojson(ze).encode("utf-8")) < 400_000
    assert geo.coverage_is_valid(ze)


@pytest.mark.realdata
def test_national_report_names_what_matched_nothing(national_build):
    _, report = national_build
    text = report.text()
    assert "Aiguillon (7549)" in text  # a BMO basin without any commune polygon
    assert "Saint Pierre Et Miquelon (0501)" in text
    assert "non reconnu" in text  # e.g. the ROME riasec tables: said, not guessed
    assert "cellules secrètes (*) : 70\u202f757" in text


@pytest.mark.realdata
def test_national_zones_carry_their_departement_and_region(national_pack):
    zones = Territory.load(national_pack, validate=False).zones
    deps = zones[zones["zoning"] == "DEP"].set_index("zone_id")
    assert deps["reg"].notna().all()  # a commune's région is INSEE's, not its BMO basin's
    assert deps.loc["44", "reg"] == "52" and deps.loc["2A", "reg"] == "94"
    ze = zones[zones["zoning"] == "ZE2020"].set_index("zone_id")
    assert pd.isna(ze.loc["0051", "reg"])  # Alençon spans Normandie and Pays de la Loire
    assert ze.loc["8405", "reg"] == "84"
    assert zones[zones["zoning"] == "BMO"].set_index("zone_id").loc["0101", "dep"] == "971"


# ---------------------------------------------------------------------------------- same file, same pack
LYCEES = ("Etablissement d'accueil;MEF STAT 11;Voeu de recensement O/N;Statut Offre de formation;"
          "Capacité carte scolaire;Demandes vœux 1\n"
          "0010001W;23210023446;N;ST;15;6\n"
          "0010001W;23210023447;N;AP;12;3\n"
          "0710002B;24023402211;N;ST;24;30\n").encode()


def _folder(tmp_path, name, leave_out=(), extra=None):
    """A copy of the mini files (without `leave_out`, with `extra` files) under tmp_path/name."""
    import shutil

    folder = tmp_path / name
    folder.mkdir()
    for path in MINI.iterdir():
        if path.name not in leave_out:
            shutil.copy(path, folder / path.name)
    for file, data in (extra or {}).items():
        (folder / file).write_bytes(data)
    return folder


def _imported(tmp_path, base_folder, files: dict[str, bytes]) -> Territory:
    """The pack built from `base_folder`, then `files` imported onto it through the « Données » page's path."""
    from gpect_core.build import build_territory
    from gpect_core.ingest import Upload, integrate, prepare

    base, _ = build_territory(base_folder, imported_by="test")
    pack = tmp_path / (base_folder.name + "_pack")
    base.save(pack, keep_previous=False)
    preview = prepare(pack, [Upload(name, data) for name, data in files.items()], imported_by="test",
                      accept_rejections=True)
    assert preview.ok, preview.report()
    integrate(pack, preview)
    return Territory.load(pack)


def _sorted(frame, key):
    return frame.sort_values(key).reset_index(drop=True)


def test_same_bmo_file_built_or_imported_gives_the_same_recruitment_and_hash(tmp_path):
    from gpect_core.assemble import content_hash
    from gpect_core.build import build_territory

    built, _ = build_territory(_folder(tmp_path, "all"), imported_by="test")
    data = (MINI / "bmo_2024.csv").read_bytes()
    imported = _imported(tmp_path, _folder(tmp_path, "no_bmo", leave_out={"bmo_2024.csv"}), {"bmo_2024.csv": data})
    key = ["zoning", "zone_id", "occupation_system", "occupation_code", "year"]
    expected, got = _sorted(built.tables["recruitment"], key), _sorted(imported.tables["recruitment"], key)
    assert set(expected["zoning"]) == {"BMO", "DEP", "REG", "FR"}
    pd.testing.assert_frame_equal(expected, got, check_dtype=False)
    for prov in (built.provenance["recruitment"], imported.provenance["recruitment"]):
        assert prov.file_hash == content_hash(data) and prov.vintage == "BMO 2024" and prov.url == "bmo_2024.csv"


def test_same_composition_and_polygons_built_or_imported_draw_the_same_zones(tmp_path):
    from gpect_core.build import build_territory

    built, _ = build_territory(_folder(tmp_path, "all"), imported_by="test")
    files = {name: (MINI / name).read_bytes()
             for name in ("ze_composition.csv", "communes.geojson", "passage.csv", "chomage_ze.csv")}
    imported = _imported(tmp_path, _folder(tmp_path, "no_ze", leave_out={"ze_composition.csv"}), files)
    expected, got = _sorted(built.zones_of("ZE2020"), "zone_id"), _sorted(imported.zones_of("ZE2020"), "zone_id")
    assert len(expected) == 2
    columns = ["zoning", "zone_id", "name", "dep", "reg", "population"]
    pd.testing.assert_frame_equal(pd.DataFrame(expected[columns]), pd.DataFrame(got[columns]), check_dtype=False)
    assert shapely.equals_exact(expected.geometry.values, got.geometry.values, tolerance=1e-9).all()
    assert expected.loc[expected["zone_id"] == "8405", "population"].iloc[0] == 2500  # passage table used by both


def test_same_training_file_built_or_imported_gives_the_same_rows_and_titles(tmp_path):
    from gpect_core.build import build_territory

    built, _ = build_territory(_folder(tmp_path, "all", extra={"lycees_2022.csv": LYCEES}), imported_by="test")
    imported = _imported(tmp_path, _folder(tmp_path, "base"), {"lycees_2022.csv": LYCEES})
    expected, got = _sorted(built.tables["training"], "program_id"), _sorted(imported.tables["training"], "program_id")
    assert len(expected) == 3
    assert expected["title"].tolist() == ["Formation MEF 23210023446", "Formation MEF 23210023447",
                                          "Formation MEF 24023402211"]
    pd.testing.assert_frame_equal(expected, got[expected.columns], check_dtype=False)
    assert built.provenance["training"].file_hash == imported.provenance["training"].file_hash


# ---------------------------------------------------------------------------------- not recognised
def test_an_unreadable_file_is_not_recognised_and_has_no_format(tmp_path):
    from gpect_core.build import build_territory, scan_folder
    from gpect_core.readers import ALL_FORMATS, read_source

    folder = _folder(tmp_path, "src", extra={"abime.xlsx": b"PK\x03\x04 pas un classeur",
                                             "divers.csv": b"foo;bar\n1;2\n"})
    parsed = {p.report.name: p for p, _ in scan_folder(folder)}
    for name in ("abime.xlsx", "divers.csv"):
        assert parsed[name].format is None and not parsed[name].recognised and not parsed[name].data
        assert parsed[name].report.format_key is None and not parsed[name].report.used
    assert parsed["bmo_2024.csv"].recognised and parsed["bmo_2024.csv"].format.key == "bmo"
    assert all(fmt is not None and fmt.key for fmt in ALL_FORMATS)
    _, report = build_territory(folder, imported_by="test")
    text = report.text()
    assert "• abime.xlsx : non reconnu — ignoré" in text and "• divers.csv : non reconnu — ignoré" in text
    [alone] = read_source(b"foo;bar\n1;2\n", "divers.csv")
    assert alone.format is None and alone.report.format_label == "non reconnu"


def test_a_committee_template_that_goes_nowhere_is_said_in_the_report(tmp_path, capsys):
    import shutil

    source = tmp_path / "src"
    shutil.copytree(MINI, source)
    (source / "besoins.csv").write_text("Identifiant réponse;Code zone;Code métier (ROME);Effectif recherché\n"
                                        "R1;9901;H2913;3\n", encoding="utf-8")
    assert main(["build-pack", "--from", str(source), "--out", str(tmp_path / "p")]) == 0
    out = capsys.readouterr().out
    assert "• besoins.csv : modèle du comité : Besoins des entreprises (enquête du comité) — non utilisé" in out
    assert ("~ aucune de ses lignes n'entre dans le pack construit (build-pack ne lit pas ce modèle du comité, ou "
            "ses zones n'y sont pas) : importez « besoins.csv » sur la page « Données »") in out


def test_a_failed_build_prints_the_report_of_each_file_before_its_error(tmp_path, capsys):
    source = tmp_path / "src"
    source.mkdir()
    (source / "abime.xlsx").write_bytes(b"PK\x03\x04 pas un classeur")
    (source / "besoins.csv").write_text("Identifiant réponse;Code zone;Code métier (ROME);Effectif recherché\n"
                                        "R1;9901;H2913;3\n", encoding="utf-8")
    assert main(["build-pack", "--from", str(source), "--out", str(tmp_path / "p")]) == 1
    captured = capsys.readouterr()
    assert "Rapport de lecture des fichiers" in captured.out
    assert "« abime.xlsx » : classeur Excel illisible ou tronqué" in captured.out
    assert "• besoins.csv : modèle du comité : Besoins des entreprises (enquête du comité)" in captured.out
    assert captured.err.startswith("Aucune géométrie de zone : il faut les polygones des communes")
    assert not (tmp_path / "p").exists()
