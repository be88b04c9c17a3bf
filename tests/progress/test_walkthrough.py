"""A fresh profile through 30 simulated days, checked after every day.

March 2026 in New York: the clocks spring forward on Sunday 8 March, the day the
player reports sharp pain. Missed days on the 10th, 17th-18th and 26th test the
freezes. Each day the player asks for the daily plan, plays it (or not), and the
test checks XP, player level, unlocks, streak, freezes, weekly goal and badges.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from progress_fixtures import CONTENT, play, rec, work_for

from game.progress.badges import evaluate_badges
from game.progress.daily import daily_plan
from game.progress.streaks import streak_from_history, week_start
from game.progress.unlocks import compute_unlocks
from game.progress.xp import effort_xp, level_for_xp, threshold, xp_for
from game.session.result import Form, Pain

ZONE = "America/New_York"
START = date(2026, 3, 1)  # a Sunday; DST starts 8 March
OWNED = frozenset({"foam_roller"})
MAINS = ("stabilize", "movement", "integrate", "full_body")

#: day -> (main level the daily should offer, form, pain, variant, local end time)
PLAYS: dict[int, tuple[str, Form, Pain, str, time]] = {
    1: ("stabilize_01", Form.STEADY, Pain.NONE, "standard", time(18, 0)),
    2: ("stabilize_02", Form.STEADY, Pain.NONE, "standard", time(18, 0)),
    3: ("stabilize_03", Form.STEADY, Pain.NONE, "standard", time(18, 0)),
    4: ("movement_01", Form.STEADY, Pain.NONE, "standard", time(7, 15)),
    5: ("movement_02", Form.WOBBLY, Pain.NONE, "standard", time(18, 0)),
    6: ("movement_02", Form.STEADY, Pain.NONE, "standard", time(18, 0)),
    7: ("integrate_01", Form.WOBBLY, Pain.NONE, "standard", time(0, 30)),
    8: ("integrate_01", Form.STEADY, Pain.SHARP, "standard", time(23, 30)),  # DST day
    9: ("integrate_01", Form.STEADY, Pain.NONE, "easier", time(18, 0)),
    11: ("integrate_01", Form.STEADY, Pain.NONE, "standard", time(18, 0)),
    12: ("full_body_01", Form.STEADY, Pain.NONE, "standard", time(18, 0)),
    **{d: ("full_body_01", Form.STEADY, Pain.NONE, "standard", time(18, 0)) for d in range(13, 17)},
    **{d: ("full_body_01", Form.STEADY, Pain.NONE, "standard", time(12, 0)) for d in range(19, 26)},
    **{d: ("full_body_01", Form.WOBBLY, Pain.NONE, "standard", time(12, 0)) for d in range(27, 31)},
}

#: day -> (streak, best, freezes held, main levels mastered, main stages open), after that day
EXPECTED: dict[int, tuple[int, int, int, int, int]] = {
    1: (1, 1, 0, 1, 1),
    2: (2, 2, 0, 2, 1),
    3: (3, 3, 0, 3, 2),
    4: (4, 4, 0, 4, 2),
    5: (5, 5, 0, 4, 2),  # wobbly: completed, not mastered
    6: (6, 6, 0, 5, 3),
    7: (7, 7, 1, 5, 3),  # a week: first freeze
    8: (8, 8, 1, 5, 3),  # sharp pain: the streak holds, progress does not
    9: (9, 9, 1, 5, 3),  # easier version: completed, not mastered
    10: (9, 9, 1, 5, 3),  # not played yet today: nothing lost
    11: (10, 10, 0, 6, 4),  # the 10th was frozen
    12: (11, 11, 0, 7, 4),
    13: (12, 12, 0, 7, 4),
    14: (13, 13, 0, 7, 4),
    15: (14, 14, 1, 7, 4),  # two weeks: a freeze again
    16: (15, 15, 1, 7, 4),
    17: (15, 15, 1, 7, 4),
    18: (15, 15, 0, 7, 4),  # the freeze covers the 17th; today is still open
    19: (1, 15, 1, 7, 4),  # two missed days with one freeze: a new streak, freeze kept
    **{d: (d - 18, 15, 1, 7, 4) for d in range(20, 25)},
    25: (7, 15, 2, 7, 4),
    26: (7, 15, 2, 7, 4),
    27: (8, 15, 1, 7, 4),
    28: (9, 15, 1, 7, 4),
    29: (10, 15, 1, 7, 4),
    30: (11, 15, 1, 7, 4),
}

#: badge -> the day it is earned (None: not within the 30 days)
BADGE_DAYS: dict[str, int | None] = {
    "first_steps": 1,
    "balanced": 2,
    "master_two": 2,
    "explorer": 3,
    "stable_base": 3,
    "stage_tour": 3,
    "daily_three": 3,
    "steady_hands": 3,
    "on_the_move": 4,
    "weekly_goal": 5,  # Mon 2 .. Thu 5 March
    "week_streak": 7,
    "full_month": None,
}


def _day(n: int) -> date:
    return START + timedelta(days=n - 1)


def test_thirty_days_from_a_fresh_profile() -> None:
    history: list[tuple] = []  # type: ignore[type-arg]
    earned_on: dict[str, date] = {}
    xp_before = 0
    assert set(EXPECTED) == set(range(1, 31))
    for n in range(1, 31):
        today = _day(n)
        plan = daily_plan(CONTENT, history, today, OWNED, "walker")
        assert 8 <= plan.planned_minutes <= 15
        assert plan == daily_plan(CONTENT, history, today, OWNED, "walker")
        if n == 8:  # a morning of free play before the daily
            history.append(rec(play("gentle_mat_01", today, tz=ZONE, at=time(9, 0))))
        if n in PLAYS:
            main, form, pain, variant, at = PLAYS[n]
            assert plan.main_level_id == main, n
            assert plan.easier == (n == 9), n  # only the day after the sharp pain
            assert plan.review == (n >= 13), n
            result = play(
                plan.level.id, today, tz=ZONE, at=at, form=form, pain=pain,
                variant=variant, daily=True, exercises=work_for(plan.level),
            )  # fmt: skip
            assert result.local_date == today
            history.append(rec(result))
            if pain is Pain.SHARP:
                assert xp_for(result, CONTENT) == effort_xp(result, CONTENT)
                assert "sharp pain" in daily_plan(CONTENT, history, _day(n + 1), OWNED, "w").reason

        # XP and player level
        total = sum(xp for _, xp in history)
        lvl = level_for_xp(total)
        assert threshold(lvl.level) <= total < threshold(lvl.level + 1)
        assert (total > xp_before) == (n in PLAYS)
        xp_before = total

        # Unlocks
        u = compute_unlocks(CONTENT, history)
        streak = streak_from_history(history, today)
        cur, best, freezes, mastered, mains_open = EXPECTED[n]
        got = (streak.current, streak.best, streak.freezes_held, len(u.mastered_levels))
        side = int(n >= 8)  # the morning free play on the 8th mastered gentle_mat_01
        assert got == (cur, best, freezes, mastered + side), n
        assert sum(u.is_stage_open(s) for s in MAINS) == mains_open, n
        assert u.mastered_levels <= u.completed_levels
        assert u.is_stage_open("desk_reset") and u.is_level_open("stabilize_01")
        assert (u.suggestion_after_pain is not None) == (n == 8), n
        assert u.is_stage_open("movement") == (n >= 3)
        assert u.is_stage_open("full_body") == (n >= 11)
        if n in (8, 9, 10):
            assert "integrate_01" not in u.mastered_levels
            assert "Integrate" in u.why_locked("full_body_01")

        # Streak details
        assert streak.today_done == (n in PLAYS)
        monday = week_start(today)
        in_week = sum(1 for d in PLAYS if monday <= _day(d) <= today)
        assert streak.week_days_done == in_week
        assert streak.at_risk == (n == 18), n

        # Badges: earned on the expected day, never lost, never dated in the future
        for status in evaluate_badges(CONTENT, history):
            bid = status.badge.id
            if status.earned_on is not None:
                assert status.earned_on <= today
                assert earned_on.setdefault(bid, status.earned_on) == status.earned_on
            elif bid in earned_on:
                raise AssertionError(f"{bid} was lost on day {n}")
            if bid in BADGE_DAYS:
                due = BADGE_DAYS[bid]
                assert status.earned == (due is not None and n >= due), (bid, n)
                if status.earned:
                    assert status.earned_on == _day(due)  # type: ignore[arg-type]
            if bid == "xp_500":
                assert status.earned == (total >= 500)
            if bid == "level_five":
                assert status.earned == (total >= threshold(5))

    final = streak_from_history(history, _day(30))
    assert final.freezes_used_on == (_day(10), _day(26))
    assert compute_unlocks(CONTENT, history).mastered_levels >= {"gentle_mat_01", "full_body_01"}
