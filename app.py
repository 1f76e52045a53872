"""GPECT Atlas — router: navigation, the global territory filter, the language. Nothing else."""

from __future__ import annotations

import streamlit as st

from gpect_core.assets import PROJECT_ROOT, STATIC_DIR, install_leaflet
from gpect_core.errors import GpectError
from gpect_core.i18n import t
from ui import context as ctx
from ui.feedback import md
from ui.links import copy_link_button, drop_retired_params, entered_page, url_writer
from ui.plan.session import current_user, write_login_cookie
from ui.serving import (
    cache_app_static,
    compress_streamlit_bundles,
    pin_base_url,
    serve_brotli_app_static,
    serve_brotli_bundles,
    serve_font_subsets,
    widen_websocket_compression_window,
)
from ui.streamlit_text import translate_streamlit_text
from ui.workshop import presenter, save_view
from ui.workshop.common import presenting

# (page script, title key, URL path, section key). One line per page.
PAGES = [
    ("app_pages/synthese.py", "nav.synthese", "synthese", "nav.section.explore"),
    ("app_pages/carte.py", "nav.carte", "carte", "nav.section.explore"),
    ("app_pages/metiers.py", "nav.metiers", "metiers", "nav.section.explore"),
    ("app_pages/formations.py", "nav.formations", "formations", "nav.section.act"),
    ("app_pages/passerelles.py", "nav.passerelles", "passerelles", "nav.section.act"),
    ("app_pages/rapprochement.py", "nav.pairing", "rapprochement", "nav.section.act"),
    ("app_pages/plan.py", "nav.plan", "plan", "nav.section.plan"),
    ("app_pages/donnees.py", "nav.donnees", "donnees", "nav.section.data"),
    ("app_pages/atelier.py", "nav.atelier", "atelier", "nav.section.workshop"),
    ("app_pages/vote.py", "nav.vote", "vote", "nav.section.workshop"),
]

st.set_page_config(page_title="GPECT Atlas", page_icon="🗺️", layout="wide")
install_leaflet()
compress_streamlit_bundles()
pin_base_url(url_path for _script, _title, url_path, _section in PAGES)
serve_brotli_bundles(PROJECT_ROOT / "var" / "brotli")
cache_app_static()
serve_brotli_app_static(STATIC_DIR, PROJECT_ROOT / "var" / "brotli" / "app")
widen_websocket_compression_window()
serve_font_subsets(PROJECT_ROOT / "var" / "fonts", PROJECT_ROOT, ("app.py", "app_pages", "ui", "gpect_core"))

try:
    territory = ctx.get_territory()
except GpectError as exc:
    st.error(t("pack.error", ctx.current_lang()))
    st.code(exc.report(), language=None)
    st.stop()

ctx.init_filter_from_url(territory)
lang = ctx.current_lang()

with st.sidebar:
    st.markdown(f"### {t('filter.header', lang)}")
    zonings = territory.zoning_ids()
    st.selectbox(t("filter.zoning", lang), zonings, key=ctx.FILTER_ZONING, on_change=ctx.clear_zones,
                 format_func=lambda z: ctx.zoning_label(territory, z, lang))
    names = territory.zone_names(st.session_state[ctx.FILTER_ZONING])
    st.multiselect(t("filter.zones", lang), list(names), key=ctx.FILTER_ZONES,
                   format_func=lambda z: f"{names.get(z, z)} ({z})",
                   placeholder=t("filter.zones.placeholder", lang))
    st.segmented_control(t("lang.label", lang), ["fr", "en"], key=ctx.LANG, format_func=str.upper,
                         selection_mode="single")
    copy_link_button(lang)
    translate_streamlit_text(lang)
    if territory.fictional:
        st.markdown(f":orange-badge[**{territory.notice(lang)}**]")
    st.caption(territory.name)

for key, values in ctx.url_warnings():
    st.warning(t(key, lang, **values))
sections: dict[str, list] = {}
for script, title_key, url_path, section_key in PAGES:
    page = st.Page(script, title=t(title_key, lang), url_path=url_path, default=not sections)
    sections.setdefault(t(section_key, lang), []).append(page)
page = st.navigation(sections, position="hidden" if presenting() else "sidebar")
# After st.navigation, which resets the query string when the page changes (the page's own choices come back with
# its widgets, ui/links.bound).
ctx.sync_url(in_place=entered_page(page._script_hash))
if missing := ctx.unknown_page(url_path for _script, _title, url_path, _section in PAGES):
    st.warning(t("links.unknown_page", lang, name=md(missing), page=page.title), icon=":material/link_off:")
if retired := drop_retired_params():
    st.warning(t("links.retired", lang, names=", ".join(retired)), icon=":material/link_off:")
if presenting():
    presenter.presenter_bar(territory, page.url_path, lang)
else:
    save_view.sidebar_control(territory, page.url_path, page.title, lang)
current_user()  # on a session's first run, adopts the login of the browser's session cookie
with st.sidebar:
    write_login_cookie()
try:
    page.run()
finally:  # also after a page's st.stop(): the page's choices corrected in place in the address bar
    with st.sidebar:
        url_writer()
