"""The committee's company survey: job titles → ROME 4.0, survey import (mapping, profile, personal data, bad input),
confirmations remembered in the shared store (SQLite and PostgreSQL), the accepted survey in the pack, the CLI."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from gpect_core.cli import main as cli_main
from gpect_core.ingest import Upload, integrate, prepare
from gpect_core.survey.importer import check_survey, guess_mapping, needs_csv, profile_key, read_survey
from gpect_core.survey.matching import build_index, match_titles, normalise
from gpect_core.survey.store import SurveyStore
from gpect_core.territory import Territory

if not hasattr(sys.modules.get("conftest"), "plan_store"):
    from conftest_plan import *  # noqa: F403 — until tests/conftest.py imports the plan fixtures

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "survey"
DEMO = Path(__file__).resolve().parent.parent / "data" / "demo"
SURVEY = (FIXTURES / "enquete.csv").read_bytes()
BEFORE_SURVEY_DATES = date(2025, 6, 1)


@pytest.fixture(scope="module")
def index():
    return build_index(pd.read_csv(FIXTURES / "appellations.csv", dtype=str), None)


@pytest.fixture(scope="module")
def demo():
    return Territory.load(DEMO)


@pytest.mark.parametrize(("title", "code"), [
    ("Soudeur TIG H/F", "H2916"),
    ("soudeuse", "H2913"),
    ("agt de fabrication agroalimentaire H/F", "H2105"),
    ("resp. maintenance industrielle", "I1102"),
    ("tech. de maintenance indus", "I1304"),
    ("conducteur PL", "N4101"),
    ("Chauffeurs poids lourds", "N4101"),
    ("cariste caces 3", "N1101"),
    ("préparatrices de commandes", "N1103"),
    ("aide soignante", "J1501"),
    ("barmaid", "G1801"),
    ("serveuses", "G1803"),
    ("avocate", "K1903"),
    ("boulangere", "D1102"),
    ("maçon coffreur", "F1703"),
    ("asistante administrative", "M1607"),  # typo
])
def test_messy_titles_match_the_right_code(index, title, code):
    result = match_titles([title], index).iloc[0]
    assert (result["rome_code"], result["status"]) == (code, "matched"), result.to_dict()
    assert code not in result["candidates"] and len(result["candidates"]) <= 2


def test_normalise_brings_gender_case_accents_and_abbreviations_together():
    assert normalise("Agt. de fabrication (H/F)") == normalise("agent fabrication")
    assert normalise("Soudeuses") == normalise("SOUDEUR") == "soudeur"
    assert normalise("Conductrice PL") == normalise("conducteur de poids lourds")
    assert normalise("") == "" and normalise(None) == ""


def test_a_title_that_matches_nothing_is_left_for_review_never_forced(index):
    result = match_titles(["xqzw plop", ""], index)
    assert list(result["status"]) == ["review", "empty"]
    assert result.loc[0, "rome_code"] == "" and len(result.loc[0, "candidates"]) == 3


@pytest.fixture(scope="module")
def close_index():
    return build_index(pd.DataFrame({"occupation_code": ["H2801", "H2801", "I1304", "I1310", "J1501", "N1103"],
                                     "label": ["Agent / Agente de fabrication du verre", "Souffleur / Souffleuse de verre",
                                               "Technicien / Technicienne de maintenance",
                                               "Technicien / Technicienne de maintenance",
                                               "Aide-soignant / Aide-soignante de nuit",
                                               "Préparateur / Préparatrice de commandes"]}), None)


def test_a_title_less_specific_than_its_appellation_goes_to_review_with_the_proposal_first(close_index):
    result = match_titles(["agt de fab H/F", "Agent de fabrication du verre H/F"], close_index)
    vague, precise = result.iloc[0], result.iloc[1]
    assert vague["score"] >= 70 and vague["status"] == "review" and vague["rome_code"] == ""
    assert "less_specific" in vague["reason"].split() and vague["candidates"][0] == "H2801"
    assert (precise["status"], precise["rome_code"], precise["reason"]) == ("matched", "H2801", "")


def test_close_codes_and_ambiguous_abbreviations_go_to_review(close_index):
    result = match_titles(["technicien de maintenance", "AS de nuit", "aide-soignante de nuit"], close_index)
    assert result["status"].tolist() == ["review", "review", "matched"]
    assert "close_codes" in result.loc[0, "reason"].split()
    assert set(result.loc[0, "candidates"][:2]) == {"I1304", "I1310"}
    assert result.loc[1, "reason"] == "ambiguous" and result.loc[1, "candidates"][0] == "J1501"
    assert result.loc[2, "rome_code"] == "J1501"


def test_a_title_with_typos_in_every_word_start_is_still_found(close_index):
    result = match_titles(["rpéparateur de ocmmandes"], close_index).iloc[0]
    assert "N1103" in [result["rome_code"], *result["candidates"]]


def test_survey_import_maps_questions_drops_personal_data_and_lists_unmatched(index, demo):
    survey = read_survey(SURVEY, "enquete.csv")
    assert survey.dropped == {"Nom du répondant": "en-tête", "Adresse e-mail": "en-tête", "Joignable au": "contenu"}
    assert not any("@" in str(v) for v in survey.raw.frame.to_numpy().ravel())
    mapping = guess_mapping(survey.columns)
    assert mapping.columns["title"] == "Quel poste recherchez-vous ?"
    assert mapping.columns["headcount"] == "Nombre de postes à pourvoir"
    assert mapping.columns["size"] == "Taille de l'entreprise"
    assert mapping.columns["firm"] == "Nom de l'entreprise"
    check = check_survey(survey, mapping, demo, index, today=BEFORE_SURVEY_DATES)
    assert check.ok, [p.message for p in check.problems]
    needs = check.needs.set_index("occupation_text")
    assert needs.loc["Soudeur TIG H/F", ["occupation_code", "zone_id", "headcount"]].tolist() == ["H2916", "9906", 3]
    assert needs.loc["Conducteur PL", "horizon"] == "besoins à 3 ans"
    assert needs.loc["boulangère", "difficulty"] == 4  # « difficile »
    assert needs.loc["xqzw plop", "occupation_code"] == ""
    assert check.review[["title", "rows"]].values.tolist() == [["xqzw plop", "5"]]
    assert "Fonderie du Val" in check.firms.values()
    assert "Fonderie du Val" not in needs_csv(check.needs).decode()
    assert any("« Adresse e-mail »" in note and "jamais enregistrées" in note for note in check.notes)


def test_bad_input_names_file_row_and_column(index, demo):
    bad = SURVEY.replace(b"Soudeur TIG H/F;3;", b"Soudeur TIG H/F;2,5;").replace(b";92003;", b";99999;") \
        .replace(b"15/03/2025", b"15/03/2031")
    survey = read_survey(bad, "enquete.csv")
    check = check_survey(survey, guess_mapping(survey.columns), demo, index, today=BEFORE_SURVEY_DATES)
    messages = [p.message for p in check.problems]
    assert not check.ok
    assert "« enquete.csv », ligne 2, colonne « Nombre de postes à pourvoir » : « 2,5 » n'est pas un nombre " \
           "entier de personnes" in messages
    assert any(m.startswith("« enquete.csv », ligne 4, colonne « Commune de l'établissement » : la commune "
                            "« 99999 » n'existe pas") for m in messages)
    # a date to come may be right (an answer typed ahead): not refused, asked about, with its place
    assert not any("15/03/2031" in m for m in messages)
    assert [d.message for d in check.doubts] == [
        "« enquete.csv », ligne 5, colonne « Horodatage » : date « 15/03/2031 » dans le futur (après le 01/06/2025) : "
        "à confirmer, ou corrigez la date de la réponse"]


def test_a_date_beyond_any_plausible_year_is_refused_and_a_horizon_year_to_come_is_asked_about(index, demo):
    bad = SURVEY.replace(b"15/03/2025", b"15/03/2931").replace(b";2 ans;", b";en 2031;")
    survey = read_survey(bad, "enquete.csv")
    check = check_survey(survey, guess_mapping(survey.columns), demo, index, today=BEFORE_SURVEY_DATES)
    assert [p.message for p in check.problems] == [
        "« enquete.csv », ligne 5, colonne « Horodatage » : date « 15/03/2931 » invraisemblable (entre 1900 et "
        "2100 attendue) : vérifiez la date de la réponse"]
    assert [d.message for d in check.doubts] == [
        "« enquete.csv », ligne 4, colonne « À quelle échéance ? » : « en 2031 » : besoins annoncés pour une année "
        "postérieure à 2026 : à confirmer"]
    usual = read_survey(SURVEY, "enquete.csv")
    assert check_survey(usual, guess_mapping(usual.columns), demo, index, today=BEFORE_SURVEY_DATES).doubts == []


def test_profile_found_again_and_confirmation_reused_at_next_import(plan_db_url, index, demo):
    store = SurveyStore.open(plan_db_url)
    try:
        survey = read_survey(SURVEY, "enquete.csv")
        mapping = guess_mapping(survey.columns)
        mapping.columns["horizon"] = "À quelle échéance ?"
        store.save_profile(profile_key(survey.columns), mapping.columns, "editrice")
        reordered = pd.read_csv(FIXTURES / "enquete.csv", sep=";", dtype=str).iloc[:, ::-1]
        again = read_survey(reordered.to_csv(sep=";", index=False).encode(), "enquete_mai.csv")
        assert store.profile(profile_key(again.columns)) == mapping.columns

        first = check_survey(again, mapping, demo, index, memory=store.memory(), today=BEFORE_SURVEY_DATES)
        assert first.review["title"].tolist() == ["xqzw plop"]
        assert store.confirm("xqzw plop", "F1703", "Maçon / Maçonne", "editrice") == 1
        assert store.confirm("XQZW Plop", "D1102", "Boulanger / Boulangère", "editrice") == 2
        history = store.confirmation_history("xqzw plop")
        assert history["version"].tolist() == [2, 1] and history["confirmed_by"].tolist() == ["editrice"] * 2

        second = check_survey(again, mapping, demo, index, memory=store.memory(), today=BEFORE_SURVEY_DATES)
        assert second.review.empty
        row = second.matches.set_index("title").loc["xqzw plop"]
        assert (row["rome_code"], row["score"], row["status"]) == ("D1102", 100.0, "memory")
        assert second.needs.set_index("occupation_text").loc["xqzw plop", "occupation_code"] == "D1102"

        store.save_firms(second.firms, "editrice")
        assert sorted(store.firms().values()) == ["Boulangerie Lefort", "Fonderie du Val", "Garage Roy",
                                                  "Transports Sorne"]
    finally:
        store.close()


def test_accepted_survey_becomes_the_needs_table_through_the_import_path(index, demo, demo_pack_copy):
    survey = read_survey(SURVEY, "enquete.csv")
    check = check_survey(survey, guess_mapping(survey.columns), demo, index, today=BEFORE_SURVEY_DATES)
    preview = prepare(demo_pack_copy, [Upload("enquete_entreprises.csv", needs_csv(check.needs))])
    assert preview.ok, preview.report()
    integrate(demo_pack_copy, preview)
    needs = Territory.load(demo_pack_copy).tables["needs"].set_index("response_id")
    brought = check.needs.set_index("response_id")
    assert len(needs) == len(demo.tables["needs"]) + 4
    assert needs.loc[brought.index, "headcount"].tolist() == [3, 1, 2, 1]
    assert needs.loc[brought.index, "occupation_code"].fillna("").tolist() == ["H2916", "D1102", "N4101", ""]


def test_match_titles_cli_writes_one_row_per_title(tmp_path):
    source = tmp_path / "titres.csv"
    source.write_text("Poste;Nb\nconducteur PL;2\nxqzw plop;1\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert cli_main(["match-titles", str(source), "--column", "poste", "--out", str(out), "--pack", str(DEMO)]) == 0
    written = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(written.columns) == ["title", "rome_code", "rome_label", "appellation", "score", "candidates"]
    assert written["rome_code"].tolist() == ["N4101", ""]
    assert len(written.loc[1, "candidates"].split()) == 3


def test_match_titles_cli_says_which_column_is_missing(tmp_path, capsys):
    source = tmp_path / "titres.csv"
    source.write_text("Poste;Nb\nconducteur PL;2\n", encoding="utf-8")
    assert cli_main(["match-titles", str(source), "--column", "métier", "--out", str(tmp_path / "o.csv")]) == 1
    assert "pas de colonne « métier »" in capsys.readouterr().err


def test_a_survey_answer_declaring_jobs_fragile_reaches_the_pack_flagged(index, demo, demo_pack_copy):
    text = SURVEY.decode("utf-8").splitlines()
    lines = [text[0] + ";Ces emplois sont-ils menacés ?"] + [line + (";oui" if i == 1 else ";") for i, line in
                                                               enumerate(text[1:], start=1)]
    survey = read_survey(("\n".join(lines) + "\n").encode("utf-8"), "enquete.csv")
    mapping = guess_mapping(survey.columns)
    assert mapping.columns["fragile"] == "Ces emplois sont-ils menacés ?"
    check = check_survey(survey, mapping, demo, index, today=BEFORE_SURVEY_DATES)
    assert check.needs["fragile"].tolist()[:2] == ["oui", ""]
    preview = prepare(demo_pack_copy, [Upload("enquete_entreprises.csv", needs_csv(check.needs))])
    assert preview.ok, preview.report()
    integrate(demo_pack_copy, preview)
    needs = Territory.load(demo_pack_copy).tables["needs"].set_index("response_id")
    first = check.needs["response_id"].iloc[0]
    assert needs.loc[first, "fragile"] == "oui" and needs.loc[first, "occupation_code"] == "H2916"


def test_a_survey_integrated_into_the_national_pack_shows_its_needs_in_the_right_zone(national_pack, tmp_path):
    import shutil

    from gpect_core.indicators.training_needs import coverage
    from gpect_core.selection import Selection
    from gpect_core.survey.matching import index_of_pack

    pack = tmp_path / "pack"
    shutil.copytree(national_pack, pack)
    territory = Territory.load(pack, validate=False)
    survey = read_survey((FIXTURES / "enquete_aveyron_lot.csv").read_bytes(), "enquete_aveyron_lot.csv")
    check = check_survey(survey, guess_mapping(survey.columns), territory, index_of_pack(territory),
                         today=BEFORE_SURVEY_DATES)
    assert check.ok, [p.message for p in check.problems]
    preview = prepare(pack, [Upload("enquete_entreprises.csv", needs_csv(check.needs))])
    assert preview.ok, preview.report()
    integrate(pack, preview)
    territory = Territory.load(pack, validate=False)
    names = territory.zone_names("ZE2020")
    rodez = next(z for z, n in names.items() if n == "Rodez")
    figeac = next(z for z, n in names.items() if str(n).startswith("Figeac"))
    rodez_cov = coverage(territory, Selection("ZE2020", (rodez,)))
    at_rodez = rodez_cov.table.set_index("occupation_code")
    at_figeac = coverage(territory, Selection("ZE2020", (figeac,))).table.set_index("occupation_code")
    # Rodez (12202): the TIG welders within 6 months — coded H2916, a ROME 4.0 sub-fiche, counted on its parent
    # H2913 (Soudeur), which carries the hiring projects; Figeac (46102): the HGV drivers at 3 years, the care aides
    assert rodez_cov.needs_rolled_up.get("H2916") == "H2913" and "H2916" not in at_rodez.index
    assert at_rodez.loc["H2913", ["needs_total", "needs_6m"]].tolist() == [2, 2]
    assert at_rodez.loc["H2913", "projects"] > 0
    assert at_figeac.loc["N4101", ["needs_total", "needs_3y"]].tolist() == [4, 4]
    assert at_figeac.loc["J1501", "needs_6m"] == 2
    assert "N4101" not in at_rodez.index or np.isnan(at_rodez.loc["N4101", "needs_total"])  # not in Rodez


def test_a_header_is_read_by_what_it_starts_with():
    from gpect_core.survey.importer import guess_mapping

    columns = ["Horodateur", "Effectif de l'établissement", "Taille de l'entreprise", "Entreprise", "Commune",
               "Poste recherché", "Nombre de postes", "Ce recrutement vous paraît-il difficile ?"]
    mapping = guess_mapping(columns).columns
    assert mapping["firm"] == "Entreprise"
    assert mapping["size"] == "Taille de l'entreprise"
    assert mapping["difficulty"] == "Ce recrutement vous paraît-il difficile ?"
    assert mapping["date"] == "Horodateur"
    # with the size given only as the establishment's headcount, that is the size, never the firm
    mapping = guess_mapping(["Effectif de l'établissement", "Nom de l'entreprise", "Poste"]).columns
    assert mapping["size"] == "Effectif de l'établissement" and mapping["firm"] == "Nom de l'entreprise"


def test_a_person_named_in_the_firm_is_personal_data_the_firm_is_not():
    from gpect_core.survey.importer import personal_columns

    frame = pd.DataFrame({"Personne à contacter dans l'entreprise": ["Jeanne Martin"],
                          "Nom de l'entreprise": ["Fonderie du Lot"], "Entreprise": ["Fonderie du Lot"],
                          "Contact entreprise": ["Paul Roux"], "Commune": ["12202"]})
    assert set(personal_columns(frame)) == {"Personne à contacter dans l'entreprise", "Contact entreprise"}


def test_a_workbook_s_answers_sheet_is_found_after_a_readme_sheet():
    import io

    from openpyxl import Workbook

    from gpect_core.survey.importer import read_survey

    book = Workbook()
    book.active.title = "Lisez-moi"
    book.active.append(["Merci de remplir une ligne par poste."])
    book.active.append(["Questions : contactez le service emploi."])
    answers = book.create_sheet("Réponses")
    answers.append(["Entreprise", "Commune", "Poste recherché", "Nombre de postes"])
    answers.append(["Fonderie du Val", "91001", "soudeur", "2"])
    out = io.BytesIO()
    book.save(out)
    survey = read_survey(out.getvalue(), "enquete.xlsx")
    assert survey.sheet == "Réponses" and "Poste recherché" in survey.columns
    assert survey.sheets[-1] == "Réponses"
    chosen = read_survey(out.getvalue(), "enquete.xlsx", sheet="Lisez-moi")
    assert chosen.sheet == "Lisez-moi"


def test_values_a_reader_would_have_to_guess_are_refused_or_asked_about(index, demo):
    """« 12 % » is no headcount, « 3,5 » no difficulty, « peut-être » neither yes nor no: refused where they are;
    a million people in one answer may be a typo: asked about."""
    text = SURVEY.decode("utf-8")
    text = text.replace("Soudeur TIG H/F;3;moins de 6 mois;4;", "Soudeur TIG H/F;12 %;moins de 6 mois;3,5;")
    text = text.replace("Conducteur PL;2;", "Conducteur PL;1000000;")
    header, *rows = text.splitlines()
    text = "\n".join([header + ";Emploi fragilisé ?", rows[0] + ";peut-être", *[r + ";non" for r in rows[1:]]])
    survey = read_survey(text.encode(), "enquete.csv")
    mapping = guess_mapping(survey.columns)
    mapping.columns.update({"title": "Quel poste recherchez-vous ?", "fragile": "Emploi fragilisé ?"})
    check = check_survey(survey, mapping, demo, index, today=BEFORE_SURVEY_DATES)
    messages = [p.message for p in check.problems]
    assert not check.ok, messages
    assert ("« enquete.csv », ligne 2, colonne « Nombre de postes à pourvoir » : « 12 % » est un pourcentage, pas "
            "un nombre de personnes : écrivez le nombre de personnes recherchées") in messages
    assert any(m.startswith("« enquete.csv », ligne 2, colonne « Difficulté de recrutement » : difficulté « 3,5 » "
                            "illisible") for m in messages)
    assert any(m.startswith("« enquete.csv », ligne 2, colonne « Emploi fragilisé ? » : « peut-être » n'est ni "
                            "« oui » ni « non »") for m in messages)
    assert [d.message for d in check.doubts] == [
        "« enquete.csv », ligne 4, colonne « Nombre de postes à pourvoir » : « 1000000 » personnes pour une seule "
        "réponse : effectif inhabituel, à confirmer"]


def test_a_year_first_date_is_read_year_month_day_and_an_impossible_one_is_refused(index, demo):
    survey = read_survey(SURVEY.replace(b"15/03/2025", b"2025-03-01"), "enquete.csv")
    check = check_survey(survey, guess_mapping(survey.columns), demo, index, today=BEFORE_SURVEY_DATES)
    assert check.ok, [p.message for p in check.problems]
    dates = {d.date().isoformat() for d in check.needs["date"].dropna()}
    assert "2025-03-01" in dates and "2025-01-03" not in dates
    impossible = read_survey(SURVEY.replace(b"15/03/2025", b"2025-13-01"), "enquete.csv")
    check = check_survey(impossible, guess_mapping(impossible.columns), demo, index, today=BEFORE_SURVEY_DATES)
    assert "« enquete.csv », ligne 5, colonne « Horodatage » : date « 2025-13-01 » illisible (JJ/MM/AAAA attendu)" \
        in [p.message for p in check.problems]


def test_iso_dates_and_form_timestamps_are_year_month_day_french_dates_day_first(index, demo):
    from gpect_core.survey.importer import parse_dates

    read = parse_dates(pd.Series(["2026-10-02", "2026-10-02 14:33:10", "2026-10-02T14:33:10+02:00", "2026/10/02",
                                  "02/10/2026", "2/10/26 14:33", "2026-02-30", "31/02/2026", ""]))
    assert read.dt.strftime("%d/%m/%Y").tolist()[:6] == ["02/10/2026"] * 6
    assert read[6:].isna().all()
    # a form tool's column of ISO timestamps: every answer keeps its month (October, not February)
    stamps = SURVEY.replace(b"12/03/2025", b"2025-03-12 14:33:10").replace(b"13/03/2025", b"2025-03-13 09:01:00") \
        .replace(b"14/03/2025", b"2025-03-14 10:00:00").replace(b"15/03/2025", b"2025-04-30 23:59:59")
    survey = read_survey(stamps, "enquete.csv")
    check = check_survey(survey, guess_mapping(survey.columns), demo, index, today=date(2025, 6, 1))
    assert check.ok, [p.message for p in check.problems]
    assert check.needs["date"].dt.strftime("%d/%m/%Y").tolist() == ["12/03/2025", "13/03/2025", "14/03/2025",
                                                                     "30/04/2025"]
    impossible = read_survey(stamps.replace(b"2025-04-30 23:59:59", b"2025-02-30"), "enquete.csv")
    check = check_survey(impossible, guess_mapping(impossible.columns), demo, index, today=date(2025, 6, 1))
    assert [p.message for p in check.problems] == [
        "« enquete.csv », ligne 5, colonne « Horodatage » : " + check.problems[0].message.split(" : ", 1)[1]]
    assert "2025-02-30" in check.problems[0].message


def test_a_firm_name_question_is_the_firm_a_person_s_name_stays_personal(index, demo):
    from gpect_core.survey.importer import personal_columns

    firm_headers = ["Nom de votre entreprise", "Nom de l'établissement", "Raison sociale", "Nom de la société"]
    person_headers = ["Nom", "Nom du répondant", "Nom et prénom"]
    frame = pd.DataFrame({h: ["Fonderie du Lot"] for h in firm_headers} | {h: ["Jeanne Martin"] for h in person_headers})
    assert set(personal_columns(frame)) == set(person_headers)
    for header in firm_headers:
        assert guess_mapping([header, "Poste"]).columns["firm"] == header
    renamed = SURVEY.replace(b"Nom de l'entreprise", b"Nom de votre entreprise")
    survey = read_survey(renamed, "enquete.csv")
    assert "Nom de votre entreprise" not in survey.dropped and "Nom du répondant" in survey.dropped
    check = check_survey(survey, guess_mapping(survey.columns), demo, index, today=BEFORE_SURVEY_DATES)
    assert "Fonderie du Val" in check.firms.values()


def test_usual_horizon_wordings_are_normalised_and_one_not_understood_is_asked_about(index, demo):
    wordings = SURVEY.replace(b";moins de 6 mois;", b";Dans les 6 prochains mois;") \
        .replace(b";dans 1 an;", b";sous 12 mois;").replace(b";6 mois;", b";quand on pourra;")
    survey = read_survey(wordings, "enquete.csv")
    check = check_survey(survey, guess_mapping(survey.columns), demo, index, today=BEFORE_SURVEY_DATES)
    assert check.needs["horizon"].tolist() == ["besoins à moins de 6 mois", "besoins à 1 an", "besoins à 3 ans",
                                               "quand on pourra"]
    assert [d.message for d in check.doubts] == [
        "« enquete.csv », ligne 5, colonne « À quelle échéance ? » : horizon « quand on pourra » non reconnu "
        "(attendu : moins de 6 mois, 1 an ou 3 ans, « dans les 6 prochains mois », « d'ici 12 mois »…) : à confirmer "
        "(compté « sans horizon reconnu »), ou corrigez l'horizon"]
