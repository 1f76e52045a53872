"""The workshop store on SQLite and PostgreSQL: views, scripts, and dot-votes under 30 concurrent voters."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from gpect_core.plan.store import PlanStore
from gpect_core.selection import Selection
from gpect_core.workshop.drafts import draft_actions
from gpect_core.workshop.errors import VoteClosedError, WorkshopError
from gpect_core.workshop.links import presenter_url, view_query, view_url
from gpect_core.workshop.store import WorkshopStore
from gpect_core.workshop.subjects import action_items, occupation_items

ITEMS = [("M-A1", "Aides-soignants (A1)", "A1"), ("M-B2", "Cuisiniers (B2)", "B2"), ("M-C3", "Maçons (C3)", "C3")]


@pytest.fixture
def workshop(plan_store):
    return WorkshopStore(plan_store)


def test_migration_reaches_the_workshop_revision(plan_store):
    assert plan_store.schema_revision() == "0006_workshop_drafts"


def test_views_saved_renamed_deleted_and_scripts_follow(workshop):
    query = view_query({"zonage": "ZE2020", "zones": "9905", "mode": "presentation", "etape": "2"})
    assert query == "zonage=ZE2020&zones=9905"
    first = workshop.save_view("Chômage du Pays Sud", "carte", query, "Regarder le sud", "Édith")
    second = workshop.save_view("Métiers", "metiers", "zonage=ZE2020", "", "Édith")
    script = workshop.create_script("Comité du 12", "Édith")
    workshop.set_script(script, "Comité du 12 mars", [(first, "On commence ici"), (second, "Puis les métiers")])
    steps = workshop.script_steps(script)
    assert list(steps["name"]) == ["Chômage du Pays Sud", "Métiers"]
    assert list(steps["note"]) == ["On commence ici", "Puis les métiers"]
    assert presenter_url(steps["page"][0], steps["query"][0], script, 1) == \
        f"./carte?zonage=ZE2020&zones=9905&mode=presentation&deroule={script}&etape=1"

    workshop.update_view(first, "Chômage au sud", "Nouvelle note")
    assert workshop.get_view(first)["name"] == "Chômage au sud"
    assert workshop.delete_view(first) == 1
    steps = workshop.script_steps(script)
    assert list(steps["position"]) == [1] and list(steps["name"]) == ["Métiers"]
    assert workshop.scripts_frame()["steps"].tolist() == [1]
    with pytest.raises(WorkshopError, match="n'existe pas"):
        workshop.update_view(first, "x", "")
    with pytest.raises(WorkshopError, match="obligatoire"):
        workshop.save_view("   ", "carte", "", "", "Édith")
    with pytest.raises(WorkshopError, match="n'existent plus"):
        workshop.set_script(script, "Comité", [(first, "")])
    assert view_url("carte", "zonage=ZE2020", lang="en") == "./carte?zonage=ZE2020&lang=en"
    assert view_url("", "zonage=ZE2020") == "./?zonage=ZE2020"  # the app's main page


def test_ballot_rules_and_replacement(workshop):
    code = workshop.open_vote("Priorités", "occupations", 3, False, ITEMS, "Édith")
    assert len(code) == 5 and workshop.get_vote(code.lower()).is_open
    assert not workshop.cast_ballot(code, "phone-1", {"M-A1": 1, "M-B2": 1}).replaced
    with pytest.raises(WorkshopError, match="Une seule gommette par choix"):
        workshop.cast_ballot(code, "phone-1", {"M-A1": 2})
    two = workshop.open_vote("Deux gommettes", "occupations", 2, True, ITEMS, "Édith")
    with pytest.raises(WorkshopError, match="3 gommettes ; chacun en a 2"):
        workshop.cast_ballot(two, "phone-2", {"M-A1": 2, "M-B2": 1})
    with pytest.raises(WorkshopError, match="Choix inconnus"):
        workshop.cast_ballot(code, "phone-2", {"M-X": 1})
    assert workshop.cast_ballot(code, "phone-1", {"M-C3": 1}).replaced
    results, voters = workshop.results(code)
    assert voters == 1
    assert dict(zip(results["item_id"], results["dots"], strict=True)) == {"M-C3": 1, "M-A1": 0, "M-B2": 0}
    assert workshop.ballot_of(code, "phone-1") == {"M-C3": 1}
    assert workshop.ballot_of(code, "phone-9") is None


def test_closed_vote_refuses_ballots_and_proposals(workshop):
    code = workshop.open_vote("Idées", "proposals", 2, True, [], "Édith")
    item = workshop.add_proposal(code, "phone-1", "Un forum des métiers du soin").item_id
    workshop.cast_ballot(code, "phone-1", {item: 2})
    workshop.set_open(code, False)
    with pytest.raises(VoteClosedError, match="est clos"):
        workshop.cast_ballot(code, "phone-2", {item: 1})
    with pytest.raises(VoteClosedError, match="est clos"):
        workshop.add_proposal(code, "phone-2", "Autre idée")
    results, voters = workshop.results(code)
    assert voters == 1 and results["dots"].tolist() == [2]
    with pytest.raises(WorkshopError, match="Aucun vote ne porte le code"):
        workshop.get_vote("ZZZZZ")


def test_the_same_proposal_typed_differently_is_one_item_and_its_dots_add_up(workshop):
    code = workshop.open_vote("Idées", "proposals", 3, True, [], "Édith")
    first = workshop.add_proposal(code, "phone-1", "Un forum des métiers du soin")
    assert first.created and first.label == "Un forum des métiers du soin"
    for typed in ("un forum des métiers  du soin", "UN FORUM DES METIERS DU SOIN !", " Un forum des métiers du soin."):
        again = workshop.add_proposal(code, "phone-2", typed)
        assert (again.item_id, again.label, again.created) == (first.item_id, "Un forum des métiers du soin", False)
    other = workshop.add_proposal(code, "phone-3", "Un forum des métiers du bâtiment")
    assert other.created and other.item_id != first.item_id
    assert workshop.items_frame(code)["label"].tolist() == ["Un forum des métiers du soin",
                                                            "Un forum des métiers du bâtiment"]
    workshop.cast_ballot(code, "phone-1", {first.item_id: 2})
    workshop.cast_ballot(code, "phone-2", {first.item_id: 1, other.item_id: 2})
    results, voters = workshop.results(code)
    assert voters == 2
    assert dict(zip(results["label"], results["dots"], strict=True)) == {"Un forum des métiers du soin": 3,
                                                                         "Un forum des métiers du bâtiment": 2}
    with pytest.raises(WorkshopError, match="ni lettre ni chiffre"):
        workshop.add_proposal(code, "phone-4", "?!")


def test_thirty_concurrent_ballots_are_each_counted_once(workshop):
    code = workshop.open_vote("Priorités", "occupations", 2, True, ITEMS, "Édith")
    start = threading.Barrier(30)

    def vote(n: int):
        start.wait()
        first = ITEMS[n % 3][0]
        workshop.cast_ballot(code, f"phone-{n}", {first: 1, "M-C3": 1} if first != "M-C3" else {first: 2})
        # the same browser changes its mind at once: still one ballot
        return workshop.cast_ballot(code, f"phone-{n}", {first: 2}).replaced

    with ThreadPoolExecutor(30) as pool:
        replaced = list(pool.map(vote, range(30)))
    assert all(replaced)
    results, voters = workshop.results(code)
    assert voters == 30
    assert dict(zip(results["item_id"], results["dots"], strict=True)) == {"M-A1": 20, "M-B2": 20, "M-C3": 20}
    assert dict(zip(results["item_id"], results["voters"], strict=True)) == {"M-A1": 10, "M-B2": 10, "M-C3": 10}


def test_closing_during_thirty_concurrent_ballots_keeps_exactly_the_accepted_ones(workshop):
    code = workshop.open_vote("Priorités", "occupations", 1, False, ITEMS, "Édith")
    start = threading.Barrier(31)

    def vote(n: int) -> bool:
        start.wait()
        try:
            workshop.cast_ballot(code, f"phone-{n}", {"M-A1": 1})
        except VoteClosedError:
            return False
        return True

    def close() -> None:
        start.wait()
        workshop.set_open(code, False)

    with ThreadPoolExecutor(31) as pool:
        closing = pool.submit(close)
        accepted = sum(pool.map(vote, range(30)))
        closing.result()
    results, voters = workshop.results(code)
    assert voters == accepted == int(results.loc[results["item_id"] == "M-A1", "dots"].iloc[0])
    with pytest.raises(VoteClosedError):
        workshop.cast_ballot(code, "late-phone", {"M-A1": 1})


def test_top_items_become_draft_actions(workshop, plan_store: PlanStore, plan_territory):
    selection = Selection(plan_territory.default_zoning, ())
    items = occupation_items(plan_territory, selection, 5)
    assert len(items) == 5 and all(i.startswith("M-") for i, _l, _r in items)
    code = workshop.open_vote("Métiers prioritaires", "occupations", 3, True, items, "Édith")
    workshop.cast_ballot(code, "phone-1", {items[2][0]: 2, items[4][0]: 1})
    workshop.cast_ballot(code, "phone-2", {items[2][0]: 1})
    results, _n = workshop.results(code)
    axis = plan_store.axes_frame()["axis_id"].iloc[0]
    before = len(plan_store.actions_frame())
    created = draft_actions(workshop, workshop.get_vote(code), results, 3, axis, ["9905"], "Édith")
    assert len(created) == 2  # the third item has no dot
    actions = plan_store.actions_frame().set_index("action_id")
    assert len(actions) == before + 2
    top = actions.loc[created[0]]
    assert top["title"] == items[2][1] and top["occupation_codes"] == items[2][2]
    assert top["status"] == "a_lancer" and "3 gommette(s) de 2 participant(s)" in top["description"]
    plan_items = action_items(plan_territory, selection, plan_store.actions_frame())
    assert len(plan_items) == len(actions)
    with pytest.raises(WorkshopError, match="déjà inscrites"):
        vote = workshop.open_vote("Actions", "actions", 1, False, plan_items, "Édith")
        draft_actions(workshop, workshop.get_vote(vote), workshop.results(vote)[0], 3, axis, [], "Édith")


def test_a_projected_chart_has_larger_text_and_the_same_data():
    import altair as alt
    import pandas as pd

    from gpect_core.charts import finish
    from gpect_core.workshop.chart import projected

    chart = finish(alt.Chart(pd.DataFrame({"métier": ["A", "B"], "projets": [3, 5]})).mark_bar()
                   .encode(x="projets:Q", y="métier:N").properties(title="Projets"))
    big = projected(chart, 1.5).to_dict()
    small = chart.to_dict()
    assert big["config"]["axis"]["labelFontSize"] == 1.5 * small["config"]["axis"]["labelFontSize"]
    assert big["config"]["title"]["fontSize"] == 1.5 * small["config"]["title"]["fontSize"]
    assert big["config"]["legend"]["labelLimit"] == 240  # Vega-Lite's 160 px, scaled
    assert big["config"]["axis"]["gridColor"] == small["config"]["axis"]["gridColor"]
    assert big["datasets"] == small["datasets"] and big["encoding"] == small["encoding"]
    assert chart.to_dict() == small  # the original is left as it was


def test_a_projected_chart_enlarges_the_sizes_a_chart_sets_itself_and_cuts_no_label_shorter():
    import pandas as pd

    from gpect_core.charts.plan import gantt, status_by_axis_bar
    from gpect_core.workshop.chart import PROJECTED_LEGEND_COLUMNS, projected, results_chart

    plan_bars = status_by_axis_bar(pd.DataFrame({"axis_label": ["Attractivité des métiers"] * 2,
                                                 "status": ["en_cours", "terminee"], "actions": [2, 3]}))
    big = projected(plan_bars).to_dict()
    assert big["encoding"]["y"]["axis"]["labelLimit"] == 1.5 * plan_bars.to_dict()["encoding"]["y"]["axis"]["labelLimit"]
    assert big["config"]["legend"]["columns"] == PROJECTED_LEGEND_COLUMNS  # five statuses wrap under a half-page chart
    timeline = gantt(pd.DataFrame({"action_id": ["ACT22"], "axis_id": ["AX1"], "status": ["en_cours"], "progress": [10],
                                   "title": ["Groupement d'employeurs pour l'insertion et la qualification"],
                                   "start_date": pd.to_datetime(["2025-01-01"]),
                                   "end_date": pd.to_datetime(["2026-06-30"])}), set(),
                     axis_labels={"AX1": "Attractivité"})
    assert projected(timeline).to_dict()["layer"][0]["encoding"]["y"]["axis"]["labelLimit"] == 510
    votes = results_chart(pd.DataFrame({"label": ["Un forum"], "dots": [3]}), "Gommettes", "Choix")
    layers = projected(votes).to_dict()["layer"]
    assert layers[0]["encoding"]["y"]["axis"] == {"labelFontSize": 21.0, "labelLimit": 630.0, "labelOverlap": False,
                                                  "labelFlush": False, "labelBound": False}
    assert layers[1]["mark"]["fontSize"] == 21.0  # the count beside each bar
    # The item title is in the tooltip only: beside long labels it overlapped them.
    assert layers[0]["encoding"]["y"]["title"] is None and votes.to_dict()["layer"][1]["mark"]["fontSize"] == 14
    assert layers[0]["encoding"]["tooltip"][0]["title"] == "Choix"


def _dots(workshop, code) -> dict[str, int]:
    results, _voters = workshop.results(code)
    return dict(zip(results["label"], results["dots"], strict=True))


def test_the_facilitator_merges_one_proposal_into_another_and_dots_move_within_the_rules(workshop):
    code = workshop.open_vote("Idées", "proposals", 3, False, [], "Édith")
    forum = workshop.add_proposal(code, "phone-1", "Un forum des métiers du soin").item_id
    salon = workshop.add_proposal(code, "phone-2", "Un salon de l'emploi santé").item_id
    bus = workshop.add_proposal(code, "phone-3", "Un bus pour aller aux formations").item_id
    workshop.cast_ballot(code, "phone-1", {forum: 1, salon: 1, bus: 1})  # one dot on both: one goes back
    workshop.cast_ballot(code, "phone-2", {salon: 1, bus: 1})  # moves to the forum
    workshop.cast_ballot(code, "phone-3", {forum: 1})
    assert _dots(workshop, code) == {"Un forum des métiers du soin": 2, "Un salon de l'emploi santé": 2,
                                     "Un bus pour aller aux formations": 2}

    merged = workshop.merge_items(code, salon, forum, "Édith")
    assert (merged.voters, merged.dots_moved, merged.dots_returned) == (2, 1, 1)
    assert _dots(workshop, code) == {"Un forum des métiers du soin": 3, "Un bus pour aller aux formations": 2}
    results, voters = workshop.results(code)
    assert voters == 3 and results.loc[results["item_id"] == forum, "voters"].item() == 3
    assert workshop.items_frame(code)["item_id"].tolist() == [forum, bus]  # what the phones show
    assert workshop.ballot_of(code, "phone-1") == {forum: 1, bus: 1}  # the returned dot can go elsewhere
    workshop.cast_ballot(code, "phone-1", {forum: 1, bus: 1})
    history = workshop.merges_frame(code)
    assert history[["label", "into_label", "voters", "dots_moved", "dots_returned", "author"]].values.tolist() == [
        ["Un salon de l'emploi santé", "Un forum des métiers du soin", 2, 1, 1, "Édith"]]

    again = workshop.add_proposal(code, "phone-4", "un salon de l'emploi SANTÉ")
    assert (again.item_id, again.label, again.created) == (forum, "Un forum des métiers du soin", False)
    with pytest.raises(WorkshopError, match="regroupé « Un salon de l'emploi santé » avec « Un forum"):
        workshop.cast_ballot(code, "phone-5", {salon: 1})
    with pytest.raises(WorkshopError, match="déjà été fusionnée"):
        workshop.merge_items(code, salon, bus, "Édith")
    with pytest.raises(WorkshopError, match="elle-même"):
        workshop.merge_items(code, bus, bus, "Édith")
    with pytest.raises(WorkshopError, match="n'existe pas"):
        workshop.merge_items(code, "P99", bus, "Édith")


def test_merging_adds_up_dots_when_several_are_allowed_and_works_on_a_closed_vote(workshop):
    code = workshop.open_vote("Idées", "proposals", 3, True, [], "Édith")
    forum = workshop.add_proposal(code, "phone-1", "Un forum des métiers").item_id
    salon = workshop.add_proposal(code, "phone-2", "Un salon des métiers").item_id
    visit = workshop.add_proposal(code, "phone-3", "Des visites d'entreprises").item_id
    workshop.cast_ballot(code, "phone-1", {forum: 2, salon: 1})
    workshop.cast_ballot(code, "phone-2", {salon: 3})
    workshop.cast_ballot(code, "phone-3", {visit: 1, salon: 2})
    workshop.set_open(code, False)  # closed, results not read yet
    merged = workshop.merge_items(code, salon, forum, "Édith")
    assert (merged.voters, merged.dots_moved, merged.dots_returned) == (3, 6, 0)
    assert _dots(workshop, code) == {"Un forum des métiers": 8, "Des visites d'entreprises": 1}
    assert workshop.ballot_of(code, "phone-1") == {forum: 3}
    # merged again: what had been merged into the forum follows it
    workshop.merge_items(code, forum, visit, "Édith")
    assert _dots(workshop, code) == {"Des visites d'entreprises": 9}
    assert workshop.results(code)[1] == 3
    assert workshop.items_frame(code)["item_id"].tolist() == [visit]
    assert workshop.merges_frame(code)["into_id"].tolist() == [forum, visit]
    with pytest.raises(WorkshopError, match="ne porte pas sur des propositions"):
        occupations = workshop.open_vote("Métiers", "occupations", 2, True, ITEMS, "Édith")
        workshop.merge_items(occupations, "M-A1", "M-B2", "Édith")


def test_a_merge_during_concurrent_ballots_keeps_every_dot_within_the_rules(workshop):
    code = workshop.open_vote("Idées", "proposals", 2, False, [], "Édith")
    a = workshop.add_proposal(code, "phone-0", "Idée A").item_id
    b = workshop.add_proposal(code, "phone-0", "Idée B").item_id
    c = workshop.add_proposal(code, "phone-0", "Idée C").item_id
    start = threading.Barrier(13)

    def vote(n: int) -> None:
        start.wait()
        try:
            workshop.cast_ballot(code, f"phone-{n}", {a: 1, b: 1} if n % 2 else {b: 1, c: 1})
        except WorkshopError:  # cast after the merge with a stale ballot naming B: refused, nothing written
            workshop.cast_ballot(code, f"phone-{n}", {a: 1, c: 1})

    def merge() -> None:
        start.wait()
        workshop.merge_items(code, b, a, "Édith")

    with ThreadPoolExecutor(13) as pool:
        done = [pool.submit(vote, n) for n in range(12)] + [pool.submit(merge)]
        for future in done:
            future.result()
    results, voters = workshop.results(code)
    assert voters == 12 and results["item_id"].tolist()[0] == a
    ballots = [workshop.ballot_of(code, f"phone-{n}") for n in range(12)]
    # every phone ends with exactly one dot on A (moved, kept or cast after the merge), none on B, none over 2
    assert all(ballot.get(a) == 1 and b not in ballot and sum(ballot.values()) <= 2 for ballot in ballots)
    assert all(ballots[n].get(c) == 1 for n in range(0, 12, 2))  # the even phones' dot on C never moved
    on_c = sum(ballot.get(c, 0) for ballot in ballots)
    assert dict(zip(results["item_id"], results["dots"], strict=True)) == {a: 12, c: on_c}


def test_a_vote_becomes_draft_actions_once(workshop, plan_store: PlanStore):
    code = workshop.open_vote("Métiers prioritaires", "occupations", 3, True, ITEMS, "Édith")
    workshop.cast_ballot(code, "phone-1", {"M-A1": 2, "M-B2": 1})
    results, _n = workshop.results(code)
    axis = plan_store.axes_frame()["axis_id"].iloc[0]
    before = len(plan_store.actions_frame())
    created = draft_actions(workshop, workshop.get_vote(code), results, 3, axis, [], "Édith")
    assert workshop.drafts_of(code)[1:] == ("Édith", created)
    with pytest.raises(WorkshopError, match=r"déjà été créées le .* par Édith : " + ", ".join(created)):
        draft_actions(workshop, workshop.get_vote(code), results, 3, axis, [], "Bruno")
    assert len(plan_store.actions_frame()) == before + 2


def test_a_failed_draft_can_be_tried_again(workshop, plan_store: PlanStore):
    from gpect_core.plan.errors import PlanValidationError

    code = workshop.open_vote("Métiers", "occupations", 1, False, ITEMS, "Édith")
    workshop.cast_ballot(code, "phone-1", {"M-C3": 1})
    results, _n = workshop.results(code)
    with pytest.raises(PlanValidationError):
        draft_actions(workshop, workshop.get_vote(code), results, 3, "AXE-INCONNU", [], "Édith")
    assert workshop.drafts_of(code) is None
    axis = plan_store.axes_frame()["axis_id"].iloc[0]
    assert len(draft_actions(workshop, workshop.get_vote(code), results, 3, axis, [], "Édith")) == 1


def test_drafts_go_to_a_workshop_axis_on_a_plan_without_axis(tmp_path):
    from gpect_core.workshop.drafts import WORKSHOP_AXIS

    plan = PlanStore.open(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    try:
        assert plan.axes_frame().empty
        workshop = WorkshopStore(plan)
        code = workshop.open_vote("Idées", "proposals", 1, False, [], "Édith")
        item = workshop.add_proposal(code, "phone-1", "Un forum des métiers").item_id
        workshop.cast_ballot(code, "phone-1", {item: 1})
        created = draft_actions(workshop, workshop.get_vote(code), workshop.results(code)[0], 3, WORKSHOP_AXIS,
                                [], "Édith")
        axes = plan.axes_frame()
        assert list(axes["label"]) == ["Issues de l'atelier"]
        assert plan.get_action(created[0])["axis_id"] == WORKSHOP_AXIS
    finally:
        plan.close()
