"""The territory filter as every part of the core sees it: a zoning and some of its zones.

A small value type with no dependency on analytics or the plan, so both can take it without importing each
other.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Selection:
    """A zoning (`"ZE2020"`, `"BMO"`, `"EPCI"`, `"DEP"`, `"REG"`, `"FR"`, `"custom"`) and some of its zone ids
    (text codes such as `"2401"`); no zone means the whole territory of the pack in that zoning."""

    zoning: str
    zone_ids: tuple[str, ...] = field(default_factory=tuple)

    @property
    def whole(self) -> bool:
        return not self.zone_ids
