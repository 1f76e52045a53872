"""AppTest of the workshop: saving the current view from the sidebar, opening a vote, its live results and the
draft actions made from its top items; what a visitor without account sees."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from gpect_core.plan.store import PlanStore
from gpect_core.workshop.store import WorkshopStore
from ui.feedback import md

EDITOR = {"username": "edith", "name": "Édith Éditrice", "role": "editeur"}


@pytest.fixture
def workshop_env(monkeypatch, tmp_path, plan_accounts_file, plan_territory):
    url = f"sqlite:///{tmp_path / 'plan.sqlite'}"
    monkeypatch.setenv("GPECT_DB_URL", url)
    plan = PlanStore.open(url, plan_territory)
    yield WorkshopStore(plan)
    plan.close()


def _run(path: str, user: dict | None = None) -> AppTest:
    at = AppTest.from_file(path, default_timeout=120)
    if user:
        at.session_state["plan_user"] = user
    return at.run()


def _button(at: AppTest, label: str):
    matches = [b for b in at.button if b.label == label]
    assert matches, f"no button {label!r}: {[b.label for b in at.button]}"
    return matches[0]


def test_an_editor_saves_the_current_view_from_the_sidebar(workshop_env):
    at = _run("../app.py", EDITOR)
    assert not at.exception
    name = next(t for t in at.text_input if t.label == "Nom de la vue")
    name.set_value("Tout le territoire")
    next(t for t in at.text_area if t.label.startswith("Note")).set_value("Pour ouvrir la séance")
    _button(at, "Enregistrer").click().run()
    assert not at.exception
    views = workshop_env.views_frame()
    assert list(views["name"]) == ["Tout le territoire"]
    assert views["page"].iloc[0] == "" and "zonage=ZE2020" in views["query"].iloc[0]
    assert views["note"].iloc[0] == "Pour ouvrir la séance" and views["author"].iloc[0].startswith("Édith")


def test_a_visitor_cannot_save_a_view(workshop_env):
    at = _run("../app.py")
    assert "Nom de la vue" not in [t.label for t in at.text_input]
    assert any("Seuls les éditeurs" in c.value for c in at.caption)


def test_an_editor_opens_a_vote_follows_it_and_drafts_actions(workshop_env, plan_territory):
    at = _run("../app_pages/atelier.py", EDITOR)
    assert not at.exception
    next(t for t in at.text_input if t.label == "Question posée").set_value("Métiers à soutenir")
    _button(at, "Ouvrir le vote").click().run()
    assert not at.exception
    votes = workshop_env.votes_frame()
    assert list(votes["title"]) == ["Métiers à soutenir"]
    code = votes["vote_id"].iloc[0]
    assert any(code in m.value and "vote?code=" in m.value for m in at.markdown)
    items = workshop_env.items_frame(code)
    assert len(items) == 10 and items["item_id"].str.startswith("M-").all()

    top, second = items["item_id"].iloc[3], items["item_id"].iloc[7]
    workshop_env.cast_ballot(code, "phone-1", {top: 2, second: 1})
    workshop_env.cast_ballot(code, "phone-2", {top: 1})
    at.run()
    assert next(m.value for m in at.metric if m.label == "Participants ayant voté") == "2"
    table = at.table[0].value
    assert table.iloc[0].tolist() == [3, 2] and table.index[0] == md(items["label"].iloc[3])

    before = len(workshop_env.plan.actions_frame())
    _button(at, "Créer les actions « à lancer »").click().run()
    assert not at.exception
    assert any("2 action(s) créée(s)" in s.value for s in at.success)
    actions = workshop_env.plan.actions_frame()
    assert len(actions) == before + 2
    assert items["label"].iloc[3] in set(actions["title"])
    at.run()  # a second click is not offered: the vote says it was already turned into actions
    assert "Créer les actions « à lancer »" not in [b.label for b in at.button]
    assert any("déjà été transformé en actions" in i.value for i in at.info)
    assert len(workshop_env.plan.actions_frame()) == before + 2

    _button(at, "Clore le vote").click().run()
    assert not workshop_env.get_vote(code).is_open
    assert any("Vote clos" in i.value for i in at.info)


def test_a_visitor_sees_the_results_but_no_control(workshop_env):
    code = workshop_env.open_vote("Idées", "proposals", 2, False, [], "Édith")
    item = workshop_env.add_proposal(code, "phone-1", "Un forum des métiers").item_id
    workshop_env.cast_ballot(code, "phone-1", {item: 1})
    at = _run("../app_pages/atelier.py")
    assert not at.exception
    assert "Ouvrir le vote" not in [b.label for b in at.button]
    assert "Clore le vote" not in [b.label for b in at.button]
    assert at.table[0].value.loc["Un forum des métiers"].tolist() == [1, 1]


def test_the_vote_settings_show_only_what_applies_to_the_subject(workshop_env):
    at = _run("../app_pages/atelier.py", EDITOR)
    slider = "Nombre de métiers proposés (ceux qui recrutent le plus)"
    several = "Plusieurs gommettes possibles sur un même choix"
    assert [s.label for s in at.slider] == [slider]  # occupations, the default subject
    at.radio(key="ws_vote_subject").set_value("proposals").run()
    assert not at.slider and not at.exception
    assert any("une proposition déjà faite n'est pas ajoutée deux fois" in c.value for c in at.caption)
    at.radio(key="ws_vote_subject").set_value("actions").run()
    assert not at.slider
    assert any("action(s) du plan concernent la sélection" in c.value for c in at.caption)
    assert several in [c.label for c in at.checkbox]
    at.number_input(key="ws_vote_dots").set_value(1).run()
    assert several not in [c.label for c in at.checkbox]  # one dot: nothing to spread

    at.radio(key="ws_vote_subject").set_value("proposals").run()
    next(t for t in at.text_input if t.label == "Question posée").set_value("Vos idées")
    _button(at, "Ouvrir le vote").click().run()
    assert not at.exception
    vote = workshop_env.get_vote(workshop_env.votes_frame()["vote_id"].iloc[0])
    assert (vote.title, vote.subject, vote.dots, vote.several) == ("Vos idées", "proposals", 1, False)


def test_a_participant_typing_an_existing_proposal_is_told_and_shown_it(workshop_env):
    code = workshop_env.open_vote("Idées", "proposals", 2, False, [], "Édith")
    workshop_env.add_proposal(code, "phone-1", "Un forum des métiers")
    at = AppTest.from_file("../app_pages/vote.py", default_timeout=120)
    at.query_params["code"] = code
    at.run()
    assert not at.exception
    at.text_input[0].set_value("  un FORUM des metiers ")
    next(b for b in at.button if b.label == "Proposer").click().run()
    assert not at.exception
    assert "Cette proposition existe déjà : « Un forum des métiers ». Votez pour elle ci-dessous ; elle n'a pas " \
           "été ajoutée une seconde fois." in [i.value for i in at.info]
    assert not at.success
    assert [c.label for c in at.checkbox] == ["Un forum des métiers"]
    assert workshop_env.items_frame(code)["label"].tolist() == ["Un forum des métiers"]


def test_presenter_mode_does_not_point_to_the_hidden_login_box(workshop_env):
    at = AppTest.from_file("../app_pages/atelier.py", default_timeout=120)
    at.run()
    assert any("Connectez-vous comme éditeur" in i.value for i in at.info)
    at = AppTest.from_file("../app_pages/atelier.py", default_timeout=120)
    at.query_params["mode"] = "presentation"
    at.run()
    assert not at.exception
    assert not any("Connectez-vous comme éditeur" in i.value for i in at.info)


def test_the_facilitator_merges_two_proposals_and_the_phones_follow(workshop_env):
    code = workshop_env.open_vote("Idées", "proposals", 2, False, [], "Édith")
    forum = workshop_env.add_proposal(code, "phone-1", "Un forum des métiers du soin").item_id
    salon = workshop_env.add_proposal(code, "phone-2", "Un salon de l'emploi santé").item_id
    bus = workshop_env.add_proposal(code, "phone-3", "Un bus pour les formations").item_id
    workshop_env.cast_ballot(code, "phone-1", {forum: 1, salon: 1})
    workshop_env.cast_ballot(code, "phone-2", {salon: 1, bus: 1})
    at = _run("../app_pages/atelier.py", EDITOR)
    assert not at.exception
    assert any("n'en garde qu'une, sur la proposition conservée ; l'autre lui est rendue et il peut la placer "
               "ailleurs" in m.value for m in at.markdown)
    at.selectbox(key=f"ws_merge_source_{code}").select(salon)
    at.selectbox(key=f"ws_merge_target_{code}").select(forum)
    _button(at, "Regrouper").click().run()
    assert not at.exception
    assert "« Un salon de l'emploi santé » est regroupée dans « Un forum des métiers du soin » : 1 gommette(s) de " \
           "2 participant(s) reportée(s), 1 rendue(s)." in [s.value for s in at.success]
    history, table = at.dataframe[0].value, at.table[0].value
    assert table.index.tolist() == ["Un forum des métiers du soin", "Un bus pour les formations"]
    assert table.iloc[0].tolist() == [2, 2]  # phone-1 keeps one dot, phone-2's dot moved
    assert history.iloc[0, :4].tolist() == ["Un salon de l'emploi santé", "Un forum des métiers du soin", 1, 1]
    at.run()  # the merged proposal is no longer offered
    assert not at.exception
    assert at.selectbox(key=f"ws_merge_source_{code}").options == ["Un forum des métiers du soin",
                                                                   "Un bus pour les formations"]

    phone = AppTest.from_file("../app_pages/vote.py", default_timeout=120)
    phone.query_params["code"] = code
    phone.run()
    assert not phone.exception
    assert [c.label for c in phone.checkbox] == ["Un forum des métiers du soin", "Un bus pour les formations"]
    assert any("a regroupé « Un salon de l'emploi santé » avec « Un forum des métiers du soin »" in c.value
               for c in phone.caption)


def test_participants_text_is_shown_as_typed_in_the_live_results(workshop_env):
    code = workshop_env.open_vote("Idées", "proposals", 2, False, [], "Édith")
    typed = ["# Titre", "Aller **vite**", "[lien](javascript:alert(1))"]
    for i, text in enumerate(typed):
        item = workshop_env.add_proposal(code, f"phone-{i}", text).item_id
        workshop_env.cast_ballot(code, f"phone-{i}", {item: 1})
    at = _run("../app_pages/atelier.py", EDITOR)
    assert not at.exception
    # st.table reads Markdown: each cell is escaped, so the projector shows « # Titre », not a heading.
    assert sorted(at.table[0].value.index) == sorted(md(text) for text in typed)
    assert md("[lien](javascript:alert(1))") == r"\[lien\]\(javascript\:alert\(1\)\)"
    shown = [m.value for m in at.markdown]
    assert not [m for m in shown if any(t in m for t in typed)]


def test_deleting_a_view_asks_first_and_names_the_scripts_it_leaves(workshop_env):
    view = workshop_env.save_view("Chômage au sud", "carte", "zonage=ZE2020", "", "Édith")
    script = workshop_env.create_script("Comité de mars", "Édith")
    workshop_env.set_script(script, "Comité de mars", [(view, "Début"), (view, "Retour")])
    at = _run("../app_pages/atelier.py", EDITOR)
    _button(at, "Supprimer la vue").click().run()
    assert not at.exception
    assert len(workshop_env.views_frame()) == 1  # nothing deleted on the first click
    assert any("Supprimer la vue « Chômage au sud » ?" in w.value and "« Comité de mars » (2)" in w.value
               for w in at.warning)
    _button(at, "Annuler").click().run()
    assert len(workshop_env.views_frame()) == 1
    _button(at, "Supprimer la vue").click().run()
    _button(at, "Oui, supprimer").click().run()
    assert not at.exception
    assert workshop_env.views_frame().empty and workshop_env.script_steps(script).empty


def test_the_phone_says_how_long_a_proposal_may_be(workshop_env):
    code = workshop_env.open_vote("Idées", "proposals", 2, False, [], "Édith")
    phone = AppTest.from_file("../app_pages/vote.py", default_timeout=120)
    phone.query_params["code"] = code
    phone.run()
    assert not phone.exception
    assert next(t for t in phone.text_input if t.label == "Votre proposition").max_chars == 200
    assert "200 caractères au plus." in [c.value for c in phone.caption]


def test_a_phone_reads_the_proposals_again_by_itself_every_few_seconds(workshop_env, monkeypatch):
    import streamlit as st

    refreshes = []
    fragment = st.fragment

    def recording(func=None, *, run_every=None):
        refreshes.append(run_every)
        return fragment(func, run_every=run_every)

    monkeypatch.setattr(st, "fragment", recording)
    code = workshop_env.open_vote("Idées", "proposals", 2, False, [], "Édith")
    workshop_env.add_proposal(code, "phone-1", "Un forum des métiers")
    phone = AppTest.from_file("../app_pages/vote.py", default_timeout=120)
    phone.query_params["code"] = code
    phone.run()
    assert not phone.exception
    assert [c.label for c in phone.checkbox] == ["Un forum des métiers"]
    assert refreshes and all(0 < seconds <= 5 for seconds in refreshes)  # a fragment refreshed on its own
    workshop_env.add_proposal(code, "phone-2", "Un bus pour les formations")
    phone.run()  # what the fragment's timer does, without « Actualiser »
    assert [c.label for c in phone.checkbox] == ["Un forum des métiers", "Un bus pour les formations"]
    assert "Actualiser" in [b.label for b in phone.button]  # kept as a fallback
