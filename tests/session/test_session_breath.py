"""The breath pacer on its own."""

from __future__ import annotations

import pytest

from game.session.breath import BreathPacer, BreathPhase
from game.session.settings import SessionSettings


def test_default_is_two_in_four_out_ten_a_minute() -> None:
    pacer = SessionSettings().pacer
    assert (pacer.inhale, pacer.exhale, pacer.cycle) == (2.0, 4.0, 6.0)
    assert pacer.breaths_per_minute == pytest.approx(10.0)
    assert pacer.phase_at(0.0).phase is BreathPhase.IN
    assert pacer.phase_at(1.0).fraction == pytest.approx(0.5)
    s = pacer.phase_at(2.0)
    assert (s.phase, s.fraction, s.index) == (BreathPhase.OUT, 0.0, 0)
    assert pacer.phase_at(5.0).fraction == pytest.approx(0.75)
    s = pacer.phase_at(6.0)
    assert (s.phase, s.index) == (BreathPhase.IN, 1)


def test_even_ratio_and_long_inhale() -> None:
    even = SessionSettings(ratio=1.0).pacer
    assert even.cycle == 4.0
    assert even.phase_at(2.5).phase is BreathPhase.OUT
    slow = SessionSettings(inhale_seconds=5.0).pacer
    assert slow.cycle == 15.0
    assert slow.phase_at(4.9).phase is BreathPhase.IN
    assert slow.phase_at(5.0).phase is BreathPhase.OUT
    assert slow.phase_at(14.9).phase is BreathPhase.OUT


def test_before_the_anchor_counts_backwards() -> None:
    s = BreathPacer().phase_at(-1.0)
    assert (s.phase, s.index) == (BreathPhase.OUT, -1)
    assert s.fraction == pytest.approx(0.75)


def test_crossings_are_half_open_and_ordered() -> None:
    pacer = BreathPacer()
    got = list(pacer.crossings(anchor=10.0, start=10.0, end=22.0))
    assert got == [
        (10.0, BreathPhase.IN, 0),
        (12.0, BreathPhase.OUT, 0),
        (16.0, BreathPhase.IN, 1),
        (18.0, BreathPhase.OUT, 1),
    ]
    assert list(pacer.crossings(anchor=0.0, start=1.0, end=2.0)) == []


def test_hold_in_breaths_is_whole_cycles() -> None:
    assert BreathPacer(3.0, 2.0).seconds_for(4) == 36.0


@pytest.mark.parametrize(
    "kwargs",
    [
        {"inhale_seconds": 1.5},
        {"inhale_seconds": 6.0},
        {"ratio": 1.5},
        {"hold_scale": 2.0},
        {"rest_seconds": -1.0},
    ],
)
def test_settings_are_validated(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        SessionSettings(**kwargs)  # type: ignore[arg-type]


def test_rest_setting_replaces_or_scales_but_keeps_zero() -> None:
    assert SessionSettings(rest_seconds=20.0).rest(45.0) == 20.0
    assert SessionSettings(rest_seconds=20.0).rest(0.0) == 0.0
    assert SessionSettings(rest_scale=0.5).rest(30.0) == 15.0
