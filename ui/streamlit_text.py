"""Streamlit's own English words (« Press Enter to apply », « Choose an option », « No results »…) in the page's
language. Streamlit 1.67 writes them whatever the page's language and offers a parameter for none but the
placeholders (given where the app draws the widget); a small script of the app's page replaces those still shown,
in the text of the page and in input placeholders, as the elements appear. The file uploader's words are replaced by
CSS where it is drawn (`ui.donnees_survey`)."""

from __future__ import annotations

import streamlit as st

from gpect_core.i18n import LANGS, t

# Streamlit's English (1.67: InputInstructions, Selectbox, Multiselect) → catalogue key.
STREAMLIT_TEXTS = {
    "Press Enter to apply": "streamlit.enter_apply",
    "Press Ctrl+Enter to apply": "streamlit.ctrl_enter_apply",
    "Press ⌘+Enter to apply": "streamlit.cmd_enter_apply",
    "Press Enter to submit form": "streamlit.enter_submit",
    "Press Ctrl+Enter to submit form": "streamlit.ctrl_enter_submit",
    "Press ⌘+Enter to submit form": "streamlit.cmd_enter_submit",
    "Choose an option": "streamlit.choose_option",
    "Choose options": "streamlit.choose_options",
    "No results": "streamlit.no_results",
    "No options to select": "streamlit.no_options",
}

# Streamlit's English names of its buttons (1.67: Selectbox, Multiselect, data editor toolbar), read by screen readers
# and shown as tooltips → catalogue key. Only aria-label and title attributes are rewritten: « Open » as a page's text
# may be a value of the data.
STREAMLIT_LABELS = {
    "Open": "streamlit.open",
    "Clear all": "streamlit.clear_all",
    "Add row": "streamlit.add_row",
    "Delete row(s)": "streamlit.delete_rows",
    "Clear selection": "streamlit.clear_selection",
}

# Rewrites, in the app's own document, the text nodes and placeholders equal to one of `data.texts`, the aria-label
# and title attributes equal to one of `data.labels`; watches the
# page for new ones (a dropdown opened, an instruction shown while typing). Installed once, its words follow the
# page's language.
_JS = """
export default function(component) {
  window.__gpectTexts = component.data.texts || {};
  window.__gpectLabels = component.data.labels || {};
  if (window.__gpectTextsObserver) { window.__gpectTextsObserver.fix(document.body); return; }
  const fixNode = (node) => {
    const texts = window.__gpectTexts;
    if (node.nodeType === Node.TEXT_NODE) {
      const shown = texts[node.nodeValue.trim()];
      if (shown !== undefined && node.nodeValue !== shown) { node.nodeValue = shown; }
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) { return; }
    const placeholder = node.getAttribute("placeholder");
    const shown = placeholder && texts[placeholder];
    if (shown !== undefined && shown !== placeholder) { node.setAttribute("placeholder", shown); }
    for (const name of ["aria-label", "title"]) {
      const value = node.getAttribute(name);
      const named = value && window.__gpectLabels[value];
      if (named !== undefined && named !== value) { node.setAttribute(name, named); }
    }
  };
  const fix = (root) => {
    if (!root) { return; }
    fixNode(root);
    if (root.nodeType !== Node.ELEMENT_NODE) { return; }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    while (walker.nextNode()) { fixNode(walker.currentNode); }
  };
  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === "characterData" || m.type === "attributes") { fixNode(m.target); }
      m.addedNodes.forEach(fix);
    }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                                   attributeFilter: ["placeholder", "aria-label", "title"]});
  observer.fix = fix;
  window.__gpectTextsObserver = observer;
  fix(document.body);
}
"""

_component = st.components.v2.component("gpect_streamlit_text", html="<span hidden></span>", js=_JS)


def streamlit_texts(lang: str, words: dict[str, str] = STREAMLIT_TEXTS) -> dict[str, str]:
    """{Streamlit's English text, or its words in another language: the same in `lang`} (catalogue
    `streamlit.*`; the other languages' words too, so that a language switch turns back what was turned), for the
    texts of `words` (STREAMLIT_TEXTS, or STREAMLIT_LABELS)."""
    texts = {}
    for english, key in words.items():
        for other in LANGS:
            texts[t(key, other)] = t(key, lang)
        texts[english] = t(key, lang)
    return texts


def translate_streamlit_text(lang: str) -> None:
    """Draw (once per run, in the sidebar) the script that puts Streamlit's own words in `lang`."""
    _component(key="streamlit_text", data={"texts": streamlit_texts(lang),
                                                   "labels": streamlit_texts(lang, STREAMLIT_LABELS)})
