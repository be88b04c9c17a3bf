"""Where the menus lead: the first screen, a profile's main menu and what it opens.

The scenes never name the screens they lead to; this module wires them
together: which screen the game opens on, what a new player goes through,
what the main menu's Settings and Profiles open, and what a switch of player
or a change of settings does. Each screen's answer comes back through the
``on_result`` it was pushed with.

Every function imports the screens it needs when it runs, so importing this
module loads nothing heavy before the first frame.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.player.settings import PlayerSettings
    from game.ui.context import AppContext
    from game.ui.scene import Scene
    from game.ui.scenes.reminder_actions import ReminderActions


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
