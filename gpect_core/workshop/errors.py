"""The workshop's errors: French messages naming the view, script, vote or item at fault."""

from __future__ import annotations

from ..errors import GpectError


class WorkshopError(GpectError):
    """A workshop operation that cannot be done, explained in French."""


class VoteClosedError(WorkshopError):
    """The vote is closed (or unknown): nothing was recorded."""
