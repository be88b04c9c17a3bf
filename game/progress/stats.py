"""The player's numbers, for ``python -m game stats`` and the profile screen.

Everything is derived from the history and the content, like the rest of this
package. ``history_rows`` flattens the history into one row per exercise and
side, ready for a CSV a physiotherapist can open.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeGuard

from game.content.model import Content
from game.progress.badges import BadgeStatus, earned_badges
from game.progress.doses import dose_table
from game.progress.history import History, Record, records
from game.progress.replay import Replay
from game.progress.streaks import StreakInfo, clamp_goal, compute_streak, week_start
from game.progress.unlocks import Unlocks, unlocks_from_state
from game.progress.xp import PlayerLevel, level_for_xp
from game.session.ratings import MoveRating

WEEKS_SHOWN = 8
HEATMAP_DAYS = 183  # about six months

#: Columns of the session-history CSV, in order.
HISTORY_COLUMNS: tuple[str, ...] = (
    "date",
    "level",
    "exercise",
    "side",
    "seconds_held",
    "reps",
    "form",
    "pain",
    "completed",
    "skipped",
    "effort",
    "sets",
    "dose",
    "done_share",
    "measured_form",
)


@dataclass(frozen=True)
class Stats:
    """A snapshot of the player's progress on ``today``."""

    today: date
    xp_total: int
    player_level: PlayerLevel
    streak: StreakInfo
    badges: tuple[BadgeStatus, ...]  # every badge, earned or not, in file order
    open_stages: tuple[str, ...]
    mastered_levels: tuple[str, ...]  # in path order
    hold_seconds: float
    sessions_per_week: tuple[tuple[date, int], ...]  # (Monday, sessions), oldest first
    heatmap: Mapping[date, float]  # local date -> minutes played, last six months
    unlocks: Unlocks
    rest_days: frozenset[date] = frozenset()  # flare-up rest days in the heatmap's span
    #: exercise id -> today's dose (seconds per hold or reps per set), moves that progress
    doses: Mapping[str, float] = field(default_factory=dict)
    #: level id -> different good days gathered toward mastering it
    steady_days: Mapping[str, int] = field(default_factory=dict)

    @property
    def earned(self) -> tuple[BadgeStatus, ...]:
        return tuple(earned_badges(self.badges))


def _minutes(rec: Record) -> float:
    r = rec.result
    seconds = r.active_seconds or (r.ended_at - r.started_at).total_seconds()
    return seconds / 60.0


def _all_records(history: History) -> TypeGuard[list[Record]]:
    return type(history) is list and set(map(type, history)) == {Record}


def player_stats(
    content: Content,
    history: History,
    today: date,
    weekly_goal: int = 4,
    replay: Replay | None = None,
) -> Stats:
    """Every number the stats command and screen show.

    ``replay``, if given, is a replay of the first sessions of this same
    history (one resumed from the save's checkpoint, say): it is carried on
    to the end of the history instead of replaying from the start. One made
    for another weekly goal or content, or longer than the history, is not
    used. The caller vouches that its sessions are the history's first ones.
    """
    # A list of records already (``PlayerData`` has one from its replay) is used as it is.
    recs = history if _all_records(history) else records(history)
    goal = clamp_goal(weekly_goal)
    usable = (
        replay is not None
        and replay.weekly_goal == goal
        and replay.content is content
        and replay.count <= len(recs)
    )
    if replay is None or not usable:
        replay = Replay(content, goal)
    replay.feed(recs)
    tally = replay.tally
    unlocks = unlocks_from_state(content, tally.state)
    streak = compute_streak(tally.streak_days, today, goal)
    this_week = week_start(today)
    weeks = [this_week - timedelta(weeks=i) for i in range(WEEKS_SHOWN - 1, -1, -1)]
    per_week = dict.fromkeys(weeks, 0)
    first_day = today - timedelta(days=HEATMAP_DAYS - 1)
    oldest = min(weeks[0], first_day)
    heat: dict[date, float] = {}
    for rec in recs:
        if rec.day < oldest or rec.is_rest:
            continue
        monday = week_start(rec.day)
        if monday in per_week:
            per_week[monday] += 1
        if first_day <= rec.day <= today:
            heat[rec.day] = heat.get(rec.day, 0.0) + _minutes(rec)
    order = {lv.id: (content.stages[lv.stage].order, lv.order) for lv in content.levels.values()}
    mastered = sorted(unlocks.mastered_levels, key=lambda lid: order.get(lid, (0, 0)))
    return Stats(
        today=today,
        xp_total=tally.xp_total,
        player_level=level_for_xp(tally.xp_total),
        streak=streak,
        badges=tuple(replay.statuses()),
        open_stages=unlocks.open_stages,
        mastered_levels=tuple(mastered),
        hold_seconds=tally.hold_seconds,
        sessions_per_week=tuple(per_week.items()),
        heatmap=dict(sorted(heat.items())),
        unlocks=unlocks,
        rest_days=frozenset(d for d in tally.rest_days if first_day <= d <= today),
        doses={eid: amount for eid, amount, _sets in dose_table(content, tally.state.doses)},
        steady_days=dict(unlocks.steady_days),
    )


def stats_to_json(stats: Stats) -> dict[str, Any]:
    """Plain JSON-ready data (dates as ISO text) for ``stats --json``."""
    lvl = stats.player_level
    st = stats.streak
    return {
        "today": stats.today.isoformat(),
        "xp": stats.xp_total,
        "player_level": {
            "level": lvl.level,
            "xp_into_level": lvl.xp_into_level,
            "xp_for_next": lvl.xp_for_next,
        },
        "streak": {
            "current": st.current,
            "best": st.best,
            "freezes_held": st.freezes_held,
            "freezes_used_on": [d.isoformat() for d in st.freezes_used_on],
            "today_done": st.today_done,
            "at_risk": st.at_risk,
        },
        "weekly_goal": {"done": st.week_days_done, "goal": st.weekly_goal},
        "badges": [
            {
                "id": b.badge.id,
                "name": b.badge.name,
                "earned_on": b.earned_on.isoformat() if b.earned_on else None,
                "progress": b.progress,
                "target": b.target,
                "text": b.text,
            }
            for b in stats.badges
        ],
        "open_stages": list(stats.open_stages),
        "mastered_levels": list(stats.mastered_levels),
        "hold_seconds": round(stats.hold_seconds, 1),
        "sessions_per_week": [
            {"week_of": d.isoformat(), "sessions": n} for d, n in stats.sessions_per_week
        ],
        "heatmap": {d.isoformat(): round(m, 1) for d, m in stats.heatmap.items()},
        "rest_days": sorted(d.isoformat() for d in stats.rest_days),
        "doses": dict(sorted(stats.doses.items())),
        "steady_days": dict(sorted(stats.steady_days.items())),
    }


def _rating_columns(rating: MoveRating | None) -> dict[str, Any]:
    """A move's own check-in and dose; blank for sessions saved before per-move check-ins
    (their level-wide form and pain stand in the form and pain columns)."""
    if rating is None:
        return {"effort": "", "sets": "", "dose": "", "done_share": "", "measured_form": ""}
    measured = rating.measured_form.value if rating.measured_form is not None else ""
    return {
        "form": rating.form.value,
        "pain": rating.pain.value,
        "effort": rating.effort.value,
        "sets": rating.sets,
        "dose": rating.amount,
        "done_share": round(rating.share, 3),
        "measured_form": measured,
    }


def history_rows(history: History) -> list[dict[str, Any]]:
    """One row per exercise and side (keys ``HISTORY_COLUMNS``), in the order played."""
    rows: list[dict[str, Any]] = []
    for rec in records(history):
        r = rec.result
        rated = {m.exercise_id: m for m in r.ratings}
        base = {
            "date": r.local_date.isoformat(),
            "level": r.level_id,
            "form": r.form.value,
            "pain": r.pain.value,
            "completed": r.completed,
        }
        if not r.exercises:
            rows.append(
                {
                    **base,
                    "exercise": "",
                    "side": "",
                    "seconds_held": 0.0,
                    "reps": 0,
                    "skipped": False,
                    **_rating_columns(None),
                }
            )
        for ex in r.exercises:
            rows.append(
                {
                    **base,
                    "exercise": ex.exercise_id,
                    "side": ex.side.value,
                    "seconds_held": round(ex.seconds_held, 1),
                    "reps": ex.reps,
                    "skipped": ex.skipped,
                    **_rating_columns(rated.get(ex.exercise_id)),
                }
            )
    return [{k: row[k] for k in HISTORY_COLUMNS} for row in rows]
