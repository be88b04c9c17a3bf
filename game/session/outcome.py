"""Building the SessionResult at the end of a level, from the player and a clock.

The UI asks the player for form and pain after the last phase (or after a
quit) and calls :func:`build_result`. Instants and the local date come from the
clock, so a game left open over midnight counts for the day it ended on.

A wall clock can do anything while a level plays: be set back a day, jump
forward, cross a DST change or move to another zone. The end instant, its
offset and its local date are read at the end, as the player's day is then;
the start is trusted only while the wall clock agrees with the monotonic one,
and otherwise is put the monotonic length of the play before the end.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from game.clock import Clock, local_date, utc_offset_minutes
from game.session.player import SessionPlayer
from game.session.ratings import MoveRating
from game.session.result import Form, Pain, SessionResult

__all__ = ["CLOCK_SLACK_SECONDS", "build_result"]

#: How far the wall clock may drift from the monotonic one over a play (time
#: servers slew it a little) before it is taken to have been changed.
CLOCK_SLACK_SECONDS = 60.0


def build_result(
    player: SessionPlayer,
    form: Form,
    pain: Pain,
    clock: Clock,
    daily: bool = False,
    started_at: datetime | None = None,
    ratings: tuple[MoveRating, ...] = (),
) -> SessionResult:
    """The record of one play, ending now by ``clock``; never raises for the clock.

    ``started_at`` defaults to when the player was created (if it was given a
    clock); ``ratings`` are the per-move check-ins.
    """
    ended = clock.now_utc()
    started = started_at or player.started_at or ended
    if player.started_monotonic is not None:
        length = max(0.0, clock.monotonic() - player.started_monotonic)
    else:
        length = player.elapsed_exercise_seconds
    wall = (ended - started).total_seconds()
    if wall < 0 or abs(wall - length) > CLOCK_SLACK_SECONDS:
        started = ended - timedelta(seconds=length)
    return player.result(
        form=form,
        pain=pain,
        started_at=started,
        ended_at=ended,
        utc_offset_minutes=utc_offset_minutes(clock),
        local_date=local_date(clock),
        daily=daily,
        ratings=ratings,
    )
