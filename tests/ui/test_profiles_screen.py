"""The players screen: switch, rename, add and delete, with its refusals."""

from __future__ import annotations

import pytest
from harness import Harness, MakeHarness

from game.ui.scene import Scene
from game.ui.scenes.first_run import FirstRunScene
from game.ui.scenes.pause import ConfirmScene
from game.ui.scenes.profiles_screen import ProfilesScene


class World:
    """The players screen over another screen, as the main menu opens it."""

    def __init__(self, h: Harness, names: tuple[str, ...] = ("Ana", "Bo", "Cy")) -> None:
        self.h = h
        self.store = h.store
        self.ids = [self.store.create_profile(n).id for n in names]
        self.switched: list[int] = []
        self.below = h.push(Scene(h.ctx))
        self.scene = h.push(ProfilesScene(h.ctx, self.store, self.ids[0]), self._switch)

    def _switch(self, pid: int | None) -> None:
        if pid is not None:
            self.switched.append(pid)

    @property
    def top(self) -> Scene | None:
        return self.h.top

    def go(self, row: int, col: int) -> None:
        while self.scene.focused().row != row:
            self.h.press("down" if self.scene.focused().row < row else "up")
        while self.scene.focused().col != col:
            self.h.press("right")

    def names(self) -> list[str]:
        return [p.name for p in self.store.profiles()]


def test_switch_by_keyboard_sets_the_last_profile(harness: Harness) -> None:
    w = World(harness)
    w.go(1, 0)
    w.h.press("return")
    assert w.switched == [w.ids[1]] and w.store.last_profile_id == w.ids[1]


def test_switch_by_mouse(harness: Harness) -> None:
    w = World(harness)
    target = next(t for t in w.scene.targets() if t.row == 2 and t.col == 0)
    w.h.click(target.rect.center)
    assert w.switched == [w.ids[2]] and w.top is w.below


def test_continue_as_the_current_player_goes_back(harness: Harness) -> None:
    w = World(harness)
    w.go(0, 0)
    w.h.press("return")  # "Continue" for the current player just goes back
    assert w.switched == [] and w.top is w.below


def test_rename_by_keyboard_with_checks(harness: Harness) -> None:
    w = World(harness)
    w.go(1, 1)
    w.h.press("return")
    assert w.scene.wants_text()
    w.h.press("backspace")
    w.h.press("backspace")
    w.h.type("ana")
    w.h.press("return")
    assert "already" in w.scene.message and w.scene.wants_text()
    for _ in range(3):
        w.h.press("backspace")
    w.h.press("return")
    assert w.scene.wants_text() and w.names()[1] == "Bo"
    w.h.type("Bea")
    w.h.press("return")
    assert not w.scene.wants_text() and w.names()[1] == "Bea"


def test_rename_cancel_with_escape(harness: Harness) -> None:
    w = World(harness)
    w.go(2, 1)
    w.h.press("return")
    w.h.type("zzz")
    w.h.press("escape")
    assert not w.scene.wants_text() and w.names()[2] == "Cy"
    assert w.top is w.scene


def test_delete_asks_and_only_yes_deletes(harness: Harness) -> None:
    w = World(harness)
    w.go(2, 2)
    w.h.press("return")
    confirm = w.top
    assert isinstance(confirm, ConfirmScene)
    w.h.press("escape")
    assert w.names() == ["Ana", "Bo", "Cy"]
    w.h.press("return")
    w.h.press("down")
    w.h.press("return")  # Yes
    assert w.names() == ["Ana", "Bo"] and w.top is w.scene
    assert "deleted" in w.scene.message


def test_delete_tells_the_game_first_so_reminders_can_go_too(harness: Harness) -> None:
    w = World(harness)
    seen: list[tuple[int, list[str]]] = []
    w.scene.on_delete = lambda pid: seen.append((pid, w.names()))
    w.go(2, 2)
    w.h.press("return")
    w.h.press("down")
    w.h.press("return")  # Yes
    assert seen == [(w.ids[2], ["Ana", "Bo", "Cy"])]  # while the profile is still there
    assert w.names() == ["Ana", "Bo"]


def test_delete_by_mouse(harness: Harness) -> None:
    w = World(harness)
    target = next(t for t in w.scene.targets() if t.row == 1 and t.col == 2)
    w.h.click(target.rect.center)
    confirm = w.top
    assert isinstance(confirm, ConfirmScene)
    w.h.click(confirm.menu.rects()[1].center)
    assert w.names() == ["Ana", "Cy"]


def test_the_current_player_is_never_deleted(harness: Harness) -> None:
    w = World(harness)
    w.go(0, 2)
    w.h.press("return")
    assert w.top is w.scene and "Switch" in w.scene.message
    w.scene._deleter(w.store.get_profile(w.ids[0]))()  # even if asked directly
    w.h.settle()
    w.h.press("y")
    assert len(w.names()) == 3


def test_the_only_player_is_never_deleted(harness: Harness) -> None:
    alone = World(harness, ("Solo",))
    alone.go(0, 2)
    alone.h.press("return")
    assert alone.top is alone.scene and "only" in alone.scene.message
    assert alone.names() == ["Solo"]


def test_add_pushes_the_first_run_and_switches(harness: Harness) -> None:
    w = World(harness)
    w.go(3, 0)
    w.h.press("return")
    first = w.top
    assert isinstance(first, FirstRunScene) and first.adding
    w.h.type("Dee")
    w.h.press("return")
    w.h.press("return")
    first._go(3)
    first._finish(False)
    w.h.settle()
    assert w.names()[-1] == "Dee" and w.switched == [w.store.profiles()[-1].id]


def test_read_only_allows_only_switching(harness: Harness) -> None:
    w = World(harness)
    w.store.read_only_reason = "This save was written by a newer version."
    for row, col in ((1, 1), (1, 2), (3, 0)):
        w.go(row, col)
        w.h.press("return")
        assert w.top is w.scene and "newer" in w.scene.message
    w.h.draw()
    w.go(1, 0)
    w.h.press("return")
    assert w.switched == [w.ids[1]] and w.names() == ["Ana", "Bo", "Cy"]


def test_many_players_scroll(harness: Harness) -> None:
    w = World(harness, tuple(f"P{i}" for i in range(12)))
    for _ in range(12):
        w.h.press("down")
    assert w.scene.focused().row == 12 and w.scene.top_row > 0
    screen = w.h.draw()
    for t in w.scene.targets():
        assert screen.get_rect().contains(t.rect)
    w.h.scroll(20)
    assert w.scene.top_row == 0


@pytest.mark.parametrize("size", ["normal", "large"])
@pytest.mark.parametrize("palette", ["normal", "high_contrast"])
def test_draws_in_every_look(make_harness: MakeHarness, size: str, palette: str) -> None:
    w = World(make_harness(palette=palette, text_size=size))
    w.h.draw()
    w.go(1, 1)
    w.h.press("return")
    w.h.draw()
