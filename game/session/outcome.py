"""Building the SessionResult at the end of a level, from the player and a clock.

The UI asks the player for form and pain after the last phase (or after a
quit) and calls :func:`build_result`. Instants and the local date come from the
clock, so a game left open over midnight counts for the day it ended on.
"""

from __future__ import annotations

from datetime import datetime

from game.clock import Clock, local_date, utc_offset_minutes
from game.session.player import SessionPlayer
from game.session.result import Form, Pain, SessionResult

__all__ = ["build_result"]


def build_result(
    player: SessionPlayer,
    form: Form,
    pain: Pain,
    clock: Clock,
    daily: bool = False,
    started_at: datetime | None = None,
) -> SessionResult:
    """The record of one play, ending now by ``clock``.

    ``started_at`` defaults to when the player was created (if it was given a
    clock) and is never later than the end, even if the wall clock was set
    backwards during play.
    """
    ended = clock.now_utc()
    started = started_at or player.started_at or ended
    return player.result(
        form=form,
        pain=pain,
        started_at=min(started, ended),
        ended_at=ended,
        utc_offset_minutes=utc_offset_minutes(clock),
        local_date=local_date(clock),
        daily=daily,
    )
