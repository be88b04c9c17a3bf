"""What the camera measured over one hold, and the rules that read it.

A :class:`MotionReport` is plain data: the session result carries a tuple of
them (empty without a camera) and the save store keeps them, so the measured
rating stays beside the one the player chose.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from game.session.result import Form, Side


class WobbleKind(str, enum.Enum):
    """Why a stretch of a hold was not still."""

    JOLT = "jolt"  # a quick change from one frame to the next (a hip drop, a shift)
    DRIFT = "drift"  # a slow settle away from where the hold began (a limb sinking)
    OUT_OF_VIEW = "out_of_view"  # the picture no longer shows the start position


@dataclass(frozen=True, slots=True)
class Wobble:
    """One unsteady stretch, in seconds from the start of the hold."""

    start: float
    end: float
    kind: WobbleKind

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end or self.end != self.end:
            raise ValueError(f"a wobble needs 0 <= start <= end, got {self.start}..{self.end}")


@dataclass(frozen=True, slots=True)
class MotionReport:
    """The measured steadiness of one hold of one exercise, on one side.

    ``steadiness`` is the share (0..1) of the hold's frames that stayed under
    both thresholds; ``form`` is the rating that share earns (see
    :func:`measured_form`), kept so a later change of thresholds does not
    rewrite what a past session measured.
    """

    exercise_id: str
    side: Side
    seconds: float
    frames: int
    steadiness: float
    form: Form
    wobbles: tuple[Wobble, ...] = ()

    def __post_init__(self) -> None:
        if not self.exercise_id:
            raise ValueError("exercise_id must not be empty")
        if not 0.0 <= self.steadiness <= 1.0:
            raise ValueError(f"steadiness must be within 0..1, got {self.steadiness}")
        if self.frames < 0:
            raise ValueError(f"frames must not be negative, got {self.frames}")
        if not 0 <= self.seconds < float("inf"):
            raise ValueError(f"seconds must be a non-negative number, got {self.seconds}")

    @property
    def percent(self) -> int:
        return round(self.steadiness * 100)


def measured_form(steadiness: float, steady_share: float, wobbly_share: float) -> Form:
    """The form rating a measured share of still frames earns."""
    if steadiness >= steady_share:
        return Form.STEADY
    if steadiness >= wobbly_share:
        return Form.WOBBLY
    return Form.LOST


_ORDER = {Form.STEADY: 0, Form.WOBBLY: 1, Form.LOST: 2}


def prefill_form(
    reports: Sequence[MotionReport], exercise_id: str, side: Side | None = None
) -> Form | None:
    """The rating to pre-fill a move's check-in with, or None when nothing was measured.

    A move held several times (sets, sides) takes its least steady hold: the
    check-in asks whether form held, and one lost hold means it did not.
    """
    found = [
        r.form for r in reports if r.exercise_id == exercise_id and (side is None or r.side is side)
    ]
    return max(found, key=_ORDER.__getitem__) if found else None
