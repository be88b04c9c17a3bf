"""Turning game values into save records and back, checking every field both ways.

Records are plain JSON: dates and instants as ISO strings, enums as their
values. Each exercise is a short list ``[exercise_id, side, seconds_held,
reps, breaths, skipped]`` rather than an object: a ten-year history holds tens
of thousands of them and the list form loads and saves about twice as fast.
Decoding is strict so a hand-edited or half-written save is caught on load,
not later in the middle of a game.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Mapping
from datetime import date, datetime, timezone
from operator import itemgetter
from types import ModuleType
from typing import Any, TypeVar

from game.session.prechecked import session_from_checked
from game.session.result import ExerciseResult, Form, Pain, SessionResult, Side
from game.store.bounds import MAX_SECONDS, finite, out_of_range, shorten, shown
from game.store.codec_ratings import decode_ratings, encode_ratings
from game.store.entries import Seen, decode_entries
from game.store.errors import InvalidValue, SchemaError, StoreError

MAX_SESSION_XP = 10**9
MAX_TOTAL_XP = 2**53 - 1  # the largest integer every JSON reader keeps exactly

_SIDES = {member.value: member for member in Side}
_FORMS = {member.value: member for member in Form}
_PAINS = {member.value: member for member in Pain}
_MAX_OFFSET = 16 * 60  # SessionResult's own limit on utc_offset_minutes
_DATE = date.fromisoformat
_INSTANT = datetime.fromisoformat
_SESSION = session_from_checked
#: Every field the fast path reads, in one lookup (a missing one raises KeyError).
_SESSION_FIELDS = itemgetter(
    "exercises", "level_id", "variant", "utc_offset_minutes", "active_seconds", "completed",
    "daily", "local_date", "started_at", "ended_at", "form", "pain",
)  # fmt: skip
#: What reading an odd record can raise: the fast path gives way, the careful path explains.
_FAST_PATH_MISSES = (StoreError, LookupError, TypeError, ValueError, ArithmeticError)
_T = TypeVar("_T")
_E = TypeVar("_E", bound=enum.Enum)


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
                raise InvalidValue(f"{where} has a non-text key {shown(key)}")
            check_json_value(item, f"{where}.{key}")
        return
    raise InvalidValue(f"{where} cannot be saved: {type(value).__name__} is not plain data")


def check_xp(xp: object, total_before: int) -> int:
    """An XP award must be a whole number in range and must not overflow the total."""
    if isinstance(xp, bool) or not isinstance(xp, int):
        raise InvalidValue(f"xp must be a whole number, got {shown(xp)}")
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
    _check_bounds(result.active_seconds, "active_seconds", _check_seconds)
    exercises = []
    for exercise in result.exercises:
        _check_text(exercise.exercise_id, "exercise_id")
        _check_bounds(exercise.seconds_held, "seconds_held", _check_seconds)
        _check_bounds(exercise.reps, "reps", _check_count)
        _check_bounds(exercise.breaths, "breaths", _check_count)
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
    record: dict[str, Any] = {
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
    if result.motion:  # no key without a camera: older records stay byte for byte the same
        record["motion"] = _motion_codec().encode_motion(result.motion)
    if result.ratings:  # absent, not empty, so a save without ratings reads as before
        record["ratings"] = encode_ratings(result.ratings)
    return record


def decode_session(
    record: Mapping[str, Any], text: str | None = None, seen: Seen | None = None
) -> SessionResult:
    """Rebuild a ``SessionResult`` from its record, or raise ``SchemaError`` saying why.

    Ten years of history is tens of thousands of values, so a record is first
    tried on a fast path: every field is checked for its exact JSON type and
    for every rule the result's own ``__post_init__`` makes, in plain
    comparisons, and the objects are then built with ``game.session.prechecked`` instead
    of checking everything a second time. The fast path never refuses
    anything itself: a record that fails any of its checks goes to the careful
    path, which builds through the validating constructors and is the one
    place that decides what is refused and says which field is at fault.

    ``text`` (the record's own text as loaded) and ``seen`` (what this load
    has decoded so far, ``game.store.entries``) only make it faster: equal
    entries, lists and ratings are checked and built once per load.
    """
    try:
        made = _decode_session_fast(record, text, seen)
    except _FAST_PATH_MISSES:
        made = None
    return made if made is not None else _decode_session_checked(record)


def _decode_session_fast(
    record: Mapping[str, Any], text: str | None = None, seen: Seen | None = None
) -> SessionResult | None:
    """The session, or None when anything is unusual (raising is as good as None).

    The checks mirror ``SessionResult.__post_init__`` and
    ``ExerciseResult.__post_init__``; ``tests/store/test_store_decode.py``
    holds them together. ``0 <= x <= MAX_SECONDS`` refuses negatives, NaN,
    infinities and absurdly large numbers (``game.store.bounds``) all at once.
    """
    seen = seen if seen is not None else Seen()
    items, level_id, variant, offset, active, completed, daily, day, started, ended, form, pain = (
        _SESSION_FIELDS(record)
    )
    kind = type(active)
    if not (
        type(level_id) is str
        and level_id
        and type(variant) is str
        and type(offset) is int
        and -_MAX_OFFSET <= offset <= _MAX_OFFSET
        and type(completed) is bool
        and type(daily) is bool
        and (kind is float or kind is int)
        and 0 <= active <= MAX_SECONDS
    ):
        return None
    exercises = decode_entries(items, text, seen)
    if exercises is None:
        return None
    # parse_date and parse_instant, without the calls: the careful path says what is wrong.
    if not (type(day) is str and len(day) == 10 and type(started) is str and type(ended) is str):
        return None
    started, ended = _INSTANT(started), _INSTANT(ended)
    # fromisoformat gives a fixed-offset zone when it gives one, so both are then aware.
    if started.tzinfo is None or ended.tzinfo is None or ended < started:
        return None
    return _SESSION(
        level_id,
        _DATE(day),
        started,
        ended,
        offset,
        exercises,
        _FORMS[form],
        _PAINS[pain],
        completed,
        daily,
        active,
        variant,
        _motion_codec().decode_motion(record["motion"]) if "motion" in record else (),
        decode_ratings(record, seen.ratings) if "ratings" in record else (),
    )


def _decode_session_checked(record: Mapping[str, Any]) -> SessionResult:
    """The careful path: each field checked on its own, to say exactly what is wrong."""
    items = _field(record, "exercises", _list)
    exercises = tuple(_decode_exercise_checked(item, n) for n, item in enumerate(items, 1))
    try:
        return SessionResult(
            level_id=_field(record, "level_id", _str),
            local_date=_field(record, "local_date", parse_date),
            started_at=_field(record, "started_at", parse_instant),
            ended_at=_field(record, "ended_at", parse_instant),
            utc_offset_minutes=_field(record, "utc_offset_minutes", _offset),
            exercises=exercises,
            form=_field(record, "form", _READ_FORM),
            pain=_field(record, "pain", _READ_PAIN),
            completed=_field(record, "completed", _bool),
            daily=_field(record, "daily", _bool),
            active_seconds=_field(record, "active_seconds", _SECONDS["active_seconds"]),
            variant=_field(record, "variant", _str),
            motion=_motion_codec().decode_motion(record["motion"]) if "motion" in record else (),
            ratings=decode_ratings(record),
        )
    except ValueError as exc:  # the constructor's own checks; each names its field
        raise SchemaError(shorten(str(exc))) from None


def _decode_exercise_checked(item: object, number: int) -> ExerciseResult:
    where = f"exercise {number}"
    if not isinstance(item, list):
        raise SchemaError(f"{where} is a {type(item).__name__}, not a list")
    if len(item) < 6:
        raise SchemaError(f"{where} has {len(item)} fields, expected 6")
    try:
        return ExerciseResult(
            exercise_id=_item(item, 0, "exercise_id", _str, where),
            side=_item(item, 1, "side", _READ_SIDE, where),
            seconds_held=_item(item, 2, "seconds_held", _SECONDS["seconds_held"], where),
            reps=_item(item, 3, "reps", _COUNTS["reps"], where),
            breaths=_item(item, 4, "breaths", _COUNTS["breaths"], where),
            skipped=_item(item, 5, "skipped", _bool, where),
        )
    except ValueError as exc:
        raise SchemaError(f"{where}: {shorten(str(exc))}") from None


def _motion_codec() -> ModuleType:
    """The camera measurements' codec, imported only by a session that has them.

    Most saves hold none, and the store is opened before the first frame.
    """
    from game.store import motion_codec

    return motion_codec


def _field(record: Mapping[str, Any], name: str, read: Callable[[Any], _T]) -> _T:
    """``read(record[name])``, with any failure reported as a ``SchemaError`` naming ``name``."""
    if name not in record:
        raise SchemaError(f"{name} is missing")
    return _read(record[name], name, read)


def _item(fields: list[Any], index: int, name: str, read: Callable[[Any], _T], where: str) -> _T:
    return _read(fields[index], f"{where} {name}", read)


def _read(value: object, name: str, read: Callable[[Any], _T]) -> _T:
    try:
        return read(value)
    except _FAST_PATH_MISSES as exc:
        raise SchemaError(f"{name}: {shorten(str(exc))}") from None


def _one_of(table: dict[str, _E]) -> Callable[[object], _E]:
    """A reader for an enum stored as its value."""

    def read(value: object) -> _E:
        if isinstance(value, str) and value in table:
            return table[value]
        raise SchemaError(f"expected one of {', '.join(table)}, got {shown(value)}")

    return read


_READ_SIDE = _one_of(_SIDES)
_READ_FORM = _one_of(_FORMS)
_READ_PAIN = _one_of(_PAINS)


def parse_date(value: object) -> date:
    if not isinstance(value, str) or len(value) != 10:
        raise SchemaError(f"expected a date like 2026-11-21, got {shown(value)}")
    return date.fromisoformat(value)


def parse_instant(value: object) -> datetime:
    if not isinstance(value, str):
        raise SchemaError(f"expected a date and time, got {shown(value)}")
    instant = datetime.fromisoformat(value)
    if instant.tzinfo is None:
        raise SchemaError(f"the time {shown(value)} has no UTC offset")
    return instant


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise SchemaError(f"expected text, got {shown(value)}")
    return value


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SchemaError(f"expected a whole number, got {shown(value)}")
    return value


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SchemaError(f"expected a number, got {shown(value)}")
    if not finite(value):
        raise SchemaError(f"expected a finite number, got {shown(value)}")
    return value


def _within(name: str, read: Callable[[Any], _T]) -> Callable[[Any], _T]:
    """``read``, then the range ``game.store.bounds`` gives field ``name``."""

    def checked(value: object) -> _T:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return read(value)  # the type error, in the reader's own words
        problem = out_of_range(name, value)
        if problem is not None:
            raise SchemaError(problem)
        return read(value)

    return checked


_SECONDS = {name: _within(name, _number) for name in ("active_seconds", "seconds_held")}
_COUNTS = {name: _within(name, _int) for name in ("reps", "breaths")}


def _offset(value: object) -> int:
    """A UTC offset in minutes, checked here so the message stays short for any number."""
    minutes = _int(value)
    if not -_MAX_OFFSET <= minutes <= _MAX_OFFSET:
        raise SchemaError(f"out of range: {shown(minutes)}")
    return minutes


def _bool(value: object) -> bool:
    if not isinstance(value, bool):
        raise SchemaError(f"expected true or false, got {shown(value)}")
    return value


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise SchemaError(f"expected a list, got {type(value).__name__}")
    return value


def _check_text(value: object, name: str) -> None:
    if not isinstance(value, str):
        raise InvalidValue(f"{name} must be text, got {shown(value)}")


def _check_int(value: object, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValue(f"{name} must be a whole number, got {shown(value)}")


def _check_count(value: object, name: str) -> None:
    _check_int(value, name)
    assert isinstance(value, int)
    if value < 0:
        raise InvalidValue(f"{name} must not be negative, got {value}")


def _check_seconds(value: object, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidValue(f"{name} must be a number of seconds, got {shown(value)}")
    if not finite(value) or value < 0:
        raise InvalidValue(f"{name} must be a finite, non-negative number of seconds")


def _check_bounds(value: object, name: str, check: Callable[[object, str], None]) -> None:
    """``check`` the type, then refuse a value outside ``game.store.bounds``."""
    check(value, name)
    assert isinstance(value, (int, float))
    problem = out_of_range(name, value)
    if problem is not None:
        raise InvalidValue(f"{name} {problem}")
