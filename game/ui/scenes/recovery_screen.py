"""When the save cannot be read, and one-off notices after opening it.

An unreadable save is the player's history, so this screen never replaces it
on its own: it shows the store's full message, says that nothing was deleted
and where the files are, and keeps the files unless the player chooses to
start over and then says yes a second time. Quitting is the default focus.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.scenes.pause import ConfirmScene
from game.ui.widgets.text import Menu, MenuItem, begin_screen, blit_paragraph, blit_text, panel

KEEP_LABEL = "Quit and keep the files as they are"
START_OVER_LABEL = "Start over with a new save"


def _card_text_rect(card: pygame.Rect, top: int, height: int) -> pygame.Rect:
    return pygame.Rect(card.left + 48, top, card.width - 96, height)


class RecoveryScene(Scene[None]):
    """Keep the unreadable files (default) or, after a confirmation, start over.

    It is the first screen, with no caller to hand an answer to, so starting
    over is an action it is given, as the title is given its menu.
    """

    def __init__(self, ctx: AppContext, message: str, on_start_over: Callable[[], None]) -> None:
        super().__init__(ctx)
        self.message = message
        self.on_start_over = on_start_over
        self.started_over = False
        self.menu = Menu(
            [
                MenuItem(KEEP_LABEL, ctx.request_quit, key="q"),
                MenuItem(START_OVER_LABEL, self._ask, key="s"),
            ],
            top_left=(148, 500),
            width=620,
            row_height=54,
            gap=12,
        )

    def _ask(self) -> None:
        self.ctx.scenes.push(
            ConfirmScene(
                self.ctx,
                "Start a new save?",
                "Your old files are moved aside into a quarantine folder, not deleted. "
                "The new save starts with no players.",
            ),
            on_result=self._start_over_answered,
        )

    def _start_over_answered(self, yes: bool) -> None:
        if yes and not self.started_over:
            self.started_over = True
            self.on_start_over()

    def handle(self, action: Action) -> None:
        if action.kind is Act.BACK:
            self.menu.focus = 0  # Esc never starts over: it returns to the safe choice
            self.dirty = True
            return
        if self.menu.handle(action):
            self.dirty = True

    def where(self) -> str:
        folder = self.ctx.saves_dir
        if folder is None:
            return "Nothing was deleted: the files are still in the save folder, untouched."
        return f"Nothing was deleted: the files are still in {folder}, untouched."

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        w, h = begin_screen(surface, theme)
        card = pygame.Rect(100, 44, w - 200, 614)
        panel(surface, theme, card, edge=c.warn)
        y = card.top + 32
        blit_text(
            surface,
            theme,
            "Your save could not be read",
            (card.left + 48, y),
            role="heading",
            bold=True,
            color=c.warn,
        )
        y += theme.px("heading") + 28
        y = blit_paragraph(surface, theme, self.message, _card_text_rect(card, y, 200), role="body")
        y += 16
        pygame.draw.line(surface, c.panel_edge, (card.left + 48, y), (card.right - 48, y), 1)
        y += 18
        y = blit_paragraph(
            surface,
            theme,
            self.where(),
            _card_text_rect(card, y, self.menu.top_left[1] - y - 20),
            role="body",
            color=c.text_dim,
        )
        self.menu.draw(surface, theme)
        blit_text(
            surface,
            theme,
            "Up/Down to choose, Enter to confirm",
            (w // 2, h - 24),
            role="small",
            color=c.text_dim,
            anchor="midbottom",
        )


class NoticeScene(Scene[None]):
    """Things the player should know once (a repaired save, no sound); OK closes."""

    transparent = True

    def __init__(self, ctx: AppContext, lines: list[str]) -> None:
        super().__init__(ctx)
        self.lines = list(lines)
        self.menu = Menu([MenuItem("OK", self._close)], top_left=(540, 0), width=200, row_height=52)

    def _close(self) -> None:
        self.dismiss(None)

    def handle(self, action: Action) -> None:
        if action.kind in (Act.CONFIRM, Act.BACK, Act.PAUSE):
            self._close()
            return
        if action.kind is Act.CLICK:
            self._close()  # a click anywhere dismisses; nothing else is on offer
            return
        if self.menu.handle(action):
            self.dirty = True

    def _layout(self, surface: pygame.Surface) -> tuple[pygame.Rect, list[list[str]]]:
        theme = self.ctx.theme
        w, h = surface.get_size()
        width = 760
        wrapped = [theme.wrap(line, width - 120) for line in self.lines]
        step = round(theme.px("body") * 1.3)
        body = sum(len(p) * step + 14 for p in wrapped)
        height = min(h - 80, 110 + body + 100)
        card = pygame.Rect((w - width) // 2, (h - height) // 2, width, height)
        return card, wrapped

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill((0, 0, 0, 170))
        surface.blit(veil, (0, 0))
        card, wrapped = self._layout(surface)
        panel(surface, theme, card, edge=c.accent)
        blit_text(
            surface,
            theme,
            "Please note",
            (card.centerx, card.top + 26),
            role="heading",
            bold=True,
            anchor="midtop",
        )
        y = card.top + 40 + theme.px("heading") + 20
        step = round(theme.px("body") * 1.3)
        limit = card.bottom - 90
        for para in wrapped:
            pygame.draw.circle(surface, c.accent, (card.left + 44, y + step // 2), 5)
            for line in para:
                if y + step > limit:
                    break
                blit_text(surface, theme, line, (card.left + 60, y), role="body")
                y += step
            y += 14
        self.menu.top_left = (card.centerx - self.menu.width // 2, card.bottom - 76)
        self.menu.draw(surface, theme)
