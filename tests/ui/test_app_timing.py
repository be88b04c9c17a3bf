"""The game's own loop feeds a level: fixed steps, a capped catch-up, time-scale.

These drive ``App.frame`` itself, with uneven frame times and a player scene on
top, as the running game does (the harness's app: a fake clock, SDL's dummy
driver).
"""

from __future__ import annotations

import pygame
import pytest
from harness import Harness, MakeHarness

from game.ui.loop import FIXED_STEP, MAX_CATCH_UP, App
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.player_scene import PlayerScene, PlayRequest


def _app(h: Harness) -> tuple[App, PlayerScene]:
    scene = h.push(PlayerScene(h.ctx, PlayRequest(h.content.stage_levels("stabilize")[0])))
    return h.app, scene


@pytest.fixture()
def played(harness: Harness) -> tuple[App, PlayerScene]:
    return _app(harness)


@pytest.fixture()
def fast(make_harness: MakeHarness) -> tuple[App, PlayerScene]:
    return _app(make_harness(time_scale=20.0))


def test_a_stall_beyond_the_cap_is_played_as_a_pause(played: tuple[App, PlayerScene]) -> None:
    app, scene = played
    app.frame(1 / 60)
    before = scene.player.position
    app.frame(10.0)  # the window was dragged for ten seconds
    assert scene.player.position - before == pytest.approx(MAX_CATCH_UP, abs=FIXED_STEP)
    assert app.fixed.dropped == pytest.approx(10.0 - MAX_CATCH_UP, abs=FIXED_STEP)
    assert scene.player.elapsed_exercise_seconds == pytest.approx(scene.player.position)


def test_uneven_frames_add_up_to_the_time_that_passed(played: tuple[App, PlayerScene]) -> None:
    app, scene = played
    frames = [0.004, 0.031, 0.25, 0.016, 0.1, 0.002] * 20
    for dt in frames:
        app.frame(dt)
    assert scene.player.position == pytest.approx(sum(frames), abs=FIXED_STEP)
    assert app.fixed.dropped == 0.0


def test_time_scale_runs_the_level_faster_through_the_loop(
    fast: tuple[App, PlayerScene],
) -> None:
    app, scene = fast
    for _ in range(60):  # one second of frames
        app.frame(1 / 60)
    assert scene.player.position == pytest.approx(20.0, abs=20 * FIXED_STEP)


def test_a_pause_key_stops_the_level_between_frames(played: tuple[App, PlayerScene]) -> None:
    app, scene = played
    app.frame(0.5)
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_SPACE, mod=0, unicode=" "))
    app.frame(1 / 60)
    stopped = scene.player.position
    for _ in range(30):
        app.frame(0.1)
    assert scene.player.position == stopped and scene.player.paused
    assert isinstance(app.ctx.scenes.top, PauseScene)
