"""Flare-up rest days keep the streak, at most as often as the content allows."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from progress_fixtures import play
from walk_helpers import new_player

from game.clock import FakeClock
from game.content import load_content
from game.player.data import PlayerData
from game.progress.history import REST_LEVEL_ID, Record
from game.progress.replay import Replay
from game.progress.rest import rest_allowed, rest_limit, rest_tracks
from game.session.result import SessionResult

D0 = date(2026, 6, 1)


def test_the_limit_and_the_tracks_come_from_stages_yaml() -> None:
    content = load_content()
    assert rest_limit(content) == 2
    assert set(rest_tracks(content)) == {"desk_reset", "gentle_mat"}


def test_rest_allowed_holds_every_rolling_week_to_the_limit() -> None:
    assert rest_allowed(set(), D0, 2)
    assert rest_allowed({D0}, D0 + timedelta(days=3), 2)
    assert not rest_allowed({D0, D0 + timedelta(days=3)}, D0 + timedelta(days=6), 2)
    assert rest_allowed({D0, D0 + timedelta(days=3)}, D0 + timedelta(days=7), 2)
    # A day before others (clock set back) counts in every window it falls in.
    assert not rest_allowed({D0 + timedelta(days=1), D0 + timedelta(days=5)}, D0, 2)
    assert not rest_allowed({D0}, D0, 2), "one rest day a day"
    assert not rest_allowed(set(), D0, 0)


def _one_daily_played() -> tuple[PlayerData, FakeClock]:
    """A new player with one daily level played today, saved for 50 XP."""
    content = load_content()
    data, clock = new_player(content, "Rest")
    first = play("stabilize_01", clock.local_now().date(), daily=True, content=content)
    data.store.record_session(data.profile_id, first, 50)
    data._forget_history()
    return data, clock


def test_rest_days_keep_the_streak_two_a_week_and_move_nothing_else() -> None:
    data, clock = _one_daily_played()
    kept = []
    for _ in range(3):  # days 2, 3, 4: two rest days keep it, the third does not
        clock.advance(24 * 3600)
        kept.append(data.record_rest_day())
    assert kept == [True, True, False]
    stats = data.stats()
    assert stats.streak.current == 3 and not stats.streak.today_done
    assert stats.xp_total == 50, "a rest day earns no XP"
    assert len(stats.rest_days) == 2
    assert len(data.history()) == 4, "the third rest day is still saved"


def test_a_rest_day_is_no_played_level() -> None:
    content = load_content()
    now = datetime(2026, 6, 1, 12, tzinfo=timezone.utc)
    rest = SessionResult(REST_LEVEL_ID, D0, now, now, 0, completed=False, variant="rest")
    replay = Replay(content)
    replay.feed([Record(rest, 0)])
    assert replay.tally.rest_days == {D0}
    assert replay.tally.levels_completed == 0 and not replay.state.completed


def test_the_menu_and_the_calendar_call_a_rest_day_a_rest_day() -> None:
    from game.ui.scenes.main_menu import done_words
    from game.ui.scenes.progress_screen import day_words

    data, clock = _one_daily_played()
    assert done_words(data.stats()) == "Today's level is done. See you tomorrow!"
    clock.advance(24 * 3600)
    assert data.record_rest_day()
    stats = data.stats()
    assert stats.streak.today_done
    assert "rest day" in done_words(stats) and "kept" in done_words(stats)
    assert day_words(stats, stats.today) == "flare-up rest day, streak kept"
    assert day_words(stats, stats.today - timedelta(days=1)).endswith("min played")
