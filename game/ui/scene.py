"""Scenes on a stack (a pushdown automaton) with lifecycle hooks.

Only the top scene receives actions and updates. A scene asks the stack for
changes (push, dismiss with a result, reset); the changes are applied between
frames, so no scene ever changes state while the screen is being drawn.

A scene that answers something is a ``Scene[R]``: whoever pushes it may pass
``on_result``, and ``dismiss(result)`` takes the scene off the stack and hands
the result to that callback. The scene uncovered resumes once all queued
changes are applied, and only if it is still on top then: a callback that
pushes the next scene (intro, then play, then results) leaves it paused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    import pygame

    from game.ui.context import AppContext
    from game.ui.input import Action

R = TypeVar("R")


class Scene(Generic[R]):
    """Base class: override what you need. All hooks are optional.

    ``R`` is what the scene hands back when it is dismissed (``None`` for a
    scene that only closes).
    """

    #: Draw the scene below first (for dialogs and overlays).
    transparent: bool = False
    #: Keep calling update at full rate even if nothing changed (animations).
    animated: bool = False

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.dirty = True  # draw again on the next frame

    def dismiss(self, result: R) -> None:
        """Leave the stack between frames, handing ``result`` to whoever pushed this scene."""
        self.ctx.scenes.dismiss(self, result)

    # Lifecycle -----------------------------------------------------------
    def enter(self) -> None:
        """Pushed onto the stack."""

    def exit(self) -> None:
        """Removed from the stack."""

    def pause(self) -> None:
        """Another scene was pushed on top."""

    def resume(self) -> None:
        """The scene above was removed; this one is on top again."""
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


#: A scene on the stack and what receives its result.
_Entry = tuple[Scene[Any], Callable[[Any], None] | None]


class SceneStack:
    def __init__(self) -> None:
        self._entries: list[_Entry] = []
        self._pending: list[Callable[[], None]] = []
        #: The scene uncovered by a close, resumed once the queued changes are
        #: applied: a result's receiver that pushes the next scene (intro, then
        #: play, then results) leaves it paused instead of waking it in between.
        self._uncovered: Scene[Any] | None = None

    # Requests (applied by ``apply_pending``) -------------------------------
    def push(self, scene: Scene[R], on_result: Callable[[R], None] | None = None) -> None:
        """Put ``scene`` on top; ``on_result`` receives what it is dismissed with."""
        self._pending.append(lambda: self._push((scene, on_result)))

    def dismiss(self, scene: Scene[R], result: R) -> None:
        """Take ``scene`` off the top and hand ``result`` to its ``on_result``.

        Nothing happens if, by then, ``scene`` is not the top scene any more.
        """
        self._pending.append(lambda: self._dismiss(scene, result))

    def pop(self) -> None:
        """Close the top scene, whatever it is, with no result."""
        self._pending.append(self._close_top)

    def reset(self, scene: Scene[Any]) -> None:
        """Clear the stack and start again from ``scene`` (e.g. a new profile)."""

        def op() -> None:
            while self._entries:
                self._entries.pop()[0].exit()
            self._uncovered = None
            self._push((scene, None), pause_below=False)

        self._pending.append(op)

    def apply_pending(self) -> bool:
        """Apply queued changes in order; True if anything changed."""
        changed = bool(self._pending)
        while self._pending:
            self._pending.pop(0)()
        uncovered, self._uncovered = self._uncovered, None
        if uncovered is not None:
            uncovered.resume()
        return changed

    # Queries -----------------------------------------------------------
    @property
    def top(self) -> Scene[Any] | None:
        return self._entries[-1][0] if self._entries else None

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Scene[Any]]:
        return iter(tuple(scene for scene, _ in self._entries))

    def visible(self) -> list[Scene[Any]]:
        """The scenes to draw, bottom first: the top one and any it shows through."""
        out: list[Scene[Any]] = []
        for scene, _ in reversed(self._entries):
            out.append(scene)
            if not scene.transparent:
                break
        return list(reversed(out))

    # Internals -----------------------------------------------------------
    def _push(self, entry: _Entry, *, pause_below: bool = True) -> None:
        if pause_below and self._entries:
            below = self._entries[-1][0]
            if below is self._uncovered:
                self._uncovered = None  # covered again before it woke: it stays paused
            else:
                below.pause()
        self._entries.append(entry)
        scene = entry[0]
        scene.dirty = True
        scene.enter()

    def _close_top(self) -> None:
        self._remove_top()

    def _remove_top(self) -> Callable[[Any], None] | None:
        """Remove the top scene; the one below resumes once the queued changes are
        applied (see ``apply_pending``). Returns the removed scene's result's receiver."""
        if not self._entries:
            return None
        scene, on_result = self._entries.pop()
        scene.exit()
        self._uncovered = self._entries[-1][0] if self._entries else None
        return on_result

    def _dismiss(self, scene: Scene[R], result: R) -> None:
        if self.top is not scene:
            return
        on_result = self._remove_top()
        if on_result is not None:
            on_result(result)
