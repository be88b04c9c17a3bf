"""The settings screen: every row by keyboard, limits, saving, mouse, and both looks."""

from __future__ import annotations

import pytest
from harness import Harness, MakeHarness

from game.player.data import PlayerData
from game.player.settings import PlayerSettings
from game.ui.scene import Scene
from game.ui.scenes.settings_screen import ROWS, SettingsScene, value_of


def open_settings(
    h: Harness, *, read_only: bool = False
) -> tuple[SettingsScene, PlayerData, list[PlayerSettings]]:
    """Settings over another screen, saving to Ana's profile; the list sees each change."""
    data = h.player("Ana")
    if read_only:
        h.store.read_only_reason = "This save was written by a newer version."
    seen: list[PlayerSettings] = []
    h.push(Scene(h.ctx))
    scene = h.push(SettingsScene(h.ctx, data, on_change=seen.append))
    return scene, data, seen


def focus(h: Harness, scene: SettingsScene, key: str) -> None:
    target = next(i for i, r in enumerate(ROWS) if r.key == key)
    while scene.focus != target:
        h.press("down")


def test_every_row_changes_by_keyboard_and_persists(harness: Harness) -> None:
    scene, data, seen = open_settings(harness)
    for i, row in enumerate(ROWS):
        assert scene.focus == i
        if row.kind in ("action", "screen"):  # buttons and screens have tests of their own
            harness.press("down")
            continue
        before = value_of(scene.settings, row)
        harness.press("return" if row.kind == "toggle" else "left")
        if value_of(scene.settings, row) == before:
            harness.press("right")
        after = value_of(scene.settings, row)
        assert after != before, row.key
        assert value_of(data.settings(), row) == after, row.key
        harness.press("down")
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
    harness: Harness, key: str, lo: object, hi: object, presses: int
) -> None:
    scene, data, _ = open_settings(harness)
    focus(harness, scene, key)
    harness.press("right", times=presses)
    assert getattr(data.settings(), key) == hi
    harness.press("left", times=presses + 4)
    assert getattr(data.settings(), key) == lo


def test_slider_steps(harness: Harness) -> None:
    scene, data, _ = open_settings(harness)
    focus(harness, scene, "volume")
    harness.press("left")
    assert data.settings().volume == pytest.approx(0.7)
    focus(harness, scene, "inhale_seconds")
    harness.press("right")
    assert data.settings().inhale_seconds == 2.5
    focus(harness, scene, "hold_scale")
    harness.press("right")
    assert data.settings().hold_scale == pytest.approx(1.1)
    harness.press("return", times=5)  # Enter on a slider steps up and wraps to the lowest
    assert data.settings().hold_scale == pytest.approx(0.8)


def test_large_text_and_high_contrast_apply_at_once(harness: Harness) -> None:
    scene, _, seen = open_settings(harness)
    focus(harness, scene, "text_size")
    harness.press("right")
    assert harness.ctx.theme.text_size == "large"
    harness.draw()
    focus(harness, scene, "high_contrast")
    harness.press("return")
    assert harness.ctx.theme.palette_name == "high_contrast"
    assert seen[-1].high_contrast and seen[-1].text_size == "large"
    for i in range(len(ROWS)):
        scene.focus = i
        scene._show_focus()
        harness.draw()
        assert scene.layout()[i].bottom <= 580 and scene.layout()[i].top >= 100


def test_equipment_rows_toggle_and_keep_the_mat(harness: Harness) -> None:
    scene, data, _ = open_settings(harness)
    focus(harness, scene, "equip:foam_roller")
    harness.press("space")
    assert data.settings().equipment == {"mat", "foam_roller"}
    harness.press("right")
    assert data.settings().equipment == {"mat"}


def test_mouse_click_value_scroll_and_back(harness: Harness) -> None:
    scene, data, _ = open_settings(harness)
    rect = scene.layout()[0]
    left, _right = scene.arrow_rects(rect)
    harness.click(left.center)
    assert data.settings().volume == pytest.approx(0.7)
    harness.click(scene.value_rect(rect).center)
    assert data.settings().volume == pytest.approx(0.8)
    voice = scene.layout()[1]
    harness.click(scene.value_rect(voice).center)
    assert not data.settings().voice and scene.focus == 1
    harness.scroll(-20)
    assert scene.scroll > 0
    harness.scroll(40)
    assert scene.scroll == 0
    harness.click((1130, 59))
    assert harness.top is not scene


def test_escape_goes_back(harness: Harness) -> None:
    scene, _, _ = open_settings(harness)
    harness.press("escape")
    assert harness.top is not scene


def test_without_a_hook_fullscreen_is_requested(harness: Harness) -> None:
    scene, _, _ = open_settings(harness)
    scene.on_change = None
    focus(harness, scene, "fullscreen")
    harness.press("return")
    assert harness.ctx.fullscreen_requested


def test_read_only_save_changes_nothing_on_disk(harness: Harness) -> None:
    scene, data, _ = open_settings(harness, read_only=True)
    harness.press("return")  # volume steps up in this session only
    assert scene.settings.volume == pytest.approx(0.9)
    assert data.settings().volume == pytest.approx(0.8)
    harness.draw()


@pytest.mark.parametrize("size", ["normal", "large"])
@pytest.mark.parametrize("palette", ["normal", "high_contrast"])
def test_draws_in_every_look(make_harness: MakeHarness, size: str, palette: str) -> None:
    harness = make_harness(palette=palette, text_size=size)
    scene, _, _ = open_settings(harness)
    for i in (0, 7, len(ROWS) - 1):
        scene.focus = i
        scene._show_focus()
        harness.draw()


def test_the_camera_section_opens_the_setup_screen(harness: Harness) -> None:
    from game.ui.scenes.camera_setup import CameraSetupScene

    scene, data, _ = open_settings(harness)
    assert [r.key for r in ROWS if r.section == "Camera"] == ["camera", "camera_setup"]
    assert scene.settings.camera is False  # off until the player turns it on
    focus(harness, scene, "camera_setup")
    harness.press("left")
    assert harness.top is scene  # the arrows do not open it
    harness.press("return")
    setup_scene = harness.top
    assert isinstance(setup_scene, CameraSetupScene)
    harness.press("return")  # the meter on, from the set-up screen
    assert data.settings().camera is True
    harness.press("escape")
    assert harness.top is scene and scene.settings.camera is True
