"""The content model: what the level files describe, as frozen dataclasses.

Everything a player can do (stages, levels, exercises, badges) is data read from
``levels/``. The loader (``game.content.loader``) turns YAML into these types
after validating it, so the rest of the game can trust every field.

The YAML layout is documented in docs/level-format.md; field names here
match the YAML keys one to one. The names a file may use (equipment, muscles,
badge metrics, ...) are in ``game.content.vocabulary``, an exercise's animation
in ``game.content.model_animation`` and how its dose may grow in
``game.content.model_progression``.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from game.content.model_animation import Animation, Keyframe
from game.content.model_progression import Progression


class DoseKind(str, enum.Enum):
    """How the work of one exercise is counted."""

    HOLD = "hold"  # get into position, hold for seconds or breaths, release
    REPS = "reps"  # repeated lift / hold / lower with a tempo
    FLOW = "flow"  # a continuous gentle movement for a set time (rocking, rolling)


class Variant(str, enum.Enum):
    """Which version of an exercise a level step plays."""

    STANDARD = "standard"
    EASIER = "easier"
    HARDER = "harder"


class Track(str, enum.Enum):
    """Main progression stages versus always-available side tracks."""

    MAIN = "main"
    SIDE = "side"


# ---------------------------------------------------------------------------
# Exercises
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Tempo:
    """Seconds for each part of one rep. Lowering takes 2 to 3 s by default."""

    lift: float = 2.0
    hold: float = 1.0
    lower: float = 3.0
    pause: float = 0.0  # at the start position, between reps

    @property
    def rep_seconds(self) -> float:
        return self.lift + self.hold + self.lower + self.pause


@dataclass(frozen=True)
class Dose:
    """How much of an exercise to do. Steps in a level may override any field."""

    kind: DoseKind
    sets: int = 1
    hold_seconds: float | None = None  # HOLD: seconds per hold (or use hold_breaths)
    hold_breaths: int | None = None  # HOLD: count the hold in breaths instead
    reps: int | None = None  # REPS: reps per set (per side when each_side)
    tempo: Tempo = field(default_factory=Tempo)
    flow_seconds: float | None = None  # FLOW: seconds per set
    each_side: bool = False  # do the whole set on one side, switch, repeat
    alternate: bool = False  # REPS: alternate sides rep by rep (swimmers, bird dog)
    rest_seconds: float = 15.0  # between sets
    switch_seconds: float = 5.0  # pause to switch sides
    setup_seconds: float = 3.0  # moving into and out of the held position


@dataclass(frozen=True)
class Phases:
    """The words said and shown for the two halves of a rep.

    "Lift" and "Lower slowly" fit a superman, not a hip hinge or a dead bug;
    each exercise names what its body really does on the way out and back.
    """

    out: str = "Lift"
    back: str = "Lower slowly"


@dataclass(frozen=True)
class VariantSpec:
    """An easier or harder version of an exercise.

    Either plays another exercise (``exercise``) or the same move with a
    different dose and description.
    """

    name: str
    description: str
    exercise: str | None = None
    dose: Dose | None = None
    # -- what makes the version really different on screen --
    keyframes: tuple[Keyframe, ...] | None = None  # its own moves on the same camera
    range: float = 1.0  # how far along the path a rep goes (0.5: half the move)


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    position: str
    summary: str
    cues: tuple[str, ...]
    feel: str
    mistakes: tuple[str, ...]
    muscles: tuple[str, ...]
    equipment: tuple[str, ...]
    dose: Dose
    breath: str  # "effort_on_exhale" or "steady"
    dynamic: bool = False  # big dynamic moves: never in the stabilize stage
    easier: VariantSpec | None = None
    harder: VariantSpec | None = None
    safety: tuple[str, ...] = ()
    substitutes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    animation: Animation | None = None
    source: str = ""  # which reference article the facts come from
    phases: Phases = field(default_factory=lambda: Phases())
    progression: Progression | None = None  # how the dose may grow (model_progression)
    file: str = ""  # where it was loaded from, for messages


# ---------------------------------------------------------------------------
# Levels and stages
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DoseOverride:
    """Fields a level step may change on an exercise's default dose."""

    sets: int | None = None
    hold_seconds: float | None = None
    hold_breaths: int | None = None
    reps: int | None = None
    flow_seconds: float | None = None
    rest_seconds: float | None = None


@dataclass(frozen=True)
class Step:
    """One exercise inside a level."""

    exercise: str
    variant: Variant = Variant.STANDARD
    override: DoseOverride = field(default_factory=DoseOverride)
    rest_after: float = 30.0  # rest before the next step; 0 for none
    note: str = ""


@dataclass(frozen=True)
class Superset:
    """Steps done back to back, repeated for a number of rounds."""

    steps: tuple[Step, ...]
    rounds: int = 2
    rest_between_rounds: float = 60.0


Block = Step | Superset


@dataclass(frozen=True)
class Level:
    id: str
    stage: str
    name: str
    goal: str
    warmup: tuple[Step, ...]
    main: tuple[Block, ...]
    cooldown: tuple[Step, ...]
    intro: str = ""
    safety: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()  # stage ids that must be open (all mastered)
    order: int = 0  # position within its stage, from the file order
    file: str = ""

    def all_steps(self) -> tuple[Step, ...]:
        """Every step in playing order, supersets flattened once (not per round)."""
        out: list[Step] = list(self.warmup)
        for block in self.main:
            out.extend(block.steps if isinstance(block, Superset) else (block,))
        out.extend(self.cooldown)
        return tuple(out)


@dataclass(frozen=True)
class Stage:
    id: str
    name: str
    track: Track
    order: int
    trains: str
    rule: str
    description: str
    requires: tuple[str, ...] = ()  # stages whose levels must all be mastered
    allows_dynamic: bool = True
    mastery_days: int = 1  # distinct days of steady play that master one of its levels
    flare_up_days: int = 0  # offered on flare-up days; at most this many per rolling week
    file: str = ""


# ---------------------------------------------------------------------------
# Badges
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BadgeCondition:
    """A condition written as data: a named metric reaching a threshold.

    ``metric`` names an entry in the progression rules' metric table;
    ``scope`` narrows it (for example ``{"stage": "stabilize"}``).
    """

    metric: str
    at_least: float
    scope: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Badge:
    id: str
    name: str
    description: str
    icon: str
    condition: BadgeCondition
    file: str = ""


# ---------------------------------------------------------------------------
# The whole library
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Content:
    """Everything loaded from one content folder, cross-checked."""

    stages: Mapping[str, Stage]
    levels: Mapping[str, Level]
    exercises: Mapping[str, Exercise]
    badges: Mapping[str, Badge]

    # The orders below are worked out once per library: the progression rules
    # ask for them after every session when they replay a player's history.
    # (A frozen dataclass still has an instance dict for cached_property.)
    @functools.cached_property
    def _levels_by_stage(self) -> Mapping[str, tuple[Level, ...]]:
        by_stage: dict[str, list[Level]] = {}
        for lv in sorted(self.levels.values(), key=lambda lv: lv.order):
            by_stage.setdefault(lv.stage, []).append(lv)
        return MappingProxyType({sid: tuple(lvs) for sid, lvs in by_stage.items()})

    @functools.cached_property
    def _stages_in_order(self) -> tuple[Stage, ...]:
        return tuple(sorted(self.stages.values(), key=lambda s: (s.track != Track.MAIN, s.order)))

    def stage_levels(self, stage_id: str) -> tuple[Level, ...]:
        """The levels of a stage in the order they open."""
        return self._levels_by_stage.get(stage_id, ())

    def ordered_stages(self) -> tuple[Stage, ...]:
        """Main-path stages in order, then the side tracks."""
        return self._stages_in_order
