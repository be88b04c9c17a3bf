"""Spoken cue ids: the names the audio files are generated under.

The session attaches cue ids to phases and events; the audio player looks a
file up by id and stays silent when there is none. The list is stable: the
sound files are named after it, so ids are only ever added, never renamed.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["COUNTDOWN_CUES", "CUE_IDS", "EXERCISE_PREFIX", "all_cue_ids", "exercise_cue"]

#: Every fixed cue id, in a stable order.
CUE_IDS: tuple[str, ...] = (
    "get_ready",
    "three",
    "two",
    "one",
    "inhale",
    "exhale",
    "hold",
    "lift",
    "lower_slowly",
    "release",
    "switch_sides",
    "left_side",
    "right_side",
    "rest",
    "next",
    "cool_down",
    "well_done",
)

#: Cue ids for the last three seconds of a spoken countdown, keyed by seconds left.
COUNTDOWN_CUES: dict[int, str] = {3: "three", 2: "two", 1: "one"}

#: Exercise names are spoken from cues named ``exercise:<id>``.
EXERCISE_PREFIX = "exercise:"


def exercise_cue(exercise_id: str) -> str:
    """The cue id that speaks an exercise's name."""
    return EXERCISE_PREFIX + exercise_id


def all_cue_ids(exercise_ids: Iterable[str]) -> tuple[str, ...]:
    """Every cue id the game can ask for, given the exercises that exist."""
    return CUE_IDS + tuple(exercise_cue(e) for e in sorted(set(exercise_ids)))
