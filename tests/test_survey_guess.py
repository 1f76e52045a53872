"""Column guessing of a survey export: a yes/no question (« Emploi fragilisé ? », « Poste menacé ? ») is never
taken for the job title, by its words or by its answers; a real job-title question still is."""

from __future__ import annotations

import pandas as pd
import pytest

from gpect_core.survey.importer import guess_mapping, yes_no_columns


@pytest.mark.parametrize("question", ["Emploi fragilisé ?", "Poste menacé ?", "Emploi menacé",
                                      "Métier à risque de suppression ?"])
def test_a_threatened_job_question_is_the_yes_no_field_not_the_job_title(question):
    columns = ["Entreprise", question, "Métier recherché", "Nombre de postes"]
    mapping = guess_mapping(columns).columns
    assert mapping["title"] == "Métier recherché"
    assert mapping["fragile"] == question


def test_alone_with_the_job_title_words_a_threatened_job_question_still_leaves_the_title_unmapped():
    mapping = guess_mapping(["Entreprise", "Emploi fragilisé ?", "Nombre de postes"]).columns
    assert "title" not in mapping  # the user maps it: never the yes/no column
    assert mapping["fragile"] == "Emploi fragilisé ?"


def test_a_column_of_yes_no_answers_is_not_the_job_title_whatever_its_header():
    frame = pd.DataFrame({"Entreprise": ["Fonderie du Lot", "Transports Vidal", "EHPAD Les Tilleuls"],
                          "Emploi concerné": ["Oui", "non", ""],
                          "Fonction": ["soudeur tig", "conducteur PL", "aide-soignant"],
                          "Nombre de postes": ["2", "1", "3"]})
    assert yes_no_columns(frame) == {"Emploi concerné"}
    mapping = guess_mapping(list(frame.columns), frame).columns
    assert mapping["title"] == "Fonction"
    assert "Emploi concerné" not in mapping.values() or mapping.get("fragile") == "Emploi concerné"
    # without the answers, the header alone reads as a job
    assert guess_mapping(list(frame.columns)).columns["title"] == "Emploi concerné"


def test_a_job_title_question_ending_with_a_question_mark_is_still_the_title():
    frame = pd.DataFrame({"Quel métier recherchez-vous ?": ["Soudeur", "Cariste"], "Combien ?": ["1", "2"]})
    mapping = guess_mapping(list(frame.columns), frame).columns
    assert mapping["title"] == "Quel métier recherchez-vous ?"
    assert mapping["headcount"] == "Combien ?"
