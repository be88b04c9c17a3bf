"""The "Flare-up today" screen: a prescribed rest day that keeps the streak.

Offered from the main menu. It saves the rest day first, then suggests the
gentle tracks the content names for such days; resting is always a full
answer on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.progress.rest import WINDOW_DAYS, rest_limit, rest_tracks
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.widgets.text import Menu, MenuItem, begin_screen, blit_paragraph, blit_text, panel

if TYPE_CHECKING:
    from game.content.model import Level
    from game.player.data import PlayerData

INTRO = (
    "A bad back day is a day to go easy, not to push. Resting today keeps your streak, "
    "and if moving feels good, a gentle routine can help it settle. Stop if anything "
    "hurts sharply, and see a physiotherapist or doctor if the flare-up does not ease."
)


class FlareUpScene(Scene["Level | None"]):
    """Saves a rest day, then offers the gentle tracks or the menu.

    Dismissed with the gentle level chosen, or None to rest.
    """

    def __init__(self, ctx: AppContext, data: PlayerData) -> None:
        super().__init__(ctx)
        self.data = data
        self.kept = data.record_rest_day()
        items = [MenuItem("Rest today", self._back, hint="", key="r")]
        unlocks = data.unlocks()
        for stage_id in rest_tracks(data.content):
            level = next(
                (lv for lv in data.content.stage_levels(stage_id) if unlocks.is_level_open(lv.id)),
                None,
            )
            if level is not None:
                label = f"Gentle: {data.content.stages[stage_id].name}"
                items.append(MenuItem(label, self._player(level), key=str(len(items))))
        self.menu = Menu(items, top_left=(140, 400), width=520, row_height=52, gap=9)

    def _player(self, level: Level) -> Callable[[], None]:
        def go() -> None:
            self.dismiss(level)

        return go

    def _back(self) -> None:
        self.dismiss(None)

    def handle(self, action: Action) -> None:
        if action.kind is Act.BACK:
            self._back()
        elif self.menu.handle(action):
            self.dirty = True

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        w, h = begin_screen(surface, theme, "Flare-up today", (140, 60))
        box = pygame.Rect(140, 130, w - 280, 240)
        panel(surface, theme, box, edge=c.exhale, width=3)
        limit = rest_limit(self.data.content)
        if self.kept:
            head = "Rest day saved. Your streak is safe."
        else:
            head = f"Rest day noted. Only {limit} a week keep the streak."
        blit_text(surface, theme, head, (box.left + 28, box.top + 22), role="label",
                  bold=True, color=c.exhale)  # fmt: skip
        body = pygame.Rect(box.left + 28, box.top + 70, box.width - 56, 120)
        blit_paragraph(surface, theme, INTRO, body, role="body")
        rule = f"Up to {limit} rest days in any {WINDOW_DAYS} days keep a streak going."
        blit_text(surface, theme, rule, (box.left + 28, box.bottom - 40), role="small",
                  color=c.text_dim)  # fmt: skip
        self.menu.draw(surface, theme)
        blit_text(surface, theme, "Enter or a number to choose   Esc back to the menu",
                  (140, h - 40), role="small", color=c.text_dim)  # fmt: skip
