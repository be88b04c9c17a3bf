"""The play history as the progression rules read it.

Every rule in this package (mastery, unlocks, streaks, badges, the daily plan)
is derived from the list of saved sessions by pure functions. Nothing else is
kept, so progress can never drift out of step with the save: delete a session
and everything that depended on it follows.

A history item is a ``(SessionResult, xp)`` pair, or anything with ``result``
and ``xp`` attributes (the store's ``StoredSession``). Items are replayed in the
order given, which is the order the store saved them, i.e. the order they were
played; that order stays right even when the computer's clock was wrong.

A daily level is played under an id such as ``daily-2026-11-21-stabilize_02``:
the date it was built for, then the level it trains. Its progress counts for
that level, so a player who only plays the daily still moves along the path.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol, runtime_checkable

from game.session.result import Pain, SessionResult

DAILY_PREFIX = "daily-"
#: The id a flare-up rest day is saved under (see ``game.progress.rest``).
REST_LEVEL_ID = "flare-up-rest"
_DATE_LEN = len("2026-11-21")


@runtime_checkable
class StoredLike(Protocol):
    """The shape of the store's saved-session record."""

    @property
    def result(self) -> SessionResult: ...

    @property
    def xp(self) -> int: ...


HistoryItem = tuple[SessionResult, int] | StoredLike
History = Iterable[HistoryItem]


@dataclass(frozen=True)
class Record:
    """One played session with the XP it was awarded when it was saved."""

    result: SessionResult
    xp: int

    @functools.cached_property
    def level_id(self) -> str:
        """The content level this play counts for (a daily counts for its main level).

        Worked out once per record: a replay asks for it several times per session.
        """
        return effective_level_id(self.result.level_id)

    @property
    def day(self) -> date:
        return self.result.local_date

    @property
    def sharp_pain(self) -> bool:
        return self.result.pain is Pain.SHARP

    @property
    def credited(self) -> bool:
        """Finished, and without sharp pain: only such plays move progress on."""
        return self.result.completed and not self.sharp_pain

    @property
    def counts_for_streak(self) -> bool:
        """A finished daily level, or one stopped because of sharp pain.

        Stopping at sharp pain is exactly what the game asks for, so it keeps
        the streak; otherwise players would learn to push through pain.
        """
        return self.result.daily and (self.result.completed or self.sharp_pain)

    @property
    def is_rest(self) -> bool:
        """A flare-up rest day (``game.progress.rest``); it keeps the streak within limits."""
        return self.result.level_id == REST_LEVEL_ID


def records(history: History) -> list[Record]:
    """Normalise any accepted history shape into records, keeping the order."""
    out: list[Record] = []
    for item in history:
        if isinstance(item, tuple):
            result, xp = item
        elif isinstance(item, StoredLike):
            result, xp = item.result, item.xp
        else:  # pragma: no cover - guarded by the type checker
            raise TypeError(f"not a history item: {item!r}")
        if not isinstance(result, SessionResult):
            raise TypeError(f"expected a SessionResult, got {type(result).__name__}")
        out.append(Record(result, int(xp)))
    return out


def daily_level_id(day: date, main_level_id: str) -> str:
    """The id a daily level is played under: its date, then the level it trains."""
    return f"{DAILY_PREFIX}{day.isoformat()}-{main_level_id}"


def parse_daily_level_id(level_id: str) -> tuple[date, str] | None:
    """``(date, main level id)`` for a daily level id, ``None`` for any other id."""
    if not level_id.startswith(DAILY_PREFIX):
        return None
    rest = level_id[len(DAILY_PREFIX) :]
    day_text, sep, main = rest[:_DATE_LEN], rest[_DATE_LEN : _DATE_LEN + 1], rest[_DATE_LEN + 1 :]
    if sep != "-" or not main:
        return None
    try:
        return date.fromisoformat(day_text), main
    except ValueError:
        return None


def effective_level_id(level_id: str) -> str:
    """The content level a played id counts for."""
    parsed = parse_daily_level_id(level_id)
    return parsed[1] if parsed else level_id
