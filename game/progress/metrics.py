"""The measures badge conditions are written in.

A badge in ``levels/badges.yaml`` names one of these metrics and a threshold,
so a new badge is a data edit. ``METRICS`` implements exactly the keys of
``game.content.vocabulary.BADGE_METRICS`` (a test holds the two tables together) and
``METRIC_SCOPES`` lists the ``scope`` keys each accepts.

Every metric reads a ``Tally``: running totals fed one played session at a time
in the order played, so badges can be replayed to find the day each was earned.
Sessions with sharp pain add nothing here (no progress from them); only the XP
they kept and the streak day they held still count.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from game.content.model import Content
from game.progress.history import Record
from game.progress.rest import rest_allowed, rest_limit
from game.progress.streaks import StreakWalker, clamp_goal, week_start
from game.progress.unlocks import Gate, ProgressState, apply
from game.progress.xp import level_for_xp
from game.session.result import Form, Side

#: Left and right count as equal within this share of the larger side (or 1 s).
BALANCE_TOLERANCE = 0.1


def _balanced(record: Record) -> bool:
    """True when every one-sided move got the same reps and about the same time per side."""
    totals: dict[tuple[str, Side], tuple[float, int]] = {}
    for ex in record.result.exercises:
        side = ex.side
        if ex.skipped or side is Side.BOTH:
            continue
        key = (ex.exercise_id, side)
        secs, reps = totals.get(key, _NOTHING)
        totals[key] = (secs + ex.seconds_held, reps + ex.reps)
    if not totals:
        return False
    for (exercise_id, side), mine in totals.items():
        other = totals.get((exercise_id, _OTHER_SIDE[side]), _NOTHING)
        if mine[1] != other[1]:
            return False
        if abs(mine[0] - other[0]) > max(1.0, BALANCE_TOLERANCE * max(mine[0], other[0])):
            return False
    return True


_NOTHING = (0.0, 0)
_OTHER_SIDE = {Side.LEFT: Side.RIGHT, Side.RIGHT: Side.LEFT}


@dataclass
class Tally:
    """Running totals of everything a badge can ask about."""

    content: Content
    weekly_goal: int = 4
    state: ProgressState = field(default_factory=ProgressState)
    levels_completed: int = 0
    daily_completed_days: set[date] = field(default_factory=set)
    streak_days: set[date] = field(default_factory=set)
    active_days: set[date] = field(default_factory=set)
    hold_seconds: float = 0.0
    breaths: int = 0
    steady: int = 0
    balanced: int = 0
    xp_total: int = 0
    weeks_met: int = 0
    full_months: int = 0
    week_counts: dict[date, int] = field(default_factory=dict)
    month_days: dict[tuple[int, int], int] = field(default_factory=dict)
    walker: StreakWalker = field(default_factory=StreakWalker)
    rest_days: set[date] = field(default_factory=set)  # flare-up days that kept the streak
    _gate: Gate = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._gate = Gate(self.content, self.state)  # kept for every session replayed

    def add(self, rec: Record) -> None:
        """Feed one played session, in the order played."""
        self.weekly_goal = clamp_goal(self.weekly_goal)
        apply(self.state, rec, self.content, self._gate)
        self.xp_total += rec.xp
        if rec.counts_for_streak:
            self._add_streak_day(rec.day)
        elif rec.is_rest and rest_allowed(self.rest_days, rec.day, rest_limit(self.content)):
            self.rest_days.add(rec.day)
            self._add_streak_day(rec.day)
        if rec.sharp_pain:
            return
        self.hold_seconds += rec.result.total_seconds_held
        self.breaths += rec.result.total_breaths
        if not rec.credited:
            return
        self.levels_completed += 1
        self.steady += rec.result.form is Form.STEADY
        self.balanced += _balanced(rec)
        if rec.result.daily:
            self.daily_completed_days.add(rec.day)
        self._add_active_day(rec.day)

    def _add_streak_day(self, day: date) -> None:
        if day in self.streak_days:
            return
        self.streak_days.add(day)
        monday = week_start(day)
        self.week_counts[monday] = self.week_counts.get(monday, 0) + 1
        if self.week_counts[monday] == self.weekly_goal:
            self.weeks_met += 1
        if self.walker.last is None or day > self.walker.last:
            self.walker.add(day)
            return
        best = self.walker.best  # a date before the latest (clock set back): walk again
        self.walker = StreakWalker()
        for d in sorted(self.streak_days):
            self.walker.add(d)
        self.walker.best = max(best, self.walker.best)

    def _add_active_day(self, day: date) -> None:
        if day in self.active_days:
            return
        self.active_days.add(day)
        month = (day.year, day.month)
        count = self.month_days[month] = self.month_days.get(month, 0) + 1
        if count == calendar.monthrange(day.year, day.month)[1]:
            self.full_months += 1  # every day of the month has been active

    @property
    def best_streak(self) -> int:
        return self.walker.best


Scope = Mapping[str, str]
Metric = Callable[[Tally, Scope], float]


def _stage_levels(t: Tally, scope: Scope) -> tuple[str, ...]:
    return tuple(lv.id for lv in t.content.stage_levels(scope.get("stage", "")))


def _stage_mastered(t: Tally, scope: Scope) -> float:
    ids = _stage_levels(t, scope)
    return float(bool(ids) and all(i in t.state.mastered for i in ids))


def _stage_levels_completed(t: Tally, scope: Scope) -> float:
    return float(sum(1 for i in _stage_levels(t, scope) if i in t.state.completed))


def _stage_all_completed(t: Tally, scope: Scope) -> float:
    ids = _stage_levels(t, scope)
    return float(bool(ids) and all(i in t.state.completed for i in ids))


METRICS: Mapping[str, Metric] = MappingProxyType(
    {
        "levels_completed": lambda t, s: float(t.levels_completed),
        "distinct_levels_completed": lambda t, s: float(len(t.state.completed)),
        "levels_mastered": lambda t, s: float(len(t.state.mastered)),
        "stage_mastered": _stage_mastered,
        "stage_levels_completed": _stage_levels_completed,
        "stage_all_completed": _stage_all_completed,
        "daily_levels_completed": lambda t, s: float(len(t.daily_completed_days)),
        "streak_days": lambda t, s: float(t.best_streak),
        "hold_seconds_total": lambda t, s: float(round(t.hold_seconds)),
        "breaths_paced": lambda t, s: float(t.breaths),
        "steady_sessions": lambda t, s: float(t.steady),
        "weekly_goals_met": lambda t, s: float(t.weeks_met),
        "balanced_sessions": lambda t, s: float(t.balanced),
        "full_months": lambda t, s: float(t.full_months),
        "player_level": lambda t, s: float(level_for_xp(t.xp_total).level),
        "xp_total": lambda t, s: float(t.xp_total),
    }
)

#: The ``scope`` keys each metric accepts (others are a content error).
METRIC_SCOPES: Mapping[str, frozenset[str]] = MappingProxyType(
    {name: frozenset({"stage"}) if name.startswith("stage_") else frozenset() for name in METRICS}
)

#: How a metric's count reads on the badges screen: "3 of 5 {label}".
METRIC_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "levels_completed": "levels finished",
        "distinct_levels_completed": "different levels finished",
        "levels_mastered": "levels mastered",
        "stage_mastered": "levels mastered",
        "stage_levels_completed": "levels finished",
        "stage_all_completed": "levels finished",
        "daily_levels_completed": "daily levels finished",
        "streak_days": "days in your best streak",
        "hold_seconds_total": "seconds of steady work",
        "breaths_paced": "paced breaths",
        "steady_sessions": "levels with steady form",
        "weekly_goals_met": "weeks with your weekly goal met",
        "balanced_sessions": "levels with both sides worked evenly",
        "full_months": "months with a level every day",
        "player_level": "player level",
        "xp_total": "XP",
    }
)

#: Metrics that read only the completed and mastered sets of one stage.
STAGE_METRICS = frozenset({"stage_mastered", "stage_levels_completed", "stage_all_completed"})

#: Metrics that are 0 or 1 for a whole stage; their progress is shown per level.
_STAGE_WIDE: Mapping[str, Metric] = MappingProxyType(
    {
        "stage_mastered": lambda t, s: float(
            sum(1 for i in _stage_levels(t, s) if i in t.state.mastered)
        ),
        "stage_all_completed": _stage_levels_completed,
    }
)


def check_condition(metric: str, scope: Scope) -> list[str]:
    """Problems with a badge condition, in words a content writer can act on."""
    if metric not in METRICS:
        return [f"unknown metric '{metric}' (known: {', '.join(sorted(METRICS))})"]
    extra = set(scope) - METRIC_SCOPES[metric]
    return [f"metric '{metric}' takes no scope key '{k}'" for k in sorted(extra)]


def progress_of(t: Tally, metric: str, scope: Scope, target: float) -> tuple[float, float, str]:
    """``(progress, target, text)`` for the badges screen, in the metric's own units."""
    value = METRICS[metric](t, scope)
    label = METRIC_LABELS[metric]
    if metric in _STAGE_WIDE:
        done = _STAGE_WIDE[metric](t, scope)
        total = float(len(_stage_levels(t, scope)))
        stage = t.content.stages.get(scope.get("stage", ""))
        where = f" in {stage.name}" if stage else ""
        shown = total if value >= target else min(done, total)
        return shown, total, f"{shown:g} of {total:g} {label}{where}"
    shown = min(value, target)
    return shown, target, f"{shown:g} of {target:g} {label}"
