"""Starting the game: lock the saves, show a first frame, then load and go.

The save folder is opened (and locked) before any window appears, so a second
copy of the game on the same folder refuses at once with a clear message and a
non-zero exit code. The window then shows a title card straight away
(:mod:`game.ui.scenes.splash`) and everything else loads behind it: the level files,
the sound, the first screen. Those imports and checks take several times as
long as opening the window, and a player should see the game answer at once.
What the store had to repair is shown to the player on the first screen; an
unreadable save leads to a screen that asks before anything is replaced.
Which screen that is, and where the menus lead from it, is
:mod:`game.ui.navigation`.

Only the clock is imported with this module; each step imports what it needs
when it runs, so nothing heavy is loaded before the first frame.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game.clock import Clock, MonotonicClock

if TYPE_CHECKING:
    from game.store import SaveStore
    from game.ui.context import AppContext
    from game.ui.scene import Scene
    from game.ui.scenes.splash import Splash

#: What a content load problem looks like on the title screen.
CONTENT_NOTICE = "{count} problem(s) in the level files; run 'python -m game check' for details."


def play(
    *,
    saves_dir: Path,
    time_scale: float = 1.0,
    fullscreen: bool = False,
    max_frames: int | None = None,
    clock: Clock | None = None,
) -> int:
    """Run the game until the player quits. Returns the exit code."""
    from game.store import SaveLocked, SaveUnreadable, StoreError, open_store

    clock = clock or MonotonicClock()
    store: SaveStore | None = None
    unreadable: SaveUnreadable | None = None
    try:
        store = open_store(saves_dir, now=clock.now_utc)
    except SaveLocked as exc:
        print(f"spine-quest: {exc}", file=sys.stderr)
        return 1
    except SaveUnreadable as exc:
        unreadable = exc
    except StoreError as exc:
        print(f"spine-quest: the save folder {saves_dir} cannot be used: {exc}", file=sys.stderr)
        return 1
    try:
        return _run_window(saves_dir, store, unreadable, clock, time_scale, fullscreen, max_frames)
    finally:
        if store is not None:
            store.close()


def _run_window(
    saves_dir: Path,
    store: SaveStore | None,
    unreadable: Exception | None,
    clock: Clock,
    time_scale: float,
    fullscreen: bool,
    max_frames: int | None,
) -> int:
    import pygame

    from game.content.paths import assets_dir
    from game.ui.loop import App, AppOptions, DisplayUnavailable
    from game.ui.scenes.splash import Splash

    options = AppOptions(
        saves_dir=saves_dir,
        time_scale=time_scale,
        fullscreen=fullscreen,
        max_frames=max_frames,
        fonts_dir=assets_dir() / "fonts",
        clock=clock,
    )
    try:
        app = App(options)
    except DisplayUnavailable as exc:
        print(
            f"Spine Quest needs a screen to open its window, and none was found ({exc}).\n"
            "Start it from a desktop session, or on a server use: xvfb-run spine-quest",
            file=sys.stderr,
        )
        return 1
    ctx = app.ctx
    ctx.store = store
    splash = Splash(app.screen, ctx.theme)
    splash.show()
    try:
        first = load_behind(splash, ctx, unreadable, saves_dir)
        code = 0 if first is None else app.run(first)
    finally:
        pygame.display.quit()
        if ctx.audio is not None:
            ctx.audio.close()
    return code


def load_behind(
    splash: Splash, ctx: AppContext, unreadable: Exception | None, saves_dir: Path
) -> Scene[None] | None:
    """Load what the first screen needs while the title card shows; None if the window closed.

    Each step is followed by the window's events, so a long load never looks
    frozen. A problem in the level files is told on the title screen and an
    unreadable save opens the recovery screen, exactly as when everything was
    loaded before the window.
    """
    notices: list[str] = []
    first: list[Scene[None]] = []

    def load_levels() -> None:
        from game.content import ContentError, load_content

        try:
            ctx.content = load_content()
        except ContentError as err:
            notices.append(CONTENT_NOTICE.format(count=len(err.problems)))

    def open_sound() -> None:
        from game.audio.player import CuePlayer

        ctx.audio = CuePlayer()
        store = ctx.store
        if store is not None:
            notices.extend(store.notices)
            if store.read_only_reason:
                notices.append(store.read_only_reason)
        sound_notice = ctx.audio.take_notice()
        if sound_notice:
            notices.append(sound_notice)
        ctx.notices.extend(notices)

    def open_first_screen() -> None:
        from game.ui.navigation import first_scene

        first.append(first_scene(ctx, unreadable, saves_dir))

    steps: tuple[Callable[[], object], ...] = (
        # the loader's imports (PyYAML, the schema tables, the model) are a step of their own
        lambda: importlib.import_module("game.content.loader"),
        load_levels,
        open_sound,
        open_first_screen,
    )
    for step in steps:
        if not splash.pump():
            return None
        step()
    return first[0] if splash.pump() else None
