"""The records a compiled level is made of: phases, exercise slots, the timeline.

A level becomes one flat, immutable list of phases that tile time from 0 to
the end with no gaps or overlaps. Everything the player, the guide, the HUD and
the audio need to know about a moment is on the phase covering it, so none of
them has to understand doses, supersets or variants.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from game.session.breath import BreathPacer
from game.session.result import Side
from game.session.settings import SessionSettings

if TYPE_CHECKING:
    from game.content.model import Exercise
    from game.session.events import Event
    from game.session.resolve import MissingEquipment, Substitution

__all__ = ["GuideMotion", "Phase", "PhaseKind", "Section", "Slot", "Timeline"]


class PhaseKind(str, enum.Enum):
    """What the player is doing during a phase."""

    DEMO = "demo"  # the guide shows the first move once; the player watches
    GET_READY = "get_ready"  # countdown, the last three seconds spoken
    SETUP = "setup"  # moving into position (a hold walks the path 0 -> 1 here)
    HOLD = "hold"  # a held position, timed in seconds or counted in breaths
    RELEASE = "release"  # coming out of a hold (path 1 -> 0)
    LIFT = "lift"  # the effort half of a rep
    TOP_HOLD = "top_hold"  # the pause at the top of a rep
    LOWER = "lower"  # the slow return of a rep (2 to 3 s)
    REP_PAUSE = "rep_pause"  # at the start position between two reps
    FLOW = "flow"  # continuous gentle movement paced by the breath
    SWITCH_SIDES = "switch_sides"  # automatic pause to change sides
    REST = "rest"  # between sets, between exercises, between superset rounds
    DONE = "done"  # zero-length marker at the very end


#: Phases that count as time under tension ("seconds held" in the results).
TENSION_KINDS: frozenset[PhaseKind] = frozenset(
    {PhaseKind.HOLD, PhaseKind.LIFT, PhaseKind.TOP_HOLD, PhaseKind.LOWER}
)

#: Phases that are part of doing an exercise (breaths here are counted for it).
WORK_KINDS: frozenset[PhaseKind] = TENSION_KINDS | {
    PhaseKind.SETUP,
    PhaseKind.RELEASE,
    PhaseKind.REP_PAUSE,
    PhaseKind.FLOW,
}

#: Phases whose last three seconds are counted down (beeps; spoken for GET_READY).
COUNTDOWN_KINDS: frozenset[PhaseKind] = frozenset(
    {PhaseKind.GET_READY, PhaseKind.HOLD, PhaseKind.FLOW, PhaseKind.REST}
)


class Section(str, enum.Enum):
    """Which part of the level a phase belongs to."""

    INTRO = "intro"
    WARMUP = "warmup"
    MAIN = "main"
    COOLDOWN = "cooldown"
    END = "end"


class GuideMotion(str, enum.Enum):
    """How the guide's path position ``u`` moves during a phase."""

    PATH = "path"  # from u0 to u1 over the phase (eased)
    DEMO_THERE_AND_BACK = "demo_there_and_back"  # 0 -> 1 -> 0 once
    DEMO_LOOP = "demo_loop"  # 0 -> 1 once
    BREATH_THERE_AND_BACK = "breath_there_and_back"  # in: 0 -> 1, out: 1 -> 0
    BREATH_LOOP = "breath_loop"  # in: 0 -> 0.5, out: 0.5 -> 1
    BREATH_LOOP_BACKWARD = "breath_loop_backward"  # the same loop walked the other way


@dataclass(frozen=True)
class Phase:
    """One stretch of the timeline with a single thing to do.

    ``slot`` numbers the exercise occurrences (a superset round's step is its
    own slot); skip, back and restart move between slots. A rest leading into
    an exercise belongs to that exercise's slot, so ``exercise_id`` on it is the
    exercise coming up. ``next_exercise_id`` is what follows this phase's own
    exercise (for such a rest: the one coming up). Numbers (set, rep, round)
    count from 1; 0 means "not applicable". ``breath_anchor`` is the timeline
    instant a breath in begins for the pacer during this phase.
    """

    index: int
    kind: PhaseKind
    start: float
    duration: float
    section: Section
    slot: int
    exercise_id: str | None = None
    next_exercise_id: str | None = None
    step_index: int = -1
    set_number: int = 0
    sets: int = 0
    rep_number: int = 0
    reps: int = 0
    round_number: int = 0
    rounds: int = 0
    side: Side = Side.BOTH
    u0: float = 0.0
    u1: float = 0.0
    motion: GuideMotion = GuideMotion.PATH
    skippable: bool = False
    cues: tuple[str, ...] = ()
    breath_anchor: float = 0.0
    breaths: int = 0  # a hold counted in breaths: how many; otherwise 0
    effort_on_exhale: bool = False
    starts_exercise: bool = False  # the first work phase of a slot
    between_exercises: bool = False  # a rest leading into another exercise
    words: str = ""  # what this exercise calls the phase ("Hinge down"); "" for the default

    @property
    def end(self) -> float:
        return self.start + self.duration

    @property
    def cool_down(self) -> bool:
        return self.section is Section.COOLDOWN

    @property
    def under_tension(self) -> bool:
        return self.kind in TENSION_KINDS

    @property
    def is_work(self) -> bool:
        return self.kind in WORK_KINDS


@dataclass(frozen=True)
class Slot:
    """One occurrence of an exercise in the timeline: the unit of skip and back.

    Phases ``first_phase`` to ``work_phase - 1`` lead into it (a rest);
    ``work_phase`` to ``end_phase - 1`` are the exercise itself.
    """

    index: int
    exercise_id: str
    step_index: int
    section: Section
    round_number: int
    first_phase: int
    work_phase: int
    end_phase: int
    sides: tuple[Side, ...]


@dataclass(frozen=True)
class Timeline:
    """A compiled level: contiguous phases, their scheduled events, and notes.

    It behaves like a tuple of phases (``len``, iteration, indexing). Events
    are in time order; ``phase_first_event[i]`` is the index of the first event
    that belongs to phase ``i``, which is where playback resumes after a jump.
    """

    level_id: str
    phases: tuple[Phase, ...]
    slots: tuple[Slot, ...]
    events: tuple[Event, ...]
    phase_first_event: tuple[int, ...]
    settings: SessionSettings
    substitutions: tuple[Substitution, ...] = ()
    missing_equipment: tuple[MissingEquipment, ...] = ()
    #: What each step really plays (variant moves and words applied), by step index.
    played: tuple[Exercise, ...] = ()
    _starts: tuple[float, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(p.start for p in self.phases))

    def __len__(self) -> int:
        return len(self.phases)

    def __iter__(self) -> Iterator[Phase]:
        return iter(self.phases)

    def __getitem__(self, index: int) -> Phase:
        return self.phases[index]

    @property
    def total(self) -> float:
        """Planned seconds from the first phase to the end."""
        return self.phases[-1].end if self.phases else 0.0

    @property
    def pacer(self) -> BreathPacer:
        return self.settings.pacer

    def phase_index_at(self, t: float) -> int:
        """The index of the phase covering instant ``t`` (clamped to the ends)."""
        i = bisect.bisect_right(self._starts, t) - 1
        return min(max(i, 0), len(self.phases) - 1)

    def played_exercise(self, phase: Phase) -> Exercise | None:
        """The exercise a phase shows, as its step plays it (an easier version's own moves)."""
        i = phase.step_index
        return self.played[i] if 0 <= i < len(self.played) else None

    def exercise_ids(self) -> tuple[str, ...]:
        """The exercises played, in order of first appearance."""
        return tuple(dict.fromkeys(s.exercise_id for s in self.slots))
