"""The starting self-test: two holds and a pain question set every move's first dose.

Like Ring Fit's opening strength check, the first run (and "Test me again" in
Settings) times a bent-knee side plank and a dead bug hold, each until the
player says their form broke (or a minute passes), and asks about back pain
today. It is saved as a session of its own kind, so a replay derives the doses
from it like everything else:

- the shorter of the two holds under ``SHORT_S`` seconds, or back pain today:
  every move starts at the bottom of its range;
- under ``LONG_S`` seconds: at the dose its file writes;
- ``LONG_S`` or longer: one step above it.

A new test replaces what earlier ratings built up: it is the player saying
"this is where I am now".
"""

from __future__ import annotations

from game.content.model import Content
from game.progress.doses import DoseTrack, ladder, start_index
from game.progress.history import Record
from game.session.result import Pain

__all__ = [
    "LONG_S",
    "MAX_HOLD_S",
    "SELF_TEST_ID",
    "SELF_TEST_MOVES",
    "SHORT_S",
    "apply_self_test",
    "held_seconds",
    "rung_step",
]

SELF_TEST_ID = "self-test"
SELF_TEST_MOVES = ("side_plank_bent_knee", "dead_bug_hold")
MAX_HOLD_S = 60.0
SHORT_S = 20.0
LONG_S = 45.0


def held_seconds(record: Record) -> float:
    """The shorter of the test's holds (each side of the plank counts on its own)."""
    held = [e.seconds_held for e in record.result.exercises if e.exercise_id in SELF_TEST_MOVES]
    return min(min(held), MAX_HOLD_S) if held else 0.0


def rung_step(seconds: float, pain: Pain) -> int | None:
    """None for the bottom of each range, else steps from the written dose (0 or 1)."""
    if pain is not Pain.NONE or seconds < SHORT_S:
        return None
    return 0 if seconds < LONG_S else 1


def apply_self_test(tracks: dict[str, DoseTrack], record: Record, content: Content) -> None:
    """Set every progressing move's dose from one self-test session."""
    step = rung_step(held_seconds(record), record.result.pain)
    for ex in content.exercises.values():
        rungs = ladder(ex)
        if not rungs:
            continue
        index = 0 if step is None else min(len(rungs) - 1, start_index(ex, rungs) + step)
        tracks[ex.id] = DoseTrack(index)
