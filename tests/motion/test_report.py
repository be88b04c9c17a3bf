"""The rules that read a measurement: the verdict, the check-in pre-fill, mastery."""

from __future__ import annotations

import pytest

from game.motion.report import (
    MotionReport,
    Wobble,
    WobbleKind,
    counts_as_steady,
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


def test_with_the_camera_the_measurement_decides_mastery() -> None:
    steady = [_report("x", Form.STEADY), _report("x", Form.STEADY)]
    one_wobble = [_report("x", Form.STEADY), _report("x", Form.WOBBLY, share=0.6)]
    assert counts_as_steady(Form.STEADY, steady)
    assert counts_as_steady(Form.WOBBLY, steady)  # measured steady counts, modest rating or not
    assert not counts_as_steady(Form.STEADY, one_wobble)  # a measured wobble is not rated up


def test_without_the_camera_the_players_word_counts_as_before() -> None:
    assert counts_as_steady(Form.STEADY, None)
    assert counts_as_steady(Form.STEADY, [])
    assert not counts_as_steady(Form.WOBBLY, None)
    assert not counts_as_steady(Form.LOST, [])


def test_reports_and_wobbles_refuse_nonsense() -> None:
    with pytest.raises(ValueError, match="steadiness"):
        MotionReport("x", Side.BOTH, 1.0, 10, 1.5, Form.STEADY)
    with pytest.raises(ValueError, match="exercise_id"):
        MotionReport("", Side.BOTH, 1.0, 10, 0.5, Form.STEADY)
    with pytest.raises(ValueError, match="frames"):
        MotionReport("x", Side.BOTH, 1.0, -1, 0.5, Form.STEADY)
    with pytest.raises(ValueError, match="start <= end"):
        Wobble(3.0, 2.0, WobbleKind.JOLT)
    assert _report("x", Form.STEADY, share=0.876).percent == 88
