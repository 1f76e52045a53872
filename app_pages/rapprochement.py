"""« Rapprochement d'entreprises »: firms with fragile jobs paired with firms hiring (logic in ui.pairing)."""

from __future__ import annotations

from ui import context
from ui.pairing import render

ctx = context.page_context()
context.page_header(ctx, "pairing.title")
render(ctx)
