"""Hypothesis strategies for valid session results, shared by the store's property tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import strategies as st

from game.motion.report import MotionReport, Wobble, WobbleKind
from game.session.result import ExerciseResult, Form, Pain, SessionResult, Side
from game.store.bounds import MAX_COUNT, MAX_SECONDS

finite = st.floats(min_value=0, max_value=MAX_SECONDS, allow_nan=False, allow_infinity=False)
# Whole numbers too: a hand-written save can say 30 where the game writes 30.0.
seconds = finite | st.integers(min_value=0, max_value=MAX_SECONDS)
offsets = st.integers(min_value=-16 * 60, max_value=16 * 60)
zones = st.builds(
    lambda minutes: timezone(timedelta(minutes=minutes)),
    st.integers(min_value=-23 * 60, max_value=23 * 60),
)
exercises = st.builds(
    ExerciseResult,
    exercise_id=st.text(min_size=1, max_size=20),
    side=st.sampled_from(Side),
    seconds_held=seconds,
    reps=st.integers(min_value=0, max_value=MAX_COUNT),
    breaths=st.integers(min_value=0, max_value=MAX_COUNT),
    skipped=st.booleans(),
)

wobbles = st.builds(
    lambda a, b, kind: Wobble(min(a, b), max(a, b), kind),
    finite,
    finite,
    st.sampled_from(WobbleKind),
)
motion_reports = st.builds(
    MotionReport,
    exercise_id=st.text(min_size=1, max_size=20),
    side=st.sampled_from(Side),
    seconds=finite,
    frames=st.integers(min_value=0, max_value=10**6),
    steadiness=st.floats(min_value=0, max_value=1),
    form=st.sampled_from(Form),
    wobbles=st.lists(wobbles, max_size=3).map(tuple),
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
        active_seconds=draw(seconds),
        variant=draw(st.text(max_size=10)),
        motion=tuple(draw(st.lists(motion_reports, max_size=2))),
    )
