"""Starting the game: lock the saves, show a first frame, then load and go.

The save folder is opened (and locked) before any window appears, so a second
copy of the game on the same folder refuses at once with a clear message and a
non-zero exit code. The window then shows a title card straight away
(:mod:`game.ui.scenes.splash`) and everything else loads behind it: the level files,
the sound, the first screen. Those imports and checks take several times as
long as opening the window, and a player should see the game answer at once.
What the store had to repair is shown to the player on the first screen; an
unreadable save leads to a screen that asks before anything is replaced.

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
    from game.player.settings import PlayerSettings
    from game.store import SaveStore
    from game.ui.context import AppContext
    from game.ui.scene import Scene
    from game.ui.scenes.reminder_actions import ReminderActions
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

    steps: tuple[Callable[[], object], ...] = (
        # the loader's imports (PyYAML, the schema tables, the model) are a step of their own
        lambda: importlib.import_module("game.content.loader"),
        load_levels,
        open_sound,
        lambda: first.append(first_scene(ctx, unreadable, saves_dir)),
    )
    for step in steps:
        if not splash.pump():
            return None
        step()
    return first[0] if splash.pump() else None


def first_scene(ctx: AppContext, unreadable: Exception | None, saves_dir: Path) -> Scene[None]:
    """The title for a new player, the main menu for a returning one."""
    from game.ui.scenes.title import TitleScene
    from game.ui.widgets.text import MenuItem

    if unreadable is not None:
        from game.ui.scenes.recovery_screen import RecoveryScene

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
        from game.ui.scenes.first_run import FirstRunScene

        def created(pid: int | None) -> None:
            from game.player.data import PlayerData
            from game.ui.scenes.self_test import SelfTestScene

            if pid is None:
                return
            ctx.scenes.reset(main_menu(ctx, pid))
            if ctx.content is not None and not store.read_only:
                data = PlayerData(store, ctx.content, ctx.clock, pid)
                ctx.scenes.push(SelfTestScene(ctx, data))  # Esc skips it

        ctx.scenes.push(FirstRunScene(ctx, store), on_result=created)

    items = [MenuItem("Start", begin, hint="Create your player", key="s")]
    items.append(MenuItem("Quit", ctx.request_quit, hint="See you tomorrow", key="q"))
    return TitleScene(ctx, items)


def main_menu(ctx: AppContext, profile_id: int) -> Scene[None]:
    """The main menu for one profile, with its settings applied."""
    from game.player.data import PlayerData
    from game.ui.scenes.main_menu import MainMenuScene

    assert ctx.content is not None and ctx.store is not None
    store = ctx.store
    if not store.read_only:
        store.set_last_profile_id(profile_id)
    data = PlayerData(store, ctx.content, ctx.clock, profile_id)
    apply_settings(ctx, data.settings())

    def open_settings() -> None:
        from game.ui.scenes.settings_screen import SettingsScene

        reminders = reminder_actions(ctx, profile_id, data.name)
        scene = SettingsScene(
            ctx, data, on_change=lambda s: apply_settings(ctx, s), reminders=reminders
        )
        ctx.scenes.push(scene)

    def forget_reminders(pid: int) -> None:
        from game.player.settings import PlayerSettings

        actions = reminder_actions(ctx, pid, store.get_profile(pid).name)
        if actions is not None:
            actions.forget(PlayerSettings.from_dict(store.settings(pid)))

    def switch(pid: int | None) -> None:
        if pid is not None:
            ctx.scenes.reset(main_menu(ctx, pid))

    def open_profiles() -> None:
        from game.ui.scenes.profiles_screen import ProfilesScene

        scene = ProfilesScene(ctx, store, profile_id, on_delete=forget_reminders)
        ctx.scenes.push(scene, on_result=switch)

    extra = [("Settings", "s", open_settings), ("Profiles", "r", open_profiles)]
    return MainMenuScene(ctx, data, extra=extra)


def reminder_actions(ctx: AppContext, profile_id: int, name: str) -> ReminderActions | None:
    """The reminder buttons for one profile, its files named by id and save folder."""
    import zlib

    from game.player.reminder_install import real_system
    from game.ui.scenes.reminder_actions import ReminderActions

    if ctx.saves_dir is None:
        return None
    folder = ctx.saves_dir.resolve()
    key = f"player-{profile_id}-{zlib.crc32(str(folder).encode()):08x}"
    return ReminderActions(real_system(), folder, ctx.clock, name, key)


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
