"""Time sources for the whole game, and the fixed-step accumulator.

This is the only module that reads the wall clock or ``time.monotonic()``.
Everything else receives a :class:`Clock` (or plain seconds) so that tests can
drive time with :class:`FakeClock`. (``--time-scale`` multiplies the logic
steps the player scene feeds its session; the clock itself never runs fast.)

Two kinds of time are kept apart on purpose:

* durations (timers, pacing, active seconds) come from ``monotonic()``, which
  never jumps when the wall clock is changed or the zone changes;
* instants and calendar days (when a level was finished, which day a streak
  counts) come from ``now_utc()`` and ``local_now()``.
"""

from __future__ import annotations

import math
import time
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Protocol

__all__ = [
    "Clock",
    "FakeClock",
    "FixedStep",
    "MonotonicClock",
    "local_date",
    "utc_offset_minutes",
]

#: The instant a FakeClock starts at unless told otherwise (a Monday, noon UTC).
DEFAULT_FAKE_UTC = datetime(2024, 1, 1, 12, 0, 0, tzinfo=timezone.utc)


class Clock(Protocol):
    """Where the game asks for time."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin; never goes backwards."""
        ...

    def now_utc(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...

    def local_now(self) -> datetime:
        """The current instant, timezone-aware, in the player's local zone."""
        ...


class MonotonicClock:
    """The real clock: the operating system's monotonic timer and wall time."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now_utc(self) -> datetime:
        return datetime.now(timezone.utc)

    def local_now(self) -> datetime:
        # astimezone() with no argument uses the system's current local zone,
        # re-read on every call, so a zone change while playing is noticed.
        return datetime.now(timezone.utc).astimezone()


class FakeClock:
    """A clock that only moves when told to; for tests and simulations.

    ``advance`` moves monotonic time and wall time together. The wall time and
    the zone can also be set directly, to test day changes, a wall clock that is
    set backwards, or travel to another zone; monotonic time is untouched then.
    """

    def __init__(
        self,
        start_monotonic: float = 0.0,
        start_utc: datetime = DEFAULT_FAKE_UTC,
        tz: tzinfo = timezone.utc,
    ) -> None:
        if start_utc.tzinfo is None:
            raise ValueError("start_utc must be timezone-aware")
        self._mono = float(start_monotonic)
        self._utc = start_utc.astimezone(timezone.utc)
        self.tz: tzinfo = tz

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass (monotonic and wall time alike)."""
        if seconds < 0 or math.isnan(seconds):
            raise ValueError(f"monotonic time cannot go backwards: {seconds}")
        self._mono += seconds
        self._utc += timedelta(seconds=seconds)

    @property
    def utc(self) -> datetime:
        return self._utc

    @utc.setter
    def utc(self, value: datetime) -> None:
        """Set the wall clock (may go backwards); monotonic time is unchanged."""
        if value.tzinfo is None:
            raise ValueError("utc must be timezone-aware")
        self._utc = value.astimezone(timezone.utc)

    def monotonic(self) -> float:
        return self._mono

    def now_utc(self) -> datetime:
        return self._utc

    def local_now(self) -> datetime:
        return self._utc.astimezone(self.tz)


def local_date(clock: Clock) -> date:
    """The player's local calendar date: what a day in a streak means."""
    return clock.local_now().date()


def utc_offset_minutes(clock: Clock) -> int:
    """The local zone's offset from UTC right now, in whole minutes."""
    offset = clock.local_now().utcoffset()
    return 0 if offset is None else round(offset.total_seconds() / 60)


class FixedStep:
    """Turns uneven frame times into a whole number of equal logic steps.

    Logic runs in steps of ``step`` seconds so that timers and pacing do not
    depend on the frame rate. A frame longer than ``max_catch_up`` (a hitch:
    the window was dragged, the disk was slow) is cut to the cap so the game
    does not try to catch up a long stall in one burst; what was cut is added to
    ``dropped`` (and ``last_dropped``) so the caller can decide what it means.
    The session treats dropped time like a pause: exercise time stops.

    Steps are counted from the running total rather than by subtracting from an
    accumulator, so rounding never drifts over a long session.
    """

    def __init__(self, step: float = 1 / 120, max_catch_up: float = 0.25) -> None:
        if not step > 0:
            raise ValueError(f"step must be positive, got {step}")
        if max_catch_up < step:
            raise ValueError("max_catch_up must be at least one step")
        self.step = float(step)
        self.max_catch_up = float(max_catch_up)
        self.dropped = 0.0
        self.last_dropped = 0.0
        self._time = 0.0  # total time accepted (after the cap)
        self._carry = 0.0  # compensated summation: the low bits lost from _time
        self._steps = 0  # total steps handed out

    def advance(self, dt: float) -> int:
        """Accept ``dt`` seconds of frame time; return how many steps to run now."""
        if not dt > 0:  # zero, negative (a clock hiccup) or NaN: nothing passes
            self.last_dropped = 0.0
            return 0
        accepted = min(dt, self.max_catch_up)
        self.last_dropped = dt - accepted
        self.dropped += self.last_dropped
        # Kahan summation: thousands of 1/60 s frames add up to the exact total.
        y = accepted - self._carry
        t = self._time + y
        self._carry = (t - self._time) - y
        self._time = t
        # The tiny epsilon keeps 0.1 + 0.2-style rounding from losing a step.
        total = math.floor(self._time / self.step + 1e-7)
        n = total - self._steps
        self._steps = total
        return n

    @property
    def alpha(self) -> float:
        """How far (0..1) the present lies between the last step and the next."""
        left = self._time - self._steps * self.step
        return min(1.0, max(0.0, left / self.step))

    @property
    def steps_run(self) -> int:
        return self._steps

    @property
    def simulated_seconds(self) -> float:
        """Time covered by the steps handed out so far."""
        return self._steps * self.step
