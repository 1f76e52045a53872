"""Passerelles: the bridge score against an independent computation, the skills to acquire, a secret target
kept out of the ranking, the `bridges` command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from gpect_core import Territory
from gpect_core.assemble.bridges import MIN_SCORE, build_bridges
from gpect_core.indicators import bridges as core
from gpect_core.selection import Selection

ROOT = Path(__file__).resolve().parent.parent

# (occupation, item, kind, core) — invented items; X1 and X2 share a lot, X3 little, X4 nothing.
ITEMS = [
    ("X1", "s1", "competence", True), ("X1", "s2", "competence", True), ("X1", "s3", "savoir", False),
    ("X1", "s4", "competence", False), ("X1", "e1", "savoir_etre", True),
    ("X2", "s1", "competence", True), ("X2", "s2", "competence", False), ("X2", "s3", "savoir", True),
    ("X2", "s5", "competence", True), ("X2", "s6", "savoir", True), ("X2", "e1", "savoir_etre", True),
    ("X3", "s4", "competence", True), ("X3", "s7", "competence", True), ("X3", "s8", "savoir", True),
    ("X3", "s9", "competence", True), ("X3", "s10", "competence", True),
    ("X4", "s11", "competence", True), ("X4", "s12", "savoir", False),
]


def _skills() -> pd.DataFrame:
    frame = pd.DataFrame(ITEMS, columns=["occupation_code", "skill_id", "kind", "core"])
    frame["label"] = "Libellé " + frame["skill_id"]
    frame["core"] = frame["core"].astype("boolean")
    return frame


def _links() -> pd.DataFrame:
    return pd.DataFrame({"from_system": "ROME4", "from_code": ["X1", "X1"], "to_system": "ROME4",
                         "to_code": ["X3", "X4"], "kind": "mobility", "source": "ROME 4.0 (mobilités)"})


def _weighted_jaccard(a: str, b: str) -> float:
    """Straight from the definition, item by item: weight 1 core, ½ other, soft skills out."""
    rows = [r for r in ITEMS if r[2] != "savoir_etre"]
    wa = {item: (1.0 if c else 0.5) for occ, item, _, c in rows if occ == a}
    wb = {item: (1.0 if c else 0.5) for occ, item, _, c in rows if occ == b}
    keys = set(wa) | set(wb)
    low = sum(min(wa.get(k, 0), wb.get(k, 0)) for k in keys)
    high = sum(max(wa.get(k, 0), wb.get(k, 0)) for k in keys)
    return low / high


def test_bridge_score_equals_an_independent_weighted_jaccard():
    table = build_bridges(_links(), _skills()).set_index(["from_code", "to_code"])
    # X1–X2: s1 core both (1), s2 core/other (½), s3 other/core (½) over 1+1+½+½ (X1) + 1+½+1+1+1 (X2) − 2
    assert _weighted_jaccard("X1", "X2") == pytest.approx(2 / 5.5)
    for (a, b), row in table.iterrows():
        assert row["score"] == pytest.approx(_weighted_jaccard(a, b)), (a, b)
    assert table.loc[("X1", "X2"), "kind"] == "skills"  # found by the score alone (2/5.5 ≥ MIN_SCORE)
    assert table.loc[("X1", "X4"), "kind"] == "mobility"  # a ROME mobility is kept whatever its score
    assert table.loc[("X1", "X4"), "score"] == 0
    assert ("X2", "X4") not in table.index  # nothing in common, no mobility: no bridge
    assert _weighted_jaccard("X1", "X3") < MIN_SCORE and ("X3", "X1") not in table.index


def test_typed_mobilities_keep_close_and_evolution():
    links = _links().assign(mobility_kind=["1", "Evolution"])
    table = build_bridges(links, _skills()).set_index(["from_code", "to_code"])
    assert table.loc[("X1", "X3"), "kind"] == "close"
    assert table.loc[("X1", "X4"), "kind"] == "evolution"


def _tiny_territory() -> Territory:
    occupations = pd.DataFrame({"system": "ROME4", "code": ["X1", "X2", "X3", "X4"],
                                "label": ["Un", "Deux", "Trois", "Quatre"]})
    zones = gpd.GeoDataFrame({"zoning": [], "zone_id": [], "name": []}, geometry=[], crs="EPSG:4326")
    return Territory(name="t", zones=zones, tables={"skills": _skills(), "occupation_links": _links(),
                                                    "occupations": occupations})


def test_skills_to_acquire_are_the_targets_core_items_the_origin_lacks():
    territory = _tiny_territory()
    gap = core.skills_to_acquire(territory, "X1", "X2")
    # X2's core items: s1, s3, s5, s6 (e1 is a soft skill); X1 has s1 and s3 (s3 not core, still had).
    assert sorted(gap["skill_id"]) == ["s5", "s6"]
    assert sorted(gap["label"]) == ["Libellé s5", "Libellé s6"]
    assert sorted(core.skills_to_acquire(territory, "X2", "X1")["skill_id"]) == []  # s2 other in X2: still had
    assert sorted(core.skills_to_acquire(territory, "X1", "X3")["skill_id"]) == ["s10", "s7", "s8", "s9"]


def test_a_target_under_secret_is_fragile_and_unranked_not_zero(demo_pack_copy):
    zones = ("9903", "9907")
    territory = Territory.load(demo_pack_copy)
    before = core.reachable_targets(territory, Selection("ZE2020", zones), "D1214").set_index("to_code")
    # D1507 is ranked (2nd, after G1603 found by skills) before its figures go under secret.
    assert before.loc["D1507", "rank"] == 2 and not before.loc["D1507", "fragile"]
    territory = Territory.load(demo_pack_copy)
    rec = territory.tables["recruitment"]
    hidden = (rec["zoning"] == "ZE2020") & rec["zone_id"].isin(zones) & (rec["occupation_code"] == "D1507")
    rec.loc[hidden, ["projects", "difficult"]] = pd.NA
    after = core.reachable_targets(territory, Selection("ZE2020", zones), "D1214").set_index("to_code")
    row = after.loc["D1507"]
    assert row["fragile"] and row["fragile_reason"] == "secret"
    assert pd.isna(row["rank"]) and np.isnan(row["projects"]) and np.isnan(row["openings"])
    ranked = after[after["rank"].notna()]
    assert "D1507" not in ranked.index and list(ranked["rank"]) == list(range(1, len(ranked) + 1))
    assert list(after.index[: len(ranked)]) == list(ranked.index)  # fragile targets after the ranked ones


def test_published_projects_with_a_secret_difficult_share_are_shown_marked_fragile(demo_pack_copy):
    zones = ("9903", "9907")
    territory = Territory.load(demo_pack_copy)
    rec = territory.tables["recruitment"]
    rows = (rec["zoning"] == "ZE2020") & rec["zone_id"].isin(zones) & (rec["occupation_code"] == "D1507")
    year = rec.loc[rows, "year"].max()
    published = rec.loc[rows & (rec["year"] == year), "projects"].sum()
    assert published > 0
    rec.loc[rows, "difficult"] = pd.NA  # BMO: met published, xmet secret (Horticulteur A1Z40 in basin 7614)
    row = core.reachable_targets(territory, Selection("ZE2020", zones), "D1214").set_index("to_code").loc["D1507"]
    assert row["projects"] == pytest.approx(published) and row["fragile"] and row["fragile_reason"] == "secret"
    assert row["openings"] >= published


def test_reachable_targets_figures_are_the_selections(demo_territory):
    zones = ("9903", "9907")
    targets = core.reachable_targets(demo_territory, Selection("ZE2020", zones), "D1214").set_index("to_code")
    rec = demo_territory.tables["recruitment"]
    rows = rec[(rec["zoning"] == "ZE2020") & rec["zone_id"].isin(zones) & (rec["year"] == 2024)
               & (rec["occupation_code"] == "N1103")]
    assert targets.loc["N1103", "projects"] == rows["projects"].sum()
    needs = demo_territory.tables["needs"]
    assert targets.loc["N1103", "needs"] == needs[needs["zone_id"].isin(zones)
                                                  & (needs["occupation_code"] == "N1103")]["headcount"].sum()
    training = demo_territory.tables["training"]
    local = training[training["zone_id"].isin(zones) & training["occupation_codes"].str.split().map(
        lambda codes: "N1103" in codes)]
    assert targets.loc["N1103", "trainings"] == local["program_id"].nunique()


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gpect_core", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=180)


def test_bridges_command_writes_the_ranked_targets(tmp_path):
    out = tmp_path / "passerelles.csv"
    result = _run("bridges", "--pack", "data/demo", "--from", "D1214", "--zoning", "ZE2020", "--zones",
                  "9903,9907", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    table = pd.read_csv(out, sep=";", decimal=",", encoding="utf-8-sig", dtype={"rang": "Int64"})
    assert table.loc[0, "code_rome_cible"] == "G1603" and table.loc[0, "rang"] == 1  # found by the skills score
    assert table["score_proximite"].notna().all()  # the demo has skills: every target gets a score
    assert "Prendre une commande et servir" in table.loc[0, "competences_a_acquerir"]
    ranked = table[table["rang"].notna()]
    assert ranked["ouvertures"].is_monotonic_decreasing and (ranked["chiffre_fragile"] == "non").all()
    # the page's words, never the internal codes or True / False
    assert set(table["type_passerelle"]) <= {"métier proche", "si évolution", "mobilité ROME", "compétences proches"}
    assert set(table["chiffre_fragile"]) <= {"oui", "non"}
    assert not {"True", "False", "mobility", "skills", "few", "secret"} & set(
        table[["type_passerelle", "chiffre_fragile", "raison_fragilite"]].astype(str).stack())
    assert {"score_proximite", "projets_recrutement", "competences_a_acquerir", "formations_locales"} <= set(
        table.columns)
    assert "passerelles depuis Vendeur / Vendeuse en prêt-à-porter" in result.stdout


def test_bridges_command_unknown_code_says_so_in_french(tmp_path):
    out = tmp_path / "x.csv"
    result = _run("bridges", "--pack", "data/demo", "--from", "Z9999", "--out", str(out))
    assert result.returncode == 1
    assert "Code ROME « Z9999 » inconnu du pack" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not out.exists()


def test_bridges_command_speaks_english_with_lang_en(tmp_path):
    from cli_inprocess import run_cli

    out = tmp_path / "bridges.csv"
    result = run_cli("bridges", "--pack", str(ROOT / "data/demo"), "--from", "D1214", "--zoning", "ZE2020",
                     "--zones", "9903,9907", "--lang", "en", "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"{len(pd.read_csv(out, sep=';'))} passerelles from ") and "written to" in (
        result.stdout)
    assert "écrites" not in result.stdout and "projets" not in result.stdout
    refusals = {
        ("--from", "Z9999", "--out", str(tmp_path / "x.csv")): "ROME code “Z9999” unknown to the pack",
        ("--from", "D1214", "--zones", "9903", "--out", str(tmp_path / "x.csv")): "--zones needs --zoning",
        ("--from", "D1214", "--zoning", "ZE2020", "--zones", "0000", "--out", str(tmp_path / "x.csv")):
            "Unknown zone(s) in the zoning",
        ("--from", "D1214", "--out", str(tmp_path / "x.txt")): "must end in .csv",
    }
    for args, message in refusals.items():
        result = run_cli("bridges", "--pack", str(ROOT / "data/demo"), "--lang", "en", *args)
        assert result.returncode == 1 and message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.csv").exists()
    french = run_cli("bridges", "--pack", str(ROOT / "data/demo"), "--from", "D1214", "--zones", "9903", "--out",
                     str(tmp_path / "x.csv"))
    assert "--zones demande --zoning" in french.stderr


def test_importing_rome_mobilities_on_the_donnees_page_builds_the_bridges(demo_pack_copy):
    from gpect_core.ingest import Upload, prepare

    # Three invented mobilities between demo occupations, in the ROME 4.0 v460 layout.
    data = (b'"code_rome","code_rome_cible","numero_ordre"\n"H2913","I1304","1"\n"H2913","H2914","2"\n'
            b'"F1703","F1606","1"\n')
    preview = prepare(demo_pack_copy, [Upload("unix_rubrique_mobilite_v460_utf8.csv", data)], imported_by="t")
    assert preview.ok, [str(p) for p in preview.problems]
    bridges = preview.territory.tables["bridges"]
    pairs = set(zip(bridges["from_code"], bridges["to_code"], strict=True))
    assert {("H2913", "I1304"), ("H2913", "H2914"), ("F1703", "F1606")} <= pairs
    imported = bridges.set_index(["from_code", "to_code"]).loc[[("H2913", "I1304"), ("F1703", "F1606")]]
    assert set(imported["kind"]) == {"mobility"}
    assert any("passerelles :" in line for line in preview.assembly.lines)


def test_weakened_occupations_follow_the_stated_rule(demo_territory):
    fragile = core.fragile_occupations(demo_territory, Selection("ZE2020")).set_index("occupation_code")
    assert fragile.attrs["years"] == (2022, 2024)
    rec = demo_territory.tables["recruitment"]
    rec = rec[rec["zoning"] == "ZE2020"]
    by_year = rec.groupby(["occupation_code", "year"])["projects"].sum().unstack()
    change = (by_year[2024] - by_year[2022]) / by_year[2022]
    tension = demo_territory.tables["tension"]
    tension = tension[(tension["zoning"] == "ZE2020") & (tension["year"] == 2024)].groupby("occupation_code")
    per_offer = tension["jobseekers"].sum() / tension["offers"].sum()
    mean_class = tension["tension_class"].mean()
    row = fragile.loc["D1214"]  # falling and many jobseekers per offer
    assert row["projects_change"] == pytest.approx(change["D1214"]) and change["D1214"] <= -core.FALL_SHARE
    assert row["jobseekers_per_offer"] == pytest.approx(per_offer["D1214"])
    assert row["signals"] == 2 and row["falling"]
    for code in fragile.index:
        signs = [change.get(code, 0) <= -core.FALL_SHARE, per_offer.get(code, 0) >= core.JOBSEEKERS_PER_OFFER,
                 mean_class.get(code, 5) <= core.LOW_TENSION]
        assert fragile.loc[code, "signals"] == sum(bool(s) for s in signs), code
    solid = [c for c in per_offer.index if per_offer[c] < core.JOBSEEKERS_PER_OFFER and mean_class[c] > core.LOW_TENSION
             and change.get(c, 0) > -core.FALL_SHARE]
    assert not set(solid) & set(fragile.index)


def test_a_mobility_file_that_types_its_links_gives_close_and_evolution_bridges():
    from gpect_core.readers import read_source

    # ROME v3 layout (invented rows): code_type_mobilite 1 = proche, 2 = évolution.
    data = (b"code_rome,code_rome_cible,code_type_mobilite,libelle_type_mobilite\n"
            b"H2913,H2914,1,Proche\nH2913,I1304,2,Evolution\n")
    [parsed] = read_source(data, "rubrique_mobilite.csv")
    links = parsed.data["occupation_links"]
    table = build_bridges(links, None).set_index(["from_code", "to_code"])
    assert table.loc[("H2913", "H2914"), "kind"] == "close"
    assert table.loc[("H2913", "I1304"), "kind"] == "evolution"


@pytest.mark.realdata
def test_national_pack_bridges_and_a_path_out_of_a_weakened_occupation_in_rodez(national_pack):
    territory = Territory.load(national_pack, validate=False)
    bridges = territory.tables["bridges"]  # built by build-pack, not computed on the fly
    assert (bridges["kind"] == "mobility").sum() == 14_912  # every row of unix_rubrique_mobilite_v460
    rome = territory.tables["occupations"]
    assert set(rome.loc[rome["system"] == "ROME4", "code"]) <= set(bridges["from_code"])
    skills = territory.tables["skills"]
    items = skills[skills["kind"].isin(["competence", "savoir"])]

    def weights(code):
        rows = items[items["occupation_code"] == code]
        return dict(zip(rows["skill_id"], np.where(rows["core"].fillna(False), 1.0, 0.5), strict=True))

    a, b = weights("H2913"), weights("H2916")
    keys = set(a) | set(b)
    expected = sum(min(a.get(k, 0), b.get(k, 0)) for k in keys) / sum(max(a.get(k, 0), b.get(k, 0)) for k in keys)
    row = bridges[(bridges["from_code"] == "H2913") & (bridges["to_code"] == "H2916")].iloc[0]
    assert row["score"] == pytest.approx(expected)

    rodez = Selection("ZE2020", ("7621",))
    fragile = core.fragile_occupations(territory, rodez)
    assert len(fragile) and (fragile["signals"] >= 1).all()
    # Garde d'enfant has many jobseekers per offer in Rodez but a tension class of 5: never weakened
    assert "K1303" not in set(fragile["occupation_code"])
    assert (fragile["tension_class"].fillna(0) < core.HIGH_TENSION).all()
    targets = core.reachable_targets(territory, rodez, "A1414")  # Horticulteur, weakened in Rodez
    first = targets.iloc[0]
    assert first["rank"] == 1 and first["projects"] > 0 and not first["fragile"]
    assert first["to_acquire"] > 0 and first["trainings"] > 0 and "(Aveyron)" in first["training_titles"]


def test_a_high_tension_occupation_is_never_weakened_and_firms_declarations_are_a_sign(demo_territory):
    territory = Territory(demo_territory.name, demo_territory.zones, dict(demo_territory.tables),
                          fictional=True, zonings=demo_territory.zonings,
                          default_zoning=demo_territory.default_zoning)
    whole = Selection("ZE2020")
    before = core.fragile_occupations(territory, whole).set_index("occupation_code")
    assert "D1214" in before.index  # falling projects and many jobseekers per offer
    tension = territory.tables["tension"].copy()
    tension.loc[tension["occupation_code"] == "D1214", "tension_class"] = 5
    territory.tables["tension"] = tension
    after = core.fragile_occupations(territory, whole)
    assert "D1214" not in set(after["occupation_code"])  # class 5 outweighs every figure's sign
    assert (after["tension_class"].fillna(0) < core.HIGH_TENSION).all()
    # ... but never a firm's declaration: declared fragile, it is listed with its tension and number of firms
    communes = territory.tables["communes"]["commune_id"]
    declaring = pd.DataFrame({"firm": ["Abattoir Sud", "abattoir sud ", "Conserverie"],
                              "commune_id": list(communes.iloc[:3]), "occupation_code": ["D1214"] * 3,
                              "headcount": [2, 1, 5]})
    declared = core.fragile_occupations(territory, whole, declaring).set_index("occupation_code")
    assert declared.loc["D1214", "tension_class"] == 5
    assert declared.loc["D1214", "declared"] == 8 and declared.loc["D1214", "declared_firms"] == 2
    # a survey answer flagged fragile and the platform's list both count, by commune of the selection
    code = next(c for c in sorted(core.labels(territory)) if c not in set(after["occupation_code"])
                and c != "D1214")
    zone = territory.zones_of("ZE2020")["zone_id"].iloc[0]
    needs = territory.tables["needs"].copy()
    needs = pd.concat([needs, needs.iloc[[0]].assign(response_id="RFRAG", zone_id=zone, occupation_code=code,
                                                     headcount=6)], ignore_index=True)
    needs["fragile"] = np.where(needs["response_id"] == "RFRAG", "oui", "")
    territory.tables["needs"] = needs
    communes = territory.tables["communes"]
    commune = communes.loc[communes["zone_ZE2020"] == zone, "commune_id"].iloc[0]
    elsewhere = communes.loc[communes["zone_ZE2020"] != zone, "commune_id"].iloc[0]
    firms = pd.DataFrame({"commune_id": [commune, elsewhere], "occupation_code": [code, code], "headcount": [4, 50]})
    here = core.fragile_occupations(territory, Selection("ZE2020", (zone,)), firms).set_index("occupation_code")
    assert here.loc[code, "declared"] == 6 + 4  # the other zone's 50 are not in this selection
    assert here.loc[code, "signals"] >= 1
    # the survey's declared row is not a hiring need
    targets_needs = core.local_figures(territory, Selection("ZE2020", (zone,)), [code])["needs"].iloc[0]
    assert targets_needs == needs[(needs["zone_id"] == zone) & (needs["occupation_code"] == code)
                                  & (needs["fragile"] != "oui")]["headcount"].sum()


def test_the_bridges_file_names_its_columns_from_the_catalogue_in_each_language():
    from gpect_core.export.bridges_cli import CSV_FIELDS, export_frame

    table = pd.DataFrame([{"rank": 1, "to_code": "G1603", "label": "Serveur", "kind": "close", "score": 0.5,
                           "projects": 30.0, "difficult_share": 0.4, "needs": 0.0, "openings": 30.0,
                           "tension_class": 4.0, "jobseekers_per_offer": 1.2, "fragile": False, "fragile_reason": "",
                           "to_acquire": 2, "skills_to_acquire": "Servir", "trainings": 1,
                           "training_titles": "CAP"}], columns=list(CSV_FIELDS))
    table.attrs["origin"] = "D1214"
    french, english = export_frame(table, "fr"), export_frame(table, "en")
    assert list(french.columns[:3]) == ["code_rome_origine", "rang", "code_rome_cible"]
    assert list(english.columns[:3]) == ["origin_rome_code", "rank", "target_rome_code"]
    assert english.loc[0, "bridge_type"] == "close occupation" and english.loc[0, "fragile_figure"] == "no"
    assert french.loc[0, "type_passerelle"] == "métier proche" and french.loc[0, "code_rome_origine"] == "D1214"


def _diagram_for_export():
    import pandas as pd

    from gpect_core.charts.bridges import bridges_diagram

    n = 12
    targets = pd.DataFrame({"label": [f"Conducteur / Conductrice d'engins agricoles {i}" for i in range(n)],
                            "score": [0.9 - 0.05 * i for i in range(n)], "openings": [10 * i for i in range(n)],
                            "fragile": [i % 3 == 0 for i in range(n)], "rank": [i + 1 for i in range(n)],
                            "kind": ["skills"] * n})
    title = "Passerelles depuis Arboriculteur / Arboricultrice Horticulteur / Horticultrice"
    return bridges_diagram(targets, "Arboriculteur / Arboricultrice Horticulteur / Horticultrice", "fr",
                           title=title, subtitle="Bassin de Rodez"), title


def test_the_exported_diagram_is_the_readable_one_of_the_screen():
    import re
    import struct
    from xml.etree import ElementTree

    from gpect_core.export import Caption, chart_png, chart_svg
    from gpect_core.export.images import EXPORT_WIDTH

    chart, title = _diagram_for_export()
    caption = Caption(title=title, sources=("France Travail (2023)",), selection="Bassin de Rodez")
    svg = chart_svg(chart.to_dict(validate=False), caption).decode()
    root = ElementTree.fromstring(svg)
    assert float(root.get("width")) >= EXPORT_WIDTH
    texts = [el.text for el in root.iter("{http://www.w3.org/2000/svg}text")]
    texts += [el.text for el in root.iter("{http://www.w3.org/2000/svg}tspan")]
    assert title in texts and "Sélection : Bassin de Rodez" in texts
    # the plot keeps its full width (the legends and labels are added around it, not squeezed into it: the edges
    # had collapsed into a vertical line at x≈0): an edge spans 1 of the x domain's units
    from gpect_core.charts.bridges import X_DOMAIN

    low, high = X_DOMAIN.domain
    lengths = [abs(float(x)) for x in re.findall(r'aria-roledescription="rule mark"[^>]*x2="(-?[\d.]+)"', svg)]
    assert len(lengths) == 12 and min(lengths) == pytest.approx(EXPORT_WIDTH / (high - low), abs=1)
    assert float(root.get("width")) > EXPORT_WIDTH
    png = chart_png(chart.to_dict(validate=False), caption)
    width, _ = struct.unpack(">II", png[16:24])
    assert width >= 2 * EXPORT_WIDTH


def _without_offers(territory, *zonings):
    """A copy of `territory` whose tension rows of `zonings` publish no offers nor jobseekers."""
    tension = territory.tables["tension"].copy()
    hidden = tension["zoning"].isin(zonings)
    tension.loc[hidden, ["offers", "jobseekers"]] = np.nan
    return Territory(territory.name, territory.zones, {**territory.tables, "tension": tension}, fictional=True,
                     zonings=territory.zonings, default_zoning=territory.default_zoning)


def test_jobseekers_per_offer_of_a_region_are_summed_over_its_zones_when_the_region_publishes_none(demo_territory):
    territory = _without_offers(demo_territory, "REG", "DEP")
    region = territory.zones_of("REG")["zone_id"].iloc[0]
    tension = territory.tables["tension"]
    zones = territory.tables["communes"].loc[lambda c: c["reg"] == region, "zone_ZE2020"].unique()
    rows = tension[(tension["zoning"] == "ZE2020") & (tension["year"] == 2024) & tension["zone_id"].isin(zones)]
    code = rows.groupby("occupation_code").size().idxmax()
    # one zone does not publish this occupation: it counts in neither sum, never as 0
    secret = rows[rows["occupation_code"] == code].index[0]
    tension = tension.copy()
    tension.loc[secret, ["offers", "jobseekers"]] = np.nan
    territory.tables["tension"] = tension
    published = rows[(rows["occupation_code"] == code) & (rows.index != secret)]
    expected = published["jobseekers"].sum() / published["offers"].sum()
    local = core.local_figures(territory, Selection("REG", (region,)), [code])
    assert local["jobseekers_per_offer"].iloc[0] == pytest.approx(expected)
    assert local.attrs["offers"] == {"zoning": "ZE2020", "year": 2024, "zones": len(zones), "own": False}
    weakened = core.fragile_occupations(territory, Selection("REG", (region,)))
    assert weakened.attrs["offers"]["zoning"] == "ZE2020" and weakened["jobseekers_per_offer"].notna().any()
    # nowhere published: empty, and the reason is given (no secret read as 0)
    nowhere = _without_offers(demo_territory, "REG", "DEP", "ZE2020")
    local = core.local_figures(nowhere, Selection("REG", (region,)), [code])
    assert np.isnan(local["jobseekers_per_offer"].iloc[0]) and np.isnan(local["offers"].iloc[0])
    assert local.attrs["offers"] == {"own": False, "reason": "none"}


def _two_departements() -> Territory:
    """A zone d'emploi Z1 whose population is 99.1 % in département 29 and 0.9 % in 22 (as Morlaix), Z2 and Z3
    elsewhere; one programme preparing X1 in each département."""
    from shapely.geometry import box

    zones = gpd.GeoDataFrame({
        "zoning": ["ZE2020"] * 3 + ["DEP"] * 2, "zone_id": ["Z1", "Z2", "Z3", "29", "22"],
        "name": ["Morlaix", "Lannion", "Brest", "Finistère", "Côtes-d'Armor"],
        "population": [1000, 1000, 5000, 5991, 1009]},
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1), box(-1, 0, 0, 1), box(-1, 0, 1, 1), box(1, 0, 2, 1)],
        crs="EPSG:4326")
    communes = pd.DataFrame({"commune_id": ["c1", "c2", "c3", "c4"], "name": ["A", "B", "C", "D"],
                             "population": [991, 9, 1000, 5000], "zone_ZE2020": ["Z1", "Z1", "Z2", "Z3"],
                             "zone_DEP": ["29", "22", "22", "29"]})
    training = pd.DataFrame({"program_id": ["P29", "P22"], "title": ["CAP Finistère", "CAP Armor"],
                             "provider": ["Lycée A", "Lycée B"], "zoning": "DEP", "zone_id": ["29", "22"],
                             "occupation_codes": "X1", "level": "3", "capacity": [12, 15], "year": 2024})
    territory = _tiny_territory()
    return Territory(name="t", zones=zones, tables={**territory.tables, "communes": communes, "training": training})


def test_training_of_a_selection_leaves_out_a_departement_holding_a_sliver_of_its_zone():
    from gpect_core.selection import Selection

    territory = _two_departements()
    morlaix = core.training_for(territory, Selection("ZE2020", ("Z1",)), ["X1"])
    assert morlaix[["title", "zone_name"]].values.tolist() == [["CAP Finistère", "Finistère"]]
    lannion = core.training_for(territory, Selection("ZE2020", ("Z2",)), ["X1"])
    assert lannion["zone_name"].tolist() == ["Côtes-d'Armor"]
    assert len(core.training_for(territory, Selection("ZE2020"), ["X1"])) == 2
