"""Playing shipped levels for real, through the session player, for the walk tests."""

from __future__ import annotations

from datetime import timedelta, timezone

from game.clock import FakeClock, local_date, utc_offset_minutes
from game.content.model import Content, Level
from game.player.data import Outcome, PlayerData
from game.session.fit import compile_for_player, ratings_for
from game.session.player import SessionPlayer
from game.session.ratings import Effort
from game.session.result import Form, Pain
from game.store import memory_store

Answer = tuple[Form, Effort, Pain]
GOOD: Answer = (Form.STEADY, Effort.RIGHT, Pain.NONE)


def new_player(content: Content, name: str = "Test") -> tuple[PlayerData, FakeClock]:
    """A new profile on an empty save in memory, and the UTC clock it plays by."""
    clock = FakeClock(tz=timezone.utc)
    store = memory_store()
    return PlayerData(store, content, clock, store.create_profile(name).id), clock


def play_level(
    data: PlayerData,
    clock: FakeClock,
    level: Level,
    answers: dict[str, Answer] | None = None,
    *,
    daily: bool = False,
    skip_all: bool = False,
) -> tuple[Outcome, float]:
    """Play ``level`` start to end at the player's doses, rate it and record it.

    Returns the outcome and the minutes the level lasted."""
    settings = data.session_settings(level)
    timeline = compile_for_player(level, data.content, settings)
    player = SessionPlayer(timeline, clock)
    started = clock.now_utc()
    while not player.finished:
        if skip_all and player.phase.is_work:
            player.skip()
        player.update(5.0)
    clock.advance(timeline.total)
    ratings = ratings_for(timeline, player.shares(), data.content, level, answers or {})
    result = player.result(
        Form.STEADY,
        Pain.NONE,
        started,
        clock.now_utc(),
        utc_offset_minutes(clock),
        local_date(clock),
        daily=daily,
        ratings=ratings,
    )
    return data.record(result), timeline.total / 60.0


def next_day(clock: FakeClock) -> None:
    """Move on to 6 pm the next local day."""
    now = clock.local_now()
    target = (now + timedelta(days=1)).replace(hour=18, minute=0, second=0, microsecond=0)
    clock.advance((target - now).total_seconds())
