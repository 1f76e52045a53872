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

from gpect_core.i18n import t
from ui.feedback import md

URL_BINDING = "query-params"

# The URL parameter of each page choice: short, stable, readable, the same in every language and for every option set.
PARAM_INDICATOR = "indicateur"
PARAM_METHOD = "methode"
PARAM_FAMILY = "famille"
PARAM_TAB = "onglet"
PARAM_RANK_BY = "classement"
PARAM_OCCUPATION = "metier"
PARAM_PLAN_TAB = "rubrique"
BOUND_PARAMS = (PARAM_INDICATOR, PARAM_METHOD, PARAM_FAMILY, PARAM_TAB, PARAM_RANK_BY, PARAM_OCCUPATION,
                PARAM_PLAN_TAB)
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


def bound(label: str, key: str, options: Iterable, lang: str, format_func: Callable | None = None) -> dict:
    """The keyword arguments binding a choice widget to the URL parameter `key` (``key=…, bind="query-params"``,
    and `format_func` when given).

    When the URL names a value that is not one of `options` (as `format_func` shows them), a notice in `lang` says
    so, naming the widget's `label`; Streamlit then shows the default and removes the value from the URL."""
    shown = format_func or str
    raw = st.query_params.get(key)
    if raw and raw not in {str(shown(option)) for option in options}:
        st.warning(t("links.unknown_choice", lang, label=md(label), value=md(raw)), icon=":material/link_off:")
    return {"key": key, "bind": URL_BINDING} | ({"format_func": format_func} if format_func else {})


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
