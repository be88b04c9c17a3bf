"""The players screen: switch, rename, add and delete, with its refusals."""

from __future__ import annotations

import pygame
import pytest

from game.clock import FakeClock
from game.content import assets_dir
from game.content.model import Content
from game.store import SaveStore, memory_store
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene, SceneStack
from game.ui.scenes.first_run import FirstRunScene
from game.ui.scenes.pause import ConfirmScene
from game.ui.scenes.profiles_screen import ProfilesScene
from game.ui.theme import Theme

pytestmark = pytest.mark.usefixtures("screen")


class World:
    def __init__(self, content: Content, names: tuple[str, ...] = ("Ana", "Bo", "Cy")) -> None:
        self.ctx = AppContext(Theme(assets_dir() / "fonts"), SceneStack(), FakeClock(), content)
        self.store: SaveStore = memory_store()
        self.ids = [self.store.create_profile(n).id for n in names]
        self.switched: list[int] = []
        self.below = Scene(self.ctx)
        self.ctx.scenes.push(self.below)
        self.scene = ProfilesScene(self.ctx, self.store, self.ids[0])
        self.ctx.scenes.push(self.scene, on_result=self._switch)
        self.ctx.scenes.apply_pending()

    def _switch(self, pid: int | None) -> None:
        if pid is not None:
            self.switched.append(pid)

    def act(self, kind: Act, **kw: object) -> None:
        top = self.ctx.scenes.top
        assert top is not None
        top.handle(Action(kind, **kw))  # type: ignore[arg-type]
        self.ctx.scenes.apply_pending()

    def go(self, row: int, col: int) -> None:
        while self.scene.focused().row != row:
            self.act(Act.DOWN if self.scene.focused().row < row else Act.UP)
        while self.scene.focused().col != col:
            self.act(Act.RIGHT)

    def names(self) -> list[str]:
        return [p.name for p in self.store.profiles()]


def test_switch_by_keyboard_sets_the_last_profile(content: Content) -> None:
    w = World(content)
    w.go(1, 0)
    w.act(Act.CONFIRM)
    assert w.switched == [w.ids[1]] and w.store.last_profile_id == w.ids[1]


def test_switch_by_mouse_and_current_goes_back(content: Content) -> None:
    w = World(content)
    target = next(t for t in w.scene.targets() if t.row == 2 and t.col == 0)
    w.act(Act.CLICK, pos=target.rect.center)
    assert w.switched == [w.ids[2]] and w.ctx.scenes.top is w.below
    w = World(content)
    w.go(0, 0)
    w.act(Act.CONFIRM)  # "Continue" for the current player just goes back
    assert w.switched == [] and w.ctx.scenes.top is w.below


def test_rename_by_keyboard_with_checks(content: Content) -> None:
    w = World(content)
    w.go(1, 1)
    w.act(Act.CONFIRM)
    assert w.scene.wants_text()
    w.act(Act.ERASE)
    w.act(Act.ERASE)
    w.act(Act.TEXT, text="ana")
    w.act(Act.CONFIRM)
    assert "already" in w.scene.message and w.scene.wants_text()
    for _ in range(3):
        w.act(Act.ERASE)
    w.act(Act.CONFIRM)
    assert w.scene.wants_text() and w.names()[1] == "Bo"
    w.act(Act.TEXT, text="Bea")
    w.act(Act.CONFIRM)
    assert not w.scene.wants_text() and w.names()[1] == "Bea"


def test_rename_cancel_with_escape(content: Content) -> None:
    w = World(content)
    w.go(2, 1)
    w.act(Act.CONFIRM)
    w.act(Act.TEXT, text="zzz")
    w.act(Act.BACK)
    assert not w.scene.wants_text() and w.names()[2] == "Cy"
    assert w.ctx.scenes.top is w.scene


def test_delete_asks_and_only_yes_deletes(content: Content) -> None:
    w = World(content)
    w.go(2, 2)
    w.act(Act.CONFIRM)
    confirm = w.ctx.scenes.top
    assert isinstance(confirm, ConfirmScene)
    w.act(Act.BACK)
    assert w.names() == ["Ana", "Bo", "Cy"]
    w.act(Act.CONFIRM)
    w.act(Act.DOWN)
    w.act(Act.CONFIRM)  # Yes
    assert w.names() == ["Ana", "Bo"] and w.ctx.scenes.top is w.scene
    assert "deleted" in w.scene.message


def test_delete_tells_the_game_first_so_reminders_can_go_too(content: Content) -> None:
    w = World(content)
    seen: list[tuple[int, list[str]]] = []
    w.scene.on_delete = lambda pid: seen.append((pid, w.names()))
    w.go(2, 2)
    w.act(Act.CONFIRM)
    w.act(Act.DOWN)
    w.act(Act.CONFIRM)  # Yes
    assert seen == [(w.ids[2], ["Ana", "Bo", "Cy"])]  # while the profile is still there
    assert w.names() == ["Ana", "Bo"]


def test_delete_by_mouse(content: Content) -> None:
    w = World(content)
    target = next(t for t in w.scene.targets() if t.row == 1 and t.col == 2)
    w.act(Act.CLICK, pos=target.rect.center)
    confirm = w.ctx.scenes.top
    assert isinstance(confirm, ConfirmScene)
    w.act(Act.CLICK, pos=confirm.menu.rects()[1].center)
    assert w.names() == ["Ana", "Cy"]


def test_current_and_last_profile_are_never_deleted(content: Content) -> None:
    w = World(content)
    w.go(0, 2)
    w.act(Act.CONFIRM)
    assert w.ctx.scenes.top is w.scene and "Switch" in w.scene.message
    w.scene._deleter(w.store.get_profile(w.ids[0]))()  # even if asked directly
    w.ctx.scenes.apply_pending()
    w.act(Act.SHORTCUT, text="y")
    assert len(w.names()) == 3
    alone = World(content, ("Solo",))
    alone.go(0, 2)
    alone.act(Act.CONFIRM)
    assert alone.ctx.scenes.top is alone.scene and "only" in alone.scene.message
    assert alone.names() == ["Solo"]


def test_add_pushes_the_first_run_and_switches(content: Content) -> None:
    w = World(content)
    w.go(3, 0)
    w.act(Act.CONFIRM)
    first = w.ctx.scenes.top
    assert isinstance(first, FirstRunScene) and first.adding
    for ch in "Dee":
        w.act(Act.TEXT, text=ch)
    w.act(Act.CONFIRM)
    w.act(Act.CONFIRM)
    first._go(3)
    first._finish(False)
    w.ctx.scenes.apply_pending()
    assert w.names()[-1] == "Dee" and w.switched == [w.store.profiles()[-1].id]


def test_read_only_allows_only_switching(content: Content, screen: pygame.Surface) -> None:
    w = World(content)
    w.store.read_only_reason = "This save was written by a newer version."
    for row, col in ((1, 1), (1, 2), (3, 0)):
        w.go(row, col)
        w.act(Act.CONFIRM)
        assert w.ctx.scenes.top is w.scene and "newer" in w.scene.message
    w.scene.draw(screen)
    w.go(1, 0)
    w.act(Act.CONFIRM)
    assert w.switched == [w.ids[1]] and w.names() == ["Ana", "Bo", "Cy"]


def test_many_players_scroll(content: Content, screen: pygame.Surface) -> None:
    w = World(content, tuple(f"P{i}" for i in range(12)))
    for _ in range(12):
        w.act(Act.DOWN)
    assert w.scene.focused().row == 12 and w.scene.top_row > 0
    w.scene.draw(screen)
    for t in w.scene.targets():
        assert screen.get_rect().contains(t.rect)
    w.act(Act.SCROLL, value=20)
    assert w.scene.top_row == 0


@pytest.mark.parametrize("size", ["normal", "large"])
@pytest.mark.parametrize("palette", ["normal", "high_contrast"])
def test_draws_in_every_look(
    content: Content, screen: pygame.Surface, size: str, palette: str
) -> None:
    w = World(content)
    w.ctx.theme.configure(palette=palette, text_size=size)
    w.scene.draw(screen)
    w.go(1, 1)
    w.act(Act.CONFIRM)
    w.scene.draw(screen)
