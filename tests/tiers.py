"""Which tests run in `make test` (the gate CI runs on every submission, about 6 minutes on a 2-core machine) and
which only in `make test-full` (the whole suite, run before every release and every stop).

Every test runs in `make test-full`. The gate keeps at least one test of each behaviour a user would notice: all unit,
store and AppTest tests on the demo pack and on small fixtures, the readers on the real files of ../shared/realdata,
and one browser test per thing only a browser shows (the map that draws and selects on click, the deep link, the
upload, the review queue, the stale save, the phones' votes, Back and Forward, a chart download, axe-core on one
page).

The full tier adds every test on the national pack (any test using the `national_pack`, `national_build` or
`national_url` fixture: the build from ../shared/realdata alone is about 100 s of CPU, a third of the gate's budget,
and the golden figures compare it), and the tests listed below, which repeat at a larger scale or in a second browser
scenario something the gate already asserts; each entry says which gate test covers it.

An entry is a node id prefix (`tests/test_x.py` for a whole module, `tests/test_x.py::test_y` for a test and all
its parameters, or the id with its parameter).
"""

from __future__ import annotations

FULL_ONLY: dict[str, str] = {
    # --- real files read one by one: the gate reads one file of each reader, the full tier every file (and the
    # national build reads them all again)
    "tests/test_readers_realdata.py::test_bmo_workbooks_of_each_year_and_their_description_sheets[2024": "[2023…]",
    "tests/test_readers_realdata.py::test_bmo_workbooks_of_each_year_and_their_description_sheets[2025": "[2023…]",
    "tests/test_readers_realdata.py::test_real_file_is_recognised_and_read[bmo/Base_open_data_BMO_2024": "BMO 2023",
    "tests/test_readers_realdata.py::test_real_file_is_recognised_and_read[bmo/Base_open_data_BMO_2025": "BMO 2023",
    "tests/test_readers_realdata.py::test_real_file_is_recognised_and_read[emploi/pop_hist_1876_ze.xlsx": "its CSV",
    "tests/test_readers_realdata.py::test_real_file_is_recognised_and_read[emploi/chomage-zone-t1": "its CSV",
    "tests/test_readers_realdata.py::test_real_file_is_recognised_and_read[territoires/ZE2020_au": "its CSV",
    "tests/test_readers_realdata.py::test_ze_workbook_and_its_csv_extract_agree": "the CSV read in the gate",
    # --- second browser scenarios of something the gate checks in a browser
    "tests/test_browser_a11y.py::test_every_page_passes_axe_core[metiers-fr]": "axe-core on Synthèse (-fr); "
                                                                             "contrast and labels: AppTest",
    "tests/test_browser_a11y.py::test_every_page_passes_axe_core[carte-fr]": "same",
    "tests/test_browser_a11y.py::test_every_page_passes_axe_core[plan-fr]": "same",
    "tests/test_browser_a11y.py::test_every_page_passes_axe_core[plan-en]": "same",
    "tests/test_browser_a11y.py::test_every_page_passes_axe_core[formations-fr]": "same",
    "tests/test_browser_a11y.py::test_every_page_passes_axe_core[passerelles-fr]": "same",
    "tests/test_browser_a11y.py::test_every_page_passes_axe_core[rapprochement-fr]": "same",
    "tests/test_browser_a11y.py::test_every_page_passes_axe_core[donnees-fr]": "same",
    "tests/test_browser_a11y.py::test_every_page_passes_axe_core[atelier-fr]": "same",
    "tests/test_browser_a11y.py::test_every_page_passes_axe_core[vote-fr]": "same",
    "tests/test_browser_a11y.py::test_every_page_passes_axe_core[carte-en]": "same",
    "tests/test_browser_a11y.py::test_every_page_passes_axe_core[atelier-en]": "same",
    "tests/test_browser_carte.py::test_the_map_draws_every_zone_and_a_click": "test_clicking_the_same_spot_again…"
                                                                            " (draws, selects, twice)",
    "tests/test_browser_carte.py::test_a_new_indicator_recolours": "test_the_map_draws_every_zone_and_a_click…",
    "tests/test_browser_carte.py::test_every_zoning_of_the_demo_pack": "same; every zoning's layer: test_map_static",
    "tests/test_browser_carte.py::test_the_comparison_chart_downloads": "test_browser_metiers.py downloads",
    "tests/test_browser_carte.py::test_a_deep_link_to_the_map_logs": "test_browser_synthese deep link",
    "tests/test_browser_donnees.py::test_column_mapping_in_the_browser": "test_upload_in_the_browser…; mapping: "
                                                                        "test_page_donnees.py (AppTest)",
    "tests/test_browser_formats.py": "formats: test_page_formats.py (AppTest)",
    "tests/test_browser_hostile.py::test_hostile_zone_names": "escaping on every page: test_plan_page / AppTest",
    "tests/test_browser_hostile.py::test_sparse_dimension_workbook": "the same workbook refused in process, and "
                                                                       "the bounded reading child: test_hostile_files",
    "tests/test_browser_login.py": "the login route and its cookie: test_login_session.py",
    "tests/test_browser_synthese.py::test_a_deep_link_to_a_page_works_as_the_first": "test_clicking_a_basin_…"
                                                                                    " deep link on a warm server",
    "tests/test_browser_links.py::test_a_link_with_page_choices": "test_page_links.py (AppTest)",
    "tests/test_browser_links.py::test_copy_link": "test_page_links.py (AppTest)",
    "tests/test_browser_metiers.py::test_ranking_by_difficulty": "test_rankings_draw_and_download…",
    "tests/test_browser_survey.py::test_an_editor_imports_a_survey": "test_an_editor_confirms_a_code…",
    "tests/test_browser_synthese.py::test_synthese_draws_every_basin": "test_clicking_a_basin_selects_it…",
    "tests/test_browser_synthese.py::test_the_page_works_in_english": "English pages: AppTest",
    "tests/test_browser_synthese.py::test_the_selection_survives": "test_page_links.py (AppTest)",
    "tests/test_browser_synthese.py::test_the_same_spot_clicked_again": "test_browser_carte same spot",
    "tests/test_plan_browser.py::test_a_visitor_sees_the_plan": "test_plan_page.py (AppTest)",
    "tests/test_plan_browser.py::test_an_editor_downloads_the_plan": "test_plan_xlsx / test_hostile_plan (CLI)",
    "tests/test_plan_browser.py::test_the_quick_editor_table": "test_plan_page.py quick editor (AppTest)",
    "tests/test_plan_browser_en.py": "test_plan_page.py in English (AppTest)",
    "tests/test_workshop_browser.py::test_presenter_mode_steps": "test_workshop_page.py (AppTest)",
    "tests/test_workshop_browser.py::test_the_page_itself_is_larger": "test_workshop_page.py (AppTest)",
    "tests/test_workshop_browser.py::test_two_app_servers": "test_workshop_store.py on PostgreSQL",
    "tests/test_workshop_browser.py::test_the_projector_shows": "test_workshop_page.py (AppTest)",
    "tests/test_workshop_browser.py::test_a_phone_shows_others_proposals": "test_workshop_page.py: run_every",
    "tests/test_workshop_browser.py::test_the_projected_vote_shows_its_qr": "presenter layout; the phones' vote "
                                                                          "test draws the projected results",
    "tests/test_browser_links.py::test_streamlit_s_own_words": "the axe sweep of -fr, carte-fr, plan-fr checks "
                                                                "the same words",
    "tests/test_pairing_browser.py": "test_pairing_page.py (AppTest)",
    "tests/test_browser_passerelles.py": "test_page_passerelles.py (AppTest) and chart exports",
    "tests/test_browser_formations.py": "test_page_formations.py (AppTest)",
    # --- concurrency and processes at scale: the gate keeps the same checks with fewer writers
    "tests/test_plan_reliability.py": "test_plan_store.py (stale saves, transactions on both stores)",
    "tests/test_plan_auth_cli.py::test_cli_creates_the_first_administrator": "test_cli.py and test_hostile_plan",
}


def is_full_only(nodeid: str) -> bool:
    """True when `nodeid` runs only in `make test-full`."""
    return any(nodeid.startswith(key) for key in FULL_ONLY)


def unmatched(nodeids: list[str]) -> list[str]:
    """The entries of `FULL_ONLY` that match none of `nodeids` (a renamed test would silently go back to the gate)."""
    return [key for key in FULL_ONLY if not any(n.startswith(key) for n in nodeids)]
