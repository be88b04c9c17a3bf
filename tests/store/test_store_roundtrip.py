"""Random valid session results come back from the store exactly as they went in."""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_helpers import fixed_now

from game.session.result import ExerciseResult, Form, Pain, SessionResult, Side
from game.store import memory_store, open_store

finite = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
offsets = st.integers(min_value=-16 * 60, max_value=16 * 60)
zones = st.builds(
    lambda minutes: timezone(timedelta(minutes=minutes)),
    st.integers(min_value=-23 * 60, max_value=23 * 60),
)
exercises = st.builds(
    ExerciseResult,
    exercise_id=st.text(min_size=1, max_size=20),
    side=st.sampled_from(Side),
    seconds_held=finite,
    reps=st.integers(min_value=0, max_value=10**6),
    breaths=st.integers(min_value=0, max_value=10**6),
    skipped=st.booleans(),
)


@st.composite
def session_results(draw: st.DrawFn) -> SessionResult:
    start = draw(
        st.datetimes(
            min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=zones
        )
    )
    length = draw(st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=20)))
    return SessionResult(
        level_id=draw(st.text(min_size=1, max_size=30)),
        local_date=draw(st.dates()),
        started_at=start,
        ended_at=start + length,
        utc_offset_minutes=draw(offsets),
        exercises=tuple(draw(st.lists(exercises, max_size=6))),
        form=draw(st.sampled_from(Form)),
        pain=draw(st.sampled_from(Pain)),
        completed=draw(st.booleans()),
        daily=draw(st.booleans()),
        active_seconds=draw(finite),
        variant=draw(st.text(max_size=10)),
    )


@settings(max_examples=60, deadline=None)
@given(results=st.lists(session_results(), min_size=1, max_size=3), xp=st.integers(0, 10**9))
def test_memory_round_trip(results: list[SessionResult], xp: int) -> None:
    store = memory_store(now=fixed_now)
    pid = store.create_profile("Ana").id
    for result in results:
        store.record_session(pid, result, xp)
    again = memory_store(data=store.export_bytes())
    assert [s.result for s in again.sessions(pid)] == results
    assert [s.xp for s in again.sessions(pid)] == [xp] * len(results)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(results=st.lists(session_results(), min_size=1, max_size=3), xp=st.integers(0, 10**9))
def test_disk_round_trip(results: list[SessionResult], xp: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        with open_store(Path(folder), now=fixed_now) as store:
            pid = store.create_profile("Ana").id
            for result in results:
                store.record_session(pid, result, xp)
        with open_store(Path(folder), now=fixed_now) as again:
            assert again.notices == []
            assert [s.result for s in again.sessions(pid)] == results
