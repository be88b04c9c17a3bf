"""Flare-up rest days: a prescribed day off that keeps the streak.

A bad back day is exactly when pushing through does harm, and a streak that
breaks on such a day teaches the player to push. So the main menu offers
"Flare-up today": it records a rest day, suggests the gentle tracks, and the
streak holds. The stages that may be played gently on such a day say so in
``stages.yaml`` with ``flare_up_days``: the most rest days allowed in any
rolling window of ``WINDOW_DAYS`` days (the largest such number counts). A rest
day beyond that limit is still saved, but no longer keeps the streak.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from game.content.model import Content
from game.progress.history import REST_LEVEL_ID

__all__ = ["REST_LEVEL_ID", "WINDOW_DAYS", "rest_allowed", "rest_limit", "rest_tracks"]

#: The rolling window the limit applies to.
WINDOW_DAYS = 7


def rest_limit(content: Content) -> int:
    """Rest days allowed per rolling window; 0 when no stage offers them."""
    return max((s.flare_up_days for s in content.stages.values()), default=0)


def rest_tracks(content: Content) -> tuple[str, ...]:
    """The stages suggested on a flare-up day, in file order."""
    return tuple(s.id for s in content.ordered_stages() if s.flare_up_days > 0)


def rest_allowed(taken: Iterable[date], day: date, limit: int) -> bool:
    """Whether a rest day on ``day`` keeps the streak, given the rest days already counted."""
    first = day - timedelta(days=WINDOW_DAYS - 1)
    last = day + timedelta(days=WINDOW_DAYS - 1)
    days = set(taken)
    if day in days:
        return False  # one a day
    # Every window that would hold the new day must stay within the limit.
    for start in range(WINDOW_DAYS):
        lo = first + timedelta(days=start)
        hi = lo + timedelta(days=WINDOW_DAYS - 1)
        if hi > last:
            break
        if sum(1 for d in days if lo <= d <= hi) + 1 > limit:
            return False
    return limit > 0
