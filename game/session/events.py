"""What the session announces, and the schedule of it for a whole timeline.

Every event carries its exact timeline instant ``t`` (exercise seconds from the
start of the level), not the frame it was noticed in: a long frame still emits
every cue, each stamped with when it was due, in order. Most events are known
when the level is compiled, so they are scheduled once here and the player
only walks the list; the player adds the few that come from commands (pause,
skip, ...).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.session.breath import EPS, BreathPacer, BreathPhase
from game.session.cues import COUNTDOWN_CUES
from game.session.phases import COUNTDOWN_KINDS, Phase, PhaseKind
from game.session.result import Side

__all__ = [
    "BreatheIn",
    "BreatheOut",
    "Event",
    "ExerciseSkipped",
    "ExerciseStarted",
    "Jumped",
    "LevelCompleted",
    "Paused",
    "PhaseStarted",
    "Quit",
    "RepDone",
    "RestStarted",
    "Resumed",
    "SwitchSides",
    "Tick",
    "schedule_events",
]


@dataclass(frozen=True)
class Event:
    """Something that happened at timeline instant ``t``."""

    t: float

    @property
    def cues(self) -> tuple[str, ...]:
        """Cue ids the audio may speak for this event."""
        return ()


@dataclass(frozen=True)
class PhaseStarted(Event):
    phase: Phase

    @property
    def cues(self) -> tuple[str, ...]:
        return self.phase.cues


@dataclass(frozen=True)
class ExerciseStarted(Event):
    exercise_id: str
    slot: int
    step_index: int


@dataclass(frozen=True)
class Tick(Event):
    """A whole second left in a phase; ``countdown`` for the last three that beep."""

    phase_index: int
    seconds_left: int
    countdown: bool
    cue: str | None = None

    @property
    def cues(self) -> tuple[str, ...]:
        return (self.cue,) if self.cue else ()


@dataclass(frozen=True)
class BreatheIn(Event):
    """A breath in starts; ``index`` counts breaths from the phase's anchor."""

    phase_index: int
    index: int

    @property
    def cues(self) -> tuple[str, ...]:
        return ("inhale",)


@dataclass(frozen=True)
class BreatheOut(Event):
    phase_index: int
    index: int

    @property
    def cues(self) -> tuple[str, ...]:
        return ("exhale",)


@dataclass(frozen=True)
class RepDone(Event):
    phase_index: int
    exercise_id: str
    side: Side
    set_number: int
    rep_number: int


@dataclass(frozen=True)
class SwitchSides(Event):
    exercise_id: str
    to_side: Side


@dataclass(frozen=True)
class RestStarted(Event):
    seconds: float
    next_exercise_id: str | None
    between_exercises: bool


@dataclass(frozen=True)
class LevelCompleted(Event):
    pass


@dataclass(frozen=True)
class Paused(Event):
    pass


@dataclass(frozen=True)
class Resumed(Event):
    pass


@dataclass(frozen=True)
class ExerciseSkipped(Event):
    """``skip()`` ended the rest of an exercise (it is marked skipped)."""

    exercise_id: str
    slot: int


@dataclass(frozen=True)
class Jumped(Event):
    """Playback moved from ``from_t`` to ``t`` (skip, back or restart)."""

    from_t: float
    reason: str


@dataclass(frozen=True)
class Quit(Event):
    pass


_BREATH_EVENT: dict[BreathPhase, type[BreatheIn] | type[BreatheOut]] = {
    BreathPhase.IN: BreatheIn,
    BreathPhase.OUT: BreatheOut,
}


def _start_events(p: Phase) -> list[Event]:
    out: list[Event] = []
    if p.starts_exercise and p.exercise_id is not None:
        out.append(ExerciseStarted(p.start, p.exercise_id, p.slot, p.step_index))
    out.append(PhaseStarted(p.start, p))
    if p.kind is PhaseKind.SWITCH_SIDES and p.exercise_id is not None:
        out.append(SwitchSides(p.start, p.exercise_id, p.side))
    elif p.kind is PhaseKind.REST:
        out.append(RestStarted(p.start, p.duration, p.next_exercise_id, p.between_exercises))
    elif p.kind is PhaseKind.DONE:
        out.append(LevelCompleted(p.start))
    return out


def _breath_events(p: Phase, prev: Phase | None, pacer: BreathPacer) -> list[Event]:
    """Breath starts inside the phase, plus one at its start if the pacer jumps.

    Phases that share an anchor share their breath, so boundaries between them
    are seamless. Where a new anchor begins mid-breath and the half of the
    breath changes (say from out to in), the new half is announced at once.
    """
    crossings = pacer.crossings(p.breath_anchor, p.start, p.end)
    out: list[Event] = [_BREATH_EVENT[ph](t, p.index, n) for t, ph, n in crossings]
    new_anchor = prev is not None and prev.breath_anchor != p.breath_anchor and p.duration > 0
    if prev is not None and new_anchor and (not out or out[0].t > p.start + EPS):
        now = pacer.phase_at(p.start - p.breath_anchor)
        before = pacer.phase_at(p.start - prev.breath_anchor)
        if now.phase is not before.phase:
            out.insert(0, _BREATH_EVENT[now.phase](p.start, p.index, now.index))
    return out


def _ticks(p: Phase) -> list[Event]:
    out: list[Event] = []
    countdown = p.kind in COUNTDOWN_KINDS
    for k in range(math.ceil(p.duration - EPS) - 1, 0, -1):
        t = p.end - k
        if t <= p.start + EPS:
            continue
        cd = countdown and k <= 3
        cue = COUNTDOWN_CUES.get(k) if p.kind is PhaseKind.GET_READY else None
        out.append(Tick(t, p.index, k, cd, cue))
    return out


def _end_events(p: Phase) -> list[Event]:
    if p.kind is PhaseKind.LOWER and p.exercise_id is not None:
        return [RepDone(p.end, p.index, p.exercise_id, p.side, p.set_number, p.rep_number)]
    return []


def schedule_events(
    phases: tuple[Phase, ...], pacer: BreathPacer
) -> tuple[tuple[Event, ...], tuple[int, ...]]:
    """All scheduled events in time order, and each phase's first event index.

    Within one instant the order is: what ends (a rep done), then what starts
    (exercise, phase, its announcement), then breath, then ticks.
    """
    events: list[Event] = []
    first: list[int] = []
    prev: Phase | None = None
    for p in phases:
        first.append(len(events))
        events.extend(_start_events(p))
        inside = _breath_events(p, prev, pacer) + _ticks(p)
        inside.sort(key=lambda e: e.t)  # stable: breath before a tick at the same t
        events.extend(inside)
        events.extend(_end_events(p))
        prev = p
    return tuple(events), tuple(first)
