"""AppTest of the « Passerelles » page on the demo pack, in French and in English."""

from __future__ import annotations

import pandas as pd
import pytest
from apptest_tables import shown
from streamlit.testing.v1 import AppTest

from gpect_core.indicators import bridges as core
from gpect_core.selection import Selection


@pytest.fixture
def at(demo_pack_copy, monkeypatch, tmp_path):
    monkeypatch.setenv("GPECT_PACK", str(demo_pack_copy))
    monkeypatch.setenv("GPECT_DB_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    return AppTest.from_file("../app.py", default_timeout=120)


def _open(at, lang="fr", zones=()):
    at.run()
    at.session_state["lang"] = lang
    at.switch_page("app_pages/passerelles.py")
    at.run()
    if zones:
        at.multiselect(key="filter_zones").set_value(list(zones)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _table(at, column):
    return next(f for f in at.dataframe if column in f.value.columns)


def test_page_starts_from_a_weakened_occupation_and_ranks_what_hires_locally(at, demo_territory):
    _open(at)
    fragile = core.fragile_occupations(demo_territory, Selection("ZE2020"))
    assert at.selectbox(key="origine").value == fragile["occupation_code"].iloc[0] == "D1214"
    table = shown(_table(at, "Métier cible"))
    first = table.iloc[0]
    assert first["Rang"] == "1"
    # The most openings: a target found by the skills score alone, with what the seller lacks for it.
    assert first["Métier cible"] == "Equipier polyvalent / Equipière polyvalente de restauration rapide"
    assert first["Type de passerelle"] == "compétences proches"
    assert first["Score de proximité"] not in ("", "–")
    assert "Prendre une commande et servir" in first["Lesquelles"]
    mobility = table[table["Type de passerelle"] == "mobilité ROME"].iloc[0]
    assert mobility["Métier cible"] == "Préparateur / Préparatrice de commandes"
    assert any("Passerelles depuis Vendeur / Vendeuse en prêt-à-porter" in h.value.replace("\\", "") for h in at.subheader)
    assert any("Classement :" in c.value for c in at.caption)
    weakened = shown(_table(at, "Signes"))
    assert weakened.iloc[0]["Code"] == "D1214"
    assert "Chiffre de projets fragile" in weakened.columns and "Fragile" not in weakened.columns
    from gpect_core.assemble.bridges import MIN_SCORE

    method = " ".join(m.value for m in at.markdown)
    assert f"dont le score atteint {MIN_SCORE:g}".replace(".", ",") in method


def test_page_in_english_with_a_zone_selected(at, demo_territory):
    _open(at, "en", zones=["9903", "9907"])
    table = shown(_table(at, "Target occupation"))
    expected = core.reachable_targets(demo_territory, Selection("ZE2020", ("9903", "9907")),
                                      at.selectbox(key="origine").value)
    assert table.iloc[0]["Target occupation"] == expected["label"].iloc[0]
    assert table.iloc[0]["Bridge type"] == "similar skills"
    assert "ROME mobility" in set(table["Bridge type"])
    assert any("Career bridges from" in h.value for h in at.subheader)


def test_any_occupation_can_be_the_start(at, demo_territory):
    _open(at)
    at.segmented_control(key="depart").set_value("any").run()
    at.selectbox(key="origine").set_value("H2913").run()
    assert not at.exception, [e.value for e in at.exception]
    table = shown(_table(at, "Métier cible"))
    expected = core.reachable_targets(demo_territory, Selection("ZE2020"), "H2913")
    assert list(table["Code"]) == list(expected["to_code"])
    assert any("Passerelles depuis Soudeur / Soudeuse" in h.value for h in at.subheader)
    assert not any(f for f in at.dataframe if "Signes" in f.value.columns)  # no weakened list in this mode


def test_a_link_carries_the_start_and_the_origin_occupation(at):
    at.query_params.update({"depart": "n'importe quel métier", "origine": "Soudeur / Soudeuse (H2913)"})
    _open(at)
    assert at.segmented_control(key="depart").value == "any"
    assert at.selectbox(key="origine").value == "H2913" and not at.warning
    assert any("Passerelles depuis Soudeur / Soudeuse" in h.value for h in at.subheader)
    assert not any(f for f in at.dataframe if "Signes" in f.value.columns)


def test_jobs_declared_fragile_on_the_pairing_page_are_listed_with_their_reason(at, demo_territory, tmp_path):
    from gpect_core.pairing.reader import entry_id
    from gpect_core.pairing.store import PairingStore

    code = "A1414"  # horticulteur: no sign of weakness in the demo's figures (mean tension class 2.7)
    assert code not in set(core.fragile_occupations(demo_territory, Selection("ZE2020"))["occupation_code"])
    commune = demo_territory.tables["communes"]["commune_id"].iloc[0]
    store = PairingStore.open(f"sqlite:///{tmp_path / 'plan.sqlite'}")
    store.import_list("fragile", pd.DataFrame({
        "entry_id": [entry_id("Pépinières Orion", commune, code)], "firm": ["Pépinières Orion"],
        "commune_id": [commune], "occupation_code": [code], "headcount": [7], "time_frame": [""]}), "edith")
    store.close()
    _open(at)
    weakened = shown(_table(at, "Signes relevés"))
    row = weakened[weakened["Code"] == code].iloc[0]
    assert row["Signes relevés"] == "déclaré fragile par 1 entreprise(s) (7 pers.)"
    assert "Pépinières Orion" not in weakened.to_csv()  # counted, never named
    rule = next(c.value for c in at.caption if c.value.startswith("Règle :"))
    assert "déclarés fragiles par des entreprises le sont toujours" in rule and "classe 4 ou plus" in rule


def test_a_job_declared_fragile_in_a_high_tension_occupation_is_listed_with_its_tension(at, demo_territory,
                                                                                       tmp_path):
    from gpect_core.pairing.reader import entry_id
    from gpect_core.pairing.store import PairingStore

    local = core.local_figures(demo_territory, Selection("ZE2020"), sorted(core.labels(demo_territory)))
    high = local[local["tension_class"] >= core.HIGH_TENSION].sort_values("occupation_code")
    code, tension = high["occupation_code"].iloc[0], high["tension_class"].iloc[0]
    assert code not in set(core.fragile_occupations(demo_territory, Selection("ZE2020"))["occupation_code"])
    communes = demo_territory.tables["communes"]["commune_id"]
    firms = ["Clinique du Lac", "Ehpad des Tilleuls"]
    store = PairingStore.open(f"sqlite:///{tmp_path / 'plan.sqlite'}")
    store.import_list("fragile", pd.DataFrame({
        "entry_id": [entry_id(f, c, code) for f, c in zip(firms, communes.iloc[:2], strict=True)], "firm": firms,
        "commune_id": list(communes.iloc[:2]), "occupation_code": [code, code], "headcount": [3, 2],
        "time_frame": ["", ""]}), "edith")
    store.close()
    _open(at)
    weakened = shown(_table(at, "Signes relevés"))
    row = weakened[weakened["Code"] == code].iloc[0]
    cls = f"{tension:.1f}".replace(".", ",")
    assert row["Signes relevés"] == (f"déclaré fragile par 2 entreprise(s) (5 pers.), malgré une forte tension "
                                     f"({cls} sur 5)")
    assert row["Classe de tension"] == cls


def test_with_one_year_of_projects_the_falling_sign_is_not_shown_as_no(at, monkeypatch):
    real = core.fragile_occupations

    def one_year(*args, **kwargs):
        out = real(*args, **kwargs)
        out.attrs["years"] = None
        return out

    monkeypatch.setattr(core, "fragile_occupations", one_year)
    _open(at, zones=["9911", "9912"])  # a selection no other test reads (the page caches per selection)
    weakened = _table(at, "Signes").value
    assert "Code" in weakened.columns
    assert not {"Projets en baisse", "Évolution des projets"} & set(weakened.columns)
    rule = next(c.value for c in at.caption if c.value.startswith("Règle :"))
    assert "critère non appliqué" in rule and ") (" not in rule


def test_in_a_region_whose_tension_has_no_offers_the_page_says_where_jobseekers_per_offer_come_from(
        at, demo_pack_copy, demo_territory):
    path = demo_pack_copy / "tension.parquet"
    tension = pd.read_parquet(path)
    tension.loc[tension["zoning"].isin(["REG", "DEP"]), ["offers", "jobseekers"]] = None
    tension.to_parquet(path)
    at.run()
    at.switch_page("app_pages/passerelles.py")
    at.run()
    at.selectbox(key="filter_zoning").set_value("REG").run()
    assert not at.exception, [e.value for e in at.exception]
    zones = demo_territory.tables["communes"]["zone_ZE2020"].nunique()
    notes = [c.value for c in at.caption if c.value.startswith("Demandeurs par offre :")]
    assert notes and f"sommés sur les {zones} zones de ce zonage comprises dans la sélection" in notes[0]
    weakened = _table(at, "Signes relevés").value
    assert weakened["Demandeurs par offre"].notna().any()


def test_a_later_bmo_edition_without_a_crosswalk_to_rome_is_named_and_why_it_is_not_used(at, demo_pack_copy):
    path = demo_pack_copy / "recruitment.parquet"
    recruitment = pd.read_parquet(path)
    later = recruitment[recruitment["year"] == 2024].assign(year=2025, occupation_system="FAP2021",
                                                            occupation_code="A0X40")
    later = later.drop_duplicates(["zoning", "zone_id"])
    pd.concat([recruitment, later], ignore_index=True).to_parquet(path)
    _open(at, zones=["9913"])  # a selection no other test reads (the page caches per selection)
    captions = [c.value for c in at.caption]
    assert "Projets de recrutement BMO 2024." in captions
    assert any(c.startswith("Les projets BMO 2025 ne sont pas utilisés pour classer : ils sont codés en FAP2021, "
                            "et le pack n'a pas de table de passage FAP2021 → ROME") for c in captions), captions


def test_a_link_naming_only_an_origin_outside_the_fragile_list_opens_on_any_occupation(at):
    at.query_params.update({"origine": "H2913"})
    _open(at)
    assert at.segmented_control(key="depart").value == "any"
    assert at.selectbox(key="origine").value == "H2913"
    assert not any("Valeur inconnue dans le lien" in w.value for w in at.warning)
    assert any("Passerelles depuis Soudeur / Soudeuse" in h.value for h in at.subheader)
