"""The words the screen shows for each cue, so nothing the game says is sound-only.

Every cue id the session emits (:mod:`game.session.cues`), the two the menus
use and the wordless tones have words here; exercise and phase cues take
theirs from the level files. The screens read them without the sound module,
and the sound script speaks them where no other words are given.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from game.session.cues import EXERCISE_PREFIX, PHASE_PREFIX, phase_slug

if TYPE_CHECKING:
    from game.content.model import Content

__all__ = ["CUE_TEXT", "cue_text"]

#: The words the screen shows for each fixed cue.
CUE_TEXT: Mapping[str, str] = MappingProxyType(
    {
        "get_ready": "Get ready",
        "three": "3",
        "two": "2",
        "one": "1",
        "inhale": "Inhale",
        "exhale": "Exhale",
        "hold": "Hold",
        "lift": "Lift",
        "lower_slowly": "Lower slowly",
        "release": "Release",
        "switch_sides": "Switch sides",
        "left_side": "Left side",
        "right_side": "Right side",
        "rest": "Rest",
        "next": "Next",
        "cool_down": "Cool down",
        "well_done": "Well done",
        "begin": "Begin",
        "relax": "Relax",
        "tone_inhale": "Breathe in",
        "tone_exhale": "Breathe out",
        "tone_phase_start": "Start",
        "tone_phase_end": "Done",
        "tone_count": "Almost there",
    }
)


def _humanise(name: str) -> str:
    words = name.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def cue_text(cue_id: str, content: Content | None = None) -> str:
    """The words to show on screen for a cue. Never raises.

    Exercise cues use the exercise's name from ``content`` when it is given,
    otherwise a readable form of the id; unknown ids are shown the same way.
    """
    if cue_id.startswith(EXERCISE_PREFIX):
        exercise_id = cue_id[len(EXERCISE_PREFIX) :]
        if content is not None:
            exercise = content.exercises.get(exercise_id)
            if exercise is not None:
                return exercise.name
        return _humanise(exercise_id)
    if cue_id.startswith(PHASE_PREFIX):
        slug = cue_id[len(PHASE_PREFIX) :]
        for exercise in content.exercises.values() if content is not None else ():
            for words in (exercise.phases.out, exercise.phases.back):
                if phase_slug(words) == slug:
                    return words
        return _humanise(slug)
    return CUE_TEXT.get(cue_id) or _humanise(cue_id)
