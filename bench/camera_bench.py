"""The stillness meter's cost: frame time and CPU with the camera on, beside it off.

The camera is the practice one (``game.ui.camera.providers.PracticeCamera``): a
``FakeCamera`` playing 160x120 grayscale pictures drawn from the guide, read
at 10 per second by the same ``CameraFeed`` thread a real camera uses, so the
capture, the shrinking and the per-frame comparison all run as in play.

- Frame cost: the player scene of the first stabilization level from the
  start of its first timed hold, frames back to back as in the main frame
  measure; blocks of 100 frames with the camera on and 100 with it off
  alternate, each scene with its own player at the same place. The frames
  run faster than real time, so the practice camera is clocked by the
  scene's own play time: a reading is due every sixth frame, as at 60 frames
  a second in play, and the feed's thread wakes often enough to deliver it.
  Both scenes share the window, so the first frame after each switch is a
  full redraw and is left out of both.
- CPU: the real ``App`` playing the first level (``bench/drivers.py``
  ``game-play-camera`` beside ``game-play``), in alternating child processes.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

STEP = 1.0 / 120.0
BLOCK = 100


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


class _PlayTime:
    """The practice camera's clock: the scene's play time, not the wall's."""

    def __init__(self) -> None:
        self.scene: Any = None

    def monotonic(self) -> float:
        return float(self.scene.player.position) if self.scene is not None else 0.0


def frame_cost(frames: int) -> dict[str, Any]:
    """ms per frame with the meter on and off, in a hold, a reading every sixth frame."""
    from game.clock import FakeClock
    from game.content import assets_dir, load_content
    from game.motion.thresholds import load_thresholds
    from game.session.phases import PhaseKind
    from game.ui.camera.feed import CameraFeed
    from game.ui.camera.providers import PracticeCamera
    from game.ui.camera.stillness import StillnessWatch
    from game.ui.context import AppContext
    from game.ui.scene import SceneStack
    from game.ui.scenes.player_scene import PlayerScene, PlayRequest
    from game.ui.theme import Theme

    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode((1280, 720), pygame.SCALED | pygame.RESIZABLE)
    content = load_content()
    level = content.stage_levels("stabilize")[0]
    scenes = []
    play_time = _PlayTime()
    for camera in (True, False):
        ctx = AppContext(Theme(assets_dir() / "fonts"), SceneStack(), FakeClock(), content)
        scene = PlayerScene(ctx, PlayRequest(level))
        if camera:
            source = PracticeCamera(content).open("")
            assert source is not None
            feed = CameraFeed(source, block=load_thresholds().block, fps=600.0, clock=play_time)
            scene.watch = StillnessWatch(feed)
            play_time.scene = scene
        ctx.scenes.push(scene)
        ctx.scenes.apply_pending()
        while scene.player.phase.kind is not PhaseKind.HOLD:
            scene.update(STEP)
        scenes.append(scene)
    on, off = scenes
    clock = time.perf_counter
    times: dict[bool, list[float]] = {True: [], False: []}
    for scene in scenes:  # warm the caches
        for _ in range(60):
            scene.update(STEP)
            scene.update(STEP)
            scene.draw(screen)
            pygame.display.flip()
    while len(times[True]) < frames:
        for scene, key in ((on, True), (off, False)):
            screen.fill((0, 0, 0))
            scene.invalidate()
            for i in range(BLOCK + 1):
                start = clock()
                scene.update(STEP)
                scene.update(STEP)
                scene.draw(screen)
                pygame.display.flip()
                if i:  # the first frame after a switch is a full one, a bench artefact
                    times[key].append((clock() - start) * 1000.0)
            pygame.event.pump()
    watch = on.watch
    assert watch is not None
    readings = watch.feed.frames_read
    reports = len(watch.reports)
    watch.close()
    pygame.display.quit()
    return {
        "on": times[True],
        "off": times[False],
        "readings": readings,
        "reports": reports,
        "showing": watch.showing,
    }


def cpu(
    run: Callable[[str, float, Path], dict[str, float]], seconds: float, saves: Path, pairs: int
) -> dict[str, Any]:
    """Loop CPU % of one core, camera on and off, in ``pairs`` alternating runs."""
    on, off = [], []
    for _ in range(pairs):
        off.append(run("game-play", seconds, saves))
        on.append(run("game-play-camera", seconds, saves))
    return {
        "on": statistics.median(f["loop_pct"] for f in on),
        "off": statistics.median(f["loop_pct"] for f in off),
        "on_runs": [f["loop_pct"] for f in on],
        "off_runs": [f["loop_pct"] for f in off],
        "frames": on[-1]["frames"],
        "wall": on[-1]["wall"],
    }


def summarise(frame: dict[str, Any], used: dict[str, Any]) -> dict[str, float]:
    return {
        "p99_on": _pct(frame["on"], 0.99),
        "p99_off": _pct(frame["off"], 0.99),
        "med_on": statistics.median(frame["on"]),
        "med_off": statistics.median(frame["off"]),
        "cpu_on": used["on"],
        "cpu_off": used["off"],
        "cpu_delta": used["on"] - used["off"],
    }
