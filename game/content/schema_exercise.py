"""The schema of an exercise file: the exercise, its dose and its easier and harder versions.

Each table maps the fields of a dataclass in ``game.content.model`` to the kind
that reads it; the rules that tie fields together (a dose's kind and its
counts, a version that must really differ) are post-checks beside their
record. The ``animation:`` block is read by ``game.content.schema_animation``
and ``progression:`` by ``game.content.schema_progression``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import yaml

from game.content.kinds import (
    EXERCISE_REF,
    ID,
    OPTIONAL_TEXT,
    REST,
    SECONDS,
    TEXT,
    Choice,
    Count,
    Ctx,
    EnumChoice,
    Flag,
    Number,
)
from game.content.model import (
    Dose,
    DoseKind,
    Exercise,
    Phases,
    Tempo,
    VariantSpec,
)
from game.content.model_animation import AnimationMode
from game.content.records import ListOf, MapOf, Nullable, Record, child
from game.content.schema_animation import ANIMATION, KEYFRAME
from game.content.schema_progression import PROGRESSION, check_progression
from game.content.vocabulary import BREATHS, EQUIPMENT, MUSCLES, POSITIONS

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
    {"lift": SECONDS, "hold": SECONDS, "lower": SECONDS, "pause": REST},
    what="a tempo mapping",
)

DOSE = Record(
    Dose,
    {
        "kind": EnumChoice(DoseKind, "dose kind"),
        "sets": Count(),
        "hold_seconds": SECONDS,
        "hold_breaths": Count(),
        "reps": Count(),
        "tempo": TEMPO,
        "flow_seconds": SECONDS,
        "each_side": Flag(),
        "alternate": Flag(),
        "rest_seconds": REST,
        "switch_seconds": REST,
        "setup_seconds": REST,
    },
    post=_check_dose,
    what="a dose mapping",
)


# ---------------------------------------------------------------------------
# The exercise and its versions
# ---------------------------------------------------------------------------

VARIANT = Record(
    VariantSpec,
    {
        "name": TEXT,
        "description": TEXT,
        "exercise": Nullable(EXERCISE_REF),
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
    {"out": TEXT, "back": TEXT},
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
        "id": ID,
        "name": TEXT,
        "position": Choice(tuple(POSITIONS), "position"),
        "summary": TEXT,
        "cues": ListOf(TEXT, nonempty=True),
        "feel": TEXT,
        "mistakes": ListOf(TEXT),
        "muscles": ListOf(Choice(tuple(MUSCLES), "muscle"), nonempty=True, unique=True),
        "equipment": ListOf(Choice(tuple(EQUIPMENT), "equipment"), unique=True),
        "dose": DOSE,
        "breath": Choice(BREATHS, "breath pattern"),
        "dynamic": Flag(),
        "easier": Nullable(VARIANT),
        "harder": Nullable(VARIANT),
        "safety": ListOf(TEXT),
        "substitutes": MapOf(Choice(tuple(EQUIPMENT), "equipment"), EXERCISE_REF),
        "animation": Nullable(ANIMATION),
        "source": OPTIONAL_TEXT,
        "phases": PHASES,
        "progression": Nullable(PROGRESSION),
    },
    internal=("file",),
    post=_check_exercise,
)
