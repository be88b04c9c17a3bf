"""The first run, the recovery screen and notices, driven by keys and clicks, headless."""

from __future__ import annotations

import pygame
import pytest
from harness import Harness, MakeHarness

from game.content.vocabulary import EQUIPMENT
from game.player.settings import PlayerSettings
from game.store import SaveStore
from game.ui.scene import Scene
from game.ui.scenes.first_run import FirstRunScene
from game.ui.scenes.first_run_pages import INTRO_SECONDS
from game.ui.scenes.pause import ConfirmScene
from game.ui.scenes.recovery_screen import NoticeScene, RecoveryScene

STEP = 1 / 60


def click(h: Harness, scene: FirstRunScene, name: str) -> None:
    target = next(t for t in scene.targets() if t.name == name)
    h.click(target.rect.center)


def new_run(h: Harness) -> tuple[FirstRunScene, SaveStore, list[int | None]]:
    """The first run on its own, as the title starts it; the list gets its answer."""
    done: list[int | None] = []
    scene = h.push(FirstRunScene(h.ctx, h.store), on_result=done.append)
    return scene, h.store, done


# First run ------------------------------------------------------------------
def test_keyboard_only_first_run_creates_the_profile(harness: Harness) -> None:
    scene, store, done = new_run(harness)
    assert scene.wants_text()
    harness.type("Ana Maria")
    harness.press("backspace")
    harness.press("return")
    assert scene.page_name == "safety" and not scene.wants_text()
    harness.press("return")  # "I understand" has focus
    assert scene.page_name == "equipment"
    harness.press("return")  # the first box: foam roller
    harness.press("tab", "tab")
    harness.press("space")  # Space ticks the bar
    harness.press("space")  # and unticks it
    harness.press("space")
    while scene.targets()[scene.focus].name != "continue":
        harness.press("down")
    harness.press("return")
    assert scene.page_name == "breath"
    harness.step(INTRO_SECONDS + 5 * STEP, frame=STEP)
    assert scene.targets()[scene.focus].name == "done"
    harness.press("return")
    assert len(done) == 1 and harness.top is None
    pid = done[0]
    assert pid is not None
    assert store.get_profile(pid).name == "Ana Mari"
    assert store.last_profile_id == pid
    saved = PlayerSettings.from_dict(store.settings(pid))
    assert saved.safety_accepted and saved.breathing_intro_done
    assert saved.equipment == {"mat", "foam_roller", "bar"}


def test_mouse_first_run_with_skipped_breathing(harness: Harness) -> None:
    scene, store, done = new_run(harness)
    harness.type("Bo")
    click(harness, scene, "continue")
    click(harness, scene, "accept")
    click(harness, scene, "dumbbell")
    click(harness, scene, "continue")
    harness.step(5.0, frame=STEP)
    click(harness, scene, "skip")
    (pid,) = done
    assert pid is not None
    saved = PlayerSettings.from_dict(store.settings(pid))
    assert saved.equipment == {"mat", "dumbbell"}
    assert saved.safety_accepted and not saved.breathing_intro_done


def test_mat_is_always_ticked_and_not_a_choice(harness: Harness) -> None:
    scene, _, _ = new_run(harness)
    scene._go(2)
    assert "mat" not in {t.name for t in scene.targets()}
    assert {t.name for t in scene.targets()} >= set(EQUIPMENT) - {"mat"}


def test_nothing_but_i_understand_passes_the_safety_notice(harness: Harness) -> None:
    scene, store, done = new_run(harness)
    harness.type("Cy")
    harness.press("return")
    for key in ("down", "right", "tab", "shift+tab", "up"):
        harness.press(key)
        assert scene.page_name == "safety"
    harness.scroll(-1)
    harness.point((0, 0))
    assert scene.page_name == "safety"
    harness.click((5, 5))
    assert scene.page_name == "safety"
    click(harness, scene, "back")
    assert scene.page_name == "name"
    harness.press("return")
    assert scene.page_name == "safety" and not scene.safety_accepted
    # jumping to the end without accepting saves nothing
    scene._finish(True)
    harness.settle()
    assert done == [] and store.profiles() == []


def test_names_are_checked(harness: Harness) -> None:
    harness.store.create_profile("Dana")
    scene, _, _ = new_run(harness)
    harness.press("return")
    assert scene.page_name == "name" and "name" in scene.error
    harness.type("   ")
    harness.press("return")
    assert scene.page_name == "name" and scene.error
    harness.press("backspace", "backspace", "backspace")
    harness.type("dANA")
    harness.press("return")
    assert scene.page_name == "name" and "already" in scene.error
    harness.type("x" * 40)
    assert len(scene.field.text) == 24
    harness.type("\x07")
    assert len(scene.field.text) == 24
    harness.press("return")
    assert scene.page_name == "safety"


def test_escape_goes_back_a_page_and_stays_on_the_first(harness: Harness) -> None:
    scene, _, _ = new_run(harness)
    harness.press("escape")
    assert harness.top is scene and scene.page_name == "name"
    harness.type("Eve")
    harness.press("return", "return", "escape")
    assert scene.page_name == "safety"
    harness.press("escape")
    assert scene.page_name == "name" and scene.field.text == "Eve"


def test_adding_a_second_player_can_be_cancelled(harness: Harness) -> None:
    harness.store.create_profile("First")
    harness.push(Scene(harness.ctx))
    scene, store, done = new_run(harness)
    assert scene.adding
    harness.press("escape")
    assert harness.top is not scene and len(store.profiles()) == 1
    assert done == [None]


def test_breathing_intro_lasts_a_minute_of_update_time(harness: Harness) -> None:
    scene, _, _ = new_run(harness)
    scene._go(3)
    assert 59.0 <= INTRO_SECONDS <= 61.0
    t = harness.run_until(lambda: scene.targets()[0].name != "skip", limit=70, frame=STEP)
    assert abs(t - INTRO_SECONDS) < 2 * STEP
    assert scene.animated
    scene._go(2)
    assert not scene.animated


@pytest.mark.parametrize("size", ["normal", "large"])
@pytest.mark.parametrize("palette", ["normal", "high_contrast"])
def test_every_page_draws(make_harness: MakeHarness, size: str, palette: str) -> None:
    h = make_harness(palette=palette, text_size=size)
    scene, _, _ = new_run(h)
    scene.error = "There is already a player called Ana. Pick another name."
    for page in range(4):
        scene._go(page)
        h.step(7.0, frame=0.25)
        screen = h.draw()
        for target in scene.targets():
            assert screen.get_rect().contains(target.rect)


# Recovery and notices -------------------------------------------------------
def _recovery(h: Harness, message: str = "cannot read") -> tuple[RecoveryScene, list[int]]:
    calls: list[int] = []
    scene = h.push(RecoveryScene(h.ctx, message, on_start_over=lambda: calls.append(1)))
    return scene, calls


def test_recovery_default_keeps_the_files(harness: Harness) -> None:
    scene, calls = _recovery(harness)
    harness.press("return")
    assert harness.ctx.quit_requested and calls == []
    assert harness.top is scene


def test_start_over_needs_the_confirmation(harness: Harness) -> None:
    scene, calls = _recovery(harness)
    harness.press("down", "return")
    assert isinstance(harness.top, ConfirmScene) and calls == []
    harness.press("return")  # "No, go back" has the focus
    assert harness.top is scene and calls == []
    harness.press("escape")  # Esc returns to the safe choice, never starts over
    assert scene.menu.focus == 0 and calls == []
    harness.press("s", "y")
    assert calls == [1] and not harness.ctx.quit_requested


def test_start_over_by_mouse(harness: Harness) -> None:
    scene, calls = _recovery(harness)
    harness.click(scene.menu.rects()[1].center)
    confirm = harness.top
    assert isinstance(confirm, ConfirmScene)
    harness.click(confirm.menu.rects()[1].center)
    assert calls == [1]


@pytest.mark.parametrize("close", [("press", "return"), ("press", "escape"), ("click", (5, 5))])
def test_notice_closes(harness: Harness, close: tuple[str, object]) -> None:
    below = harness.push(Scene(harness.ctx))
    harness.push(NoticeScene(harness.ctx, ["one", "two"]))
    how, what = close
    getattr(harness, how)(what)
    assert harness.top is below


@pytest.mark.parametrize("size", ["normal", "large"])
@pytest.mark.parametrize("palette", ["normal", "high_contrast"])
def test_recovery_and_notice_draw(make_harness: MakeHarness, size: str, palette: str) -> None:
    h = make_harness(palette=palette, text_size=size)
    long = "Your saved progress could not be read " + "(a long reason) " * 30
    _recovery(h, long)
    h.draw()
    h.push(NoticeScene(h.ctx, [long, "short"]))
    h.draw()


@pytest.mark.parametrize("fullscreen", [True, False])
def test_the_screen_mode_chosen_during_the_first_run_is_kept(
    harness: Harness, fullscreen: bool
) -> None:
    """F11 on a small laptop during the first run must not be undone when the main
    menu applies the new profile's settings (the window would not fit the screen)."""
    pygame.display.set_mode((1280, 720), pygame.FULLSCREEN if fullscreen else 0)
    scene, store, done = new_run(harness)
    harness.type("Kim")
    harness.press("return", "return")
    click(harness, scene, "continue")
    click(harness, scene, "skip")
    (pid,) = done
    assert pid is not None
    saved = PlayerSettings.from_dict(store.settings(pid))
    assert saved.fullscreen is fullscreen
