"""Badges: conditions written as data, earned dates found by replaying history.

Nothing about a badge lives in code: ``levels/badges.yaml`` names a metric from
``game.progress.metrics`` and a threshold. The history is replayed in the
order played and each badge's ``earned_on`` is the local date of the session
after which its condition first held. Once earned, a badge stays earned.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from game.content.model import Badge, Content
from game.progress.history import History, records
from game.progress.metrics import METRICS, STAGE_METRICS, Tally, progress_of
from game.progress.streaks import DEFAULT_WEEKLY_GOAL


@dataclass(frozen=True)
class ProgressSettings:
    """The player's own choices that the rules read."""

    weekly_goal: int = DEFAULT_WEEKLY_GOAL


SettingsLike = ProgressSettings | Mapping[str, object] | None


def settings_of(settings: SettingsLike) -> ProgressSettings:
    """Accept the dataclass, the store's settings dict, or nothing (defaults)."""
    if isinstance(settings, ProgressSettings):
        return settings
    goal = (settings or {}).get("weekly_goal", DEFAULT_WEEKLY_GOAL)
    return ProgressSettings(weekly_goal=goal if isinstance(goal, int) else DEFAULT_WEEKLY_GOAL)


@dataclass(frozen=True)
class BadgeStatus:
    """One badge as the badges screen shows it."""

    badge: Badge
    earned_on: date | None
    progress: float  # how far toward ``target``, in the metric's units
    target: float
    text: str  # e.g. "3 of 5 levels mastered"

    @property
    def earned(self) -> bool:
        return self.earned_on is not None


def replay_tally(content: Content, history: History, settings: SettingsLike = None) -> Tally:
    """The running totals after the whole history (no badge dates)."""
    tally = Tally(content, weekly_goal=settings_of(settings).weekly_goal)
    for rec in records(history):
        tally.add(rec)
    return tally


def _met(badge: Badge, tally: Tally) -> bool:
    cond = badge.condition
    metric = METRICS.get(cond.metric)
    return metric is not None and metric(tally, cond.scope) >= cond.at_least


def evaluate_badges(
    content: Content, history: History, settings: SettingsLike = None
) -> list[BadgeStatus]:
    """Every badge, earned (with its date) or locked (with its progress), in file order."""
    return evaluate_with_tally(content, history, settings)[0]


def evaluate_with_tally(
    content: Content, history: History, settings: SettingsLike = None
) -> tuple[list[BadgeStatus], Tally]:
    """The badges and the running totals they were read from (one replay for both)."""
    badges = list(content.badges.values())
    tally = Tally(content, weekly_goal=settings_of(settings).weekly_goal)
    earned: dict[str, date] = {}
    # Stage-wide metrics read only the completed and mastered sets, which
    # only ever grow: they need a look only after a session that grew one.
    # Skipping the rest keeps a ten-year history's replay short.
    grown: tuple[int, int] | None = None
    for rec in records(history):
        tally.add(rec)
        sizes = (len(tally.state.completed), len(tally.state.mastered))
        stages_moved, grown = sizes != grown, sizes
        for badge in badges:
            if badge.id in earned:
                continue
            if not stages_moved and badge.condition.metric in STAGE_METRICS:
                continue
            if _met(badge, tally):
                earned[badge.id] = rec.day
    out: list[BadgeStatus] = []
    for badge in badges:
        cond = badge.condition
        if cond.metric not in METRICS:
            out.append(BadgeStatus(badge, None, 0.0, cond.at_least, "Not available yet."))
            continue
        progress, target, text = progress_of(tally, cond.metric, cond.scope, cond.at_least)
        if badge.id in earned:
            progress = target
        out.append(BadgeStatus(badge, earned.get(badge.id), progress, target, text))
    return out, tally


def earned_badges(statuses: Iterable[BadgeStatus]) -> list[BadgeStatus]:
    """The earned ones, oldest first."""
    got = [s for s in statuses if s.earned_on is not None]
    return sorted(got, key=lambda s: s.earned_on or date.min)


def new_badges(before: Iterable[BadgeStatus], after: Iterable[BadgeStatus]) -> list[Badge]:
    """Badges earned in ``after`` but not in ``before``: what the level-complete screen shows."""
    had = {s.badge.id for s in before if s.earned}
    return [s.badge for s in after if s.earned and s.badge.id not in had]
