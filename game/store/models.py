"""The values the store hands back: small frozen records, never live table rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from game.session.result import SessionResult


@dataclass(frozen=True)
class Profile:
    """One player on this computer."""

    id: int
    name: str
    created: date


@dataclass(frozen=True, slots=True)
class StoredSession:
    """A saved session: what was played, the XP it earned and its record id.

    Slots, like the results it holds: a long history has thousands of these.
    """

    id: int
    profile_id: int
    result: SessionResult
    xp: int
