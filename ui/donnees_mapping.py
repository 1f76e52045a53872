"""The column-mapping step of the « Données » page: for each table no format recognised, the user picks the kind
of table (the committee's commune → zone zoning, or one of the templates) and the column of each field; a preview
shows the first rows renamed; « Appliquer » remembers the mapping beside the pack (`readers.guess.save_mapping`,
keyed by the table's folded headers) and checks the files again, so the table goes through the normal reader."""

from __future__ import annotations

import streamlit as st

from gpect_core.errors import GpectError
from gpect_core.ingest import Upload, prepare
from gpect_core.readers.guess import (
    KINDS,
    MAPPABLE_KINDS,
    ColumnMapping,
    apply_mapping,
    header_key,
    mappings_path,
    missing_fields,
    save_mapping,
)
from gpect_core.readers.isolated import read_source_isolated
from gpect_core.readers.sniff import fold
from ui.feedback import md, show_error

ACCEPT = "donnees_accept"


def mapping_step(T, pack, staged: list[tuple[str, bytes]], preview_key: str, imported_by: str) -> None:
    """Show the mapping form of every unrecognised table of the checked files (nothing when all are recognised);
    on « Appliquer », save the mapping and put the new check in `st.session_state[preview_key]`."""
    preview = st.session_state.get(preview_key)
    if preview is None or not staged:
        return
    names = {rep.name for rep in preview.files if rep.format_key is None and not rep.documentation}
    if not names:
        return
    tables = [p.raw for name, data in staged for p in _read(name, data)
              if not p.recognised and p.raw is not None and p.report.name in names and len(p.raw.frame.columns)]
    if not tables:
        return
    st.subheader(T("donnees.mapping.header"))
    st.caption(T("donnees.mapping.intro"))
    for index, raw in enumerate(tables):
        _table_form(T, pack, staged, preview_key, imported_by, raw, index)


def _read(name: str, data: bytes):
    try:
        return read_source_isolated(data, name)
    except Exception:  # noqa: BLE001 — the check already reported why this file cannot be read
        return []


def _table_form(T, pack, staged, preview_key, imported_by, raw, index: int) -> None:
    where = raw.file + (f" [{raw.sheet}]" if raw.sheet else "")
    columns = [str(c) for c in raw.frame.columns]
    none = T("donnees.mapping.none")
    with st.container(border=True):
        st.markdown(f"**{md(where)}**")
        kind_key = st.selectbox(T("donnees.mapping.kind"), [k.key for k in MAPPABLE_KINDS],
                                format_func=lambda k: KINDS[k].label, key=f"donnees_map_kind_{index}")
        kind = KINDS[kind_key]
        chosen: dict[str, str] = {}
        for field in kind.fields:
            default = next((i + 1 for i, c in enumerate(columns) if fold(c) == fold(field.header)), 0)
            label = field.label + (f" ({T('donnees.mapping.required')})" if field.required else "")
            picked = st.selectbox(label, [none, *columns], index=default,
                                  key=f"donnees_map_{index}_{kind.key}_{field.header}")
            if picked != none:
                chosen[field.header] = picked
        mapping = ColumnMapping(kind.key, chosen)
        missing = missing_fields(mapping)
        repeated = sorted({c for c in chosen.values() if list(chosen.values()).count(c) > 1})
        if missing:
            st.warning(T("donnees.mapping.missing", fields=md(", ".join(missing))))
        elif repeated:
            st.warning(T("donnees.mapping.same_column", columns=md(", ".join(repeated))))
        else:
            st.caption(T("donnees.mapping.preview"))
            st.dataframe(apply_mapping(raw, mapping).frame.head(5), hide_index=True, width="stretch")
        if st.button(T("donnees.mapping.apply"), key=f"donnees_map_apply_{index}", type="primary",
                     disabled=bool(missing or repeated)):
            try:
                save_mapping(mappings_path(pack), header_key(raw.frame.columns), mapping)
                st.session_state[preview_key] = prepare(pack, [Upload(n, d) for n, d in staged],
                                                        imported_by=imported_by,
                                                        accept_rejections=bool(st.session_state.get(ACCEPT)))
            except GpectError as exc:
                show_error(exc)
            except OSError as exc:
                st.error(md(f"« {where} » : correspondance non enregistrée ({exc.strerror or exc})"))
            else:
                st.rerun()
