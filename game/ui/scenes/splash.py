"""The first frame: a title card shown while the rest of the game loads.

Opening a window takes a few milliseconds; reading and checking every level
file, opening the screens and computing the player's stats take several times
that. So the window shows the game's name and a quiet "getting ready" line at
once, and the loading happens behind it, with the window's events handled
between steps so it never looks frozen and can be closed.

This module must stay cheap to import: it is loaded before the first frame,
so it imports only pygame and what the window itself already needs.
"""

from __future__ import annotations

import pygame

from game.ui.input import Act, translate
from game.ui.theme import Theme, fill_gradient

#: Where the words sit: the same places as on the title screen, so a new
#: player's title screen replaces the card without anything jumping.
NAME_AT = ((116, 86), (116, 170))
LINE_AT = (122, 268)
READY_LINE = "Getting ready\u2026"


class Splash:
    """The title card on ``screen``, drawn in the theme's palette."""

    def __init__(self, screen: pygame.Surface, theme: Theme) -> None:
        self.screen = screen
        self.theme = theme
        self.closed = False

    def show(self) -> None:
        """Draw the card and present it."""
        self.draw()
        pygame.display.flip()

    def draw(self) -> None:
        theme, c = self.theme, self.theme.c
        fill_gradient(self.screen, c.bg_top, c.bg_bottom)
        for word, at, colour in zip(("SPINE", "QUEST"), NAME_AT, (c.text, c.accent), strict=True):
            self.screen.blit(theme.text(word, "title", colour, bold=True), at)
        self.screen.blit(theme.text(READY_LINE, "label", c.text_dim), LINE_AT)

    def pump(self) -> bool:
        """Handle the window's events between loading steps; False once it was closed.

        Keys pressed while loading are dropped: the screen they were meant
        for is not there yet, and Enter must not start a level unseen.
        """
        redraw = False
        for event in pygame.event.get():
            action = translate(event)
            if action is not None and action.kind is Act.CLOSE:
                self.closed = True
            elif event.type in (pygame.WINDOWRESIZED, pygame.WINDOWEXPOSED):
                redraw = True
        if redraw and not self.closed:
            self.show()
        return not self.closed
