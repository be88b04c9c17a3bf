"""Results built from values a decoder has already checked, without checking them again.

Loading a long history spent most of its time in the frozen constructors of
:class:`~game.session.result.ExerciseResult` and
:class:`~game.session.result.SessionResult` and in a second, redundant round of
checks. Only a decoder that has itself verified every type and every rule of
their ``__post_init__`` may call these (the save store's codec does, and tests
hold the two together); anything else uses the validating constructors.

Both classes use slots, so each field is written through its slot descriptor's
own setter, past the frozen ``__setattr__``. The setters are looked up once,
into the tables below, and called one by one rather than in a loop: these
builders run once for every session of a history.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from game.session.result import ExerciseResult, Form, Pain, SessionResult, Side

if TYPE_CHECKING:
    from game.motion.report import MotionReport
    from game.session.ratings import MoveRating

__all__ = ["exercise_from_checked", "session_from_checked"]

_new = object.__new__


def _slot_setters(cls: type, *names: str) -> tuple[Callable[[object, object], None], ...]:
    """The slot descriptors' own setters: they write a field past the frozen ``__setattr__``."""
    return tuple(getattr(cls, name).__set__ for name in names)


_EXERCISE_SETTERS = _slot_setters(
    ExerciseResult, "exercise_id", "side", "seconds_held", "reps", "breaths", "skipped"
)
_SESSION_SETTERS = _slot_setters(
    SessionResult,
    "level_id",
    "local_date",
    "started_at",
    "ended_at",
    "utc_offset_minutes",
    "exercises",
    "form",
    "pain",
    "completed",
    "daily",
    "active_seconds",
    "variant",
    "motion",
    "ratings",
)


def exercise_from_checked(
    exercise_id: str,
    side: Side,
    seconds_held: float,
    reps: int,
    breaths: int,
    skipped: bool,
) -> ExerciseResult:
    """An ``ExerciseResult`` of values that already passed every check of its own."""
    made: ExerciseResult = _new(ExerciseResult)
    put = _EXERCISE_SETTERS
    put[0](made, exercise_id)
    put[1](made, side)
    put[2](made, seconds_held)
    put[3](made, reps)
    put[4](made, breaths)
    put[5](made, skipped)
    return made


def session_from_checked(
    level_id: str,
    local_date: date,
    started_at: datetime,
    ended_at: datetime,
    utc_offset_minutes: int,
    exercises: tuple[ExerciseResult, ...],
    form: Form,
    pain: Pain,
    completed: bool,
    daily: bool,
    active_seconds: float,
    variant: str,
    motion: tuple[MotionReport, ...] = (),
    ratings: tuple[MoveRating, ...] = (),
) -> SessionResult:
    """A ``SessionResult`` of values that already passed every check of its own."""
    made: SessionResult = _new(SessionResult)
    put = _SESSION_SETTERS
    put[0](made, level_id)
    put[1](made, local_date)
    put[2](made, started_at)
    put[3](made, ended_at)
    put[4](made, utc_offset_minutes)
    put[5](made, exercises)
    put[6](made, form)
    put[7](made, pain)
    put[8](made, completed)
    put[9](made, daily)
    put[10](made, active_seconds)
    put[11](made, variant)
    put[12](made, motion)
    put[13](made, ratings)
    return made
