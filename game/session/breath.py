"""The breath pacer: where in the breath the player should be at any moment.

It is a pure function of time, so the guide's chest, the pacer ring and the
spoken "in"/"out" cues all read the same answer from the same clock. The
default is 2 s in through the nose and 4 s out through the mouth: the exhale is
twice the inhale, ten breaths a minute, calm rather than cardio.

Time is measured from an *anchor*: the instant a breath in begins. The session
timeline gives every phase an anchor (see ``game.session.timeline``) so that a
hold counted in breaths starts on a breath in and, for moves that put the
effort on the exhale, every lift starts exactly when a breath out starts.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["BreathPacer", "BreathPhase", "BreathState"]

#: Instants closer than this are the same instant (float sums of phase lengths).
EPS = 1e-9


class BreathPhase(str, enum.Enum):
    IN = "in"
    OUT = "out"


@dataclass(frozen=True)
class BreathState:
    """Where the breath is: which half, how far through it (0..1), which breath.

    ``index`` counts whole breaths from the anchor (0 for the first); it is
    negative before the anchor.
    """

    phase: BreathPhase
    fraction: float
    index: int


@dataclass(frozen=True)
class BreathPacer:
    """A steady breath: ``inhale`` seconds in, ``inhale * ratio`` seconds out."""

    inhale: float = 2.0
    ratio: float = 2.0

    def __post_init__(self) -> None:
        if not self.inhale > 0 or not self.ratio > 0:
            raise ValueError(f"inhale and ratio must be positive: {self.inhale}, {self.ratio}")

    @property
    def exhale(self) -> float:
        return self.inhale * self.ratio

    @property
    def cycle(self) -> float:
        """Seconds for one whole breath, in and out."""
        return self.inhale + self.exhale

    @property
    def breaths_per_minute(self) -> float:
        return 60.0 / self.cycle

    def phase_at(self, t: float) -> BreathState:
        """The breath at ``t`` seconds after the anchor (``t`` may be negative)."""
        index = math.floor(t / self.cycle + EPS)
        within = max(0.0, t - index * self.cycle)
        if within < self.inhale - EPS:
            return BreathState(BreathPhase.IN, min(1.0, within / self.inhale), index)
        frac = (within - self.inhale) / self.exhale
        return BreathState(BreathPhase.OUT, min(1.0, max(0.0, frac)), index)

    def seconds_for(self, breaths: int) -> float:
        """How long a hold of ``breaths`` whole breaths lasts."""
        return breaths * self.cycle

    def crossings(
        self, anchor: float, start: float, end: float
    ) -> Iterator[tuple[float, BreathPhase, int]]:
        """Every breath-in and breath-out start in ``[start, end)``, in order.

        Times are ``anchor + n * cycle`` (in) and that plus ``inhale`` (out),
        computed the same way wherever they are asked for, so two phases that
        share an anchor agree to the last bit on where a boundary falls.
        """
        n = math.floor((start - anchor) / self.cycle) - 1
        while True:
            t_in = anchor + n * self.cycle
            if t_in >= end:
                return
            if t_in >= start:
                yield t_in, BreathPhase.IN, n
            t_out = t_in + self.inhale
            if start <= t_out < end:
                yield t_out, BreathPhase.OUT, n
            n += 1
