"""How an exercise's dose may grow or shrink: its range and step, per counted field.

A physiotherapist writes a starting dose and how far and in which steps it may
move; the rules in ``game.progress.doses`` walk the player along that ladder
from what they report after each level. Kept apart from ``game.content.model``
so the progression data has one home.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DoseRange", "Progression"]


@dataclass(frozen=True)
class DoseRange:
    """The lowest dose, the highest, and the step between them."""

    start: float
    max: float
    step: float

    def values(self) -> tuple[float, ...]:
        """Every dose on the ladder, lowest first; the last one is always ``max``."""
        out: list[float] = []
        value = self.start
        while value < self.max - 1e-9 and len(out) < 1000:
            out.append(round(value, 6))
            value += self.step
        out.append(self.max)
        return tuple(out)


@dataclass(frozen=True)
class Progression:
    """The ranges an exercise's dose moves in. ``hold_s`` applies to a hold,
    ``reps`` to reps and ``sets`` to either; the main count grows first, then sets."""

    hold_s: DoseRange | None = None
    reps: DoseRange | None = None
    sets: DoseRange | None = None
