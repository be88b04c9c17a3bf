"""The camera's measurements in a session record, both ways.

A session played with the camera on has a ``motion`` key: one list per hold,
``[exercise_id, side, seconds, frames, steadiness, form, wobbles]``, each
wobble ``[start, end, kind]``. Sessions played without it have no key at
all, so every record saved before the camera existed reads (and digests)
exactly as it did.
"""

from __future__ import annotations

import math
from typing import Any

from game.motion.report import MotionReport, Wobble, WobbleKind
from game.session.result import Form, Side
from game.store.bounds import finite, shown
from game.store.errors import InvalidValue, SchemaError

_SIDES = {m.value: m for m in Side}
_FORMS = {m.value: m for m in Form}
_KINDS = {m.value: m for m in WobbleKind}


def encode_motion(reports: tuple[MotionReport, ...]) -> list[list[Any]]:
    out = []
    for r in reports:
        if not isinstance(r, MotionReport):
            raise InvalidValue(f"motion must hold MotionReport values, got {r!r}")
        wobbles = [[w.start, w.end, WobbleKind(w.kind).value] for w in r.wobbles]
        for value in (r.seconds, r.steadiness, *(x for w in r.wobbles for x in (w.start, w.end))):
            if not math.isfinite(value):
                raise InvalidValue(f"motion of {r.exercise_id}: {value} is not a finite number")
        out.append(
            [
                r.exercise_id,
                Side(r.side).value,
                r.seconds,
                r.frames,
                r.steadiness,
                Form(r.form).value,
                wobbles,
            ]
        )
    return out


def decode_motion(value: object) -> tuple[MotionReport, ...]:
    """The reports in a record's ``motion`` value, or ``SchemaError`` naming the bad one."""
    if not isinstance(value, list):
        raise SchemaError(f"motion: expected a list, got {type(value).__name__}")
    return tuple(_report(item, n) for n, item in enumerate(value, 1))


def _report(item: object, number: int) -> MotionReport:
    where = f"motion {number}"
    if not isinstance(item, list) or len(item) != 7:
        raise SchemaError(f"{where}: expected a list of 7 fields")
    exercise_id, side, seconds, frames, share, form, wobbles = item
    if not isinstance(exercise_id, str):
        raise SchemaError(f"{where} exercise_id: expected text, got {shown(exercise_id)}")
    if not isinstance(wobbles, list):
        raise SchemaError(f"{where} wobbles: expected a list")
    try:
        return MotionReport(
            exercise_id=exercise_id,
            side=_one(_SIDES, side, f"{where} side"),
            seconds=_number(seconds, f"{where} seconds"),
            frames=_whole(frames, f"{where} frames"),
            steadiness=_number(share, f"{where} steadiness"),
            form=_one(_FORMS, form, f"{where} form"),
            wobbles=tuple(_wobble(w, f"{where} wobble {k}") for k, w in enumerate(wobbles, 1)),
        )
    except ValueError as exc:
        raise SchemaError(f"{where}: {exc}") from None


def _wobble(item: object, where: str) -> Wobble:
    if not isinstance(item, list) or len(item) != 3:
        raise SchemaError(f"{where}: expected [start, end, kind]")
    start, end, kind = item
    return Wobble(
        _number(start, f"{where} start"),
        _number(end, f"{where} end"),
        _one(_KINDS, kind, f"{where} kind"),
    )


def _one(table: dict[str, Any], value: object, name: str) -> Any:
    if isinstance(value, str) and value in table:
        return table[value]
    raise SchemaError(f"{name}: expected one of {', '.join(table)}, got {shown(value)}")


def _number(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not finite(value):
        raise SchemaError(f"{name}: expected a finite number, got {shown(value)}")
    return float(value)


def _whole(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SchemaError(f"{name}: expected a whole number, got {shown(value)}")
    return value
