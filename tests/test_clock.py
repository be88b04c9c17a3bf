"""Clock sources and the fixed-step accumulator."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from game.clock import (
    FakeClock,
    FixedStep,
    MonotonicClock,
    local_date,
    utc_offset_minutes,
)

UTC = timezone.utc


def test_monotonic_clock_moves_forward_and_is_aware() -> None:
    clock = MonotonicClock()
    a = clock.monotonic()
    b = clock.monotonic()
    assert b >= a
    assert clock.now_utc().utcoffset() == timedelta(0)
    assert clock.local_now().tzinfo is not None


def test_fake_clock_advances_monotonic_and_wall_time_together() -> None:
    start = datetime(2024, 3, 1, 23, 59, 0, tzinfo=UTC)
    clock = FakeClock(start_monotonic=100.0, start_utc=start)
    clock.advance(90.0)
    assert clock.monotonic() == 190.0
    assert clock.now_utc() == start + timedelta(seconds=90)
    assert local_date(clock) == date(2024, 3, 2)


def test_fake_clock_refuses_to_go_backwards_but_wall_time_may() -> None:
    clock = FakeClock()
    with pytest.raises(ValueError):
        clock.advance(-1.0)
    clock.utc = datetime(2020, 1, 1, tzinfo=UTC)
    assert clock.now_utc().year == 2020
    assert clock.monotonic() == 0.0
    with pytest.raises(ValueError):
        clock.utc = datetime(2020, 1, 1)  # naive


def test_fake_clock_zone_changes_local_date_and_offset() -> None:
    clock = FakeClock(start_utc=datetime(2024, 6, 1, 22, 30, tzinfo=UTC))
    assert local_date(clock) == date(2024, 6, 1)
    assert utc_offset_minutes(clock) == 0
    clock.tz = timezone(timedelta(hours=5, minutes=30))
    assert local_date(clock) == date(2024, 6, 2)
    assert utc_offset_minutes(clock) == 330
    assert clock.local_now().utcoffset() == timedelta(hours=5, minutes=30)


def test_fixed_step_counts_whole_steps_and_alpha() -> None:
    fs = FixedStep(step=0.1, max_catch_up=1.0)
    assert fs.advance(0.25) == 2
    assert fs.alpha == pytest.approx(0.5)
    assert fs.advance(0.05) == 1
    assert fs.alpha == pytest.approx(0.0, abs=1e-6)
    assert fs.advance(0.0) == 0
    assert fs.advance(-0.3) == 0  # a clock hiccup is ignored
    assert fs.steps_run == 3


def test_fixed_step_caps_catch_up_and_reports_dropped_time() -> None:
    fs = FixedStep(step=1 / 120, max_catch_up=0.25)
    assert fs.advance(2.0) == 30
    assert fs.last_dropped == pytest.approx(1.75)
    assert fs.dropped == pytest.approx(1.75)
    assert fs.advance(0.1) == 12
    assert fs.last_dropped == 0.0


def test_fixed_step_does_not_drift_over_a_long_run() -> None:
    fs = FixedStep(step=1 / 120)
    frames = 60 * 60 * 10  # ten minutes at 60 fps
    total = sum(fs.advance(1 / 60) for _ in range(frames))
    assert total == frames * 2
    assert fs.simulated_seconds == pytest.approx(600.0, abs=1e-9)


def test_fixed_step_rejects_bad_settings() -> None:
    with pytest.raises(ValueError):
        FixedStep(step=0.0)
    with pytest.raises(ValueError):
        FixedStep(step=0.1, max_catch_up=0.05)


def test_only_clock_reads_the_wall_clock() -> None:
    from pathlib import Path

    import game.session

    for path in Path(game.session.__file__).parent.glob("*.py"):
        text = path.read_text()
        for needle in ("time.monotonic", "datetime.now", "time.time(", "date.today"):
            assert needle not in text, f"{path.name} reads the clock ({needle})"
