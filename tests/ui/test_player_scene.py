"""A whole level played through the real player scene, headless, on a fake clock."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

import pytest
from harness import Harness, MakeHarness

from game.clock import FakeClock
from game.session.events import BreatheIn, BreatheOut, LevelCompleted, PhaseStarted
from game.session.result import Form, Pain, SessionResult
from game.ui.scene import Scene
from game.ui.scenes.checkin import SHARP_PAIN_ADVICE, CheckInScene
from game.ui.scenes.pause import ConfirmScene, PauseScene
from game.ui.scenes.player_scene import PlayerScene, PlayRequest

STEP = 1 / 120


def _start(h: Harness) -> tuple[PlayerScene, list[SessionResult]]:
    """The first level of the first stage over another screen; the list gets its result."""
    results: list[SessionResult] = []
    level = h.content.stage_levels("stabilize")[0]
    h.push(Scene(h.ctx))
    scene = h.push(PlayerScene(h.ctx, PlayRequest(level)), on_result=results.append)
    return scene, results


def _run(h: Harness, scene: PlayerScene, limit: float) -> float:
    """Play until the scene hands over to the check-in; returns the seconds used."""
    used = 0.0
    for used in h.frames(limit, frame=STEP):
        if used % 5.0 < STEP:
            h.draw()  # drawing mid-level never fails and never changes state
        if h.top is not scene:
            break
    return used


def test_whole_level_emits_every_event_in_order_at_its_time(harness: Harness) -> None:
    scene, results = _start(harness)
    level = scene.request.level
    total = scene.timeline.total
    used = _run(harness, scene, limit=total + 5)

    expected = list(scene.timeline.events)
    got = scene.log
    assert [type(e).__name__ for e in got] == [type(e).__name__ for e in expected]
    for want, have in zip(expected, got, strict=True):
        assert have == want
        assert have.t == pytest.approx(want.t, abs=1e-9)
    assert all(a.t <= b.t for a, b in itertools.pairwise(got))
    assert isinstance(got[0], PhaseStarted)
    assert isinstance(got[-1], LevelCompleted)
    assert got[-1].t == pytest.approx(total)
    assert used == pytest.approx(total, abs=STEP + 1e-6)
    assert any(isinstance(e, BreatheIn) for e in got) and any(
        isinstance(e, BreatheOut) for e in got
    )

    # The form and pain check follows, then the result comes back.
    check = harness.top
    assert isinstance(check, CheckInScene)
    assert [m.exercise_id for m in check.moves] == list(scene.timeline.exercise_ids())
    harness.press("return")  # one key: every move steady, right, no pain
    assert results, "the result was handed on"
    assert harness.top is not scene, "and the level's screen has gone"
    result = results[0]
    assert result.completed and result.form is Form.STEADY and result.pain is Pain.NONE
    assert result.level_id == level.id
    assert result.active_seconds == pytest.approx(total, abs=1e-6)
    assert result.total_seconds_held > 0


def test_pause_stops_exercise_time_and_quit_asks_first(harness: Harness) -> None:
    scene, results = _start(harness)
    harness.step(2.0)
    before = scene.player.position
    harness.press("space")
    pause = harness.top
    assert isinstance(pause, PauseScene)
    harness.step(5.0)  # the app only updates the top scene; the level is frozen
    assert scene.player.position == before
    harness.draw()
    # Quit asks for confirmation; "no" goes back to the pause menu.
    harness.press("q")
    confirm = harness.top
    assert isinstance(confirm, ConfirmScene)
    harness.press("y")
    check = harness.top
    assert isinstance(check, CheckInScene) and not check.completed
    harness.press("down")  # the first move
    harness.press("2")  # a bit wobbly
    harness.press("9")  # sharp pain
    harness.press("shift+tab", "shift+tab")  # round to "Save these answers"
    harness.press("return")  # sharp pain: advice first
    assert check.step == "advice"
    harness.draw()
    assert SHARP_PAIN_ADVICE
    harness.press("return")
    result = results[0]
    assert not result.completed
    assert result.pain is Pain.SHARP and result.form is Form.WOBBLY
    first = result.ratings[0]
    assert (first.form, first.pain) == (Form.WOBBLY, Pain.SHARP)
    assert all(r.pain is Pain.NONE for r in result.ratings[1:])
    assert result.active_seconds == pytest.approx(before, abs=1e-6)


def test_time_scale_runs_the_session_faster_but_records_exercise_time(
    make_harness: MakeHarness,
) -> None:
    h = make_harness(time_scale=20.0)
    scene, _ = _start(h)
    total = scene.timeline.total
    used = _run(h, scene, limit=total)
    assert used == pytest.approx(total / 20.0, abs=2 * STEP)
    assert [e.t for e in scene.log] == [e.t for e in scene.timeline.events]


def test_the_player_screen_redraws_about_30_times_a_second(harness: Harness) -> None:
    scene, _ = _start(harness)
    draws = 0
    for _ in range(120 * 10):  # ten seconds of logic steps
        scene.dirty = False
        harness.step(STEP)
        draws += scene.dirty
    # 30 per second, plus at most one extra for each event second (ticks, breaths)
    assert 300 <= draws <= 300 + 3 * 10


@pytest.mark.parametrize("jump_hours", [-24, -1, 30], ids=["back-a-day", "back-an-hour", "ahead"])
def test_a_wall_clock_changed_mid_level_still_records_a_sane_session(
    make_harness: MakeHarness, jump_hours: int
) -> None:
    """The player finishes a level after the computer's clock was changed during it."""
    zone = timezone(timedelta(hours=2))
    start = datetime(2026, 3, 10, 7, 0, tzinfo=timezone.utc)
    h = make_harness(clock=FakeClock(start_utc=start, tz=zone))
    clock = h.clock
    scene, results = _start(h)
    h.step(60.0)  # a minute in, the clock is changed
    clock.utc = clock.utc + timedelta(hours=jump_hours)
    _run(h, scene, limit=scene.timeline.total + 5)
    assert isinstance(h.top, CheckInScene)
    h.press("return")

    (result,) = results
    assert result.ended_at == clock.now_utc()
    assert result.local_date == clock.local_now().date()
    assert result.utc_offset_minutes == 120
    played = (result.ended_at - result.started_at).total_seconds()
    assert played == pytest.approx(scene.timeline.total, abs=1.0)
