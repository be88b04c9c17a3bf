"""The schema of the level files: one table of field kinds per dataclass.

Adding a field to a dataclass in ``game.content.model`` means adding one line
to its table here (a test checks every dataclass field is covered). The few
rules that tie fields together (a dose's kind and its counts, keyframe order,
badge scopes) are small post-checks attached to their record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import yaml

from game.content.kinds import ID_PATTERN, INVALID, Choice, Count, Ctx, Flag, Number, Text
from game.content.model import (
    Badge,
    BadgeCondition,
    Dose,
    DoseKind,
    DoseOverride,
    Exercise,
    Level,
    Phases,
    Stage,
    Step,
    Superset,
    Tempo,
    Track,
    Variant,
    VariantSpec,
)
from game.content.model_animation import AnimationMode
from game.content.records import ListOf, MapOf, Nullable, Record, child
from game.content.schema_animation import ANIMATION, KEYFRAME, PROP
from game.content.schema_progression import DOSE_RANGE, PROGRESSION, check_progression
from game.content.vocabulary import BADGE_METRICS, EQUIPMENT, MUSCLES, POSITIONS

#: How an exercise paces its breath (see the breath pacer).
BREATHS: tuple[str, ...] = ("effort_on_exhale", "steady")

_ID = Text(pattern=ID_PATTERN)
_TEXT = Text()
_OPTIONAL_TEXT = Text(nonempty=False)
_SECONDS = Number()  # a duration: greater than zero
_REST = Number(minimum=0.0, above=False)  # a pause that may be zero
_EXERCISE_REF = Text(pattern=ID_PATTERN, ref="exercise")
STAGE_REF = Text(pattern=ID_PATTERN, ref="stage")


def _values(enum_type: Any) -> tuple[str, ...]:
    return tuple(member.value for member in enum_type)


# ---------------------------------------------------------------------------
# Doses
# ---------------------------------------------------------------------------

#: Fields that only mean something for one kind of dose.
KIND_FIELDS: Mapping[DoseKind, tuple[str, ...]] = MappingProxyType(
    {
        DoseKind.HOLD: ("hold_seconds", "hold_breaths"),
        DoseKind.REPS: ("reps", "tempo", "alternate"),
        DoseKind.FLOW: ("flow_seconds",),
    }
)
#: For each kind, groups of fields of which exactly one must be given.
_KIND_NEEDS: Mapping[DoseKind, tuple[str, ...]] = MappingProxyType(
    {
        DoseKind.HOLD: ("hold_seconds", "hold_breaths"),
        DoseKind.REPS: ("reps",),
        DoseKind.FLOW: ("flow_seconds",),
    }
)


def _check_dose(values: dict[str, Any], node: yaml.MappingNode, ctx: Ctx) -> bool:
    kind: DoseKind = values["kind"]
    ok = True
    for other, names in KIND_FIELDS.items():
        for name in names:
            if other is not kind and values.get(name, False) is not False:
                ctx.report(
                    child(node, name),
                    f"'{name}' does not apply to a {kind.value} dose",
                    f"remove it, or use kind: {other.value}",
                )
                ok = False
    needs = _KIND_NEEDS[kind]
    given = [name for name in needs if name in values]
    if len(given) != 1:
        wanted = " or ".join(needs)
        ctx.report(
            child(node, "kind"),
            f"a {kind.value} dose needs {'exactly one of ' if len(needs) > 1 else ''}{wanted}",
            f"add {needs[0]}: ..." if not given else f"keep only one of {wanted}",
        )
        ok = False
    if values.get("each_side") and values.get("alternate"):
        ctx.report(
            child(node, "alternate"),
            "each_side and alternate are both true",
            "alternate switches sides every rep; each_side does a whole set per side",
        )
        ok = False
    return ok


TEMPO = Record(
    Tempo,
    {"lift": _SECONDS, "hold": _SECONDS, "lower": _SECONDS, "pause": _REST},
    what="a tempo mapping",
)

DOSE = Record(
    Dose,
    {
        "kind": Choice(_values(DoseKind), "dose kind", DoseKind),
        "sets": Count(),
        "hold_seconds": _SECONDS,
        "hold_breaths": Count(),
        "reps": Count(),
        "tempo": TEMPO,
        "flow_seconds": _SECONDS,
        "each_side": Flag(),
        "alternate": Flag(),
        "rest_seconds": _REST,
        "switch_seconds": _REST,
        "setup_seconds": _REST,
    },
    post=_check_dose,
    what="a dose mapping",
)

OVERRIDE = Record(
    DoseOverride,
    {
        "sets": Count(),
        "hold_seconds": _SECONDS,
        "hold_breaths": Count(),
        "reps": Count(),
        "flow_seconds": _SECONDS,
        "rest_seconds": _REST,
    },
    what="a mapping of dose fields",
)

# ---------------------------------------------------------------------------
# Exercises and their animation
# ---------------------------------------------------------------------------

VARIANT = Record(
    VariantSpec,
    {
        "name": _TEXT,
        "description": _TEXT,
        "exercise": Nullable(_EXERCISE_REF),
        "dose": Nullable(DOSE),
        "keyframes": Nullable(ListOf(KEYFRAME, nonempty=True)),
        "range": Number(minimum=0.0, maximum=1.0),
    },
    what="a variant mapping",
)

#: Phase words: a few plain words, spoken and shown in large type.
_PHASE_WORDS = re.compile(r"[A-Z][A-Za-z' -]{0,23}")


def _check_phases(values: dict[str, Any], node: yaml.MappingNode, ctx: Ctx) -> bool:
    ok = True
    for name in ("out", "back"):
        words = values.get(name)
        if words is not None and not _PHASE_WORDS.fullmatch(words):
            ctx.report(
                child(node, name),
                f"phase words '{words}' are not a short plain phrase",
                "start with a capital; letters, spaces, ' and - only; at most 24 characters",
            )
            ok = False
    return ok


PHASES = Record(
    Phases,
    {"out": _TEXT, "back": _TEXT},
    post=_check_phases,
    what="a phases mapping (out: ..., back: ...)",
)


def _check_exercise(values: dict[str, Any], node: yaml.MappingNode, ctx: Ctx) -> bool:
    ok = True
    substitutes: Mapping[str, str] = values.get("substitutes", {})
    keys = {key.value: key for key, _ in child(node, "substitutes").value} if substitutes else {}
    for missing in substitutes:
        if missing not in values["equipment"]:
            ctx.report(
                keys.get(missing, node),
                f"substitute for '{missing}', which this exercise does not use",
                "list it under equipment, or remove the substitute",
            )
            ok = False
    sides = _check_sides(values, node, ctx)
    variants = _check_variants(values, node, ctx)
    return check_progression(values, node, ctx) and sides and variants and ok


def _check_sides(values: dict[str, Any], node: yaml.MappingNode, ctx: Ctx) -> bool:
    """A move done on each side says which side its keyframes show."""
    dose: Dose = values["dose"]
    anim = values.get("animation")
    if anim is None or not (dose.alternate or dose.each_side) or anim.side is not None:
        return True
    ctx.report(
        child(node, "animation"),
        "a move done on each side does not say which side its keyframes show",
        "add side: right (or left) to the animation",
    )
    return False


def _check_variants(values: dict[str, Any], node: yaml.MappingNode, ctx: Ctx) -> bool:
    """An easier or harder version must really play differently from the standard one."""
    ok = True
    anim = values.get("animation")
    for which in ("easier", "harder"):
        spec: VariantSpec | None = values.get(which)
        if spec is None:
            continue
        where = child(node, which)
        same_dose = spec.dose is None or spec.dose == values["dose"]
        if spec.exercise is None and same_dose and spec.keyframes is None and spec.range == 1.0:
            ctx.report(
                where,
                f"the {which} version plays exactly like the standard one",
                "give it its own dose, keyframes, a smaller range, or another exercise",
            )
            ok = False
        moves = spec.keyframes is not None or spec.range != 1.0
        if moves and (spec.exercise is not None or anim is None):
            ctx.report(
                where,
                f"the {which} version changes a move it does not show",
                "keyframes and range need this exercise's own animation and no exercise:",
            )
            ok = False
        if spec.range != 1.0 and anim is not None and anim.mode is AnimationMode.LOOP:
            ctx.report(
                child(where, "range"),
                "a smaller range does not apply to a loop animation",
                "give the version its own keyframes instead",
            )
            ok = False
    return ok


EXERCISE = Record(
    Exercise,
    {
        "id": _ID,
        "name": _TEXT,
        "position": Choice(tuple(POSITIONS), "position"),
        "summary": _TEXT,
        "cues": ListOf(_TEXT, nonempty=True),
        "feel": _TEXT,
        "mistakes": ListOf(_TEXT),
        "muscles": ListOf(Choice(tuple(MUSCLES), "muscle"), nonempty=True, unique=True),
        "equipment": ListOf(Choice(tuple(EQUIPMENT), "equipment"), unique=True),
        "dose": DOSE,
        "breath": Choice(BREATHS, "breath pattern"),
        "dynamic": Flag(),
        "easier": Nullable(VARIANT),
        "harder": Nullable(VARIANT),
        "safety": ListOf(_TEXT),
        "substitutes": MapOf(Choice(tuple(EQUIPMENT), "equipment"), _EXERCISE_REF),
        "animation": Nullable(ANIMATION),
        "source": _OPTIONAL_TEXT,
        "phases": PHASES,
        "progression": Nullable(PROGRESSION),
    },
    internal=("file",),
    post=_check_exercise,
)

# ---------------------------------------------------------------------------
# Levels and stages
# ---------------------------------------------------------------------------


def _check_step(values: dict[str, Any], node: yaml.MappingNode, ctx: Ctx) -> bool:
    """Note the variant and override fields used, to check against the exercise later."""
    exercise: str = values["exercise"]
    variant: Variant = values.get("variant", Variant.STANDARD)
    if variant is not Variant.STANDARD:
        ctx.refer("variant", f"{exercise}.{variant.value}", child(node, "variant"))
    override: DoseOverride | None = values.get("override")
    override_node = child(node, "override")
    for name in OVERRIDE.fields if override is not None else ():
        if getattr(override, name) is not None:
            ctx.refer("override", f"{exercise}.{variant.value}.{name}", child(override_node, name))
    return True


STEP = Record(
    Step,
    {
        "exercise": _EXERCISE_REF,
        "variant": Choice(_values(Variant), "variant", Variant),
        "override": OVERRIDE,
        "rest_after": _REST,
        "note": _OPTIONAL_TEXT,
    },
    post=_check_step,
    what="a step mapping (exercise: ...)",
)

SUPERSET = Record(
    Superset,
    {"steps": ListOf(STEP, nonempty=True), "rounds": Count(), "rest_between_rounds": _REST},
    what="a superset mapping",
)


@dataclass(frozen=True)
class _SupersetBlock:
    """The ``- superset: {...}`` wrapper a level's main list uses for a superset."""

    superset: Superset


_SUPERSET_BLOCK = Record(_SupersetBlock, {"superset": SUPERSET}, internal=())


@dataclass(frozen=True)
class _BlockKind:
    """An item of a level's ``main`` list: a step, or a mapping holding ``superset``."""

    def read(self, node: yaml.Node, ctx: Ctx) -> Any:
        if isinstance(node, yaml.MappingNode) and any(
            isinstance(key, yaml.ScalarNode) and key.value == "superset" for key, _ in node.value
        ):
            block = _SUPERSET_BLOCK.read(node, ctx)
            return INVALID if block is INVALID else block.superset
        return STEP.read(node, ctx)


LEVEL = Record(
    Level,
    {
        "id": _ID,
        "name": _TEXT,
        "goal": _TEXT,
        "warmup": ListOf(STEP),
        "main": ListOf(_BlockKind(), nonempty=True),
        "cooldown": ListOf(STEP),
        "intro": _OPTIONAL_TEXT,
        "safety": ListOf(_TEXT),
        "requires": ListOf(STAGE_REF, unique=True),
    },
    internal=("file", "order", "stage"),
    defaults={"warmup": (), "cooldown": ()},
)

STAGE = Record(
    Stage,
    {
        "id": _ID,
        "name": _TEXT,
        "track": Choice(_values(Track), "track", Track),
        "trains": _TEXT,
        "rule": _TEXT,
        "description": _TEXT,
        "requires": ListOf(STAGE_REF, unique=True),
        "allows_dynamic": Flag(),
        "mastery_days": Count(),
        "flare_up_days": Count(minimum=0),
    },
    internal=("file", "order"),
)

# ---------------------------------------------------------------------------
# Badges
# ---------------------------------------------------------------------------


def scope_keys(metric: str) -> tuple[str, ...]:
    """The scope keys a metric accepts, listed after the colon in its description."""
    description = BADGE_METRICS.get(metric, "")
    if ": " not in description:
        return ()
    return tuple(key.strip() for key in description.rsplit(": ", 1)[1].split(","))


#: Scope keys whose value names an id of this category.
_SCOPE_REFS: Mapping[str, str] = MappingProxyType({"stage": "stage"})


def _check_condition(values: dict[str, Any], node: yaml.MappingNode, ctx: Ctx) -> bool:
    ok = True
    allowed = scope_keys(values["metric"])
    scope_node = child(node, "scope")
    for key, value in scope_node.value if scope_node is not node else ():
        if key.value not in allowed:
            takes = f"it takes: {', '.join(allowed)}" if allowed else "it takes no scope"
            ctx.report(key, f"metric '{values['metric']}' has no scope '{key.value}'", takes)
            ok = False
        elif key.value in _SCOPE_REFS:
            ctx.refer(_SCOPE_REFS[key.value], value.value, value)
    return ok


CONDITION = Record(
    BadgeCondition,
    {
        "metric": Choice(tuple(BADGE_METRICS), "badge metric"),
        "at_least": _SECONDS,
        "scope": MapOf(_ID, _ID),
    },
    post=_check_condition,
    what="a condition mapping (metric, at_least)",
)

BADGE = Record(
    Badge,
    {"id": _ID, "name": _TEXT, "description": _TEXT, "icon": _ID, "condition": CONDITION},
    internal=("file",),
)

#: Every record, for the test that checks each dataclass field has a kind.
ALL_RECORDS: tuple[Record, ...] = (
    TEMPO,
    DOSE,
    OVERRIDE,
    VARIANT,
    PROP,
    KEYFRAME,
    ANIMATION,
    EXERCISE,
    STEP,
    SUPERSET,
    LEVEL,
    STAGE,
    CONDITION,
    BADGE,
    DOSE_RANGE,
    PROGRESSION,
)
