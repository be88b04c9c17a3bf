"""The window, the main loop and the scene stack: the only place that wires things.

One fixed-step loop: logic advances in fixed steps of float seconds (with a cap
on catch-up after a long hitch), the screen is drawn at most once per frame and
only when a visible scene says something changed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pygame

from game.clock import Clock, FixedStep, MonotonicClock
from game.ui.context import LOGICAL_SIZE, AppContext
from game.ui.input import Act, Action, translate
from game.ui.scene import Scene, SceneStack
from game.ui.theme import Theme

#: Logic step; 120 Hz keeps timers within 8.3 ms of their exact time.
FIXED_STEP = 1.0 / 120.0
#: Never catch up more than this much logic time after a stall.
MAX_CATCH_UP = 0.25


#: The smallest window the player may drag to; SCALED would otherwise forbid
#: anything under the logical size, and laptops at 960x540 must still fit.
MIN_WINDOW = (640, 360)


def _allow_small_window(size: tuple[int, int]) -> None:
    """Let the scaled window shrink below its logical size (pygame-ce's Window API)."""
    import warnings

    window_type = getattr(pygame, "Window", None)
    if window_type is None:
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            window = window_type.from_display_module()
            window.minimum_size = size
        except (pygame.error, AttributeError, ValueError):
            return


class DisplayUnavailable(RuntimeError):
    """No screen to open a window on (for example a server with no display)."""


#: SDL drivers that draw nowhere: fine when asked for (tests, benchmarks), but
#: a player who starts the game must not get an invisible window.
_INVISIBLE_DRIVERS = frozenset({"offscreen", "dummy"})


def _require_a_screen() -> None:
    driver = pygame.display.get_driver()
    asked = os.environ.get("SDL_VIDEODRIVER", "")
    if driver in _INVISIBLE_DRIVERS and driver != asked:
        pygame.display.quit()
        raise DisplayUnavailable(f"no display found; SDL fell back to its '{driver}' driver")


@dataclass
class AppOptions:
    saves_dir: Path | None = None
    time_scale: float = 1.0
    fullscreen: bool = False
    clock: Clock | None = None
    fps: int = 60
    max_frames: int | None = None  # stop after this many frames (tests, demos)
    fonts_dir: Path | None = None
    extra_notices: list[str] = field(default_factory=list)


class App:
    def __init__(self, options: AppOptions, ctx_setup: Callable[[AppContext], None] | None = None):
        self.options = options
        self._init_pygame()
        _require_a_screen()
        flags = pygame.SCALED | pygame.RESIZABLE
        if options.fullscreen:
            flags |= pygame.FULLSCREEN
        try:
            self.screen = pygame.display.set_mode(LOGICAL_SIZE, flags)
        except pygame.error as exc:
            pygame.quit()
            raise DisplayUnavailable(str(exc)) from exc
        pygame.display.set_caption("Spine Quest")
        _allow_small_window(MIN_WINDOW)
        pygame.key.set_repeat(350, 60)
        self.clock: Clock = options.clock or MonotonicClock()
        self.fixed = FixedStep(FIXED_STEP, MAX_CATCH_UP)
        self.pacer = pygame.time.Clock()
        self.ctx = AppContext(
            theme=Theme(options.fonts_dir),
            scenes=SceneStack(),
            clock=self.clock,
            content=None,
            saves_dir=options.saves_dir,
            time_scale=options.time_scale,
        )
        self.ctx.notices.extend(options.extra_notices)
        if ctx_setup is not None:
            ctx_setup(self.ctx)
        self.frames = 0
        self._text_input = False

    @staticmethod
    def _init_pygame() -> None:
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        pygame.display.init()
        pygame.font.init()

    # ------------------------------------------------------------------
    def run(self, first: Scene[Any]) -> int:
        """Play until the player quits; returns the process exit code."""
        scenes = self.ctx.scenes
        scenes.push(first)
        scenes.apply_pending()
        last = self.clock.monotonic()
        try:
            while not self.ctx.quit_requested and len(scenes):
                now = self.clock.monotonic()
                self.frame(now - last)
                last = now
                if self.options.max_frames is not None and self.frames >= self.options.max_frames:
                    break
        finally:
            while scenes.top is not None:
                scenes.pop()
                scenes.apply_pending()
            pygame.display.quit()
        return 0

    def frame(self, elapsed: float) -> None:
        """One frame: input, fixed logic steps, then at most one draw."""
        self.read_input()
        self.advance(elapsed)
        self.present()
        self.frames += 1
        top = self.ctx.scenes.top
        fps = self.options.fps if top is not None and top.animated else min(30, self.options.fps)
        self.pacer.tick(fps)

    def read_input(self) -> None:
        """Hand the window's events to the scenes, then apply the changes they asked for."""
        self._sync_text_input()
        for event in pygame.event.get():
            action = translate(event, text_mode=self._text_input)
            if action is not None:
                self.dispatch(action)
            elif event.type in (pygame.WINDOWRESIZED, pygame.WINDOWEXPOSED):
                self._mark_visible_dirty()
        self.ctx.scenes.apply_pending()

    def advance(self, elapsed: float) -> None:
        """Run the fixed logic steps that ``elapsed`` seconds are worth, on the top scene."""
        scenes = self.ctx.scenes
        for _ in range(self.fixed.advance(elapsed)):
            top = scenes.top
            if top is None:
                break
            top.update(self.fixed.step)
            if scenes.apply_pending():
                self._mark_visible_dirty()

    def present(self) -> None:
        """Switch the window mode if asked, then draw the visible scenes if any changed."""
        if self.ctx.fullscreen_requested:
            self.ctx.fullscreen_requested = False
            pygame.display.toggle_fullscreen()
            self._mark_visible_dirty()
        visible = self.ctx.scenes.visible()
        if any(s.dirty for s in visible):
            for scene in visible:
                scene.draw(self.screen)
                scene.dirty = False
            pygame.display.flip()

    def dispatch(self, action: Action) -> None:
        """Global keys first, then the top scene."""
        if action.kind is Act.CLOSE:
            self.ctx.request_quit()
            return
        if action.kind is Act.FULLSCREEN:
            self.ctx.toggle_fullscreen()
            return
        top = self.ctx.scenes.top
        if top is not None:
            top.handle(action)

    def _mark_visible_dirty(self) -> None:
        """The window was exposed, resized or switched, or the stack changed:
        every visible scene draws all of itself next frame."""
        for scene in self.ctx.scenes.visible():
            scene.invalidate()

    def _sync_text_input(self) -> None:
        top = self.ctx.scenes.top
        wanted = bool(top is not None and top.wants_text())
        if wanted != self._text_input:
            self._text_input = wanted
            if wanted:
                pygame.key.start_text_input()
            else:
                pygame.key.stop_text_input()
