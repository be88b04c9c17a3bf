"""The dose chart: how each move's dose grew over the last twelve weeks.

Opened with D from the progress screen. One small step chart per move, the
most played first, each with its range and today's dose, so the player (or
their physiotherapist) sees the growth the check-ins earned.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pygame

from game.progress.dose_history import CHART_WEEKS, dose_series
from game.progress.doses import ladder
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.widgets.dose_text import amount_words
from game.ui.widgets.text import begin_screen, blit_fitted, blit_text, panel, screen_header

if TYPE_CHECKING:
    from game.player.data import PlayerData

MARGIN = 60
SHOWN = 6


class DoseChartScene(Scene[None]):
    def __init__(self, ctx: AppContext, data: PlayerData) -> None:
        super().__init__(ctx)
        self.data = data
        self.today = data.today()
        series = dose_series(data.content, data.history(), self.today)
        self.series = dict(list(series.items())[:SHOWN])

    def handle(self, action: Action) -> None:
        if action.kind in (Act.BACK, Act.CONFIRM):
            self.ctx.scenes.pop()

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        w, h = begin_screen(surface, theme)
        screen_header(surface, theme, f"Doses, last {CHART_WEEKS} weeks", "Esc: back", MARGIN)
        if not self.series:
            blit_text(surface, theme, "Play a level and rate its moves: their doses show here.",
                      (MARGIN, 140), role="body", color=c.text_dim)  # fmt: skip
            return
        cols, gap = 2, 20
        cell_w = (w - 2 * MARGIN - gap) // cols
        cell_h = (h - 110 - 30 - 2 * gap) // 3
        for i, (eid, points) in enumerate(self.series.items()):
            col, row = i % cols, i // cols
            rect = pygame.Rect(MARGIN + col * (cell_w + gap), 104 + row * (cell_h + gap),
                               cell_w, cell_h)  # fmt: skip
            self._draw_move(surface, rect, eid, points)

    def _draw_move(
        self, surface: pygame.Surface, rect: pygame.Rect, eid: str, points: list[tuple[date, float]]
    ) -> None:
        theme = self.ctx.theme
        c = theme.c
        ex = self.data.content.exercises[eid]
        panel(surface, theme, rect)
        rungs = ladder(ex)
        low, high = (rungs[0].amount, rungs[-1].amount) if rungs else (0.0, 1.0)
        now = points[-1][1]
        kind = ex.dose.kind
        title = f"{ex.name}: {amount_words(kind, now)}"
        played = blit_text(surface, theme, f"{len(points)} days played",
                           (rect.right - 16, rect.top + 14), role="small", color=c.text_dim,
                           anchor="topright")  # fmt: skip
        room = played.left - 16 - (rect.left + 16)
        blit_fitted(surface, theme, title, (rect.left + 16, rect.top + 10), room,
                    roles=("body", "small"), bold=True)  # fmt: skip
        label_w = max(theme.font("small").size(amount_words(kind, v))[0] for v in (low, high))
        left = rect.left + 24 + label_w
        plot = pygame.Rect(left, rect.top + 46, rect.right - 20 - left, rect.height - 62)
        pygame.draw.line(surface, c.panel_edge, plot.bottomleft, plot.bottomright, 1)
        for value in (low, high):
            y = self._y(plot, value, low, high)
            pygame.draw.line(surface, c.panel_edge, (plot.left, y), (plot.right, y), 1)
            blit_text(surface, theme, amount_words(kind, value), (plot.left - 6, y),
                      role="small", color=c.text_dim, anchor="midright")  # fmt: skip
        first = self.today - timedelta(weeks=CHART_WEEKS) + timedelta(days=1)
        span = max(1, (self.today - first).days)
        xy = [
            (plot.left + round(plot.width * (d - first).days / span), self._y(plot, v, low, high))
            for d, v in points
        ]
        steps: list[tuple[int, int]] = []
        for x, y in xy:  # a step chart: a dose holds until the next play
            if steps:
                steps.append((x, steps[-1][1]))
            steps.append((x, y))
        if len(steps) > 1:
            pygame.draw.lines(surface, c.good, False, steps, 3)
        for x, y in xy:
            pygame.draw.circle(surface, c.good, (x, y), 4)

    @staticmethod
    def _y(plot: pygame.Rect, value: float, low: float, high: float) -> int:
        frac = 0.5 if high <= low else (value - low) / (high - low)
        return plot.bottom - 4 - round((plot.height - 8) * max(0.0, min(1.0, frac)))
