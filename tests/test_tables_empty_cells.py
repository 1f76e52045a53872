"""Empty numbers and texts read « – » in every table of a page, never Streamlit's « None » (a null cell is drawn
« None » by the browser whatever the Styler says: `ui.tables`)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from apptest_tables import none_cells, shown, values
from streamlit.testing.v1 import AppTest

from gpect_core.formatting import Fmt
from ui.tables import styled


def test_styled_sends_no_null_and_writes_a_dash():
    frame = pd.DataFrame({"n": pd.array([3, None], dtype="Int64"), "s": pd.array([0.5, None], dtype="Float64"),
                          "x": [1.25, np.nan], "t": pd.array(["a", None], dtype="string"), "o": ["a", None]})
    style = styled(frame, {"n": Fmt("int"), "s": Fmt("pct")}, "fr")
    assert not style.data.isna().any().any()
    assert pd.api.types.is_numeric_dtype(style.data["n"]) and pd.api.types.is_numeric_dtype(style.data["x"])
    body = style._translate(False, False)["body"]
    assert [c["display_value"] for c in body[1] if c.get("type") == "td"] == ["–"] * 5
    assert [c["display_value"] for c in body[0] if c.get("type") == "td"] == ["3", "50,0\u202f%", "1,25", "a", "a"]


@pytest.fixture
def app(demo_pack_copy, monkeypatch, tmp_path):
    monkeypatch.setenv("GPECT_PACK", str(demo_pack_copy))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    return AppTest.from_file("../app.py", default_timeout=120)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_passerelles_has_no_none_cell(app, lang):
    app.run()
    app.session_state["lang"] = lang
    app.switch_page("app_pages/passerelles.py")
    app.run()
    app.multiselect(key="filter_zones").set_value(["9906"]).run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.dataframe, "no table on the page"
    assert none_cells(app) == []


def test_formations_on_the_national_pack_reads_dashes_and_says_which_bmo_year(national_pack, monkeypatch, tmp_path):
    monkeypatch.setenv("GPECT_PACK", str(national_pack))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    at = AppTest.from_file("../app.py", default_timeout=300)
    at.run()
    at.switch_page("app_pages/formations.py")
    at.run()
    at.multiselect(key="filter_zones").set_value(["7621"]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert none_cells(at) == []
    element = next(f for f in at.dataframe if "Code ROME" in f.value.columns)
    projects = values(element)["Projets BMO"]
    first_empty = int(np.argmax(projects.isna().to_numpy())) if projects.isna().any() else len(projects)
    assert projects.iloc[first_empty:].isna().all()
    text = shown(element)
    assert (text.loc[projects.isna().to_numpy(), "Projets BMO"] == "–").all()
    # the BMO edition used is said, and why; the export captions name only that edition
    note = next(c.value for c in at.caption if c.value.startswith("Projets de recrutement : BMO"))
    from gpect_core.indicators.training_needs import bmo_editions, coverage
    from gpect_core.selection import Selection
    from gpect_core.territory import Territory
    from ui.formations import SOURCES, caption_sources

    territory = Territory.load(national_pack, validate=False)
    cov = coverage(territory, Selection("ZE2020", ("7621",)))
    later = [y for y in bmo_editions(territory) if y > cov.bmo_year]
    assert later and f"BMO {cov.bmo_year}," in note and ", ".join(map(str, later)) in note
    ctx = type("Ctx", (), {"territory": territory})()
    lines = caption_sources(ctx, cov, SOURCES)
    bmo = next(line for line in lines if "BMO" in line)
    assert f"BMO {cov.bmo_year}" in bmo and not any(str(y) in bmo for y in later), bmo
