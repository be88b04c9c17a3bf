"""Scenes on a stack (a pushdown automaton) with lifecycle hooks.

Only the top scene receives actions and updates. A scene asks the stack for
changes (push, pop with a result, replace); the changes are applied between
frames, so no scene ever changes state while the screen is being drawn. When a
scene is popped its result is handed to the scene below through ``resume``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pygame

    from game.ui.context import AppContext
    from game.ui.input import Action


class Scene:
    """Base class: override what you need. All hooks are optional."""

    #: Draw the scene below first (for dialogs and overlays).
    transparent: bool = False
    #: Keep calling update at full rate even if nothing changed (animations).
    animated: bool = False

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.dirty = True  # draw again on the next frame

    # Lifecycle -----------------------------------------------------------
    def enter(self) -> None:
        """Pushed onto the stack."""

    def exit(self) -> None:
        """Removed from the stack."""

    def pause(self) -> None:
        """Another scene was pushed on top."""

    def resume(self, result: Any = None) -> None:
        """The scene above was popped, handing back ``result``."""
        self.dirty = True

    def invalidate(self) -> None:
        """The window may not hold this scene's last picture any more (exposed,
        resized, fullscreen): draw all of it on the next frame."""
        self.dirty = True

    # Per frame -------------------------------------------------------------
    def handle(self, action: Action) -> None:
        """React to one input action."""

    def update(self, dt: float) -> None:
        """Advance by ``dt`` seconds of logic time (a fixed step)."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw; must not change game state."""

    def wants_text(self) -> bool:
        """True while a text field has focus, so letters arrive as TEXT."""
        return False


class SceneStack:
    def __init__(self) -> None:
        self._scenes: list[Scene] = []
        self._pending: list[Callable[[], None]] = []

    # Requests (applied by ``apply_pending``) -------------------------------
    def push(self, scene: Scene) -> None:
        self._pending.append(lambda: self._push(scene))

    def pop(self, result: Any = None) -> None:
        self._pending.append(lambda: self._pop(result))

    def replace(self, scene: Scene) -> None:
        """Swap the top scene for another without resuming the one below."""

        def op() -> None:
            if self._scenes:
                self._scenes.pop().exit()
            self._push(scene, pause_below=False)

        self._pending.append(op)

    def reset(self, scene: Scene) -> None:
        """Clear the stack and start again from ``scene`` (e.g. a new profile)."""

        def op() -> None:
            while self._scenes:
                self._scenes.pop().exit()
            self._push(scene, pause_below=False)

        self._pending.append(op)

    def apply_pending(self) -> bool:
        """Apply queued changes in order; True if anything changed."""
        changed = bool(self._pending)
        while self._pending:
            self._pending.pop(0)()
        return changed

    # Queries -----------------------------------------------------------
    @property
    def top(self) -> Scene | None:
        return self._scenes[-1] if self._scenes else None

    def __len__(self) -> int:
        return len(self._scenes)

    def __iter__(self) -> Any:
        return iter(tuple(self._scenes))

    def visible(self) -> list[Scene]:
        """The scenes to draw, bottom first: the top one and any it shows through."""
        out: list[Scene] = []
        for scene in reversed(self._scenes):
            out.append(scene)
            if not scene.transparent:
                break
        return list(reversed(out))

    # Internals -----------------------------------------------------------
    def _push(self, scene: Scene, *, pause_below: bool = True) -> None:
        if pause_below and self._scenes:
            self._scenes[-1].pause()
        self._scenes.append(scene)
        scene.dirty = True
        scene.enter()

    def _pop(self, result: Any) -> None:
        if not self._scenes:
            return
        self._scenes.pop().exit()
        if self._scenes:
            self._scenes[-1].resume(result)
