"""Streamlit-side state: the territory pack, the global territory filter and the language.

The filter lives in session state under FILTER_ZONING / FILTER_ZONES, the keys of the sidebar widgets drawn by
`app.py`; the map click (`select_zone`) writes the same keys, and the URL mirrors them (`?zonage=…&zones=…&lang=…`)
so that a link reproduces the view. The URL is read on a session's first run and again whenever the browser's Back
or Forward buttons bring back an earlier URL: the app adopts the URL it is given rather than re-imposing its state.
Pages call `page_context()` and never read files themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit.runtime.scriptrunner import get_script_run_ctx

from gpect_core import Territory, settings
from gpect_core.formatting import fmt_pct
from gpect_core.i18n import LANGS, t
from gpect_core.indicators.selection import DataSelection, Reading, read_selection
from gpect_core.maps import clicked_zone_id
from gpect_core.selection import Selection
from gpect_core.workshop.links import PARAM_MODE, PRESENTATION
from ui.feedback import md
from ui.links import replace_in_url

FILTER_ZONING = "filter_zoning"
FILTER_ZONES = "filter_zones"
LANG = "lang"
_INITIALISED = "_filter_from_url_done"
_URL_WARNINGS = "_filter_url_warnings"

PARAM_ZONING = "zonage"
PARAM_ZONES = "zones"
PARAM_LANG = "lang"


@st.cache_resource(show_spinner=False, max_entries=4)
def _load_territory(path: str, stamp: tuple[float, int]) -> Territory:
    return Territory.load(path)


def get_territory() -> Territory:
    """The current pack, loaded once per version of its manifest (raises GpectError in French)."""
    path = settings.pack_path()
    manifest = path / "manifest.json"
    stat = manifest.stat() if manifest.exists() else None
    stamp = (stat.st_mtime, stat.st_size) if stat else (0.0, 0)
    return _load_territory(str(path), stamp)


def reload_territory() -> None:
    _load_territory.clear()


def current_lang() -> str:
    lang = st.session_state.get(LANG, "fr")
    return lang if lang in LANGS else "fr"


def zoning_label(territory: Territory, zoning: str, lang: str) -> str:
    label = t(f"zoning.{zoning}", lang)
    if label == f"zoning.{zoning}":
        return territory.zonings.get(zoning, {}).get("label", zoning)
    return label


def is_history_navigation() -> bool:
    """Whether this run was started by the browser's Back or Forward button (Streamlit then reruns the page with
    the URL of that history entry; widgets bound to the URL follow it by themselves)."""
    run = get_script_run_ctx()
    return bool(run is not None and getattr(run, "is_history_navigation", False))


def unknown_page(known_paths) -> str | None:
    """The page name the browser's address asked for when it is none of `known_paths` (Streamlit then runs the
    default page without a word); None otherwise. Read after st.navigation."""
    run = get_script_run_ctx()
    manager = getattr(run, "pages_manager", None)
    if manager is None or getattr(manager, "intended_page_script_hash", None):
        return None
    name = (getattr(manager, "intended_page_name", None) or "").strip("/")
    return name if name and name not in set(known_paths) else None


def init_filter_from_url(territory: Territory) -> None:
    """On a session's first run, and after Back or Forward, take the filter and language from the URL (unknown codes
    are reported)."""
    if st.session_state.get(_INITIALISED) and not is_history_navigation():
        return
    params = st.query_params
    warnings: list[tuple[str, dict]] = []
    lang = params.get(PARAM_LANG, "fr")
    if lang not in LANGS:
        warnings.append(("filter.unknown_lang", {"code": lang}))
        lang = "fr"
    st.session_state[LANG] = lang
    zonings = territory.zoning_ids()
    default = territory.default_zoning if territory.default_zoning in zonings else zonings[0]
    zoning = params.get(PARAM_ZONING, default)
    if zoning not in zonings:
        warnings.append(("filter.unknown_zoning", {"code": zoning}))
        zoning = default
    st.session_state[FILTER_ZONING] = zoning
    known = set(territory.zones_of(zoning)["zone_id"])
    asked = [z for z in params.get(PARAM_ZONES, "").split(",") if z]
    unknown = [z for z in asked if z not in known]
    if unknown:
        warnings.append(("filter.unknown_zone", {"codes": ", ".join(unknown)}))
    st.session_state[FILTER_ZONES] = [z for z in asked if z in known]
    st.session_state[_URL_WARNINGS] = warnings
    st.session_state[_INITIALISED] = True


def url_warnings() -> list[tuple[str, dict]]:
    return st.session_state.get(_URL_WARNINGS, [])


def sync_url(extra: dict[str, str] | None = None, in_place: bool = False) -> None:
    """Write the filter and language into the URL (only what differs, to avoid needless reruns), the values set in
    one message: each message the browser gets from the server becomes one history entry, and an entry with the
    zoning but not yet the zones would be a view nobody saw (Back would stop there). `extra`: further parameters
    to write in the same message. `in_place`: on entering a page, whose history entry the browser made already
    (Streamlit's page change drops the query string), the URL is completed in place, without a new entry."""
    wanted = {PARAM_ZONING: st.session_state.get(FILTER_ZONING, ""),
              PARAM_ZONES: ",".join(st.session_state.get(FILTER_ZONES, [])),
              PARAM_LANG: current_lang()}
    to_set = {}
    for key, value in wanted.items():
        if not value or (key == PARAM_LANG and value == "fr"):
            if key in st.query_params and not in_place:
                del st.query_params[key]
        elif st.query_params.get(key) != value:
            to_set[key] = value
    to_set |= {k: v for k, v in (extra or {}).items() if st.query_params.get(k) != v}
    if in_place:
        replace_in_url(to_set | {k: None for k, v in wanted.items()
                                 if k in st.query_params and (not v or (k == PARAM_LANG and v == "fr"))})
    elif to_set:
        try:
            st.query_params.update(to_set)
        except StreamlitAPIException:  # a choice still bound to its widget: that widget writes it
            st.query_params.update({k: v for k, v in to_set.items() if k in wanted})


def clear_zones() -> None:
    st.session_state[FILTER_ZONES] = []


def select_zone(zone_id: str) -> None:
    """Make `zone_id` the selection (used from widget callbacks, before the sidebar widgets are drawn)."""
    st.session_state[FILTER_ZONES] = [zone_id]


def on_map_click(map_key: str) -> None:
    """Callback for st_folium(on_change=...): a click on a zone selects it through the filter's own state."""
    zone_id = clicked_zone_id(st.session_state.get(map_key))
    if zone_id:
        select_zone(zone_id)


@dataclass(frozen=True)
class PageContext:
    territory: Territory
    lang: str
    zoning: str
    zone_ids: list[str]

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    @property
    def selection(self) -> Selection:
        return Selection(self.zoning, tuple(self.zone_ids))

    @property
    def selection_label(self) -> str:
        if not self.zone_ids:
            return f"{self.t('filter.whole_territory')} ({zoning_label(self.territory, self.zoning, self.lang)})"
        names = self.territory.zone_names(self.zoning)
        shown = [names.get(z, z) for z in self.zone_ids]
        return ", ".join(shown[:4]) + (f" … (+{len(shown) - 4})" if len(shown) > 4 else "")

    def provenance_caption(self, table: str) -> str:
        prov = self.territory.provenance.get(table)
        if prov is None:
            return ""
        return self.t("source.caption", source=md(prov.producer or prov.source), vintage=md(prov.vintage))


def page_context() -> PageContext:
    territory = get_territory()
    zoning = st.session_state.get(FILTER_ZONING) or territory.default_zoning or territory.zoning_ids()[0]
    return PageContext(territory=territory, lang=current_lang(), zoning=zoning,
                       zone_ids=list(st.session_state.get(FILTER_ZONES, [])))


def _presenting() -> bool:
    return st.query_params.get(PARAM_MODE) == PRESENTATION


def page_header(ctx: PageContext, title_key: str) -> None:
    """Title, the current selection, and the fictional-data notice when the pack is a demo. In presenter mode
    (`?mode=presentation`) one short line (page · selection · notice), so that a projector's screen shows data."""
    notice = ctx.territory.notice(ctx.lang)
    line = ctx.t("filter.selection", label=md(ctx.selection_label))  # zone names come from files: text, not markup
    if _presenting():
        row = st.container(horizontal=True, vertical_alignment="center", gap="medium")
        row.markdown(f"# {md(ctx.t(title_key))}", width="content")
        row.caption(line, width="content")
        if notice:
            row.markdown(f":orange-badge[{notice}]", width="content")
        return
    st.title(ctx.t(title_key))
    if not notice:
        st.caption(line)
        return
    # Streamlit draws captions at 60 % opacity: the notice's badge stays outside, where its colours keep AA contrast.
    row = st.container(horizontal=True, vertical_alignment="center", gap="small")
    row.caption(line, width="content")
    row.markdown(f":orange-badge[{notice}]", width="content")


def covering_note(ctx: PageContext, data: DataSelection) -> str | None:
    """The sentence saying a selection's hiring figures are read on another zoning (`selection.DataSelection`)."""
    if not data.substituted:
        return None
    territory = ctx.territory
    names = territory.zone_names(data.selection.zoning)
    covering = ", ".join(f"{md(names.get(z, z))} ({fmt_pct(share, 0, ctx.lang)})" for z, share in data.shares.items()) \
        if data.shares is not None else ctx.t("filter.whole_territory")
    label = zoning_label(territory, data.selection.zoning, ctx.lang)
    note = ctx.t("metiers.data_zoning", zoning=label, own=zoning_label(territory, ctx.zoning, ctx.lang),
                 zones=covering)
    if data.coverage is not None:
        note += ctx.t("metiers.data_zoning.coverage", zoning=label,
                      coverage=fmt_pct(data.coverage, 0, ctx.lang))
    return note


def selection_reading(ctx: PageContext) -> Reading:
    """The selection's figures and the zones its recruitment and tension are read on
    (`indicators.selection.read_selection`), with the covering note shown when they are read on another zoning.
    Every page that shows recruitment or tension calls this, right after its header."""
    reading = read_selection(ctx.territory, ctx.selection)
    if note := covering_note(ctx, reading.data):
        if _presenting():
            st.caption(note)
        else:
            st.info(note)
    return reading
