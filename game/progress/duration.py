"""How long a level will take, for sizing the daily level to 8 to 15 minutes.

The session timeline is the authority on timing; when it offers
``game.session.timeline.planned_seconds(level, content)`` that answer is used.
Otherwise this estimate is: for each set, getting into position, the work
(holds, reps at their tempo on each side, or the flow time), the rests between
sets and after the step; supersets repeat their steps for every round. A hold
counted in breaths takes six seconds a breath (two in, four out).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace

from game.content.model import (
    Content,
    Dose,
    DoseKind,
    DoseOverride,
    Level,
    Step,
    Superset,
    Variant,
)

SECONDS_PER_BREATH = 6.0
DEFAULT_HOLD_SECONDS = 10.0
DEFAULT_REPS = 8
DEFAULT_FLOW_SECONDS = 30.0


def step_dose(step: Step, content: Content) -> Dose:
    """The dose a step plays: its exercise's (or variant's) dose with the override applied."""
    exercise = content.exercises[step.exercise]
    dose = exercise.dose
    spec = exercise.easier if step.variant is Variant.EASIER else None
    spec = exercise.harder if step.variant is Variant.HARDER else spec
    if spec is not None:
        if spec.exercise and spec.exercise in content.exercises:
            dose = content.exercises[spec.exercise].dose
        if spec.dose is not None:
            dose = spec.dose
    ov: DoseOverride = step.override
    changes = {k: getattr(ov, k) for k in DoseOverride.__dataclass_fields__}
    return replace(dose, **{k: v for k, v in changes.items() if v is not None})


def _set_seconds(dose: Dose) -> float:
    sides = 2 if (dose.each_side or dose.alternate) else 1
    switch = dose.switch_seconds if dose.each_side else 0.0
    if dose.kind is DoseKind.HOLD:
        hold = dose.hold_seconds
        if hold is None:
            hold = (dose.hold_breaths or 0) * SECONDS_PER_BREATH or DEFAULT_HOLD_SECONDS
        per_side = dose.setup_seconds + hold
        return per_side * (2 if dose.each_side else 1) + switch
    if dose.kind is DoseKind.REPS:
        reps = (dose.reps or DEFAULT_REPS) * sides
        return dose.setup_seconds + reps * dose.tempo.rep_seconds + switch
    flow = dose.flow_seconds or DEFAULT_FLOW_SECONDS
    return dose.setup_seconds + flow * (2 if dose.each_side else 1) + switch


def step_work_seconds(step: Step, content: Content) -> float:
    """One step without the rest after it."""
    dose = step_dose(step, content)
    return dose.sets * _set_seconds(dose) + max(0, dose.sets - 1) * dose.rest_seconds


def estimate_seconds(level: Level, content: Content) -> float:
    """This module's own estimate of a level's length in seconds."""
    total = 0.0
    for step in (*level.warmup, *level.cooldown):
        total += step_work_seconds(step, content) + step.rest_after
    for block in level.main:
        if isinstance(block, Superset):
            one_round = sum(step_work_seconds(s, content) for s in block.steps)
            total += block.rounds * one_round
            total += max(0, block.rounds - 1) * block.rest_between_rounds
        else:
            total += step_work_seconds(block, content) + block.rest_after
    return total


def _timeline_planner() -> Callable[[Level, Content], float] | None:
    try:
        module = importlib.import_module("game.session.timeline")
    except ImportError:
        return None
    planner = getattr(module, "planned_seconds", None)
    return planner if callable(planner) else None


def planned_seconds(level: Level, content: Content) -> float:
    """The session timeline's planned length when it offers one, else the estimate."""
    planner = _timeline_planner()
    if planner is not None:
        try:
            return float(planner(level, content))
        except TypeError:  # a different signature: fall back rather than fail the plan
            pass
    return estimate_seconds(level, content)
