"""Screens that show facts worked out from the player's data.

The level map, the badges, the progress screen and the main menu read their
numbers once, not every frame: when they open and whenever the player comes
back to them from a screen above (a level played, a setting changed).
"""

from __future__ import annotations

from game.ui.scene import Scene


class RefreshingScene(Scene[None]):
    """A scene whose :meth:`refresh` runs on entering and on every return."""

    def enter(self) -> None:
        self.refresh()

    def resume(self) -> None:
        super().resume()
        self.refresh()

    def refresh(self) -> None:
        """Read what the screen shows again; each screen says what that is."""
