"""The « Plan d'action » page, one module per tab: `overview`, `actions` (with `forms`, the editor's form
state and the save-or-explain-a-stale-version helper), `quick`, `history`, `exchange`, `admin`; `login` is
the sidebar, `state` the data every tab reads, `session` the shared store and the logged-in person."""
