"""The pause menu and a yes/no confirmation, drawn over the level in play."""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import pygame

from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.widgets.text import Menu, MenuItem, blit_fitted, blit_paragraph, blit_text, panel


class PauseChoice(enum.Enum):
    RESUME = "resume"
    RESTART = "restart"
    SKIP = "skip"
    QUIT = "quit"


def _shade(surface: pygame.Surface) -> None:
    veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    veil.fill((0, 0, 0, 160))
    surface.blit(veil, (0, 0))


class PauseScene(Scene[PauseChoice]):
    """Resume, restart or skip the exercise, settings, or quit (after a yes)."""

    transparent = True

    def __init__(
        self,
        ctx: AppContext,
        level_name: str,
        open_settings: Callable[[], Scene[Any]] | None = None,
    ) -> None:
        super().__init__(ctx)
        self.level_name = level_name
        items = [
            MenuItem("Resume", lambda: self.dismiss(PauseChoice.RESUME), key="r"),
            MenuItem("Restart this exercise", lambda: self.dismiss(PauseChoice.RESTART), key="e"),
            MenuItem("Skip this exercise", lambda: self.dismiss(PauseChoice.SKIP), key="k"),
        ]
        if open_settings is not None:
            items.append(
                MenuItem("Settings", lambda: self.ctx.scenes.push(open_settings()), key="t")
            )
        items.append(MenuItem("Quit level", self._ask_quit, key="q"))
        self.menu = Menu(items, top_left=(430, 250), width=420)

    def _ask_quit(self) -> None:
        self.ctx.scenes.push(
            ConfirmScene(
                self.ctx,
                "Quit this level?",
                "It will not count as completed, but the work you did is kept in your history.",
            ),
            on_result=self._quit_answered,
        )

    def _quit_answered(self, yes: bool) -> None:
        if yes:
            self.dismiss(PauseChoice.QUIT)

    def handle(self, action: Action) -> None:
        if action.kind is Act.BACK or (action.kind is Act.PAUSE and self.menu.focus == 0):
            self.dismiss(PauseChoice.RESUME)
            return
        if self.menu.handle(action):
            self.dirty = True

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        _shade(surface)
        w, _ = surface.get_size()
        card = pygame.Rect(400, 130, 480, 470)
        panel(surface, theme, card)
        blit_text(
            surface,
            theme,
            "Paused",
            (w // 2, card.top + 30),
            role="heading",
            bold=True,
            anchor="midtop",
        )
        blit_fitted(
            surface,
            theme,
            self.level_name,
            (w // 2, card.top + 80),
            card.width - 48,
            roles=("body", "small"),
            color=theme.c.text_dim,
            anchor="midtop",
        )
        self.menu.draw(surface, theme)


class ConfirmScene(Scene[bool]):
    """A yes/no question: True for yes, False for no (and for Esc)."""

    transparent = True

    def __init__(self, ctx: AppContext, question: str, detail: str = "") -> None:
        super().__init__(ctx)
        self.question = question
        self.detail = detail
        self.menu = Menu(
            [
                MenuItem("No, go back", lambda: self.dismiss(False), key="n"),
                MenuItem("Yes", lambda: self.dismiss(True), key="y"),
            ],
            top_left=(430, 390),
            width=420,
        )

    def handle(self, action: Action) -> None:
        if action.kind is Act.BACK:
            self.dismiss(False)
            return
        if self.menu.handle(action):
            self.dirty = True

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        _shade(surface)
        card = pygame.Rect(380, 200, 520, 360)
        panel(surface, theme, card, edge=theme.c.warn)
        blit_text(
            surface,
            theme,
            self.question,
            (card.centerx, card.top + 30),
            role="heading",
            bold=True,
            anchor="midtop",
        )
        blit_paragraph(
            surface,
            theme,
            self.detail,
            pygame.Rect(card.left + 40, card.top + 94, card.width - 80, 90),
        )
        self.menu.draw(surface, theme)
