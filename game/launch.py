"""Starting the game: content, saves, window, then the first screen.

The save folder is opened (and locked) before any window appears, so a second
copy of the game on the same folder refuses at once with a clear message and a
non-zero exit code. What the store had to repair is shown to the player on the
first screen; an unreadable save leads to a screen that asks before anything
is replaced.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from game.clock import Clock, MonotonicClock
from game.content import ContentError, assets_dir, load_content
from game.settings import PlayerSettings

if TYPE_CHECKING:
    from game.content.model import Content
    from game.store import SaveStore
    from game.ui.context import AppContext
    from game.ui.scene import Scene


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
    notices: list[str] = []
    content: Content | None = None
    try:
        content = load_content()
    except ContentError as err:
        notices.append(
            f"{len(err.problems)} problem(s) in the level files; "
            "run 'python -m game check' for details."
        )
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
        return _run_window(
            saves_dir,
            store,
            unreadable,
            content,
            notices,
            clock,
            time_scale,
            fullscreen,
            max_frames,
        )
    finally:
        if store is not None:
            store.close()


def _run_window(
    saves_dir: Path,
    store: SaveStore | None,
    unreadable: Exception | None,
    content: Content | None,
    notices: list[str],
    clock: Clock,
    time_scale: float,
    fullscreen: bool,
    max_frames: int | None,
) -> int:
    from game.app import App, AppOptions, DisplayUnavailable
    from game.audio import CuePlayer

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
    ctx.content = content
    ctx.store = store
    ctx.audio = CuePlayer()
    if store is not None:
        notices.extend(store.notices)
        if store.read_only_reason:
            notices.append(store.read_only_reason)
    sound_notice = ctx.audio.take_notice()
    if sound_notice:
        notices.append(sound_notice)
    ctx.notices.extend(notices)
    first = first_scene(ctx, unreadable, saves_dir)
    code = app.run(first)
    ctx.audio.close()
    return code


def first_scene(ctx: AppContext, unreadable: Exception | None, saves_dir: Path) -> Scene:
    """The title for a new player, the main menu for a returning one."""
    from game.ui.title import TitleScene
    from game.ui.widgets import MenuItem

    if unreadable is not None:
        from game.ui.recovery_screen import RecoveryScene

        def start_over() -> None:
            from game.store import start_over as fresh_save

            ctx.store = fresh_save(saves_dir, now=ctx.clock.now_utc)
            ctx.scenes.reset(first_scene(ctx, None, saves_dir))

        return RecoveryScene(ctx, str(unreadable), on_start_over=start_over)
    store = ctx.store
    if ctx.content is None or store is None:
        return TitleScene(ctx)
    last = store.last_profile_id
    known = {p.id for p in store.profiles()}
    if last is not None and last in known:
        return main_menu(ctx, last)
    if known:
        return main_menu(ctx, min(known))

    def begin() -> None:
        from game.ui.first_run import FirstRunScene

        ctx.scenes.push(
            FirstRunScene(ctx, store, on_done=lambda pid: ctx.scenes.reset(main_menu(ctx, pid)))
        )

    items = [MenuItem("Start", begin, hint="Create your player", key="s")]
    items.append(MenuItem("Quit", ctx.request_quit, hint="See you tomorrow", key="q"))
    return TitleScene(ctx, items)


def main_menu(ctx: AppContext, profile_id: int) -> Scene:
    """The main menu for one profile, with its settings applied."""
    from game.playerdata import PlayerData
    from game.ui.main_menu import MainMenuScene

    assert ctx.content is not None and ctx.store is not None
    store = ctx.store
    if not store.read_only:
        store.set_last_profile_id(profile_id)
    data = PlayerData(store, ctx.content, ctx.clock, profile_id)
    apply_settings(ctx, data.settings())

    def open_settings() -> None:
        from game.ui.settings_screen import SettingsScene

        ctx.scenes.push(SettingsScene(ctx, data, on_change=lambda s: apply_settings(ctx, s)))

    def open_profiles() -> None:
        from game.ui.profiles_screen import ProfilesScene

        ctx.scenes.push(
            ProfilesScene(
                ctx, store, profile_id, on_switch=lambda pid: ctx.scenes.reset(main_menu(ctx, pid))
            )
        )

    extra = [("Settings", "s", open_settings), ("Profiles", "r", open_profiles)]
    return MainMenuScene(ctx, data, extra=extra)


def apply_settings(ctx: AppContext, settings: PlayerSettings) -> None:
    """Make a profile's settings take effect: look, sound, screen mode."""
    import pygame

    ctx.theme.configure(
        palette="high_contrast" if settings.high_contrast else "normal",
        text_size=settings.text_size,
    )
    audio = ctx.audio
    if audio is not None:
        audio.set_volume(settings.volume)
        audio.voice_enabled = settings.voice
        audio.tones_enabled = settings.tones
    surface = pygame.display.get_surface()
    is_full = bool(surface is not None and surface.get_flags() & pygame.FULLSCREEN)
    if settings.fullscreen != is_full:
        ctx.toggle_fullscreen()
