"""The fast decoding path accepts exactly what the validating constructors accept.

Loading builds sessions with ``from_checked``, skipping the constructors' own
checks, so these tests hold the decoder's plain comparisons to the
constructors: every valid record comes out equal (and of the same types) both
ways, and every bad value the careful path refuses is refused, with a message
naming the field, however it reaches the decoder.
"""

from __future__ import annotations

import gc
import json
import math
from dataclasses import fields
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_helpers import make_result
from store_strategies import exercises, session_results

from game.session.prechecked import exercise_from_checked, session_from_checked
from game.session.result import ExerciseResult, SessionResult
from game.store import InvalidValue, SaveUnreadable, SchemaError, StoredSession, codec, memory_store
from game.store.bounds import LIMITS, MAX_COUNT, MAX_SECONDS
from game.store.codec import decode_session, encode_session
from game.store.entries import Seen
from game.store.schema import stored_from_checked

EXERCISE_FIELDS = ("exercise_id", "side", "seconds_held", "reps", "breaths", "skipped")


def _record(result: SessionResult, xp: int = 10) -> dict[str, Any]:
    """The record exactly as it comes back from a save file."""
    loaded: dict[str, Any] = json.loads(json.dumps(encode_session(1, result, xp)))
    return loaded


def _same(a: object, b: object) -> None:
    """Equal, and every field of the same type (30 and 30.0 are equal but not the same)."""
    assert a == b
    assert type(a) is type(b)
    for item in fields(a):  # type: ignore[arg-type]
        left, right = getattr(a, item.name), getattr(b, item.name)
        if isinstance(left, tuple):
            assert len(left) == len(right)
            for x, y in zip(left, right, strict=True):
                _same(x, y)
        else:
            assert type(left) is type(right), item.name


def _fast(record: dict[str, Any]) -> SessionResult | None:
    try:
        return codec._decode_session_fast(record)
    except codec._FAST_PATH_MISSES:
        return None


# -- valid records: both paths agree ----------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(result=session_results())
def test_fast_path_builds_what_the_constructors_build(result: SessionResult) -> None:
    record = _record(result)
    fast = codec._decode_session_fast(record)
    assert fast is not None, "a valid record left the fast path"
    _same(fast, codec._decode_session_checked(record))
    assert fast == result
    assert decode_session(record) == result


@settings(max_examples=150, deadline=None)
@given(exercise=exercises)
def test_exercise_from_checked_equals_the_constructor(exercise: ExerciseResult) -> None:
    values = [getattr(exercise, name) for name in EXERCISE_FIELDS]
    built = exercise_from_checked(*values)
    _same(built, ExerciseResult(*values))
    assert hash(built) == hash(exercise)


@settings(max_examples=80, deadline=None)
@given(result=session_results())
def test_session_from_checked_equals_the_constructor(result: SessionResult) -> None:
    values = [getattr(result, item.name) for item in fields(SessionResult)]
    built = session_from_checked(*values)
    _same(built, SessionResult(*values))
    assert hash(built) == hash(result)


def test_from_checked_sets_every_field() -> None:
    """A field added to a result but not to ``from_checked`` would be left unset."""
    result = make_result(3)
    again = session_from_checked(*[getattr(result, f.name) for f in fields(SessionResult)])
    assert [f.name for f in fields(ExerciseResult)] == list(EXERCISE_FIELDS)
    for item in fields(SessionResult):
        assert getattr(again, item.name) == getattr(result, item.name)
    for exercise in again.exercises:
        made = exercise_from_checked(*[getattr(exercise, n) for n in EXERCISE_FIELDS])
        assert all(getattr(made, n) == getattr(exercise, n) for n in EXERCISE_FIELDS)


def test_a_stored_session_from_checked_equals_the_constructor() -> None:
    """A field added to ``StoredSession`` but not to its builder would be left unset."""
    result = make_result(2)
    built = stored_from_checked(7, 2, result, 40)
    _same(built, StoredSession(7, 2, result, 40))
    assert [f.name for f in fields(StoredSession)] == ["id", "profile_id", "result", "xp"]
    assert hash(built) == hash(StoredSession(7, 2, result, 40))


def test_the_public_constructors_still_check() -> None:
    with pytest.raises(ValueError, match="seconds_held"):
        ExerciseResult("plank", seconds_held=-1.0)
    with pytest.raises(ValueError, match="seconds_held"):
        ExerciseResult("plank", seconds_held=math.nan)
    with pytest.raises(ValueError, match="exercise_id"):
        ExerciseResult("")
    good = make_result()
    values = {f.name: getattr(good, f.name) for f in fields(SessionResult)}
    with pytest.raises(ValueError, match="utc_offset_minutes"):
        SessionResult(**{**values, "utc_offset_minutes": 17 * 60})
    with pytest.raises(ValueError, match="before"):
        SessionResult(**{**values, "ended_at": good.started_at.replace(year=2000)})


# -- bad values: refused by every path, naming the field --------------------------------

_WRONG_TYPES: list[object] = [None, "7", [7], {"a": 7}]
# Past game.store.bounds: the right type, but no session is that long (10**308 is a float's range).
_TOO_LONG: list[object] = [MAX_SECONDS + 1, MAX_SECONDS + 0.5, 1e300, 10**308]
_TOO_MANY: list[object] = [MAX_COUNT + 1, 10**300]
_BAD_NUMBERS: list[object] = [
    -1, -0.5, math.inf, -math.inf, math.nan, 10**400, True, *_TOO_LONG, *_WRONG_TYPES
]  # fmt: skip
_BAD_COUNTS: list[object] = [-1, 1.5, 2.0, math.nan, True, *_TOO_MANY, *_WRONG_TYPES]
_BAD_FLAGS: list[object] = [0, 1, "true", None, [True]]
_BAD_TEXT: list[object] = [7, 1.5, True, None, ["a"], {"a": "b"}]
_BAD_INSTANTS: list[object] = ["2026-11-21T09:30:00", "yesterday", "", 0, None, ["x"]]

SESSION_CASES: dict[str, list[object]] = {
    "level_id": ["", *_BAD_TEXT],
    "variant": _BAD_TEXT,
    "local_date": ["2026-13-45", "2026-1-1", "21/11/2026", "", 20261121, None],
    "started_at": ["2099-01-01T00:00:00+00:00", *_BAD_INSTANTS],  # after ended_at
    "ended_at": ["2000-01-01T00:00:00+00:00", *_BAD_INSTANTS],  # before started_at
    "utc_offset_minutes": [16 * 60 + 1, -16 * 60 - 1, 10**400, 1.5, 60.0, True, *_WRONG_TYPES],
    "active_seconds": _BAD_NUMBERS,
    "completed": _BAD_FLAGS,
    "daily": _BAD_FLAGS,
    "form": ["shaky", "", "STEADY", 1, None, ["steady"]],
    "pain": ["awful", "", 0, None, {"none": 1}],
    "exercises": [None, "[]", {"0": []}, 5],
}
EXERCISE_CASES: dict[int, list[object]] = {
    0: ["", *_BAD_TEXT],
    1: ["up", "", "LEFT", 1, None, ["left"]],
    2: _BAD_NUMBERS,
    3: _BAD_COUNTS,
    4: _BAD_COUNTS,
    5: _BAD_FLAGS,
}

CASES = [
    pytest.param(name, value, name, id=f"{name}={value!r}"[:60])
    for name, values in SESSION_CASES.items()
    for value in values
] + [
    pytest.param(index, value, name, id=f"{name}={value!r}"[:60])
    for index, values in EXERCISE_CASES.items()
    for name in [EXERCISE_FIELDS[index]]
    for value in values
]


def _spoil(record: dict[str, Any], where: str | int, value: object) -> dict[str, Any]:
    if isinstance(where, int):
        record["exercises"][1][where] = value
    else:
        record[where] = value
    return record


@pytest.mark.parametrize(("where", "value", "field_name"), CASES)
def test_a_bad_value_is_refused_and_named(where: str | int, value: object, field_name: str) -> None:
    record = _spoil(_record(make_result()), where, value)
    assert _fast(record) is None
    with pytest.raises(SchemaError, match=field_name) as caught:
        decode_session(record)
    if isinstance(where, int):
        assert "exercise 2" in str(caught.value)


def _json_can_hold(value: object) -> bool:
    return not (isinstance(value, float) and math.isnan(value))


# Strict JSON cannot hold NaN at all: the parser refuses it (see the recovery tests).
SAVE_CASES = [case for case in CASES if _json_can_hold(case.values[1])]


@pytest.mark.parametrize(("where", "value", "field_name"), SAVE_CASES)
def test_a_save_holding_a_bad_value_is_refused(
    where: str | int, value: object, field_name: str
) -> None:
    """The same values written into a save file fail the load; 1e999 reads as infinity."""
    store = memory_store()
    pid = store.create_profile("Ana").id
    store.record_session(pid, make_result(1), 10)
    store.record_session(pid, make_result(2), 10)
    document = json.loads(store.export_bytes())
    _spoil(document["sessions"]["2"], where, value)
    with pytest.raises(SaveUnreadable) as caught:
        text = json.dumps(document).replace("Infinity", "1e999")
        memory_store(data=text.encode())
    (problem,) = caught.value.problems
    assert "sessions record 2" in problem
    assert field_name in problem


def test_entries_longer_than_six_fields_still_load() -> None:
    """Extra fields in an exercise entry are ignored, as before; only the fast path declines."""
    record = _record(make_result())
    record["exercises"][0].append("from a newer game")
    assert _fast(record) is None
    assert decode_session(record) == make_result()


def test_an_entry_with_too_few_fields_is_refused() -> None:
    record = _record(make_result())
    record["exercises"][2] = record["exercises"][2][:5]
    with pytest.raises(SchemaError, match="exercise 3 has 5 fields"):
        decode_session(record)


def test_a_missing_field_is_named() -> None:
    for name in ("level_id", "exercises", "pain", "variant"):
        record = _record(make_result())
        del record[name]
        with pytest.raises(SchemaError, match=f"{name} is missing"):
            decode_session(record)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True)
    | st.text(max_size=12)
    | st.sampled_from(["steady", "left", "2026-11-21", "2026-11-21T09:30:00+00:00", ""]),
    lambda inner: st.lists(inner, max_size=7) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=10,
)
spots = st.sampled_from([*SESSION_CASES, *EXERCISE_CASES])


def _spoil_first(record: dict[str, Any], where: str | int, value: object) -> None:
    """Put ``value`` at a spot of a stored session: a key of the record, or a
    field (by index) of its first exercise entry, adding one when it has none."""
    if isinstance(where, int):
        if not record["exercises"]:
            record["exercises"].append(["plank", "both", 1.0, 0, 0, False])
        record["exercises"][0][where] = value
    else:
        record[where] = value


@settings(max_examples=400, deadline=None)
@given(result=session_results(), where=spots, value=json_values)
def test_fast_path_never_accepts_what_the_careful_path_refuses(
    result: SessionResult, where: str | int, value: object
) -> None:
    record = _record(result)
    _spoil_first(record, where, value)
    try:
        careful: SessionResult | None = codec._decode_session_checked(record)
    except SchemaError:
        careful = None  # refusing with SchemaError is the only way it may fail
    fast = _fast(record)
    if fast is not None:
        assert careful is not None
        _same(fast, careful)
    if careful is None:
        with pytest.raises(SchemaError):
            decode_session(record)
    else:
        _same(decode_session(record), careful)


# -- the store's own checks on the way in -----------------------------------------------


def test_seconds_too_large_for_a_float_are_refused_when_saving() -> None:
    store = memory_store()
    pid = store.create_profile("Ana").id
    huge = ExerciseResult("plank", seconds_held=10**400)  # the constructor lets it through
    result = make_result()
    values = {f.name: getattr(result, f.name) for f in fields(SessionResult)}
    with pytest.raises(InvalidValue, match="seconds"):
        store.record_session(pid, SessionResult(**{**values, "exercises": (huge,)}), 5)
    with pytest.raises(InvalidValue, match="active_seconds"):
        store.record_session(pid, SessionResult(**{**values, "active_seconds": 10**400}), 5)
    assert store.sessions(pid) == []


@pytest.mark.parametrize("name", sorted(LIMITS))
def test_every_bounded_field_takes_its_limit_and_refuses_one_more(name: str) -> None:
    """The limit itself is a session the game could save and load; one past it is not."""
    store = memory_store()
    pid = store.create_profile("Ana").id
    result = make_result()
    values = {f.name: getattr(result, f.name) for f in fields(SessionResult)}

    def with_value(value: int) -> SessionResult:
        if name == "active_seconds":
            return SessionResult(**{**values, "active_seconds": value})
        first = result.exercises[0]
        exercise = ExerciseResult(**{**{f.name: getattr(first, f.name) for f in fields(first)},
                                     name: value})  # fmt: skip
        return SessionResult(**{**values, "exercises": (exercise, *result.exercises[1:])})

    store.record_session(pid, with_value(LIMITS[name]), 5)
    again = memory_store(data=store.export_bytes())
    assert again.sessions(pid)[0].result == with_value(LIMITS[name])
    with pytest.raises(InvalidValue, match=f"{name} must be between 0 and {LIMITS[name]:,}"):
        store.record_session(pid, with_value(LIMITS[name] + 1), 5)
    assert len(store.sessions(pid)) == 1


# -- loading and the cycle collector ----------------------------------------------------


def test_loading_leaves_the_collector_as_it_found_it() -> None:
    store = memory_store()
    pid = store.create_profile("Ana").id
    store.record_session(pid, make_result(), 10)
    data = store.export_bytes()
    assert gc.isenabled()
    memory_store(data=data)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        memory_store(data=data)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_loading_never_releases_objects_someone_else_froze() -> None:
    keep = [object() for _ in range(3)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        memory_store(data=memory_store().export_bytes())
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()
    assert keep


def test_shared_entries_never_mix_a_whole_number_with_a_float() -> None:
    """0 == 0.0 and hash alike, so an entry kept for sharing must not come back
    for a record that wrote the other type (the order the two arrive in varies)."""
    base = _record(make_result(1))
    for first, then in ((0, 0.0), (0.0, 0), (30, 30.0), (30.0, 30)):
        seen = Seen()
        for held in (first, then):
            record = json.loads(json.dumps(base))
            record["exercises"] = [["plank_x", "both", held, 0, 0, False]]
            text = f'"1":{json.dumps(record, separators=(",", ":"))}'
            fast = codec._decode_session_fast(record, text, seen)
            assert fast is not None
            _same(fast, codec._decode_session_checked(record))
