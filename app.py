"""GPECT Atlas — router: navigation, the global territory filter, the language. Nothing else."""

from __future__ import annotations

import streamlit as st

from gpect_core.assets import install_leaflet
from gpect_core.errors import GpectError
from gpect_core.i18n import t
from ui import context as ctx
from ui.serving import compress_streamlit_bundles

# (page script, title key, URL path, section key). One line per page.
PAGES = [
    ("app_pages/synthese.py", "nav.synthese", "synthese", "nav.section.explore"),
    ("app_pages/carte.py", "nav.carte", "carte", "nav.section.explore"),
    ("app_pages/metiers.py", "nav.metiers", "metiers", "nav.section.explore"),
    ("app_pages/plan.py", "nav.plan", "plan", "nav.section.plan"),
    ("app_pages/donnees.py", "nav.donnees", "donnees", "nav.section.data"),
]

st.set_page_config(page_title="GPECT Atlas", page_icon="🗺️", layout="wide")
install_leaflet()
compress_streamlit_bundles()

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
    if territory.fictional:
        st.caption(f":orange[**{territory.notice(lang)}**]")
    st.caption(territory.name)

for key, values in ctx.url_warnings():
    st.warning(t(key, lang, **values))
sections: dict[str, list] = {}
for script, title_key, url_path, section_key in PAGES:
    page = st.Page(script, title=t(title_key, lang), url_path=url_path, default=not sections)
    sections.setdefault(t(section_key, lang), []).append(page)
page = st.navigation(sections)
ctx.sync_url()  # after st.navigation, which resets the query string when the page changes
page.run()
