"""The first run, the recovery screen and notices, driven by actions only, headless."""

from __future__ import annotations

import pygame
import pytest

from game.clock import FakeClock
from game.content import assets_dir
from game.content.model import EQUIPMENT, Content
from game.player.settings import PlayerSettings
from game.store import SaveStore, memory_store
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene, SceneStack
from game.ui.scenes.first_run import FirstRunScene
from game.ui.scenes.first_run_pages import INTRO_SECONDS
from game.ui.scenes.pause import ConfirmScene
from game.ui.scenes.recovery_screen import NoticeScene, RecoveryScene
from game.ui.theme import Theme

STEP = 1 / 60


pytestmark = pytest.mark.usefixtures("screen")


def make_ctx(content: Content, palette: str = "normal", text_size: str = "normal") -> AppContext:
    theme = Theme(assets_dir() / "fonts", palette=palette, text_size=text_size)
    return AppContext(theme, SceneStack(), FakeClock(), content)


def push(ctx: AppContext, scene: Scene, on_result: object = None) -> Scene:
    ctx.scenes.push(scene, on_result=on_result)  # type: ignore[arg-type]
    ctx.scenes.apply_pending()
    return scene


def act(ctx: AppContext, kind: Act, **kw: object) -> None:
    top = ctx.scenes.top
    assert top is not None
    top.handle(Action(kind, **kw))  # type: ignore[arg-type]
    ctx.scenes.apply_pending()


def type_text(ctx: AppContext, text: str) -> None:
    for ch in text:
        act(ctx, Act.TEXT, text=ch)


def click(ctx: AppContext, scene: FirstRunScene, name: str) -> None:
    target = next(t for t in scene.targets() if t.name == name)
    act(ctx, Act.CLICK, pos=target.rect.center)


class Done:
    def __init__(self) -> None:
        self.ids: list[int] = []

    def __call__(self, pid: int | None) -> None:
        if pid is not None:
            self.ids.append(pid)


def new_run(
    content: Content, store: SaveStore | None = None
) -> tuple[AppContext, FirstRunScene, SaveStore, Done]:
    ctx = make_ctx(content)
    store = store or memory_store()
    done = Done()
    scene = FirstRunScene(ctx, store)
    push(ctx, scene, on_result=done)
    return ctx, scene, store, done


# First run ------------------------------------------------------------------
def test_keyboard_only_first_run_creates_the_profile(content: Content) -> None:
    ctx, scene, store, done = new_run(content)
    assert scene.wants_text()
    type_text(ctx, "Ana Maria")
    act(ctx, Act.ERASE)
    act(ctx, Act.CONFIRM)
    assert scene.page_name == "safety" and not scene.wants_text()
    act(ctx, Act.CONFIRM)  # "I understand" has focus
    assert scene.page_name == "equipment"
    act(ctx, Act.CONFIRM)  # the first box: foam roller
    act(ctx, Act.NEXT)
    act(ctx, Act.NEXT)
    act(ctx, Act.PAUSE)  # Space ticks the bar
    act(ctx, Act.PAUSE)  # and unticks it
    act(ctx, Act.PAUSE)
    while scene.targets()[scene.focus].name != "continue":
        act(ctx, Act.DOWN)
    act(ctx, Act.CONFIRM)
    assert scene.page_name == "breath"
    for _ in range(round(INTRO_SECONDS / STEP) + 5):
        scene.update(STEP)
    assert scene.targets()[scene.focus].name == "done"
    act(ctx, Act.CONFIRM)
    assert len(done.ids) == 1
    pid = done.ids[0]
    assert store.get_profile(pid).name == "Ana Mari"
    assert store.last_profile_id == pid
    saved = PlayerSettings.from_dict(store.settings(pid))
    assert saved.safety_accepted and saved.breathing_intro_done
    assert saved.equipment == {"mat", "foam_roller", "bar"}


def test_mouse_first_run_with_skipped_breathing(content: Content) -> None:
    ctx, scene, store, done = new_run(content)
    type_text(ctx, "Bo")
    click(ctx, scene, "continue")
    click(ctx, scene, "accept")
    click(ctx, scene, "dumbbell")
    click(ctx, scene, "continue")
    scene.update(5.0)
    click(ctx, scene, "skip")
    (pid,) = done.ids
    saved = PlayerSettings.from_dict(store.settings(pid))
    assert saved.equipment == {"mat", "dumbbell"}
    assert saved.safety_accepted and not saved.breathing_intro_done


def test_mat_is_always_ticked_and_not_a_choice(content: Content) -> None:
    _, scene, _, _ = new_run(content)
    scene._go(2)
    assert "mat" not in {t.name for t in scene.targets()}
    assert {t.name for t in scene.targets()} >= set(EQUIPMENT) - {"mat"}


def test_nothing_but_i_understand_passes_the_safety_notice(content: Content) -> None:
    ctx, scene, store, done = new_run(content)
    type_text(ctx, "Cy")
    act(ctx, Act.CONFIRM)
    for kind in (Act.DOWN, Act.RIGHT, Act.NEXT, Act.SCROLL, Act.POINT, Act.PREV, Act.UP):
        act(ctx, kind)
        assert scene.page_name == "safety"
    act(ctx, Act.CLICK, pos=(5, 5))
    assert scene.page_name == "safety"
    click(ctx, scene, "back")
    assert scene.page_name == "name"
    act(ctx, Act.CONFIRM)
    assert scene.page_name == "safety" and not scene.safety_accepted
    # jumping to the end without accepting saves nothing
    scene._finish(True)
    assert done.ids == [] and store.profiles() == []


def test_names_are_checked(content: Content) -> None:
    store = memory_store()
    store.create_profile("Dana")
    ctx, scene, _, _ = new_run(content, store)
    act(ctx, Act.CONFIRM)
    assert scene.page_name == "name" and "name" in scene.error
    type_text(ctx, "   ")
    act(ctx, Act.CONFIRM)
    assert scene.page_name == "name" and scene.error
    for _ in range(3):
        act(ctx, Act.ERASE)
    type_text(ctx, "dANA")
    act(ctx, Act.CONFIRM)
    assert scene.page_name == "name" and "already" in scene.error
    type_text(ctx, "x" * 40)
    assert len(scene.field.text) == 24
    type_text(ctx, "\x07")
    assert len(scene.field.text) == 24
    act(ctx, Act.CONFIRM)
    assert scene.page_name == "safety"


def test_escape_goes_back_a_page_and_stays_on_the_first(content: Content) -> None:
    ctx, scene, _, _ = new_run(content)
    act(ctx, Act.BACK)
    assert ctx.scenes.top is scene and scene.page_name == "name"
    type_text(ctx, "Eve")
    act(ctx, Act.CONFIRM)
    act(ctx, Act.CONFIRM)
    act(ctx, Act.BACK)
    assert scene.page_name == "safety"
    act(ctx, Act.BACK)
    assert scene.page_name == "name" and scene.field.text == "Eve"


def test_adding_a_second_player_can_be_cancelled(content: Content) -> None:
    store = memory_store()
    store.create_profile("First")
    ctx = make_ctx(content)
    push(ctx, Scene(ctx))
    scene = push(ctx, FirstRunScene(ctx, store))
    assert isinstance(scene, FirstRunScene) and scene.adding
    act(ctx, Act.BACK)
    assert ctx.scenes.top is not scene and len(store.profiles()) == 1


def test_breathing_intro_lasts_a_minute_of_update_time(content: Content) -> None:
    _, scene, _, _ = new_run(content)
    scene._go(3)
    assert 59.0 <= INTRO_SECONDS <= 61.0
    t = 0.0
    while scene.targets()[0].name == "skip":
        scene.update(STEP)
        t += STEP
        assert t < 70
    assert abs(t - INTRO_SECONDS) < 2 * STEP
    assert scene.animated
    scene._go(2)
    assert not scene.animated


@pytest.mark.parametrize("size", ["normal", "large"])
@pytest.mark.parametrize("palette", ["normal", "high_contrast"])
def test_every_page_draws(
    content: Content, screen: pygame.Surface, size: str, palette: str
) -> None:
    ctx = make_ctx(content, palette=palette, text_size=size)
    scene = FirstRunScene(ctx, memory_store())
    push(ctx, scene)
    scene.error = "There is already a player called Ana. Pick another name."
    for page in range(4):
        scene._go(page)
        scene.update(7.0)
        scene.draw(screen)
        for target in scene.targets():
            assert screen.get_rect().contains(target.rect)


# Recovery and notices -------------------------------------------------------
def test_recovery_default_keeps_the_files(content: Content) -> None:
    ctx = make_ctx(content)
    calls: list[int] = []
    scene = push(ctx, RecoveryScene(ctx, "cannot read", on_start_over=lambda: calls.append(1)))
    act(ctx, Act.CONFIRM)
    assert ctx.quit_requested and calls == []
    assert isinstance(scene, RecoveryScene)


def test_start_over_needs_the_confirmation(content: Content) -> None:
    ctx = make_ctx(content)
    calls: list[int] = []
    scene = push(ctx, RecoveryScene(ctx, "cannot read", on_start_over=lambda: calls.append(1)))
    act(ctx, Act.DOWN)
    act(ctx, Act.CONFIRM)
    assert isinstance(ctx.scenes.top, ConfirmScene) and calls == []
    act(ctx, Act.CONFIRM)  # "No, go back" has the focus
    assert ctx.scenes.top is scene and calls == []
    act(ctx, Act.BACK)  # Esc returns to the safe choice, never starts over
    assert scene.menu.focus == 0 and calls == []
    act(ctx, Act.SHORTCUT, text="s")
    act(ctx, Act.SHORTCUT, text="y")
    assert calls == [1] and not ctx.quit_requested


def test_start_over_by_mouse(content: Content) -> None:
    ctx = make_ctx(content)
    calls: list[int] = []
    scene = push(ctx, RecoveryScene(ctx, "cannot read", on_start_over=lambda: calls.append(1)))
    assert isinstance(scene, RecoveryScene)
    act(ctx, Act.CLICK, pos=scene.menu.rects()[1].center)
    confirm = ctx.scenes.top
    assert isinstance(confirm, ConfirmScene)
    act(ctx, Act.CLICK, pos=confirm.menu.rects()[1].center)
    assert calls == [1]


@pytest.mark.parametrize("kind", [Act.CONFIRM, Act.BACK, Act.CLICK])
def test_notice_closes(content: Content, kind: Act) -> None:
    ctx = make_ctx(content)
    below = push(ctx, Scene(ctx))
    push(ctx, NoticeScene(ctx, ["one", "two"]))
    act(ctx, kind)
    assert ctx.scenes.top is below


@pytest.mark.parametrize("size", ["normal", "large"])
@pytest.mark.parametrize("palette", ["normal", "high_contrast"])
def test_recovery_and_notice_draw(
    content: Content, screen: pygame.Surface, size: str, palette: str
) -> None:
    ctx = make_ctx(content, palette=palette, text_size=size)
    long = "Your saved progress could not be read " + "(a long reason) " * 30
    push(ctx, RecoveryScene(ctx, long, on_start_over=lambda: None)).draw(screen)
    push(ctx, NoticeScene(ctx, [long, "short"])).draw(screen)


@pytest.mark.parametrize("fullscreen", [True, False])
def test_the_screen_mode_chosen_during_the_first_run_is_kept(
    content: Content, fullscreen: bool
) -> None:
    """F11 on a small laptop during the first run must not be undone when the main
    menu applies the new profile's settings (the window would not fit the screen)."""
    pygame.display.set_mode((1280, 720), pygame.FULLSCREEN if fullscreen else 0)
    ctx, scene, store, done = new_run(content)
    type_text(ctx, "Kim")
    act(ctx, Act.CONFIRM)
    act(ctx, Act.CONFIRM)
    click(ctx, scene, "continue")
    click(ctx, scene, "skip")
    saved = PlayerSettings.from_dict(store.settings(done.ids[0]))
    assert saved.fullscreen is fullscreen
