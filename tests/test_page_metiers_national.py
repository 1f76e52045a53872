"""AppTest of « Métiers en tension » on the national pack with the largest selection a user can make (every BMO
basin): every tab is drawn, none fails on the size (Altair refuses more than 5,000 rows), and the heatmap says it
shows only the basins that hire most."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from gpect_core.indicators.occupations import MAX_HEATMAP_ZONES
from gpect_core.territory import Territory


@pytest.mark.realdata
@pytest.mark.parametrize("lang", ["fr"])
def test_every_bmo_basin_selected_draws_every_tab(national_pack, monkeypatch, tmp_path, lang):
    monkeypatch.setenv("GPECT_PACK", str(national_pack))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    basins = Territory.load(national_pack, validate=False).zones_of("BMO")["zone_id"].tolist()
    assert len(basins) > 334  # the size at which the heatmap used to exceed 5,000 rows
    at = AppTest.from_file("../app.py", default_timeout=240)
    # With a link, as a user would share it (?zonage=BMO&zones=…&lang=fr).
    at.query_params["zonage"], at.query_params["zones"], at.query_params["lang"] = "BMO", ",".join(basins), lang
    at.run()
    at.switch_page("app_pages/metiers.py")
    at.run()
    assert len(at.session_state["filter_zones"]) == len(basins)
    assert not at.exception, [e.value for e in at.exception]
    assert [t.label for t in at.tabs][:4] == ["Classements", "Bassins × métiers", "Évolutions", "Fiche métier"]
    notes = [i.value for i in at.info if "le graphique montre les" in i.value]
    assert len(notes) == 1 and f"les {MAX_HEATMAP_ZONES} qui recrutent le plus" in notes[0]
    assert notes[0].startswith(f"Sélection de {len(basins)} bassins")
    charts = at.get("vega_lite_chart")
    assert len(charts) >= 4  # ranking, heatmap, the two trends (if several years) and the components
    heat = next(c for c in charts if "Part des projets difficiles par bassin" in c.proto.spec)
    assert heat.proto.spec.count("zone_name") > 0
    assert any(s.value.startswith("Fiche : ") for s in at.subheader)  # the last tab was drawn too
