"""« Données »: the year of a table whose format needs one and whose file does not say it (`Parsed.missing_vintage`),
asked in the preview, one number input per file or sheet, and passed to the next « Vérifier »
(`ingest.prepare(vintages=…)` → `readers.read_source`), which says it in the report and the provenance."""

from __future__ import annotations

import streamlit as st

from ui.feedback import md

GIVEN = "donnees_vintages"  # {« file » or « file [sheet] »: "YYYY"}: years given so far, until the files change
PREFIX = "donnees_vintage::"  # + table name: the key of its year input
FIRST_YEAR, LAST_YEAR = 1990, 2100


def ask(preview, t) -> None:
    """A year input per table of `preview.undated`, with what to do next."""
    if not preview.undated:
        return
    st.warning(t("donnees.vintage.ask", n=len(preview.undated)))
    for name in preview.undated:
        st.number_input(t("donnees.vintage.label", name=md(name)), min_value=FIRST_YEAR, max_value=LAST_YEAR,
                        value=None, step=1, format="%d", key=PREFIX + name)


def given() -> dict[str, str]:
    """The years given so far (kept from earlier checks, updated by the inputs of the last preview), by table
    name, as `ingest.prepare` takes them."""
    years = dict(st.session_state.get(GIVEN, {}))
    for key in list(st.session_state.keys()):
        value = st.session_state[key]
        if isinstance(key, str) and key.startswith(PREFIX) and value:
            years[key.removeprefix(PREFIX)] = str(int(value))
    st.session_state[GIVEN] = years
    return years


def forget() -> None:
    """Drop the years given (the files changed)."""
    st.session_state.pop(GIVEN, None)
