"""Spoken cue ids: the names the audio files are generated under.

The session attaches cue ids to phases and events; the audio player looks a
file up by id and stays silent when there is none. The list is stable: the
sound files are named after it, so ids are only ever added, never renamed.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "COUNTDOWN_CUES",
    "CUE_IDS",
    "EXERCISE_PREFIX",
    "PHASE_PREFIX",
    "all_cue_ids",
    "exercise_cue",
    "phase_cue",
]

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


#: An exercise's phase words ("Hinge down") are spoken from cues named ``phase:<words>``.
PHASE_PREFIX = "phase:"

#: Phase words that are already fixed cues keep their old ids (and sound files).
_FIXED_PHASE_WORDS: dict[str, str] = {"lift": "lift", "lower_slowly": "lower_slowly"}


def phase_slug(words: str) -> str:
    """``"Hinge down"`` -> ``"hinge_down"``: the words as a file-safe name."""
    out = "".join(ch if ch.isalnum() else "_" for ch in words.strip().lower())
    return "_".join(part for part in out.split("_") if part)


def phase_cue(words: str) -> str:
    """The cue id that speaks a rep's phase words."""
    slug = phase_slug(words)
    return _FIXED_PHASE_WORDS.get(slug) or PHASE_PREFIX + slug


def all_cue_ids(exercise_ids: Iterable[str], phase_words: Iterable[str] = ()) -> tuple[str, ...]:
    """Every cue id the game can ask for, given the exercises and phase words that exist."""
    phases = tuple(dict.fromkeys(phase_cue(w) for w in phase_words if phase_cue(w) not in CUE_IDS))
    return CUE_IDS + tuple(exercise_cue(e) for e in sorted(set(exercise_ids))) + phases
