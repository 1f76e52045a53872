"""Views that are links: page choices bound to the URL by their codes, the notice for a link's unknown choice,
« Copier le lien ».

A page's choice (indicator, classification, family, ranking key, occupation, tab) is a widget whose options are
codes (« unemployment_rate », « natural_breaks », « ROME J1501 » as « J1501 ») shown through `format_func`; its URL
parameter holds the code, the same in every language. (Streamlit's own `bind="query-params"` writes the shown text,
so the binding is the app's: `bound`.) A link naming an option by its wording, in French or in English (links made
before codes), is read and its parameter rewritten as the code; a value naming no option gives a notice in the
page's language and the default.

History: a choice the user makes writes the URL from the server (one history entry, so Back returns to the previous
choice); the app's own corrections (a wording rewritten as its code, a page's choices put back on coming back to the
page) replace the browser's current entry in place (`_url_writer`), so one navigation makes one history entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from urllib.parse import urlencode

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.state.session_state_proxy import get_session_state

from gpect_core.i18n import CATALOG, t
from ui.feedback import md

_MEMORY = "links_page_choices"  # {page script hash: {param: code}}
_WRITTEN = "links_written"  # {param: code} the app last put in the URL
_SET = "_links_set"  # {param: widget value} bound() last gave the widget

# The URL parameter of each page choice: short, stable, readable, the same in every language and for every option set.
PARAM_INDICATOR = "indicateur"
PARAM_METHOD = "methode"
PARAM_FAMILY = "famille"
PARAM_TAB = "onglet"
PARAM_RANK_BY = "classement"
PARAM_OCCUPATION = "metier"
PARAM_PLAN_TAB = "rubrique"
PARAM_BRIDGE_START = "depart"  # Passerelles: start from the fragile occupations or from any occupation
PARAM_BRIDGE_ORIGIN = "origine"  # Passerelles: the origin occupation
BOUND_PARAMS = (PARAM_INDICATOR, PARAM_METHOD, PARAM_FAMILY, PARAM_TAB, PARAM_RANK_BY, PARAM_OCCUPATION,
                PARAM_PLAN_TAB, PARAM_BRIDGE_START, PARAM_BRIDGE_ORIGIN)
# Names the first release wrote into links (one of them generated from the number of options): such a link now shows
# the default for that choice, with a notice.
RETIRED_PARAMS = ("carte_indicator", "carte_method_2", "carte_method_3", "metiers_family", "metiers_tab",
                  "metiers_rank_by", "metiers_occupation", "plan_tab")

_GENERATED = re.compile(r"[a-z]+(?:_[a-z]+)*_\d+")

# Applies {param: value or null} to the address bar in place (history.replaceState): no new history entry. Streamlit
# reads the address bar again on its next message from the server.
_WRITER_JS = """
export default function(component) {
  const changes = component.data.changes || {};
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) { params.delete(key); } else { params.set(key, value); }
  }
  const query = params.toString();
  if (query === window.location.search.replace(/^\\?/, "")) { return; }
  const url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
  window.history.replaceState(window.history.state, "", url);
}
"""

_writer_component = st.components.v2.component("gpect_url_writer", html="<span hidden></span>", js=_WRITER_JS)

_COPY_HTML = """
<div class="gpect-copy-link">
  <button type="button"></button>
  <span role="status" aria-live="polite"></span>
  <input type="text" readonly hidden>
</div>
"""

_COPY_CSS = """
.gpect-copy-link { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; font-family: inherit; }
.gpect-copy-link button { font: inherit; font-size: .875rem; padding: .25rem .75rem; border-radius: .5rem;
  border: 1px solid #6b6f76; background: #ffffff; color: #1f2328; cursor: pointer; }
.gpect-copy-link button:hover { border-color: #1f5fa8; color: #1f5fa8; }
.gpect-copy-link button:focus-visible { outline: 3px solid #1f5fa8; outline-offset: 2px; }
.gpect-copy-link span { font-size: .875rem; color: #1f2328; }
.gpect-copy-link input { width: 100%; font: inherit; font-size: .8rem; }
"""

# Copies the address bar itself, so the link always carries what Streamlit and the app last wrote into the URL.
# Without a clipboard (a page served over plain http to another machine), the link is shown selected instead.
_COPY_JS = """
export default function(component) {
  const { data, parentElement } = component;
  const button = parentElement.querySelector("button");
  const status = parentElement.querySelector("span");
  const field = parentElement.querySelector("input");
  button.textContent = data.label;
  button.onclick = async () => {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      field.hidden = true;
      status.textContent = data.copied;
    } catch (error) {
      field.value = url;
      field.setAttribute("aria-label", data.label);
      field.hidden = false;
      field.focus();
      field.select();
      status.textContent = data.manual;
    }
  };
}
"""

_copy_component = st.components.v2.component("gpect_copy_link", html=_COPY_HTML, css=_COPY_CSS, js=_COPY_JS)


def option_code(option) -> str:
    """An option's language-independent URL value: the option itself for a code (« natural_breaks »), the code
    alone for a ROME occupation (« ROME4 », « H2913 ») → « H2913 », « SYSTEM-CODE » for another system's."""
    if isinstance(option, tuple):
        rome = len(option) == 2 and str(option[0]).startswith("ROME")
        return str(option[1]) if rome else "-".join(map(str, option))
    return str(option)


def _resolve(raw: str, options: list, shown: Callable) -> object | None:
    """The option `raw` names: by its code (« J1501 » or « ROME-J1501 » for an occupation), by its shown text in
    the current language, or by the same wording in the other language (the catalogue's pair); None when none."""
    for option in options:
        if raw in (option_code(option), "-".join(map(str, option)) if isinstance(option, tuple) else None):
            return option
    labels = {str(shown(option)): option for option in options}
    if raw in labels:
        return labels[raw]
    for pair in CATALOG.values():
        if raw in pair:
            for candidate in pair:
                if candidate in labels:
                    return labels[candidate]
    return None


def _page() -> str:
    run = get_script_run_ctx()
    return getattr(run, "page_script_hash", "") or ""


def _history_navigation() -> bool:
    run = get_script_run_ctx()
    return bool(run is not None and getattr(run, "is_history_navigation", False))


def entered_page(page_hash: str) -> bool:
    """Whether this run shows the page `page_hash` after another one (or first): the browser made this
    navigation's history entry already, so what the app writes into the URL now goes in place."""
    last, st.session_state["_links_last_page"] = st.session_state.get("_links_last_page"), page_hash
    return last != page_hash


def replace_in_url(changes: dict[str, str | None]) -> None:
    """Set each parameter of `changes` in the URL (None: remove it) in place, without a new history entry."""
    for key, value in changes.items():
        _replace_in_url(key, value)


def _replace_in_url(key: str, code: str | None) -> None:
    """Set (None: remove) `key` in the URL in place: the server's copy without a message to the browser (each
    such message is a new history entry), the address bar through `url_writer`."""
    with get_session_state().query_params() as params:
        if code is None:
            params._query_params.pop(key, None)
        else:
            params.set_with_no_forward_msg(key, code)
        run = get_script_run_ctx()
        if run is not None:  # the server's record of the browser's URL, as Streamlit keeps it when it sends one
            run.query_string = urlencode(params._query_params, doseq=True)
    pending = st.session_state.setdefault("_links_pending", {})
    pending[key] = code


def url_writer() -> None:
    """Apply to the address bar, in place, what `bound` corrected in this run (call once, after the page)."""
    pending = st.session_state.pop("_links_pending", None)
    if pending:
        _writer_component(key="links_url_writer", data={"changes": pending, "query": urlencode(pending)})


def bound(label: str, key: str, options: Iterable, lang: str, format_func: Callable | None = None, *,
          tabs: bool = False) -> dict:
    """The keyword arguments binding a choice widget to the URL parameter `key`: ``key=…``, ``format_func=…``
    (not for `st.tabs`, whose value is the shown label: `tabs=True`) and ``on_change``. The
    widget's value is set before it is drawn, from (first found): the URL (a link, Back or Forward), the user's
    last choice on this page (coming back to it), the first option (the default, kept out of the URL).

    The URL may name the option by its code or by its shown text in either language: it is read as the option and
    the parameter rewritten as the code. When it names no option, a notice in `lang` says so, naming the widget's
    `label` (not for a value the app wrote itself and that the current options no longer hold, e.g. a class method
    the new indicator does not offer); the default is then shown."""
    shown = format_func or str
    options = list(options)
    if not options:
        return {"key": key}
    default = options[0]
    raw = st.query_params.get(key)
    written = st.session_state.setdefault(_WRITTEN, {})
    memory = st.session_state.setdefault(_MEMORY, {}).setdefault(_page(), {})
    state = st.session_state.get(key)
    if tabs:
        current = next((o for o in options if str(shown(o)) == state), None)
    else:
        current = state if state is not None and state in options else None
    if raw:
        option = _resolve(raw, options, shown)
        if option is None and raw != written.get(key):
            st.warning(t("links.unknown_choice", lang, label=md(label), value=md(raw)), icon=":material/link_off:")
    elif _history_navigation():
        option = None
    elif current is not None and state != st.session_state.get(_SET, {}).get(key):
        option = current  # set by the app's own code since the last run (e.g. a button opening an occupation)
    else:
        # The choice last made on this page (the address bar may be ahead of what the browser sent, after an
        # in-place write; coming back to the page); else the default (of the current options).
        option = _resolve(memory.get(key, ""), options, shown)
    option = default if option is None else option
    code = None if option == default else option_code(option)
    if raw != code:
        _replace_in_url(key, code)
    written[key] = code
    if code is None:
        memory.pop(key, None)
    else:
        memory[key] = code
    st.session_state[key] = st.session_state.setdefault(_SET, {})[key] = str(shown(option)) if tabs else option
    kwargs = {"key": key, "on_change": _on_change, "args": (key, tuple(options), shown, tabs)}
    return kwargs if tabs else kwargs | {"format_func": shown}


def _on_change(key: str, options: tuple, shown: Callable, tabs: bool) -> None:
    """A choice made by the user: into the URL from the server (one history entry); an emptied segmented control
    falls back to the first option."""
    value = st.session_state.get(key)
    if tabs:
        option = next((o for o in options if str(shown(o)) == value), options[0])
    else:
        option = options[0] if value is None or value not in options else value
        st.session_state[key] = option
    code = None if option == options[0] else option_code(option)
    st.session_state.setdefault(_WRITTEN, {})[key] = code
    memory = st.session_state.setdefault(_MEMORY, {}).setdefault(_page(), {})
    if code is None:
        memory.pop(key, None)
        if key in st.query_params:
            del st.query_params[key]
    else:
        memory[key] = code
        _carry_page_choices(memory, key)
        st.query_params[key] = code


def _carry_page_choices(memory: dict, key: str) -> None:
    """Put into the server's copy of the URL, before a choice writes it to the browser, this page's other choices
    as the last run settled them. The server's copy is the address bar the browser sent with this rerun: when a
    quick second choice was sent before the browser applied the previous run's in-place corrections (`url_writer`,
    drawn last), that copy lacks them, and the message `st.query_params` sends replaces the whole query string."""
    with get_session_state().query_params() as params:
        for other, code in memory.items():
            if other != key and other in BOUND_PARAMS and params._query_params.get(other) != code:
                params.set_with_no_forward_msg(other, code)


def drop_retired_params() -> list[str]:
    """Remove from the URL the parameters of RETIRED_PARAMS (and any « name_<number> », the shape of a generated
    widget key) and return their names, for a notice (`links.retired`)."""
    dropped = [key for key in st.query_params
               if key in RETIRED_PARAMS or (key not in BOUND_PARAMS and _GENERATED.fullmatch(key))]
    for key in dropped:
        _replace_in_url(key, None)
    return dropped


def copy_link_button(lang: str) -> None:
    """« Copier le lien »: a small button copying the page's address (its view: territory, page choices, language)
    to the clipboard, and showing the address to copy by hand where the browser offers no clipboard."""
    _copy_component(key="copy_link", data={"label": t("links.copy", lang), "copied": t("links.copied", lang),
                                           "manual": t("links.copy_manual", lang)})
