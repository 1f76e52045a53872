"""AppTest of « Formations et besoins » on the national pack with a zone d'emploi selected: the coverage map is
drawn (by département, where the training is known) and says how many programmes could not be placed in the
zones d'emploi; the table gives every row its training vintage."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from gpect_core import Territory
from gpect_core.indicators.training_needs import coverage_by_zone

pytestmark = pytest.mark.realdata


def test_a_zone_d_emploi_gets_a_coverage_map_by_departement(national_pack, monkeypatch, tmp_path):
    monkeypatch.setenv("GPECT_PACK", str(national_pack))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    territory = Territory.load(national_pack, validate=False)
    rodez = next(z for z, n in territory.zone_names("ZE2020").items() if n == "Rodez")
    at = AppTest.from_file("../app.py", default_timeout=240)
    at.query_params["zonage"], at.query_params["zones"], at.query_params["lang"] = "ZE2020", rodez, "fr"
    at.run()
    at.switch_page("app_pages/formations.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    table = next(f for f in at.dataframe if "Code ROME" in f.value.columns).value
    assert (table["Millésime formation"].astype(str).str.strip() != "").all()
    at.segmented_control(key="formations_view").set_value("map").run()
    assert not at.exception, [e.value for e in at.exception]
    code = at.selectbox(key="formations_map_pick").value
    by_dep = coverage_by_zone(territory, "DEP", [code]).set_index("zone_id")
    # Rodez lies in Aveyron (12), touching no other département enough to be listed apart
    touched = by_dep.reindex(["12"])["programmes"].sum()
    notes = [c.value for c in at.caption if "n'ont pu être placées" in c.value]
    assert len(notes) == 1 and f" {int(touched)} formations menant à ce choix" in notes[0], notes
    assert "La carte montre donc les départements" in notes[0] and "dans ses zones d'emploi." in notes[0]
    assert by_dep["places_per_100_projects"].notna().any()
