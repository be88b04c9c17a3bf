"""Each move's dose over the last weeks, from the sessions played: for the dose chart.

A physiotherapist's first question is "how has this grown?". The answer is in
the history: every rated move carries the dose it was played at (sessions from
before per-move check-ins stand at the dose the level wrote).
"""

from __future__ import annotations

from datetime import date, timedelta

from game.content.model import Content
from game.progress.history import History, records
from game.progress.moves import move_ratings

__all__ = ["CHART_WEEKS", "dose_series"]

CHART_WEEKS = 12


def dose_series(
    content: Content, history: History, today: date, weeks: int = CHART_WEEKS
) -> dict[str, list[tuple[date, float]]]:
    """``exercise_id -> [(day, dose), ...]`` for moves with a progression, oldest first;
    one point a day (the highest dose played that day), most played moves first."""
    first = today - timedelta(weeks=weeks) + timedelta(days=1)
    per_move: dict[str, dict[date, float]] = {}
    for rec in records(history):
        if not first <= rec.day <= today or rec.level_id not in content.levels:
            continue  # a rest day or a self-test plays no level
        for eid, rating in move_ratings(rec, content).items():
            ex = content.exercises.get(eid)
            if ex is None or ex.progression is None or rating.amount <= 0:
                continue
            days = per_move.setdefault(eid, {})
            days[rec.day] = max(days.get(rec.day, 0.0), rating.amount)
    ordered = sorted(per_move, key=lambda e: (-len(per_move[e]), e))
    return {eid: sorted(per_move[eid].items()) for eid in ordered}
