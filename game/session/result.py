"""What one played level produced: the record the progression rules and the save store share.

It is plain data with no behaviour beyond validation, so the session player can
produce it, the progression rules can score it and the store can save it
without any of them knowing about the others.

Both classes use slots: a ten-year history holds tens of thousands of them, and
without a ``__dict__`` each they take about a third less memory and are faster
to build. For the same reason a decoder that has made every check itself may
build them with ``game.session.prechecked``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.motion.report import MotionReport
    from game.session.ratings import MoveRating

#: No zone is further than this from UTC (the widest in use are -12:00 and +14:00).
MAX_OFFSET_MINUTES = 16 * 60


class Form(str, enum.Enum):
    """The player's own rating of how still the spine stayed."""

    STEADY = "steady"
    WOBBLY = "wobbly"
    LOST = "lost"


class Pain(str, enum.Enum):
    """The player's pain check at the end of a level."""

    NONE = "none"
    MILD = "mild"
    SHARP = "sharp"


class Side(str, enum.Enum):
    """Which side of the body worked; BOTH for moves that are not one-sided."""

    BOTH = "both"
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class ExerciseResult:
    """The work done on one exercise, on one side."""

    exercise_id: str
    side: Side = Side.BOTH
    seconds_held: float = 0.0
    reps: int = 0
    breaths: int = 0
    skipped: bool = False

    def __post_init__(self) -> None:
        if not self.exercise_id:
            raise ValueError("exercise_id must not be empty")
        if self.seconds_held < 0 or self.seconds_held != self.seconds_held:
            raise ValueError(f"seconds_held must be a non-negative number, got {self.seconds_held}")
        if self.reps < 0:
            raise ValueError(f"reps must not be negative, got {self.reps}")
        if self.breaths < 0:
            raise ValueError(f"breaths must not be negative, got {self.breaths}")


@dataclass(frozen=True, slots=True)
class SessionResult:
    """One level played from start to its end (or to the point the player quit).

    ``started_at`` and ``ended_at`` are timezone-aware UTC instants;
    ``utc_offset_minutes`` is the local offset at the end, and ``local_date`` is
    the local calendar date the play counts for (streaks use dates only).
    ``active_seconds`` is exercise time from the monotonic clock, pauses excluded.
    ``motion`` holds what the camera measured over each hold, beside the
    player's own ``form``; it is empty when the camera was off (and in every
    session saved before the camera existed).
    """

    level_id: str
    local_date: date
    started_at: datetime
    ended_at: datetime
    utc_offset_minutes: int
    exercises: tuple[ExerciseResult, ...] = ()
    form: Form = Form.STEADY
    pain: Pain = Pain.NONE
    completed: bool = True
    daily: bool = False
    active_seconds: float = 0.0
    variant: str = field(default="standard")
    motion: tuple[MotionReport, ...] = ()
    #: One check-in per move (``game.session.ratings.MoveRating``); empty in saves
    #: made before per-move check-ins, whose level-wide rating stands for every move.
    ratings: tuple[MoveRating, ...] = ()

    def __post_init__(self) -> None:
        if not self.level_id:
            raise ValueError("level_id must not be empty")
        for name in ("started_at", "ended_at"):
            value = getattr(self, name)
            if value.tzinfo is None or value.utcoffset() is None:
                raise ValueError(f"{name} must be timezone-aware")
        if self.ended_at < self.started_at:
            raise ValueError("ended_at is before started_at")
        if not -MAX_OFFSET_MINUTES <= self.utc_offset_minutes <= MAX_OFFSET_MINUTES:
            raise ValueError(f"utc_offset_minutes out of range: {self.utc_offset_minutes}")
        if self.active_seconds < 0 or self.active_seconds != self.active_seconds:
            raise ValueError("active_seconds must be a non-negative number")

    @property
    def total_seconds_held(self) -> float:
        """Time under tension across every exercise that was not skipped."""
        return sum(e.seconds_held for e in self.exercises if not e.skipped)

    @property
    def total_reps(self) -> int:
        return sum(e.reps for e in self.exercises if not e.skipped)

    @property
    def total_breaths(self) -> int:
        return sum(e.breaths for e in self.exercises if not e.skipped)
