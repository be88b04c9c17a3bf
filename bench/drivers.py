"""Child processes for the benchmark: the real game and a bare pygame loop.

    python bench/drivers.py MODE [SECONDS] [SAVES_DIR]

Each mode runs in its own process so that CPU use and start-up are measured
the way a player meets them, and so the game and the bare loop are measured
the same way, one right after the other.

Modes:

- ``bare-loop SECONDS``: a 60 FPS ``pygame.time.Clock`` loop that fills and
  flips a 1280x720 window, the least any pygame game can cost.
- ``game-play SECONDS SAVES``: the real ``App`` with content, store and sound
  wired as ``game.cli.launch`` wires them, playing the first level.
- ``game-play-camera SECONDS SAVES``: ``game-play`` with the stillness meter
  on, reading the practice camera (160x120 grayscale frames at 10 per second).
- ``game-menu SECONDS SAVES``: the same ``App`` sitting on the main menu.
- ``bare-start``: import pygame, open a 1280x720 SCALED window, flip once.
- ``game-start SAVES``: the real command line (``game.cli.main.main``) until the
  first frame is presented.

Loop modes print one JSON line with the CPU seconds (user + system) and the
wall seconds of the loop alone, measured in the child with
``RUSAGE_SELF`` so that start-up does not count. Start modes print
``time.monotonic()`` (CLOCK_MONOTONIC, shared by every process) right after
the first flip and exit at once.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 720)


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _report(cpu: float, wall: float, frames: int, draws: int, top: str = "") -> None:
    figures = {"cpu": cpu, "wall": wall, "frames": frames, "draws": draws, "top": top}
    print(json.dumps(figures), flush=True)


def bare_loop(seconds: float) -> None:
    import pygame

    pygame.display.init()
    screen = pygame.display.set_mode(SIZE, pygame.SCALED | pygame.RESIZABLE)
    clock = pygame.time.Clock()
    frames = 0
    cpu0, wall0 = _cpu_seconds(), time.monotonic()
    end = wall0 + seconds
    while time.monotonic() < end:
        pygame.event.pump()
        screen.fill((30, 40, 60))
        pygame.display.flip()
        frames += 1
        clock.tick(60)
    _report(_cpu_seconds() - cpu0, time.monotonic() - wall0, frames, frames)
    pygame.quit()


def bare_start() -> None:
    import pygame

    pygame.display.init()
    screen = pygame.display.set_mode(SIZE, pygame.SCALED)
    screen.fill((30, 40, 60))
    pygame.display.flip()
    print(repr(time.monotonic()), flush=True)
    os._exit(0)


def game_start(saves: Path) -> None:
    """The real command line; the first presented frame ends the process."""
    sys.path.insert(0, str(ROOT))
    import pygame

    real_flip = pygame.display.flip

    def first_flip() -> None:
        real_flip()
        print(repr(time.monotonic()), flush=True)
        os._exit(0)

    pygame.display.flip = first_flip
    from game.cli.main import main

    main(["--saves", str(saves)])
    raise SystemExit("the game ended without presenting a frame")


def game_loop(seconds: float, saves: Path, *, play: bool, camera: bool = False) -> None:
    """The real App, wired like ``game.cli.launch._run_window``, for ``seconds``."""
    sys.path.insert(0, str(ROOT))
    import pygame

    from game.audio.player import CuePlayer
    from game.clock import MonotonicClock
    from game.content import assets_dir, load_content
    from game.player.data import PlayerData
    from game.store import open_store
    from game.ui.loop import App, AppOptions
    from game.ui.navigation import main_menu
    from game.ui.scenes.player_scene import PlayerScene, PlayRequest

    clock = MonotonicClock()
    content = load_content()
    store = open_store(saves, now=clock.now_utc)
    profile_id = min(p.id for p in store.profiles())
    app = App(AppOptions(saves_dir=saves, fonts_dir=assets_dir() / "fonts", clock=clock))
    ctx = app.ctx
    ctx.content = content
    ctx.store = store
    ctx.audio = CuePlayer()
    menu = main_menu(ctx, profile_id)
    first = menu
    if play:
        data = PlayerData(store, content, clock, profile_id)
        level = content.stage_levels("stabilize")[0]
        settings = data.settings()
        if camera:
            from game.ui.camera.providers import PracticeCamera

            ctx.cameras = PracticeCamera(content)
            settings = settings.with_changes(camera=True)
        player = PlayerScene(ctx, PlayRequest(level), settings=settings)
        ctx.scenes.push(menu)
        first = player
    draws = 0
    real_flip = pygame.display.flip

    def counted_flip() -> None:
        nonlocal draws
        draws += 1
        real_flip()

    pygame.display.flip = counted_flip
    on_top: list[str] = []

    def stop() -> None:
        top = ctx.scenes.top
        on_top.append(type(top).__name__)
        ctx.request_quit()

    timer = threading.Timer(seconds, stop)
    cpu0, wall0 = _cpu_seconds(), time.monotonic()
    timer.start()
    app.run(first)
    cpu, wall = _cpu_seconds() - cpu0, time.monotonic() - wall0
    _report(cpu, wall, app.frames, draws, on_top[0] if on_top else "")
    ctx.audio.close()
    store.close()


def main(argv: list[str]) -> int:
    mode = argv[0]
    if mode == "bare-loop":
        bare_loop(float(argv[1]))
    elif mode == "bare-start":
        bare_start()
    elif mode == "game-start":
        game_start(Path(argv[1]))
    elif mode in ("game-play", "game-menu", "game-play-camera"):
        game_loop(
            float(argv[1]),
            Path(argv[2]),
            play=mode != "game-menu",
            camera=mode == "game-play-camera",
        )
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
