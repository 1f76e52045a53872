"""Defects found in review of the workshop (issue 12): the first step of a new script, participants' text shown as
typed, repeated drafts, drafts without an axis, the database address, language-independent link values."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
from streamlit.elements.lib.column_config_utils import ColumnDataKind, determine_dataframe_schema
from streamlit.elements.widgets.data_editor import _parse_value

from ui.workshop.scripts import steps_table


def test_a_new_script_accepts_its_first_view_and_notes_never_read_none():
    empty = pd.DataFrame({"view_id": pd.Series([], dtype="int64"), "note": pd.Series([], dtype=object)})
    table = steps_table(empty, {1: "1 · Synthèse Rennes (/)"})
    schema = determine_dataframe_schema(table, pa.Table.from_pandas(table).schema)
    assert schema["view"] == ColumnDataKind.STRING
    assert _parse_value("1 · Synthèse Rennes (/)", schema["view"]) == "1 · Synthèse Rennes (/)"
    filled = steps_table(pd.DataFrame({"view_id": [1, 2], "note": ["Début", None]}), {1: "1 · A", 2: "2 · B"})
    assert list(filled["view"]) == ["1 · A", "2 · B"] and list(filled["note"]) == ["Début", ""]


def test_a_vote_on_occupations_of_a_zone_d_emploi_reads_them_like_synthese(national_pack):
    from gpect_core import Territory
    from gpect_core.indicators.selection import data_selection, top_occupations
    from gpect_core.selection import Selection
    from gpect_core.workshop.subjects import occupation_items

    national = Territory.load(national_pack)
    zone = Selection("ZE2020", ("5315",))
    items = occupation_items(national, zone)
    top = top_occupations(national, data_selection(national, zone).selection, 10)
    assert len(items) == 10
    assert [ref for _i, _l, ref in items] == list(top["occupation_code"].astype(str))
    assert items[0][1] == f"{top['label'].iloc[0]} ({top['occupation_code'].iloc[0]})"


def test_the_projected_results_chart_labels_every_bar_in_large_type():
    from gpect_core.workshop.chart import PROJECTED_BAR_STEP, projected, results_chart

    results = pd.DataFrame({"label": [f"Proposition n° {i}" for i in range(6)], "dots": [6, 5, 4, 3, 2, 1]})
    spec = projected(results_chart(results, "Gommettes", "Choix", PROJECTED_BAR_STEP)).to_dict()
    assert spec["height"] == {"step": PROJECTED_BAR_STEP}
    for layer in spec["layer"]:
        y = layer["encoding"]["y"]
        assert y["axis"]["labelOverlap"] is False and y["title"] is None  # no label dropped, no title over them
        assert y["axis"]["labelFontSize"] >= 20
    assert spec["layer"][1]["mark"]["fontSize"] >= 20
