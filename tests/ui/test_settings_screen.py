"""The settings screen: every row by keyboard, limits, saving, mouse, and both looks."""

from __future__ import annotations

import pygame
import pytest

from game.clock import FakeClock
from game.content import assets_dir
from game.content.model import Content
from game.player.data import PlayerData
from game.player.settings import PlayerSettings
from game.store import memory_store
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene, SceneStack
from game.ui.scenes.settings_screen import ROWS, SettingsScene, value_of
from game.ui.theme import Theme

pytestmark = pytest.mark.usefixtures("screen")


def setup(
    content: Content, *, read_only: bool = False
) -> tuple[AppContext, SettingsScene, PlayerData, list[PlayerSettings]]:
    ctx = AppContext(Theme(assets_dir() / "fonts"), SceneStack(), FakeClock(), content)
    store = memory_store()
    pid = store.create_profile("Ana").id
    if read_only:
        store.read_only_reason = "This save was written by a newer version."
    data = PlayerData(store, content, ctx.clock, pid)
    seen: list[PlayerSettings] = []
    ctx.scenes.push(Scene(ctx))
    scene = SettingsScene(ctx, data, on_change=seen.append)
    ctx.scenes.push(scene)
    ctx.scenes.apply_pending()
    return ctx, scene, data, seen


def press(scene: SettingsScene, kind: Act, times: int = 1) -> None:
    for _ in range(times):
        scene.handle(Action(kind))


def focus(scene: SettingsScene, key: str) -> None:
    target = next(i for i, r in enumerate(ROWS) if r.key == key)
    while scene.focus != target:
        press(scene, Act.DOWN)


def test_every_row_changes_by_keyboard_and_persists(content: Content) -> None:
    _, scene, data, seen = setup(content)
    for i, row in enumerate(ROWS):
        assert scene.focus == i
        if row.kind in ("action", "screen"):  # buttons and screens have tests of their own
            press(scene, Act.DOWN)
            continue
        before = value_of(scene.settings, row)
        press(scene, Act.CONFIRM if row.kind == "toggle" else Act.LEFT)
        if value_of(scene.settings, row) == before:
            press(scene, Act.RIGHT)
        after = value_of(scene.settings, row)
        assert after != before, row.key
        assert value_of(data.settings(), row) == after, row.key
        press(scene, Act.DOWN)
    assert scene.focus == 0  # wraps round
    assert len(seen) == sum(1 for row in ROWS if row.kind not in ("action", "screen"))
    stored = PlayerSettings.from_dict(data.store.settings(data.profile_id))
    assert stored == scene.settings == PlayerSettings.from_dict(scene.settings.to_dict())


@pytest.mark.parametrize(
    ("key", "lo", "hi", "presses"),
    [
        ("volume", 0.0, 1.0, 12),
        ("inhale_seconds", 2.0, 5.0, 8),
        ("hold_scale", 0.8, 1.5, 9),
        ("weekly_goal", 1, 7, 8),
        ("breath_ratio", 1.0, 2.0, 3),
        ("rest", "short", "long", 3),
        ("text_size", "normal", "large", 3),
    ],
)
def test_values_clamp_at_their_limits(
    content: Content, key: str, lo: object, hi: object, presses: int
) -> None:
    _, scene, data, _ = setup(content)
    focus(scene, key)
    press(scene, Act.RIGHT, presses)
    assert getattr(data.settings(), key) == hi
    press(scene, Act.LEFT, presses + 4)
    assert getattr(data.settings(), key) == lo


def test_slider_steps(content: Content) -> None:
    _, scene, data, _ = setup(content)
    focus(scene, "volume")
    press(scene, Act.LEFT)
    assert data.settings().volume == pytest.approx(0.7)
    focus(scene, "inhale_seconds")
    press(scene, Act.RIGHT)
    assert data.settings().inhale_seconds == 2.5
    focus(scene, "hold_scale")
    press(scene, Act.RIGHT)
    assert data.settings().hold_scale == pytest.approx(1.1)
    press(scene, Act.CONFIRM, 5)  # Enter on a slider steps up and wraps to the lowest
    assert data.settings().hold_scale == pytest.approx(0.8)


def test_large_text_and_high_contrast_apply_at_once(
    content: Content, screen: pygame.Surface
) -> None:
    ctx, scene, _, seen = setup(content)
    focus(scene, "text_size")
    press(scene, Act.RIGHT)
    assert ctx.theme.text_size == "large"
    scene.draw(screen)
    focus(scene, "high_contrast")
    press(scene, Act.CONFIRM)
    assert ctx.theme.palette_name == "high_contrast"
    assert seen[-1].high_contrast and seen[-1].text_size == "large"
    for i in range(len(ROWS)):
        scene.focus = i
        scene._show_focus()
        scene.draw(screen)
        assert scene.layout()[i].bottom <= 580 and scene.layout()[i].top >= 100


def test_equipment_rows_toggle_and_keep_the_mat(content: Content) -> None:
    _, scene, data, _ = setup(content)
    focus(scene, "equip:foam_roller")
    press(scene, Act.PAUSE)
    assert data.settings().equipment == {"mat", "foam_roller"}
    press(scene, Act.RIGHT)
    assert data.settings().equipment == {"mat"}


def test_mouse_click_value_scroll_and_back(content: Content) -> None:
    ctx, scene, data, _ = setup(content)
    rect = scene.layout()[0]
    left, _right = scene.arrow_rects(rect)
    scene.handle(Action(Act.CLICK, pos=left.center))
    assert data.settings().volume == pytest.approx(0.7)
    scene.handle(Action(Act.CLICK, pos=scene.value_rect(rect).center))
    assert data.settings().volume == pytest.approx(0.8)
    voice = scene.layout()[1]
    scene.handle(Action(Act.CLICK, pos=scene.value_rect(voice).center))
    assert not data.settings().voice and scene.focus == 1
    scene.handle(Action(Act.SCROLL, value=-20))
    assert scene.scroll > 0
    scene.handle(Action(Act.SCROLL, value=40))
    assert scene.scroll == 0
    scene.handle(Action(Act.CLICK, pos=(1130, 59)))
    ctx.scenes.apply_pending()
    assert ctx.scenes.top is not scene


def test_escape_goes_back(content: Content) -> None:
    ctx, scene, _, _ = setup(content)
    press(scene, Act.BACK)
    ctx.scenes.apply_pending()
    assert ctx.scenes.top is not scene


def test_without_a_hook_fullscreen_is_requested(content: Content) -> None:
    ctx, scene, _, _ = setup(content)
    scene.on_change = None
    focus(scene, "fullscreen")
    press(scene, Act.CONFIRM)
    assert ctx.fullscreen_requested


def test_read_only_save_changes_nothing_on_disk(content: Content, screen: pygame.Surface) -> None:
    _, scene, data, _ = setup(content, read_only=True)
    press(scene, Act.CONFIRM)  # volume steps up in this session only
    assert scene.settings.volume == pytest.approx(0.9)
    assert data.settings().volume == pytest.approx(0.8)
    scene.draw(screen)


@pytest.mark.parametrize("size", ["normal", "large"])
@pytest.mark.parametrize("palette", ["normal", "high_contrast"])
def test_draws_in_every_look(
    content: Content, screen: pygame.Surface, size: str, palette: str
) -> None:
    ctx, scene, _, _ = setup(content)
    ctx.theme.configure(palette=palette, text_size=size)
    for i in (0, 7, len(ROWS) - 1):
        scene.focus = i
        scene._show_focus()
        scene.draw(screen)


def test_the_camera_section_opens_the_setup_screen(content: Content) -> None:
    from game.ui.scenes.camera_setup import CameraSetupScene

    ctx, scene, data, _ = setup(content)
    assert [r.key for r in ROWS if r.section == "Camera"] == ["camera", "camera_setup"]
    assert scene.settings.camera is False  # off until the player turns it on
    focus(scene, "camera_setup")
    press(scene, Act.LEFT)
    assert ctx.scenes.top is scene  # the arrows do not open it
    press(scene, Act.CONFIRM)
    ctx.scenes.apply_pending()
    setup_scene = ctx.scenes.top
    assert isinstance(setup_scene, CameraSetupScene)
    setup_scene.handle(Action(Act.CONFIRM))  # the meter on, from the set-up screen
    assert data.settings().camera is True
    setup_scene.handle(Action(Act.BACK))
    ctx.scenes.apply_pending()
    assert ctx.scenes.top is scene and scene.settings.camera is True
