"""« Voter »: the participants' phone page of a dot-vote (« /vote?code=K7P2Q »), no account needed."""

from __future__ import annotations

from ui import context
from ui.workshop import participant
from ui.workshop.common import get_workshop

ctx = context.page_context()
participant.render(lambda: get_workshop(ctx.territory), ctx.lang)
