"""The rules that read a measurement: the verdict, the check-in pre-fill, mastery."""

from __future__ import annotations

from game.motion.report import (
    MotionReport,
    measured_form,
    prefill_form,
)
from game.session.result import Form, Side


def _report(ex: str, form: Form, side: Side = Side.BOTH, share: float = 0.9) -> MotionReport:
    return MotionReport(ex, side, 10.0, 100, share, form)


def test_the_verdict_follows_the_share_of_still_frames() -> None:
    assert measured_form(0.95, 0.85, 0.55) is Form.STEADY
    assert measured_form(0.85, 0.85, 0.55) is Form.STEADY
    assert measured_form(0.7, 0.85, 0.55) is Form.WOBBLY
    assert measured_form(0.2, 0.85, 0.55) is Form.LOST


def test_prefill_takes_the_least_steady_hold_of_the_move() -> None:
    reports = [
        _report("bird_dog", Form.STEADY, Side.LEFT),
        _report("bird_dog", Form.WOBBLY, Side.RIGHT),
        _report("bridge", Form.LOST),
    ]
    assert prefill_form(reports, "bird_dog") is Form.WOBBLY
    assert prefill_form(reports, "bird_dog", Side.LEFT) is Form.STEADY
    assert prefill_form(reports, "bridge") is Form.LOST
    assert prefill_form(reports, "plank") is None
    assert prefill_form([], "bird_dog") is None
