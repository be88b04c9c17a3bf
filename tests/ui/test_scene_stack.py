"""The scene stack: results go to whoever pushed, and only the scene left on top wakes."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from game.ui.scene import Scene, SceneStack


class Probe(Scene[str]):
    """A scene that writes down every lifecycle call it gets."""

    def __init__(self, ctx: Any, name: str, log: list[str]) -> None:
        super().__init__(ctx)
        self.name, self.log = name, log

    def enter(self) -> None:
        self.log.append(f"{self.name} enter")

    def exit(self) -> None:
        self.log.append(f"{self.name} exit")

    def pause(self) -> None:
        self.log.append(f"{self.name} pause")

    def resume(self) -> None:
        super().resume()
        self.log.append(f"{self.name} resume")


def _stack() -> tuple[SceneStack, Any, list[str]]:
    stack = SceneStack()
    return stack, SimpleNamespace(scenes=stack), []


def test_a_result_goes_to_whoever_pushed_and_the_scene_below_wakes_once() -> None:
    stack, ctx, log = _stack()
    menu, dialog = Probe(ctx, "menu", log), Probe(ctx, "dialog", log)
    got: list[str] = []
    stack.push(menu)
    stack.push(dialog, on_result=lambda r: (got.append(r), log.append(f"result {r}")))
    stack.apply_pending()
    dialog.dismiss("yes")
    stack.apply_pending()
    assert got == ["yes"] and stack.top is menu
    assert log == [
        "menu enter",
        "menu pause",
        "dialog enter",
        "dialog exit",
        "result yes",
        "menu resume",
    ]


def test_a_receiver_that_pushes_the_next_scene_leaves_the_one_below_asleep() -> None:
    """Intro, then play, then results: the menu under them is not woken in between."""
    stack, ctx, log = _stack()
    menu, intro, play = Probe(ctx, "menu", log), Probe(ctx, "intro", log), Probe(ctx, "play", log)
    stack.push(menu)
    stack.push(intro, on_result=lambda r: stack.push(play))
    stack.apply_pending()
    log.clear()
    intro.dismiss("start")
    stack.apply_pending()
    assert stack.top is play and list(stack) == [menu, play]
    assert log == ["intro exit", "play enter"]
    play.dismiss("done")
    stack.apply_pending()
    assert log[-2:] == ["play exit", "menu resume"]


def test_two_closes_in_one_frame_wake_only_the_scene_left_on_top() -> None:
    stack, ctx, log = _stack()
    menu, a, b = Probe(ctx, "menu", log), Probe(ctx, "a", log), Probe(ctx, "b", log)
    for scene in (menu, a, b):
        stack.push(scene)
    stack.apply_pending()
    log.clear()
    stack.pop()
    stack.pop()
    stack.apply_pending()
    assert stack.top is menu
    assert log == ["b exit", "a exit", "menu resume"]


def test_a_dismiss_from_a_scene_no_longer_on_top_is_ignored() -> None:
    stack, ctx, log = _stack()
    menu, dialog = Probe(ctx, "menu", log), Probe(ctx, "dialog", log)
    got: list[str] = []
    stack.push(menu)
    stack.push(dialog, on_result=got.append)
    stack.apply_pending()
    dialog.dismiss("first")
    dialog.dismiss("second")  # a second closing key in the same frame
    stack.apply_pending()
    assert got == ["first"] and stack.top is menu and log.count("menu resume") == 1


def test_a_reset_wakes_nothing_it_removed() -> None:
    stack, ctx, log = _stack()
    menu, dialog, fresh = Probe(ctx, "menu", log), Probe(ctx, "dialog", log), Probe(ctx, "new", log)
    stack.push(menu)
    stack.push(dialog)
    stack.apply_pending()
    log.clear()
    stack.pop()
    stack.reset(fresh)
    stack.apply_pending()
    assert list(stack) == [fresh]
    assert log == ["dialog exit", "menu exit", "new enter"]
