"""The string catalogue: French and English for every key, no key twice, no UI string hard-coded in a page."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from gpect_core.i18n import CATALOG, DUPLICATE_KEYS, t

ROOT = Path(__file__).resolve().parent.parent
# Streamlit calls whose first argument is text a user reads.
TEXT_CALLS = {"title", "header", "subheader", "markdown", "caption", "write", "info", "warning", "error",
              "success", "button", "download_button", "metric", "selectbox", "multiselect", "radio",
              "text_input", "number_input", "checkbox", "expander", "tabs", "form_submit_button", "toggle",
              "date_input", "text_area", "slider", "file_uploader", "segmented_control", "toast"}


def test_every_key_has_french_and_english():
    for key, pair in CATALOG.items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        assert all(isinstance(s, str) and s.strip() for s in pair), key


def test_no_key_is_defined_twice():
    assert DUPLICATE_KEYS == []


def test_placeholders_match_between_languages():
    for key, (fr, en) in CATALOG.items():
        assert set(re.findall(r"{(\w+)}", fr)) == set(re.findall(r"{(\w+)}", en)), key


def test_lookup_in_both_languages():
    assert t("nav.synthese", "fr") == "Synthèse"
    assert t("nav.synthese", "en") == "Overview"
    assert t("filter.selection", "fr", label="Val d'Argent") == "Sélection : Val d'Argent"


def test_pages_do_not_hard_code_text():
    offenders = []
    for path in [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py"))]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in TEXT_CALLS:
                if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                    text = node.args[0].value
                    if re.search(r"[A-Za-zÀ-ÿ]{3,}", text):
                        offenders.append(f"{path.name}:{node.lineno}: {text[:40]!r}")
    assert offenders == []
