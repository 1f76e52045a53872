"""Views that are links: page choices bound to the URL, the notice for a link's unknown choice, « Copier le lien ».

A page's choices (indicator, classification, family, ranking key, occupation, tab) use Streamlit's own binding,
`bind="query-params"`: the widget's key is the URL parameter, its displayed option is the value, Streamlit seeds the
widget from the URL on a first run and after Back or Forward, and keeps the parameter while the page is shown.
Streamlit silently drops a value that is not an option; `bound` says so first, in the page's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.state.session_state_proxy import get_session_state

from gpect_core.i18n import CATALOG, t
from ui.feedback import md

URL_BINDING = "query-params"
_MEMORY = "links_page_choices"  # {page script hash: {param: shown text}}
_LAST_PAGE = "links_last_page"

# The URL parameter of each page choice: short, stable, readable, the same in every language and for every option set.
PARAM_INDICATOR = "indicateur"
PARAM_METHOD = "methode"
PARAM_FAMILY = "famille"
PARAM_TAB = "onglet"
PARAM_RANK_BY = "classement"
PARAM_OCCUPATION = "metier"
PARAM_PLAN_TAB = "rubrique"
_TABS = (PARAM_TAB, PARAM_PLAN_TAB)  # st.tabs: a callback would make every tab switch rerun the page
PARAM_BRIDGE_START = "depart"  # Passerelles: start from the fragile occupations or from any occupation
PARAM_BRIDGE_ORIGIN = "origine"  # Passerelles: the origin occupation
BOUND_PARAMS = (PARAM_INDICATOR, PARAM_METHOD, PARAM_FAMILY, PARAM_TAB, PARAM_RANK_BY, PARAM_OCCUPATION,
                PARAM_PLAN_TAB, PARAM_BRIDGE_START, PARAM_BRIDGE_ORIGIN)
# Names the first release wrote into links (one of them generated from the number of options): such a link now shows
# the default for that choice, with a notice.
RETIRED_PARAMS = ("carte_indicator", "carte_method_2", "carte_method_3", "metiers_family", "metiers_tab",
                  "metiers_rank_by", "metiers_occupation", "plan_tab")

_GENERATED = re.compile(r"[a-z]+(?:_[a-z]+)*_\d+")

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


def _option_code(option) -> str:
    """An option's language-independent spelling (« natural_breaks », « ROME-J1501 »)."""
    return "-".join(map(str, option)) if isinstance(option, tuple) else str(option)


def _as_label(raw: str, labels: dict[str, object]) -> str | None:
    """`raw` as one of the current `labels` (shown text → option): itself, an option's code, or the same wording
    in the other language (the catalogue's pair); None when it names no option."""
    if raw in labels:
        return raw
    for label, option in labels.items():
        if _option_code(option) == raw:
            return label
    for pair in CATALOG.values():
        if raw in pair:
            for candidate in pair:
                if candidate in labels:
                    return candidate
    return None


def _in_lang(label: str, lang: str) -> str:
    """A remembered label in `lang` (the catalogue's pair holding it), else as is (data labels: one language)."""
    for pair in CATALOG.values():
        if label in pair:
            return pair[1] if lang == "en" else pair[0]
    return label


def _set_quietly(key: str, value: str) -> None:
    """Put `value` in the server's copy of the URL before a widget reads it, sending nothing to the browser (each
    message from the server is a history entry; the widget's own binding then writes the URL in place)."""
    with get_session_state().query_params() as params:
        params.set_with_no_forward_msg(key, value)
        if key in params._initial_query_params:  # what the widget is seeded from (Streamlit 1.67)
            params._initial_query_params[key] = [value]


def _page() -> str:
    run = get_script_run_ctx()
    return getattr(run, "page_script_hash", "") or ""


def bound(label: str, key: str, options: Iterable, lang: str, format_func: Callable | None = None) -> dict:
    """The keyword arguments binding a choice widget to the URL parameter `key` (``key=…, bind="query-params"``,
    and `format_func` when given).

    The URL may name the option by its shown text in either language or by its code (« natural_breaks »): it is
    read as the current language's text, so a French link opened in English, or a language switch, keeps the
    choice. When the URL names no option, a notice in `lang` says so, naming the widget's `label`; Streamlit then
    shows the default. The choice is remembered for `restore_page_choices` (the page's return)."""
    shown = format_func or str
    labels = {str(shown(option)): option for option in options}
    raw = st.query_params.get(key)
    if raw:
        matched = _as_label(raw, labels)
        if matched is None:
            st.warning(t("links.unknown_choice", lang, label=md(label), value=md(raw)), icon=":material/link_off:")
        elif matched != raw:
            _set_quietly(key, matched)
    memory = st.session_state.setdefault(_MEMORY, {}).setdefault(_page(), {})
    options = list(labels.values())
    value = st.session_state.get(key)
    if value is not None and options and value != options[0]:
        memory[key] = str(shown(value))
    elif key in st.session_state:  # the default (first option) stays out of the URL, as Streamlit does
        memory.pop(key, None)
    kwargs = {"key": key, "bind": URL_BINDING} | ({"format_func": format_func} if format_func else {})
    if key not in _TABS and options:
        # A segmented control can be emptied by clicking its selected option: that choice falls back to the first.
        kwargs |= {"on_change": _keep_one, "args": (key, options[0])}
    return kwargs


def _keep_one(key: str, default) -> None:
    if st.session_state.get(key) is None:
        st.session_state[key] = default


def restore_page_choices(page_hash: str, lang: str) -> dict[str, str]:
    """The choices last made on the page `page_hash` that the URL lacks (coming back to the page), in `lang`:
    {param: shown text}, for the caller to write with the filter in one message, so that coming back to a page
    makes no history entry per choice. Nothing on a rerun of the same page (its widgets write the URL)."""
    last, st.session_state[_LAST_PAGE] = st.session_state.get(_LAST_PAGE), page_hash
    if last == page_hash:
        return {}
    remembered = st.session_state.get(_MEMORY, {}).get(page_hash, {})
    return {key: _in_lang(value, lang) for key, value in remembered.items() if key not in st.query_params}


def drop_retired_params() -> list[str]:
    """Remove from the URL the parameters of RETIRED_PARAMS (and any « name_<number> », the shape of a generated
    widget key) and return their names, for a notice (`links.retired`)."""
    dropped = [key for key in st.query_params
               if key in RETIRED_PARAMS or (key not in BOUND_PARAMS and _GENERATED.fullmatch(key))]
    for key in dropped:
        del st.query_params[key]
    return dropped


def copy_link_button(lang: str) -> None:
    """« Copier le lien »: a small button copying the page's address (its view: territory, page choices, language)
    to the clipboard, and showing the address to copy by hand where the browser offers no clipboard."""
    _copy_component(key="copy_link", data={"label": t("links.copy", lang), "copied": t("links.copied", lang),
                                           "manual": t("links.copy_manual", lang)})
