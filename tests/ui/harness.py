"""One headless way to drive the game's screens: the real app, frame by frame.

A :class:`Harness` is the game's own :class:`~game.ui.loop.App` on SDL's dummy
driver, with a fake clock, an in-memory save and no sound. Keys and clicks go
in as pygame events and reach the scenes through the app's input step; time
passes through the app's fixed logic steps, on the top scene only; drawing is
the app's present step. So a test drives exactly the code the game runs, and
the scenes' requests to the stack are applied between frames, as in play.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pygame

from game.clock import FakeClock
from game.content import assets_dir
from game.content.model import Content
from game.player.data import PlayerData
from game.store import SaveStore, memory_store
from game.ui.context import AppContext
from game.ui.loop import FIXED_STEP, App, AppOptions
from game.ui.scene import Scene

S = TypeVar("S", bound=Scene[Any])

FONTS = assets_dir() / "fonts"


class Harness:
    """The app with a fake clock, an in-memory save and no sound."""

    def __init__(
        self,
        content: Content,
        *,
        clock: FakeClock | None = None,
        time_scale: float = 1.0,
        palette: str = "normal",
        text_size: str = "normal",
    ) -> None:
        self.clock = clock or FakeClock()
        self.app = App(AppOptions(clock=self.clock, fps=0, fonts_dir=FONTS, time_scale=time_scale))
        self.ctx: AppContext = self.app.ctx
        self.ctx.content = content
        self.ctx.theme.configure(palette=palette, text_size=text_size)
        self.store: SaveStore = memory_store(now=self.clock.now_utc)
        self.ctx.store = self.store
        self.content = content
        pygame.event.clear()  # the new window's own events; the tests make the rest

    def close(self) -> None:
        pygame.display.quit()

    @property
    def screen(self) -> pygame.Surface:
        return self.app.screen

    @property
    def top(self) -> Scene[Any] | None:
        return self.ctx.scenes.top

    def player(self, name: str = "Ana") -> PlayerData:
        """A new profile in the in-memory save, and its data as the screens read it."""
        pid = self.store.create_profile(name).id
        return PlayerData(self.store, self.content, self.clock, pid)

    # The stack -----------------------------------------------------------
    def push(self, scene: S, on_result: Callable[[Any], None] | None = None) -> S:
        """Put ``scene`` on top, as ``App.run`` puts the first one, and return it."""
        self.ctx.scenes.push(scene, on_result)
        self.settle()
        return scene

    def settle(self) -> None:
        """Apply what the scenes asked of the stack, as the loop does between frames
        (for tests that call a scene's method directly)."""
        self.ctx.scenes.apply_pending()

    # Input: real events, read by the app's own input step ---------------------
    def press(self, *keys: str, times: int = 1, together: bool = False) -> None:
        """Press each key in turn (``times`` over), one frame's input each, or all in
        one frame's input if ``together``. Keys are pygame key names such as
        "return", "escape", "space", "tab", "shift+tab", "up", "q" or "2"."""
        for key in keys * times:
            mod, name = (pygame.KMOD_SHIFT, key[6:]) if key.startswith("shift+") else (0, key)
            char = " " if name == "space" else name if len(name) == 1 else ""
            self._post_key(pygame.key.key_code(name), char, mod)
            if not together:
                self.app.read_input()
        if together:
            self.app.read_input()

    def type(self, text: str) -> None:
        """Type ``text`` one character a frame (into a name field, say)."""
        for char in text:
            try:
                code = pygame.key.key_code("space" if char == " " else char.lower())
            except ValueError:
                code = pygame.K_UNKNOWN
            self._post_key(code, char, 0)
            self.app.read_input()

    @staticmethod
    def _post_key(code: int, char: str, mod: int) -> None:
        """A key as SDL reports it: down, the text it types (if any), up."""
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=char))
        if char:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=char))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=mod))

    def click(self, pos: tuple[int, int]) -> None:
        """Press and release the left button at ``pos`` (the pointer does not move there)."""
        for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            pygame.event.post(pygame.event.Event(kind, button=1, pos=pos))
        self.app.read_input()

    def point(self, pos: tuple[int, int]) -> None:
        """Move the pointer to ``pos``."""
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=()))
        self.app.read_input()

    def scroll(self, amount: int) -> None:
        """Turn the wheel: positive is up, away from the player."""
        pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=amount, flipped=False))
        self.app.read_input()

    def expose(self) -> None:
        """The window was uncovered: the system asks for its picture again."""
        pygame.event.post(pygame.event.Event(pygame.WINDOWEXPOSED))
        self.app.read_input()

    # Time ----------------------------------------------------------------
    def frame(self, seconds: float = FIXED_STEP) -> None:
        """One frame of ``seconds``: the clock moves on, then the app reads input and
        runs the fixed logic steps that much time is worth. Nothing is drawn."""
        assert 0 < seconds <= 0.25, "a longer frame would be cut by the loop's catch-up cap"
        self.clock.advance(seconds)
        self.app.read_input()
        self.app.advance(seconds)

    def frames(self, seconds: float, *, frame: float = FIXED_STEP) -> Iterator[float]:
        """Run frames of ``frame`` seconds for ``seconds``, yielding the time passed after each."""
        passed = 0.0
        for _ in range(max(1, round(seconds / frame))):
            self.frame(frame)
            passed += frame
            yield passed

    def step(self, seconds: float = FIXED_STEP, *, frame: float = FIXED_STEP) -> None:
        """Let ``seconds`` pass, in frames of ``frame``."""
        for _ in self.frames(seconds, frame=frame):
            pass

    def run_until(
        self, done: Callable[[], bool], *, limit: float, frame: float = FIXED_STEP
    ) -> float:
        """Run frames until ``done()`` or ``limit`` seconds; returns the time that passed."""
        passed = 0.0
        while not done() and passed < limit:
            self.frame(frame)
            passed += frame
        return passed

    # Drawing -------------------------------------------------------------
    def draw(self) -> pygame.Surface:
        """Draw the visible scenes now, as the loop's present step draws a changed
        frame, and return the window's surface."""
        for scene in self.ctx.scenes.visible():
            scene.dirty = True
        self.app.present()
        return self.app.screen


#: The ``make_harness`` fixture: one harness per test, with options.
MakeHarness = Callable[..., Harness]
