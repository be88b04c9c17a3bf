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
    tally = Tally(content, weekly_goal=settings_of(settings).weekly_goal)
    watch = BadgeWatch(content)
    for rec in records(history):
        tally.add(rec)
        watch.look(tally, rec.day)
    return watch.statuses(tally), tally


class BadgeWatch:
    """The day each badge was first earned, watched one session at a time.

    After each session is added to the tally, ``look`` notes every badge whose
    condition now holds, with that session's date. Stage-wide metrics read only
    the completed and mastered sets, which only ever grow: they need a look only
    after a session that grew one. Skipping the rest keeps a ten-year history's
    replay short; a property test holds this to checking every badge every time.
    """

    def __init__(self, content: Content) -> None:
        self.badges = tuple(content.badges.values())
        self.earned: dict[str, date] = {}
        self.sizes: tuple[int, int] | None = None  # (completed, mastered) after the last look

    def look(self, tally: Tally, day: date) -> None:
        sizes = (len(tally.state.completed), len(tally.state.mastered))
        stages_moved, self.sizes = sizes != self.sizes, sizes
        earned = self.earned
        for badge in self.badges:
            if badge.id in earned:
                continue
            if not stages_moved and badge.condition.metric in STAGE_METRICS:
                continue
            if _met(badge, tally):
                earned[badge.id] = day

    def statuses(self, tally: Tally) -> list[BadgeStatus]:
        """Every badge, earned (with its date) or locked (with its progress), in file order."""
        out: list[BadgeStatus] = []
        for badge in self.badges:
            cond = badge.condition
            if cond.metric not in METRICS:
                out.append(BadgeStatus(badge, None, 0.0, cond.at_least, "Not available yet."))
                continue
            progress, target, text = progress_of(tally, cond.metric, cond.scope, cond.at_least)
            if badge.id in self.earned:
                progress = target
            out.append(BadgeStatus(badge, self.earned.get(badge.id), progress, target, text))
        return out


def earned_badges(statuses: Iterable[BadgeStatus]) -> list[BadgeStatus]:
    """The earned ones, oldest first."""
    got = [s for s in statuses if s.earned_on is not None]
    return sorted(got, key=lambda s: s.earned_on or date.min)


def new_badges(before: Iterable[BadgeStatus], after: Iterable[BadgeStatus]) -> list[Badge]:
    """Badges earned in ``after`` but not in ``before``: what the level-complete screen shows."""
    had = {s.badge.id for s in before if s.earned}
    return [s.badge for s in after if s.earned and s.badge.id not in had]
