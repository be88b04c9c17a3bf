"""The real app starts headless, draws the title screen for a few frames and quits."""

from __future__ import annotations

import pygame
from harness import Harness

from game.clock import FakeClock
from game.content import assets_dir
from game.ui.loop import App, AppOptions
from game.ui.scenes.title import TitleScene


class SteppingClock(FakeClock):
    """A fake clock that moves on by one frame each time the loop reads it."""

    def monotonic(self) -> float:
        self.advance(1 / 60)
        return super().monotonic()


def test_title_screen_draws_and_quits_cleanly() -> None:
    app = App(AppOptions(clock=SteppingClock(), max_frames=10, fonts_dir=assets_dir() / "fonts"))
    scene = TitleScene(app.ctx)
    assert app.run(scene) == 0
    assert app.frames == 10
    assert scene.t > 0.1  # the logo animated on logic time
    assert not pygame.display.get_init()  # the window was closed


def test_title_quit_item_ends_the_loop() -> None:
    app = App(AppOptions(clock=SteppingClock(), max_frames=500, fonts_dir=assets_dir() / "fonts"))
    scene = TitleScene(app.ctx)
    quit_index = [i.label for i in scene.menu.items].index("Quit")

    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=0, unicode="q"))
    app.run(scene)
    assert app.ctx.quit_requested
    assert app.frames < 500
    assert scene.menu.focus == quit_index


def test_title_draws_something_on_screen(harness: Harness) -> None:
    scene = harness.push(TitleScene(harness.ctx))
    harness.app.frame(1 / 60)
    surf = harness.screen
    colours = {surf.get_at((x, y))[:3] for x in range(0, 1280, 40) for y in range(0, 720, 40)}
    assert len(colours) > 10  # a gradient, a logo and text, not a blank fill
    scene.dirty = False
    harness.press("down")
    assert scene.dirty
