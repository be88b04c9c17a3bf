"""Turning game values into save records and back, checking every field both ways.

Records are plain JSON: dates and instants as ISO strings, enums as their
values. Each exercise is a short list ``[exercise_id, side, seconds_held,
reps, breaths, skipped]`` rather than an object: a ten-year history holds tens
of thousands of them and the list form loads and saves about twice as fast.
Decoding is strict so a hand-edited or half-written save is caught on load,
not later in the middle of a game.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime, timezone
from typing import Any

from game.session.result import ExerciseResult, Form, Pain, SessionResult, Side
from game.store.errors import InvalidValue, SchemaError

MAX_SESSION_XP = 10**9
MAX_TOTAL_XP = 2**53 - 1  # the largest integer every JSON reader keeps exactly

_SIDES = {member.value: member for member in Side}
_FORMS = {member.value: member for member in Form}
_PAINS = {member.value: member for member in Pain}
_NUMBERS = (int, float)


def check_json_value(value: object, where: str) -> None:
    """Refuse anything that would not survive a strict JSON round trip (NaN, sets, ...)."""
    if value is None or isinstance(value, (bool, str)):
        return
    if isinstance(value, int):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidValue(f"{where} must be a finite number, got {value}")
        return
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            check_json_value(item, f"{where}[{index}]")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidValue(f"{where} has a non-text key {key!r}")
            check_json_value(item, f"{where}.{key}")
        return
    raise InvalidValue(f"{where} cannot be saved: {type(value).__name__} is not plain data")


def check_xp(xp: object, total_before: int) -> int:
    """An XP award must be a whole number in range and must not overflow the total."""
    if isinstance(xp, bool) or not isinstance(xp, int):
        raise InvalidValue(f"xp must be a whole number, got {xp!r}")
    if not 0 <= xp <= MAX_SESSION_XP:
        raise InvalidValue(f"xp must be between 0 and {MAX_SESSION_XP}, got {xp}")
    if total_before + xp > MAX_TOTAL_XP:
        raise InvalidValue("this award would overflow the player's total XP")
    return xp


def encode_session(profile_id: int, result: SessionResult, xp: int) -> dict[str, Any]:
    """A session record, after checking what ``SessionResult`` itself leaves open."""
    _check_text(result.level_id, "level_id")
    _check_text(result.variant, "variant")
    _check_int(result.utc_offset_minutes, "utc_offset_minutes")
    _check_seconds(result.active_seconds, "active_seconds")
    exercises = []
    for exercise in result.exercises:
        _check_text(exercise.exercise_id, "exercise_id")
        _check_seconds(exercise.seconds_held, f"{exercise.exercise_id} seconds_held")
        _check_count(exercise.reps, f"{exercise.exercise_id} reps")
        _check_count(exercise.breaths, f"{exercise.exercise_id} breaths")
        exercises.append(
            [
                exercise.exercise_id,
                Side(exercise.side).value,
                exercise.seconds_held,
                exercise.reps,
                exercise.breaths,
                bool(exercise.skipped),
            ]
        )
    return {
        "profile_id": profile_id,
        "xp": xp,
        "level_id": result.level_id,
        "local_date": result.local_date.isoformat(),
        "started_at": result.started_at.astimezone(timezone.utc).isoformat(),
        "ended_at": result.ended_at.astimezone(timezone.utc).isoformat(),
        "utc_offset_minutes": result.utc_offset_minutes,
        "exercises": exercises,
        "form": Form(result.form).value,
        "pain": Pain(result.pain).value,
        "completed": bool(result.completed),
        "daily": bool(result.daily),
        "active_seconds": result.active_seconds,
        "variant": result.variant,
    }


def decode_session(record: Mapping[str, Any]) -> SessionResult:
    """Rebuild a ``SessionResult`` from its record, or raise ``SchemaError`` saying why.

    Ten years of history is tens of thousands of values, so the common case is
    checked in one expression; anything odd takes the careful path, which
    names the field at fault.
    """
    try:
        items = record["exercises"]
        level_id, variant = record["level_id"], record["variant"]
        offset, active = record["utc_offset_minutes"], record["active_seconds"]
        completed, daily = record["completed"], record["daily"]
        if (
            type(items) is list
            and type(level_id) is str
            and type(variant) is str
            and type(offset) is int
            and type(completed) is bool
            and type(daily) is bool
            and type(active) in _NUMBERS
            and math.isfinite(active)
        ):
            return SessionResult(
                level_id,
                parse_date(record["local_date"]),
                parse_instant(record["started_at"]),
                parse_instant(record["ended_at"]),
                offset,
                tuple([_decode_exercise(item) for item in items]),
                _FORMS[record["form"]],
                _PAINS[record["pain"]],
                completed,
                daily,
                active,
                variant,
            )
    except SchemaError:
        raise
    except (KeyError, TypeError, ValueError):
        pass
    return _decode_session_checked(record)


def _decode_exercise(item: object) -> ExerciseResult:
    if type(item) is list and len(item) >= 6:
        exercise_id, side, held, reps, breaths, skipped = item[:6]
        if (
            type(exercise_id) is str
            and type(held) in _NUMBERS
            and type(reps) is int
            and type(breaths) is int
            and type(skipped) is bool
            and math.isfinite(held)
        ):
            return ExerciseResult(exercise_id, _SIDES[side], held, reps, breaths, skipped)
    return _decode_exercise_checked(item)


def _decode_session_checked(record: Mapping[str, Any]) -> SessionResult:
    """The careful path: each field checked on its own, to say exactly what is wrong."""
    try:
        exercises = tuple(_decode_exercise_checked(item) for item in _list(record["exercises"]))
        return SessionResult(
            level_id=_str(record["level_id"]),
            local_date=parse_date(record["local_date"]),
            started_at=parse_instant(record["started_at"]),
            ended_at=parse_instant(record["ended_at"]),
            utc_offset_minutes=_int(record["utc_offset_minutes"]),
            exercises=exercises,
            form=_FORMS[record["form"]],
            pain=_PAINS[record["pain"]],
            completed=_bool(record["completed"]),
            daily=_bool(record["daily"]),
            active_seconds=_number(record["active_seconds"]),
            variant=_str(record["variant"]),
        )
    except SchemaError:
        raise
    except KeyError as exc:
        raise SchemaError(f"missing or unknown value {exc}") from None
    except (TypeError, ValueError) as exc:
        raise SchemaError(str(exc)) from None


def _decode_exercise_checked(item: object) -> ExerciseResult:
    fields = _list(item)
    if len(fields) < 6:
        raise SchemaError(f"an exercise entry has {len(fields)} fields, expected 6")
    return ExerciseResult(
        exercise_id=_str(fields[0]),
        side=_SIDES[fields[1]],
        seconds_held=_number(fields[2]),
        reps=_int(fields[3]),
        breaths=_int(fields[4]),
        skipped=_bool(fields[5]),
    )


def parse_date(value: object) -> date:
    if not isinstance(value, str) or len(value) != 10:
        raise SchemaError(f"expected a date like 2026-11-21, got {value!r}")
    return date.fromisoformat(value)


def parse_instant(value: object) -> datetime:
    if not isinstance(value, str):
        raise SchemaError(f"expected a date and time, got {value!r}")
    instant = datetime.fromisoformat(value)
    if instant.tzinfo is None:
        raise SchemaError(f"the time {value!r} has no UTC offset")
    return instant


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise SchemaError(f"expected text, got {value!r}")
    return value


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SchemaError(f"expected a whole number, got {value!r}")
    return value


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SchemaError(f"expected a number, got {value!r}")
    if not math.isfinite(value):
        raise SchemaError(f"expected a finite number, got {value!r}")
    return value


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise SchemaError(f"expected true or false, got {value!r}")
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise SchemaError(f"expected a list, got {type(value).__name__}")
    return value


def _check_text(value: object, name: str) -> None:
    if not isinstance(value, str):
        raise InvalidValue(f"{name} must be text, got {value!r}")


def _check_int(value: object, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValue(f"{name} must be a whole number, got {value!r}")


def _check_count(value: object, name: str) -> None:
    _check_int(value, name)
    assert isinstance(value, int)
    if value < 0:
        raise InvalidValue(f"{name} must not be negative, got {value}")


def _check_seconds(value: object, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidValue(f"{name} must be a number of seconds, got {value!r}")
    if not math.isfinite(value) or value < 0:
        raise InvalidValue(f"{name} must be a finite, non-negative number of seconds")
