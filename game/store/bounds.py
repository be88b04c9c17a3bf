"""The sane range of every number a saved session holds, in one table.

A save can be edited by hand. A number that is the right type but absurd (a
hold of 10^300 seconds, a billion reps) would otherwise pass the decoder and
overflow the progression rules later, in the middle of starting the game. No
real session comes near these limits: one level is minutes long, and a day is
the most any session, or any hold in it, can last.
"""

from __future__ import annotations

import math

#: Seconds: a session's active time, and the time held on one exercise.
MAX_SECONDS = 24 * 60 * 60
#: Reps or breaths on one exercise: thousands at the very most.
MAX_COUNT = 10_000
#: A record id is a small whole number; more digits than this is a damaged save.
MAX_ID_DIGITS = 18
_SHOWN = 40
#: What each bounded field of a session record may be, by name, for messages and tests.
LIMITS: dict[str, int] = {
    "active_seconds": MAX_SECONDS,
    "seconds_held": MAX_SECONDS,
    "reps": MAX_COUNT,
    "breaths": MAX_COUNT,
}


def finite(value: float) -> bool:
    """``math.isfinite``, but False (not OverflowError) for an integer too big for a float."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def out_of_range(name: str, value: float) -> str | None:
    """Why ``value`` is outside the range of field ``name``, or None when it is inside."""
    limit = LIMITS[name]
    if 0 <= value <= limit:
        return None
    return f"must be between 0 and {limit:,}, got {shown_number(value)}"


def shown_number(value: float) -> str:
    """``value`` as text for a message, short even for an integer thousands of digits long."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        # str() itself refuses integers past 4300 digits; the length is what matters.
        if value.bit_length() < 14_000:
            return f"a number {len(str(abs(value)))} digits long"
        return f"a number about {round(value.bit_length() * 0.30103)} digits long"
    return repr(value)


def shown(value: object) -> str:
    """Any saved value as a short text for a message: numbers as above, the rest cut at 40."""
    if isinstance(value, (int, float)):
        return shown_number(value)
    text = repr(value)
    return text if len(text) <= _SHOWN else f"{text[: _SHOWN - 3]}..."


def shorten(message: str, limit: int = 200) -> str:
    """A message cut to ``limit`` characters, for the few that quote a value themselves."""
    return message if len(message) <= limit else f"{message[: limit - 3]}..."
