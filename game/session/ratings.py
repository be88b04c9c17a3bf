"""The player's check-in for one move: form, effort and pain, and the dose it was played at.

A level used to end with one self-rating for the whole ten minutes. A rating
per move lets the progression rules grow or ease each move on its own, the way
a physiotherapist adjusts a programme exercise by exercise. ``measured_form``
is room for a form reading taken by the game itself (a camera's stillness
meter, say) to sit beside the player's own choice; the rules read the chosen
``form``, and a measured one is kept so both can be compared later.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from game.session.result import Form, Pain

__all__ = ["Effort", "MoveRating", "worst_form", "worst_pain"]


class Effort(str, enum.Enum):
    """How hard the move felt at the dose played."""

    EASY = "easy"
    RIGHT = "right"
    HARD = "hard"


_FORM_RANK = {Form.STEADY: 0, Form.WOBBLY: 1, Form.LOST: 2}
_PAIN_RANK = {Pain.NONE: 0, Pain.MILD: 1, Pain.SHARP: 2}


@dataclass(frozen=True, slots=True)
class MoveRating:
    """One move's check-in. ``sets`` and ``amount`` are the dose it was played at:
    seconds per hold, reps per set or seconds per flow set (0 when unknown)."""

    exercise_id: str
    form: Form = Form.STEADY
    effort: Effort = Effort.RIGHT
    pain: Pain = Pain.NONE
    sets: int = 0
    amount: float = 0.0
    measured_form: Form | None = None
    #: The share of the move's planned work that was done, 0 to 1: under a half, the
    #: move counts as not played.
    share: float = 1.0

    def __post_init__(self) -> None:
        if not self.exercise_id:
            raise ValueError("a move rating needs an exercise_id")
        if self.sets < 0 or self.sets > 1000:
            raise ValueError(f"sets must be 0 to 1000, got {self.sets}")
        if not 0 <= self.amount <= 100_000:  # also refuses NaN
            raise ValueError(f"amount must be 0 to 100000, got {self.amount}")
        if not 0 <= self.share <= 1:
            raise ValueError(f"share must be 0 to 1, got {self.share}")

    @property
    def steady(self) -> bool:
        """Form held: the player said so and, with the camera on, it measured so.

        A measured wobble is never rated up by the player's word, and the player's
        own "a bit wobbly" is never overruled by a still picture.
        """
        measured_ok = self.measured_form is None or self.measured_form is Form.STEADY
        return self.form is Form.STEADY and measured_ok

    @property
    def all_good(self) -> bool:
        """Steady, not too hard, no pain: the rating that lets a dose grow."""
        return self.steady and self.effort is not Effort.HARD and self.pain is Pain.NONE


def worst_form(forms: list[Form] | tuple[Form, ...]) -> Form:
    """The level-wide form: the shakiest move decides it."""
    return max(forms, key=_FORM_RANK.__getitem__, default=Form.STEADY)


def worst_pain(pains: list[Pain] | tuple[Pain, ...]) -> Pain:
    """The level-wide pain: the worst move decides it."""
    return max(pains, key=_PAIN_RANK.__getitem__, default=Pain.NONE)
