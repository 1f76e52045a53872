"""AppTest: the tables of « Carte des bassins » and « Plan d'action » show their numbers and dates in the interface
language (French « 1,6 », « 6,5 % », « 96 310 », « 31/12/2026 »; English « 1.6 », « 6.5% », « 96,310 »,
« 31 Dec 2026 »), while each cell keeps its number or date so that sorting a column sorts by value."""

from __future__ import annotations

import re
import sys

import pandas as pd
import pytest
from apptest_tables import shown
from streamlit.testing.v1 import AppTest

from gpect_core.formatting import NARROW_NBSP, fmt_date, fmt_float, fmt_int, fmt_pct, fmt_rate

if not hasattr(sys.modules.get("conftest"), "plan_store"):
    from conftest_plan import *  # noqa: F403 — until tests/conftest.py imports the plan fixtures


def _table(at, column: str):
    matches = [f for f in at.dataframe if column in f.value.columns]
    assert matches, f"no table with a column {column!r}"
    return matches[0]


# ---------------------------------------------------------------------------------------------- Carte
@pytest.fixture
def carte(demo_pack_copy, monkeypatch, tmp_path):
    monkeypatch.setenv("GPECT_PACK", str(demo_pack_copy))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    return AppTest.from_file("../app.py", default_timeout=60)


def _open_carte(at, lang, indicator="unemployment_rate"):
    at.run()
    at.session_state["lang"] = lang
    at.session_state["indicateur"] = indicator
    at.switch_page("app_pages/carte.py")
    at.run()
    at.multiselect(key="filter_zones").set_value(["9903"]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_carte_peers_and_values_tables_follow_the_interface_language(carte, demo_territory, lang):
    from gpect_core.indicators.zones import peers

    at = _open_carte(carte, lang)
    expected = peers(demo_territory, "ZE2020", "9903")
    element = _table(at, "Distance")
    text = shown(element)
    population = "Population"
    share = "Part difficile" if lang == "fr" else "Share difficult"
    rate = "Taux de chômage (%)" if lang == "fr" else "Unemployment rate (%)"
    assert text["Distance"].tolist() == [fmt_float(v, 1, lang) for v in expected["distance"]]
    assert text[population].tolist() == [fmt_int(v, lang) for v in expected["population"]]
    assert text[share].tolist() == [fmt_pct(v, lang=lang) for v in expected["difficult_share"]]
    assert text[rate].tolist() == [fmt_rate(v, lang=lang) for v in expected["unemployment_rate"]]
    decimal = "," if lang == "fr" else r"\."
    percent = f"{NARROW_NBSP}%" if lang == "fr" else "%"
    assert all(re.fullmatch(rf"\d+{decimal}\d", d) for d in text["Distance"])
    assert all(re.fullmatch(rf"\d+{decimal}\d{percent}", r) for r in text[rate])
    big = [p for p in text[population] if len(p) > 4]
    assert big and all((NARROW_NBSP if lang == "fr" else ",") in p for p in big)
    assert pd.api.types.is_float_dtype(element.value["Distance"])  # sorting a column sorts by value

    # The table of every zone is built only while its expander is open.
    assert not [f for f in at.dataframe if ("Rang" if lang == "fr" else "Rank") in f.value.columns]
    at.session_state["carte_values_open"] = True
    at.run()
    values = _table(at, "Rang" if lang == "fr" else "Rank")
    value_text = shown(values)["Valeur" if lang == "fr" else "Value"]
    assert all(re.fullmatch(rf"\d+{decimal}\d{percent}", v) for v in value_text)


def test_carte_comparison_stays_in_english_in_english(carte):
    at = _open_carte(carte, "en")
    table = next(f.value for f in at.dataframe if "Projects" in f.value.index)
    assert all("," not in v or re.fullmatch(r"\d{1,3}(,\d{3})+", v) for v in table.loc["Projects"])
    assert all(re.fullmatch(r"\d+\.\d%|–", v) for v in table.loc["Share difficult"])


# ---------------------------------------------------------------------------------------------- Plan

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_plan_late_actions_and_tension_tables_follow_the_interface_language(plan_env, lang):
    at = AppTest.from_file("../app_pages/plan.py", default_timeout=90)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    end, progress_col = ("Fin", "Avancement (%)") if lang == "fr" else ("End", "Progress (%)")
    late = _table(at, end)  # the first table with an end date: the charts above show none
    text = shown(late)
    stored = plan_env.actions_frame().set_index("action_id")
    ids = late.value.iloc[:, 0].tolist()
    assert ids
    assert text[end].tolist() == [fmt_date(stored.loc[i, "end_date"], lang) for i in ids]
    pattern = r"\d{2}/\d{2}/\d{4}" if lang == "fr" else r"\d{1,2} [A-Z][a-z]{2} \d{4}"
    assert all(re.fullmatch(pattern, d) for d in text[end])
    percent = f"{NARROW_NBSP}%" if lang == "fr" else "%"
    assert all(re.fullmatch(rf"\d+{percent}", p) for p in text[progress_col])

    start_year = "Année de début" if lang == "fr" else "Start year"
    tension = _table(at, start_year)
    tension_text = shown(tension)
    numeric = [c for c in tension.value.columns if pd.api.types.is_float_dtype(tension.value[c])]
    assert numeric
    decimal, wrong = ("," , ".") if lang == "fr" else (".", ",")
    for column in numeric:
        cells = [v for v in tension_text[column] if v != "–"]
        assert cells and all(decimal in v and wrong not in v for v in cells), (column, cells)
    changes = [c for c in numeric if c.endswith(("évolution", "change"))]
    assert changes and all(re.fullmatch(r"[+-]?\d+[.,]\d+|–", v) for c in changes for v in tension_text[c])
