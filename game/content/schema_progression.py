"""The schema of an exercise's ``progression:`` block, and the rules tying it to the dose.

Example: ``progression: {hold_s: {start: 10, max: 45, step: 5}}``. A range must
run upwards, its step must fit inside it, it must suit the dose's kind (a hold
range on a hold, reps on reps) and it must hold the exercise's written dose, so
that a player who starts at the written dose is always on the ladder.
"""

from __future__ import annotations

from typing import Any

import yaml

from game.content.kinds import Count, Ctx, Number
from game.content.model import Dose, DoseKind
from game.content.model_progression import DoseRange, Progression
from game.content.records import Nullable, Record, child

__all__ = ["DOSE_RANGE", "PROGRESSION", "check_progression"]


def _check_range(values: dict[str, Any], node: yaml.MappingNode, ctx: Ctx) -> bool:
    start, top, step = values["start"], values["max"], values["step"]
    if top < start:
        ctx.report(child(node, "max"), f"max {top:g} is below start {start:g}", "swap them")
        return False
    if top > start and step > top - start:
        ctx.report(
            child(node, "step"),
            f"step {step:g} is larger than the range {start:g} to {top:g}",
            "use a smaller step or a wider range",
        )
        return False
    return True


DOSE_RANGE = Record(
    DoseRange,
    {"start": Number(), "max": Number(), "step": Number()},
    post=_check_range,
    what="a range mapping (start, max, step)",
)

_SETS_RANGE = Record(
    DoseRange,
    {"start": Count(), "max": Count(), "step": Count()},
    post=_check_range,
    what="a range mapping of whole sets (start, max, step)",
)

PROGRESSION = Record(
    Progression,
    {
        "hold_s": Nullable(DOSE_RANGE),
        "reps": Nullable(_SETS_RANGE),
        "sets": Nullable(_SETS_RANGE),
    },
    what="a progression mapping (hold_s, reps, sets)",
)

#: Which range fits which kind of dose, and the dose field it moves.
_FITS: dict[str, tuple[DoseKind, str]] = {
    "hold_s": (DoseKind.HOLD, "hold_seconds"),
    "reps": (DoseKind.REPS, "reps"),
}


def check_progression(values: dict[str, Any], node: yaml.MappingNode, ctx: Ctx) -> bool:
    """An exercise's progression must fit its dose; called from the exercise's post-check."""
    prog: Progression | None = values.get("progression")
    dose: Dose | None = values.get("dose")
    if prog is None or dose is None:
        return True
    pnode = child(node, "progression")
    ok = True
    for name, (kind, field_name) in _FITS.items():
        rng: DoseRange | None = getattr(prog, name)
        if rng is None:
            continue
        if dose.kind is not kind:
            ctx.report(
                child(pnode, name),
                f"'{name}' does not apply to a {dose.kind.value} dose",
                f"use {'hold_s' if dose.kind is DoseKind.HOLD else 'reps'} here, or remove it",
            )
            ok = False
            continue
        written = getattr(dose, field_name)
        if written is not None and not rng.start <= written <= rng.max:
            ctx.report(
                child(pnode, name),
                f"the written dose {written:g} is outside the range {rng.start:g} to {rng.max:g}",
                "widen the range so it holds the written dose",
            )
            ok = False
    if prog.sets is not None and not prog.sets.start <= dose.sets <= prog.sets.max:
        ctx.report(
            child(pnode, "sets"),
            f"the written {dose.sets} sets are outside the range "
            f"{prog.sets.start:g} to {prog.sets.max:g}",
            "widen the range so it holds the written sets",
        )
        ok = False
    if prog.hold_s is None and prog.reps is None and prog.sets is None:
        ctx.report(pnode, "a progression needs hold_s, reps or sets", "add one, or remove it")
        ok = False
    return ok
