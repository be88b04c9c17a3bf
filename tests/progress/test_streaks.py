"""Rest-friendly streaks on local dates: DST, time zones, clocks set back, midnight."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st
from progress_fixtures import days, play, rec

from game.progress.history import daily_level_id
from game.progress.streaks import (
    MAX_FREEZES,
    compute_streak,
    local_day_of,
    session_day,
    streak_from_history,
    weeks_goal_met,
)
from game.session.result import Pain

D0 = date(2026, 6, 1)  # a Monday


def _daily(day: date, **kw: object) -> tuple:  # type: ignore[type-arg]
    return rec(play(daily_level_id(day, "stabilize_01"), day, daily=True, **kw))  # type: ignore[arg-type]


def test_consecutive_days_and_duplicates() -> None:
    s = compute_streak([*days(D0, 5), D0, D0 + timedelta(days=2)], D0 + timedelta(days=4))
    assert (s.current, s.best, s.today_done) == (5, 5, True)


def test_today_not_yet_played_does_not_break_the_streak() -> None:
    s = compute_streak(days(D0, 3), D0 + timedelta(days=3))
    assert s.current == 3 and not s.today_done and s.at_risk


def test_a_missed_day_without_a_freeze_ends_the_streak() -> None:
    s = compute_streak(days(D0, 3), D0 + timedelta(days=4))
    assert (s.current, s.best) == (0, 3)
    s = compute_streak([*days(D0, 3), D0 + timedelta(days=4)], D0 + timedelta(days=4))
    assert (s.current, s.best) == (1, 3)


def test_seven_days_earn_a_freeze_that_covers_one_missed_day() -> None:
    played = days(D0, 7)
    s = compute_streak(played, D0 + timedelta(days=6))
    assert s.freezes_held == 1 and not s.at_risk
    missed = D0 + timedelta(days=7)
    s = compute_streak([*played, missed + timedelta(days=1)], missed + timedelta(days=1))
    assert (s.current, s.freezes_held, s.freezes_used_on) == (8, 0, (missed,))
    # While the missed day is still the last one, the freeze already holds the streak.
    s = compute_streak(played, missed + timedelta(days=1))
    assert (s.current, s.freezes_held, s.at_risk) == (7, 0, True)


def test_two_missed_days_need_two_freezes_and_at_most_two_are_held() -> None:
    s = compute_streak(days(D0, 21), D0 + timedelta(days=20))
    assert s.freezes_held == MAX_FREEZES == 2
    back = D0 + timedelta(days=23)
    s = compute_streak([*days(D0, 21), back], back)
    assert s.current == 22 and s.freezes_held == 0 and len(s.freezes_used_on) == 2
    s = compute_streak([*days(D0, 14), D0 + timedelta(days=17)], D0 + timedelta(days=17))
    assert s.current == 1 and s.best == 14
    assert s.freezes_held == 2  # not spent on a gap they could not cover: kept for later


def test_weekly_goal_counts_this_calendar_week() -> None:
    week = [D0, D0 + timedelta(days=2), D0 + timedelta(days=4)]
    s = compute_streak(week, D0 + timedelta(days=5), weekly_goal=4)
    assert (s.week_days_done, s.weekly_goal, s.weekly_goal_met) == (3, 4, False)
    s = compute_streak(week, D0 + timedelta(days=5), weekly_goal=3)
    assert s.weekly_goal_met
    s = compute_streak(week, D0 + timedelta(days=7), weekly_goal=3)
    assert s.week_days_done == 0  # a new Monday
    assert compute_streak([], D0, weekly_goal=0).weekly_goal == 1
    assert compute_streak([], D0, weekly_goal=12).weekly_goal == 7
    assert weeks_goal_met([*week, D0 + timedelta(days=7)], 3) == 1


def _streak_of(history: list, today: date) -> tuple[int, int]:  # type: ignore[type-arg]
    s = streak_from_history(history, today)
    return s.current, s.best


def _around(zone: str, change: date) -> list:  # type: ignore[type-arg]
    """Late and early plays on the days around a clock change in ``zone``."""
    out = []
    for i, day in enumerate(days(change - timedelta(days=2), 5)):
        at = time(23, 30) if i % 2 else time(0, 30)
        out.append(_daily(day, tz=zone, at=at))
        out.append(_daily(day, tz=zone, at=time(12, 0)))  # a second play: same day
    return out


def test_streak_across_both_daylight_saving_changes() -> None:
    for zone, spring, autumn in (
        ("America/New_York", date(2026, 3, 8), date(2026, 11, 1)),
        ("Europe/Berlin", date(2026, 3, 29), date(2026, 10, 25)),
    ):
        for change in (spring, autumn):
            history = _around(zone, change)
            dates = sorted({r.local_date for r, _ in history})
            assert dates == days(change - timedelta(days=2), 5), (zone, change)
            assert _streak_of(history, change + timedelta(days=2)) == (5, 5)
            assert _streak_of(history, change + timedelta(days=3)) == (5, 5)


def test_a_twelve_hour_time_zone_change_either_way() -> None:
    # East: last play early in Reykjavik (UTC+0), next play late in Auckland (UTC+12 in July).
    east = [_daily(date(2026, 7, 1), tz="Atlantic/Reykjavik", at=time(7, 0))]
    east.append(_daily(date(2026, 7, 2), tz="Pacific/Auckland", at=time(23, 0)))
    gap = east[1][0].ended_at - east[0][0].ended_at
    assert gap == timedelta(hours=28)
    assert _streak_of(east, date(2026, 7, 2)) == (2, 2)
    # West: last play early in Auckland, next play late in Reykjavik: 52 hours apart.
    west = [_daily(date(2026, 7, 1), tz="Pacific/Auckland", at=time(7, 0))]
    west.append(_daily(date(2026, 7, 2), tz="Atlantic/Reykjavik", at=time(23, 0)))
    assert west[1][0].ended_at - west[0][0].ended_at == timedelta(hours=52)
    assert _streak_of(west, date(2026, 7, 3)) == (2, 2)
    # West again: the date repeats after the flight; it is still one day.
    again = [
        _daily(date(2026, 7, 1), tz="Pacific/Auckland", at=time(20, 0)),
        _daily(date(2026, 7, 2), tz="Pacific/Auckland", at=time(8, 0)),
        _daily(date(2026, 7, 2), tz="Atlantic/Reykjavik", at=time(9, 0)),
        _daily(date(2026, 7, 3), tz="Atlantic/Reykjavik", at=time(9, 0)),
    ]
    assert _streak_of(again, date(2026, 7, 3)) == (3, 3)


def test_a_clock_set_back_a_day_neither_breaks_nor_double_counts() -> None:
    played = days(D0, 4)
    history = [_daily(d) for d in played]
    history.append(_daily(played[-2]))  # the clock now says yesterday; played again
    today = played[-2]
    s = streak_from_history(history, today)
    assert (s.current, s.best, s.today_done) == (4, 4, True)
    history.append(_daily(played[-1] + timedelta(days=1)))  # clock fixed next day
    assert _streak_of(history, played[-1] + timedelta(days=1)) == (5, 5)


def test_midnight_during_play_counts_for_the_day_it_ended() -> None:
    zone = ZoneInfo("Europe/Berlin")
    end = datetime(2027, 1, 1, 0, 7, tzinfo=zone).astimezone(timezone.utc)
    assert local_day_of(end, 60) == session_day(end, 60) == date(2027, 1, 1)
    late = play(daily_level_id(date(2027, 1, 1), "stabilize_01"), date(2027, 1, 1),
                tz="Europe/Berlin", at=time(0, 7), minutes=15, daily=True)  # fmt: skip
    assert late.started_at.astimezone(zone).date() == date(2026, 12, 31)
    assert late.local_date == date(2027, 1, 1)
    # Played on the 30th and at noon on the 31st; the late play adds the 1st, once.
    history = [_daily(date(2026, 12, 30)), _daily(date(2026, 12, 31)), rec(late), rec(late)]
    s = streak_from_history(history, date(2027, 1, 1))
    assert (s.current, s.today_done) == (3, True)
    # Without the noon play the 31st was never finished: the late play is the 1st only.
    s = streak_from_history([_daily(date(2026, 12, 30)), rec(late)], date(2027, 1, 1))
    assert (s.current, s.best, s.today_done) == (1, 1, True)


def test_new_year_and_leap_day() -> None:
    new_year = [date(2026, 12, 30), date(2026, 12, 31), date(2027, 1, 1), date(2027, 1, 2)]
    s = compute_streak(new_year, date(2027, 1, 2))
    assert (s.current, s.week_days_done) == (4, 4)  # Mon 28 Dec .. Sun 3 Jan is one week
    leap = [date(2028, 2, 28), date(2028, 2, 29), date(2028, 3, 1)]
    assert compute_streak(leap, date(2028, 3, 1)).current == 3
    assert compute_streak([date(2028, 2, 28), date(2028, 3, 1)], date(2028, 3, 1)).current == 1
    assert compute_streak([date(2027, 2, 28), date(2027, 3, 1)], date(2027, 3, 1)).current == 2


def test_only_daily_levels_count_and_stopping_for_pain_keeps_the_streak() -> None:
    history = [_daily(D0), rec(play("stabilize_01", D0 + timedelta(days=1)))]
    assert _streak_of(history, D0 + timedelta(days=2)) == (0, 1)
    history = [_daily(D0), _daily(D0 + timedelta(days=1), pain=Pain.SHARP, completed=False)]
    assert _streak_of(history, D0 + timedelta(days=1)) == (2, 2)
    history = [_daily(D0), _daily(D0 + timedelta(days=1), completed=False)]
    assert _streak_of(history, D0 + timedelta(days=1)) == (1, 1)


dates = st.lists(st.dates(date(2027, 12, 1), date(2028, 3, 31)), max_size=60)


@settings(deadline=None)
@given(dates, st.dates(date(2027, 12, 1), date(2028, 4, 30)), st.randoms())
def test_order_and_repeats_never_change_the_streak(
    played: list[date], today: date, rnd: object
) -> None:
    s = compute_streak(played, today)
    shuffled = [*played, *played[: len(played) // 2]]
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert compute_streak(shuffled, today) == s
    assert 0 <= s.current <= s.best <= len(set(played))
    assert 0 <= s.freezes_held <= MAX_FREEZES
    assert not set(s.freezes_used_on) & set(played)
