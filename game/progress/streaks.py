"""Rest-friendly daily streaks and the weekly goal, computed on dates only.

What counts as a day
--------------------
A day is a local calendar date. A session counts for the local date on which
it *ended* (``local_day_of(ended_at, utc_offset_minutes)``), so a level started
at 23:55 and finished at 00:07 counts for the new day, once. Because only dates
are compared, daylight-saving changes, flying to a new time zone, or a clock set
back cannot break or double-count a streak: two plays on one date are one day,
a date seen again is still the same date, and a date earlier than one already
seen simply fills its own place on the calendar. If the clock now reads a date
before the latest day played, the streak is measured up to that latest day.

The rules
---------
- The streak counts consecutive local dates with a finished daily level.
- Today not yet played never breaks it: the day is not over.
- Every 7 days of streak earn a freeze; at most 2 are held (more are not earned).
- A missed day is covered by a held freeze automatically; two missed days in a
  row need two freezes. A gap longer than the freezes held ends the streak,
  but the freezes are kept for the next one: a rest should not cost twice.
- The weekly goal (default 4 of 7 days) counts daily-level days in the calendar
  week, Monday to Sunday, of today.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from game.progress.history import History, records

FREEZE_EVERY = 7
MAX_FREEZES = 2
DEFAULT_WEEKLY_GOAL = 4


def local_day_of(utc_instant: datetime, offset_minutes: int) -> date:
    """The local calendar date of an instant, given the local UTC offset then."""
    if utc_instant.tzinfo is None:
        raise ValueError("utc_instant must be timezone-aware")
    local = utc_instant.astimezone(timezone(timedelta(minutes=offset_minutes)))
    return local.date()


def session_day(ended_at: datetime, offset_minutes: int) -> date:
    """The date a session counts for: the local date on which it ended."""
    return local_day_of(ended_at, offset_minutes)


def week_start(day: date) -> date:
    """The Monday of the calendar week containing ``day``."""
    return day - timedelta(days=day.weekday())


def clamp_goal(goal: int) -> int:
    """A weekly goal is 1 to 7 days."""
    return max(1, min(7, int(goal)))


@dataclass
class StreakWalker:
    """Walks the calendar forward one played date at a time, applying the rules."""

    current: int = 0
    best: int = 0
    freezes: int = 0
    used: list[date] = field(default_factory=list)
    last: date | None = None

    def _missed(self, first: date, count: int) -> None:
        if count <= 0 or self.current == 0:
            return
        if self.freezes >= count:
            self.freezes -= count
            self.used.extend(first + timedelta(days=i) for i in range(count))
        else:
            self.current = 0

    def add(self, day: date) -> None:
        """Record a played date; dates must come in increasing order."""
        if self.last is not None:
            if day <= self.last:
                raise ValueError("dates must be added in increasing order")
            self._missed(self.last + timedelta(days=1), (day - self.last).days - 1)
        self.current += 1
        self.best = max(self.best, self.current)
        if self.current % FREEZE_EVERY == 0:
            self.freezes = min(MAX_FREEZES, self.freezes + 1)
        self.last = day

    def close(self, today: date) -> None:
        """Apply the days missed before ``today`` (today itself is still open)."""
        if self.last is not None and today > self.last:
            self._missed(self.last + timedelta(days=1), (today - self.last).days - 1)


@dataclass(frozen=True)
class StreakInfo:
    """Everything the streak widget shows."""

    current: int
    best: int
    freezes_held: int
    freezes_used_on: tuple[date, ...]  # every day a freeze covered, oldest first
    week_days_done: int
    weekly_goal: int
    at_risk: bool  # today not played yet, and missing it would end the streak
    today_done: bool = False

    @property
    def weekly_goal_met(self) -> bool:
        return self.week_days_done >= self.weekly_goal


def compute_streak(
    daily_dates: Iterable[date], today: date, weekly_goal: int = DEFAULT_WEEKLY_GOAL
) -> StreakInfo:
    """The streak as of ``today`` from the dates with a finished daily level."""
    days = sorted(set(daily_dates))
    goal = clamp_goal(weekly_goal)
    now = max([today, *days[-1:]])
    walker = StreakWalker()
    for day in days:
        walker.add(day)
    walker.close(now)
    done_today = bool(days) and days[-1] == now
    monday = week_start(now)
    week = sum(1 for d in days if monday <= d <= now)
    return StreakInfo(
        current=walker.current,
        best=walker.best,
        freezes_held=walker.freezes,
        freezes_used_on=tuple(walker.used),
        week_days_done=week,
        weekly_goal=goal,
        at_risk=not done_today and walker.current > 0 and walker.freezes == 0,
        today_done=done_today,
    )


def daily_dates(history: History) -> list[date]:
    """The dates of finished daily levels, in the order played.

    Flare-up rest days also keep the streak, within a limit the content sets;
    ``Tally`` (and so ``player_stats``) counts them, this list does not.
    """
    return [rec.day for rec in records(history) if rec.counts_for_streak]


def streak_from_history(
    history: History, today: date, weekly_goal: int = DEFAULT_WEEKLY_GOAL
) -> StreakInfo:
    return compute_streak(daily_dates(history), today, weekly_goal)


def weeks_goal_met(days: Iterable[date], weekly_goal: int) -> int:
    """How many calendar weeks have at least ``weekly_goal`` of the given dates."""
    per_week: dict[date, int] = {}
    for day in set(days):
        per_week[week_start(day)] = per_week.get(week_start(day), 0) + 1
    goal = clamp_goal(weekly_goal)
    return sum(1 for n in per_week.values() if n >= goal)
