"""The content model: what the level files describe, as frozen dataclasses.

Everything a player can do (stages, levels, exercises, badges) is data read from
``levels/``. The loader (``game.content.loader``) turns YAML into these types
after validating it, so the rest of the game can trust every field.

The YAML layout is documented in docs/level-format.md; field names here
match the YAML keys one to one.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from game.content.model_progression import Progression

# ---------------------------------------------------------------------------
# Vocabularies: kinds of things are looked up in tables, never in if/elif chains.
# ---------------------------------------------------------------------------

#: Equipment a player can own; the mat is assumed for everyone.
EQUIPMENT: Mapping[str, str] = MappingProxyType(
    {
        "mat": "Exercise mat",
        "foam_roller": "Foam roller",
        "box_or_chair": "Sturdy box or chair",
        "bar": "Bar or broomstick",
        "dumbbell": "Dumbbells",
        "roman_chair": "45-degree back-extension bench (Roman chair)",
        "medicine_ball": "Medicine ball",
    }
)

#: Muscles a move can target; the guide can make each glow.
MUSCLES: Mapping[str, str] = MappingProxyType(
    {
        "multifidus": "Multifidus",
        "rotatores": "Rotatores",
        "interspinales": "Interspinales",
        "transversus_abdominis": "Transversus abdominis",
        "rectus_abdominis": "Rectus abdominis",
        "obliques": "Obliques",
        "erector_spinae": "Erector spinae",
        "quadratus_lumborum": "Quadratus lumborum",
        "glutes": "Glutes",
        "hamstrings": "Hamstrings",
        "hip_flexors": "Hip flexors",
        "latissimus_dorsi": "Latissimus dorsi",
        "rhomboids": "Rhomboids",
        "trapezius": "Trapezius",
        "thoracic_extensors": "Thoracic extensors",
        "shoulders": "Shoulders",
        "neck_flexors": "Deep neck flexors",
    }
)

#: Starting positions the guide knows how to show.
POSITIONS: Mapping[str, str] = MappingProxyType(
    {
        "hands_and_knees": "On hands and knees",
        "side_lying": "Lying on your side",
        "supine_knees_bent": "Lying on your back, knees bent",
        "supine": "Lying on your back",
        "supine_tabletop": "Lying on your back, arms up, knees over hips",
        "prone": "Lying face down",
        "plank": "Plank",
        "standing": "Standing",
        "standing_hinged": "Standing, hinged at the hips",
        "roman_chair": "On a 45-degree back-extension bench",
        "supine_on_roller": "Lying on your back over a foam roller",
        "childs_pose": "Child's pose",
        "kneeling": "Kneeling",
        "kneeling_on_heels": "Kneeling, sitting back on your heels",
        "seated": "Sitting on a chair or box",
    }
)

#: Cameras the guide can be seen through.
CAMERAS: tuple[str, ...] = ("side", "front", "back", "three_quarter", "top")

#: Props the guide can draw.
PROPS: tuple[str, ...] = (
    "mat",
    "foam_roller",
    "box",
    "chair",
    "bar",
    "dumbbell",
    "roman_chair",
    "medicine_ball",
    "ball",
)


#: Metrics a badge condition may name. The progression rules implement every
#: one (a test checks the two tables match); ``scope`` keys each accepts are
#: listed after the colon in the description.
BADGE_METRICS: Mapping[str, str] = MappingProxyType(
    {
        "levels_completed": "levels finished (any level, counted once per play)",
        "distinct_levels_completed": "different levels finished at least once",
        "levels_mastered": "levels mastered (steady form, at most mild discomfort)",
        "stage_mastered": "1 when every level of a stage is mastered: stage",
        "stage_levels_completed": "different levels of a stage finished: stage",
        "stage_all_completed": "1 when every level of a stage was finished: stage",
        "daily_levels_completed": "daily levels finished",
        "streak_days": "best daily streak in days",
        "hold_seconds_total": "seconds of holds and reps under tension, all time",
        "breaths_paced": "breaths followed with the pacer, all time",
        "steady_sessions": "levels finished with steady form",
        "weekly_goals_met": "weeks in which the weekly goal was met",
        "balanced_sessions": "levels where left and right sides got equal work",
        "full_months": "calendar months with a finished level on every day",
        "player_level": "player level reached",
        "xp_total": "experience points earned, all time",
    }
)


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


class AnimationMode(str, enum.Enum):
    """How a rep walks the keyframe path (see :class:`Animation`)."""

    THERE_AND_BACK = "there_and_back"  # lift walks 0 -> 1, lower walks 1 -> 0
    LOOP = "loop"  # lift walks 0 -> 0.5, lower walks 0.5 -> 1 (e.g. cat, then cow)


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
class Keyframe:
    """One pose on an exercise's path.

    ``at`` is the pose's place on the path, 0 (start position) to 1. ``pose``
    maps joint names (see ``game.content.vocabulary.JOINTS``) to three angles in
    degrees (the meaning of each axis is documented by the rig). Joints left
    out keep their neutral angle. ``root`` places the pelvis: position in
    metres (x forward, y up, z to the figure's left) and rotation in degrees
    (pitch, yaw, roll). ``contacts`` names body points that must rest on the
    floor at this keyframe; tests check them.
    """

    at: float
    pose: Mapping[str, tuple[float, float, float]]
    root_pos: tuple[float, float, float] = (0.0, 0.0, 0.0)
    root_rot: tuple[float, float, float] = (0.0, 0.0, 0.0)
    contacts: tuple[str, ...] = ()
    name: str = ""


@dataclass(frozen=True)
class Prop:
    """Equipment drawn beside the guide, placed in the world or held by a hand."""

    kind: str
    pos: tuple[float, float, float] = (0.0, 0.0, 0.0)
    attach: str | None = None  # a body point such as "hand_r"; pos is then an offset
    size: float = 1.0


@dataclass(frozen=True)
class Focus:
    """Where the guide's camera looks: the move's key point and how close.

    ``point`` is the body point that carries the move (the one whose travel
    the words and the readability checks are measured on). ``zoom`` above 1
    frames the camera closer on it; ``inset`` adds a magnified box around it
    for moves too small to read even then.
    """

    point: str
    zoom: float = 1.0
    inset: float = 0.0  # magnification of the inset box; 0 for none


@dataclass(frozen=True)
class Animation:
    """The guide's demonstration of one exercise.

    The session drives it with a path position ``u`` in 0..1: a rep's lift walks
    the path forward, its lower walks back (or on, for LOOP); a hold walks to 1
    during set-up and stays there. The other side is the exact mirror.
    """

    camera: str
    keyframes: tuple[Keyframe, ...]
    mode: AnimationMode = AnimationMode.THERE_AND_BACK
    props: tuple[Prop, ...] = ()
    easing: str = "smooth"  # name from the rig's easing table
    # -- how the guide is shown (framing and sides) --
    side: str | None = None  # the side the keyframes show ("left"/"right"); sided moves
    focus: Focus | None = None
    reverse_even_sets: bool = False  # a loop flow walks backward on sets 2, 4... (bicycle)
    #: Metres the body moves against the world props after each set (the foam
    #: roller working one segment higher every set).
    set_shift: tuple[float, float, float] = (0.0, 0.0, 0.0)


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
