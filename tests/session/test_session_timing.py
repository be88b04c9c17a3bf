"""Timing accuracy over a long level with uneven frames, pauses and time-scale."""

from __future__ import annotations

import random

import pytest
from session_builders import content, exercise, flow, hold, level, reps, step

from game.clock import FakeClock, FixedStep
from game.content.model import Superset, Tempo
from game.session.events import Event, LevelCompleted, Paused, PhaseStarted, Resumed
from game.session.phases import Timeline
from game.session.player import SessionPlayer
from game.session.timeline import compile_level

STEP = 1 / 120


def ten_minute_level() -> Timeline:
    exercises = [
        exercise("tilt", reps(8, Tempo(2, 1, 3, 0))),
        exercise("bird", reps(5, Tempo(2, 2, 3, 0), alternate=True), breath="effort_on_exhale"),
        exercise("plank", hold(20, each_side=True, sets=2, rest_seconds=20)),
        exercise("bug", hold(None, breaths=4, sets=2)),
        exercise("bridge", reps(6, Tempo(3, 2, 3, 1)), breath="effort_on_exhale"),
        exercise("rock", flow(45)),
    ]
    lv = level(
        [
            step("bird", 30),
            step("plank", 30),
            Superset(steps=(step("bug"), step("bridge", 30)), rounds=2, rest_between_rounds=30),
        ],
        warmup=[step("tilt", 15)],
        cooldown=[step("rock")],
    )
    return compile_level(lv, content(exercises))


def test_the_sample_level_lasts_about_ten_minutes() -> None:
    assert 540 <= ten_minute_level().total <= 720


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_hitches_land_every_event_within_one_step_without_drift(seed: int) -> None:
    rng = random.Random(seed)
    tl = ten_minute_level()
    clock = FakeClock()
    fixed = FixedStep(step=STEP, max_catch_up=0.25)
    player = SessionPlayer(tl, clock)
    seen: list[Event] = []
    running_steps = 0
    paused_steps = 0
    last = clock.monotonic()
    while not player.finished:
        clock.advance(rng.uniform(0.001, 0.25))
        now = clock.monotonic()
        dt, last = now - last, now
        if player.paused:
            if rng.random() < 0.02:
                player.resume()
        elif rng.random() < 0.002:
            player.pause()
        for _ in range(fixed.advance(dt)):
            was_running = not player.paused and not player.finished
            for ev in player.update(fixed.step):
                lag = player.position - ev.t
                assert -1e-9 <= lag <= STEP + 1e-9, (ev, lag)
                seen.append(ev)
            running_steps += was_running
            paused_steps += player.paused
    scheduled = [e for e in seen if not isinstance(e, Paused | Resumed)]
    assert scheduled == list(tl.events)  # every cue, once, in order
    assert sum(isinstance(e, PhaseStarted) for e in seen) == len(tl)
    assert isinstance(seen[-1], LevelCompleted)
    assert fixed.dropped == 0.0  # frames up to 250 ms fit under the cap
    assert player.elapsed_exercise_seconds == pytest.approx(tl.total, abs=1e-6)
    overshoot = running_steps * STEP - tl.total  # the last step may pass the end
    assert 0.0 <= overshoot < STEP + 1e-9
    assert paused_steps > 0  # the pauses happened, and none of their time counted
    assert running_steps + paused_steps <= fixed.steps_run  # the rest: after the end
    wall = clock.monotonic()
    assert wall == pytest.approx((fixed.steps_run + fixed.alpha) * STEP, abs=1e-6)
