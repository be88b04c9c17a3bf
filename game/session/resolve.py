"""Which exercise, with which dose, a level step really plays for this player.

Three things can change what a step says: the variant (standard, easier,
harder, shifted one notch easier when the player asked for that), the step's
dose override, and missing equipment (an exercise names a substitute for each
piece of equipment it needs). Resolving them here keeps the timeline builder
about time only.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from game.content.model import Content, Dose, DoseKind, Exercise, Step, Variant
from game.session.settings import SessionSettings

__all__ = ["MissingEquipment", "ResolvedStep", "Substitution", "player_dose", "resolve_step"]

#: Playing one notch easier (``SessionSettings.prefer_easier``).
EASIER_NOTCH: dict[Variant, Variant] = {
    Variant.HARDER: Variant.STANDARD,
    Variant.STANDARD: Variant.EASIER,
    Variant.EASIER: Variant.EASIER,
}

#: How many substitutes may be followed in a row (a substitute can need
#: equipment too); a loop in the data stops here instead of hanging.
MAX_SUBSTITUTE_HOPS = 4


@dataclass(frozen=True)
class Substitution:
    """An exercise replaced because the player lacks ``equipment``."""

    step_index: int
    original: str
    replacement: str
    equipment: str


@dataclass(frozen=True)
class MissingEquipment:
    """Equipment an exercise needs that the player lacks and has no substitute for."""

    step_index: int
    exercise_id: str
    equipment: tuple[str, ...]


@dataclass(frozen=True)
class ResolvedStep:
    """A level step made concrete: the exercise to play and its final dose."""

    step: Step
    step_index: int
    exercise: Exercise
    dose: Dose
    variant: Variant
    substitutions: tuple[Substitution, ...] = ()
    missing: MissingEquipment | None = None
    range: float = 1.0  # how far along the guide's path a rep or hold goes


def _exercise(content: Content, exercise_id: str) -> Exercise:
    try:
        return content.exercises[exercise_id]
    except KeyError:
        raise ValueError(f"unknown exercise {exercise_id!r}") from None


def _apply_variant(
    content: Content, ex: Exercise, variant: Variant
) -> tuple[Exercise, Dose, float]:
    """The exercise, dose and path range a variant plays.

    A version of the same move shows its own keyframes (if it has them) and
    its own description as the words on screen, so an easier version looks
    and reads different from the standard one.
    """
    spec = {Variant.EASIER: ex.easier, Variant.HARDER: ex.harder}.get(variant)
    if spec is None:
        return ex, ex.dose, 1.0
    if spec.exercise is not None:
        other = _exercise(content, spec.exercise)
        return other, spec.dose or other.dose, 1.0
    anim = ex.animation
    if anim is not None and spec.keyframes is not None:
        anim = dataclasses.replace(anim, keyframes=spec.keyframes)
    name = f"{ex.name}: {spec.name}"
    summary = f"The {variant.value} version of the {ex.name[:1].lower() + ex.name[1:]}."
    shown = dataclasses.replace(
        ex, name=name, summary=summary, cues=(spec.description,), animation=anim
    )
    return shown, spec.dose or ex.dose, spec.range


def apply_override(dose: Dose, step: Step) -> Dose:
    """The dose with the step's override laid over it.

    Setting one way of counting a hold (seconds or breaths) clears the other,
    so the level's choice always wins over the exercise's default.
    """
    ov = step.override
    changes = {
        f.name: getattr(ov, f.name)
        for f in dataclasses.fields(ov)
        if getattr(ov, f.name) is not None
    }
    if ov.hold_seconds is not None and ov.hold_breaths is None:
        changes["hold_breaths"] = None
    if ov.hold_breaths is not None and ov.hold_seconds is None:
        changes["hold_seconds"] = None
    return dataclasses.replace(dose, **changes) if changes else dose


_AMOUNT_FIELD = {
    DoseKind.HOLD: "hold_seconds",
    DoseKind.REPS: "reps",
    DoseKind.FLOW: "flow_seconds",
}


def player_dose(
    dose: Dose, exercise_id: str, settings: SessionSettings, *, own: bool = True
) -> Dose:
    """The dose with the player's own amount and sets for this move, and any set cap.

    The player's amount replaces what the step wrote (the level's own dose is
    what mastery is measured against, not what is played); the easier version
    keeps its written dose, since it is the step back after pain.
    """
    changes: dict[str, Any] = {}
    for eid, amount, sets in settings.doses:
        if eid != exercise_id:
            continue
        name = _AMOUNT_FIELD[dose.kind]
        changes[name] = round(amount) if dose.kind is DoseKind.REPS else float(amount)
        if dose.kind is DoseKind.HOLD:
            changes["hold_breaths"] = None
        if sets is not None:
            changes["sets"] = sets
    for eid, cap in settings.set_caps:
        if eid == exercise_id:
            changes["sets"] = min(int(changes.get("sets", dose.sets)), cap)
    return dataclasses.replace(dose, **changes) if changes else dose


def _substitute(
    content: Content, ex: Exercise, settings: SessionSettings, step_index: int
) -> tuple[Exercise, tuple[Substitution, ...], MissingEquipment | None]:
    subs: list[Substitution] = []
    for _ in range(MAX_SUBSTITUTE_HOPS):
        lacking = [e for e in ex.equipment if not settings.owns(e)]
        if not lacking:
            return ex, tuple(subs), None
        swap = next((e for e in lacking if e in ex.substitutes), None)
        if swap is None:
            return ex, tuple(subs), MissingEquipment(step_index, ex.id, tuple(lacking))
        nxt = _exercise(content, ex.substitutes[swap])
        subs.append(Substitution(step_index, ex.id, nxt.id, swap))
        ex = nxt
    lacking = [e for e in ex.equipment if not settings.owns(e)]
    missing = MissingEquipment(step_index, ex.id, tuple(lacking)) if lacking else None
    return ex, tuple(subs), missing


def resolve_step(
    step: Step, step_index: int, content: Content, settings: SessionSettings
) -> ResolvedStep:
    """Resolve variant, override and equipment for one step, in that order.

    A substitute plays its own standard dose with the step's override on top,
    so "6 reps" in the level still means 6 reps of whatever is played.
    """
    variant = EASIER_NOTCH[step.variant] if settings.prefer_easier else step.variant
    ex, dose, reach = _apply_variant(content, _exercise(content, step.exercise), variant)
    played, subs, missing = _substitute(content, ex, settings, step_index)
    if played is not ex:
        dose, reach = played.dose, 1.0
    dose = apply_override(dose, step)
    # The player's own dose, unless this is the step back after pain, or a variant
    # of the same move whose written dose is the point of it.
    own = not settings.prefer_easier and (variant is Variant.STANDARD or played.id != step.exercise)
    dose = player_dose(dose, played.id, settings, own=own)
    return ResolvedStep(
        step=step,
        step_index=step_index,
        exercise=played,
        dose=dose,
        variant=variant,
        substitutions=subs,
        missing=missing,
        range=reach,
    )
