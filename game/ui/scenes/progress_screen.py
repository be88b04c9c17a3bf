"""The progress screen: player level, streak, six months of play and weekly bars.

Everything here is derived from :class:`PlayerData` once, when the screen is
entered or comes back into view, and drawn into a cached picture; moving the
day cursor over the calendar only redraws the cursor and one line of text, so
the screen costs almost nothing while it sits open.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pygame

from game.player.data import PlayerData
from game.progress import Stats
from game.progress.stats import HEATMAP_DAYS
from game.progress.streaks import MAX_FREEZES, week_start
from game.session.result import SessionResult
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.widgets.charts import (
    HeatmapGrid,
    draw_bar_chart,
    draw_heat_legend,
    draw_heatmap,
    draw_xp_bar,
    mix,
    rest_color,
)
from game.ui.widgets.icons import draw_icon
from game.ui.widgets.text import blit_text, panel, screen_header

CHART_WEEKS = 12
MARGIN = 60
CELL, GAP = 18, 4


@dataclass(frozen=True)
class WeekTotals:
    """One calendar week (from its Monday) of play, for the bar charts."""

    monday: date
    hold_minutes: float
    sessions: int


def weekly_totals(
    results: Iterable[SessionResult], today: date, weeks: int = CHART_WEEKS
) -> list[WeekTotals]:
    """Minutes under tension and sessions per week, oldest week first, this week last."""
    this_week = week_start(today)
    mondays = [this_week - timedelta(weeks=i) for i in range(weeks - 1, -1, -1)]
    held = dict.fromkeys(mondays, 0.0)
    count = dict.fromkeys(mondays, 0)
    for r in results:
        monday = week_start(r.local_date)
        if monday in held:
            held[monday] += r.total_seconds_held / 60.0
            count[monday] += 1
    return [WeekTotals(m, held[m], count[m]) for m in mondays]


def day_words(stats: Stats, day: date) -> str:
    """What the calendar says about one day when the player looks at it."""
    minutes = stats.heatmap.get(day, 0.0)
    if minutes > 0:
        return f"{minutes:.0f} min played"
    if day in stats.rest_days:
        return "flare-up rest day, streak kept"
    if day in stats.streak.freezes_used_on:
        return "rest day, covered by a streak freeze"
    return "no play"


class ProgressScene(Scene[None]):
    """XP bar and level, streak and freezes, the calendar heatmap, weekly charts."""

    def __init__(self, ctx: AppContext, data: PlayerData) -> None:
        super().__init__(ctx)
        self.data = data
        self.stats: Stats | None = None
        self.weeks: list[WeekTotals] = []
        self.grid = HeatmapGrid.ending(data.today(), HEATMAP_DAYS)
        self.focus_day: date = data.today()
        self.cells: dict[date, pygame.Rect] = {}
        self._static: pygame.Surface | None = None
        self._static_key: tuple[Any, ...] = ()
        self._info_y = 0
        self._week_days: set[date] = set()

    # Lifecycle -------------------------------------------------------------
    def enter(self) -> None:
        self.refresh()

    def resume(self) -> None:
        self.refresh()
        self.dirty = True

    def refresh(self) -> None:
        """Read the player's numbers again and throw the cached picture away."""
        today = self.data.today()
        self.stats = self.data.stats()
        self.weeks = weekly_totals((r for r, _ in self.data.history()), today)
        self.grid = HeatmapGrid.ending(today, HEATMAP_DAYS)
        if self.grid.cell_of(self.focus_day) is None:
            self.focus_day = today
        self._static = None

    # Input -----------------------------------------------------------------
    def handle(self, action: Action) -> None:
        kind = action.kind
        if kind is Act.BACK:
            self.ctx.scenes.pop()
            return
        if kind is Act.SHORTCUT and action.text.lower() == "d":
            from game.ui.scenes.dose_chart import DoseChartScene

            self.ctx.scenes.push(DoseChartScene(self.ctx, self.data))
            return
        moves = {Act.LEFT: -7, Act.RIGHT: 7, Act.UP: -1, Act.DOWN: 1}
        if kind in moves:
            self.move_focus(moves[kind])
        elif kind in (Act.POINT, Act.CLICK):
            for day, rect in self.cells.items():
                if rect.collidepoint(action.pos) and day != self.focus_day:
                    self.focus_day = day
                    self.dirty = True
                    break

    def move_focus(self, days: int) -> None:
        target = self.focus_day + timedelta(days=days)
        if self.grid.cell_of(target) is not None and target >= self.grid.first_monday:
            self.focus_day = target
            self.dirty = True

    # Drawing ---------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        key = (surface.get_size(), theme.palette_name, theme.text_size)
        if self._static is None or key != self._static_key:
            self._static = self._render_static(surface.get_size())
            self._static_key = key
        surface.blit(self._static, (0, 0))
        self._draw_focus(surface)

    def _render_static(self, size: tuple[int, int]) -> pygame.Surface:
        if self.stats is None:
            self.refresh()
        stats = self.stats
        assert stats is not None
        theme = self.ctx.theme
        layer = pygame.Surface(size)
        layer.blit(theme.background(size), (0, 0))
        w, h = size
        screen_header(
            layer, theme, "Your progress", "Arrows: look at a day    D: doses    Esc: back", MARGIN
        )
        top = 104
        card_h = 176
        self._draw_level_card(layer, pygame.Rect(MARGIN, top, 600, card_h), stats)
        self._draw_streak_card(layer, pygame.Rect(MARGIN + 620, top, w - 2 * MARGIN - 620, card_h))
        lower = top + card_h + 20
        heat_rect = pygame.Rect(MARGIN, lower, 700, h - lower - 36)
        self._draw_heat_card(layer, heat_rect, stats)
        chart_rect = pygame.Rect(heat_rect.right + 20, lower, w - MARGIN - heat_rect.right - 20, 0)
        chart_rect.height = heat_rect.height
        self._draw_chart_card(layer, chart_rect)
        return layer

    def _draw_level_card(self, layer: pygame.Surface, rect: pygame.Rect, stats: Stats) -> None:
        theme = self.ctx.theme
        c = theme.c
        panel(layer, theme, rect)
        lvl = stats.player_level
        x = rect.left + 28
        blit_text(layer, theme, "PLAYER LEVEL", (x, rect.top + 20), role="small", color=c.text_dim)
        big = blit_text(
            layer,
            theme,
            str(lvl.level),
            (x, rect.top + 44),
            role="heading",
            color=c.accent,
            bold=True,
        )
        blit_text(
            layer,
            theme,
            f"{stats.xp_total:,} XP earned in all",
            (big.right + 18, big.centery),
            role="body",
            anchor="midleft",
        )
        bar = pygame.Rect(x, rect.bottom - 78, rect.width - 56, 24)
        draw_xp_bar(layer, theme, bar, lvl.level, lvl.xp_into_level, lvl.xp_for_next)

    def _draw_streak_card(self, layer: pygame.Surface, rect: pygame.Rect) -> None:
        assert self.stats is not None
        theme = self.ctx.theme
        c = theme.c
        st = self.stats.streak
        panel(layer, theme, rect)
        x = rect.left + 28
        blit_text(layer, theme, "STREAK", (x, rect.top + 20), role="small", color=c.text_dim)
        flame_col = c.glow if st.current else c.locked
        icon_size = theme.px("heading") + 6
        draw_icon(
            layer,
            "flame",
            (x + icon_size // 2, rect.top + 44 + icon_size // 2),
            icon_size,
            flame_col,
        )
        days = "day" if st.current == 1 else "days"
        num = blit_text(
            layer,
            theme,
            f"{st.current} {days}",
            (x + icon_size + 12, rect.top + 44),
            role="heading",
            bold=True,
        )
        blit_text(
            layer,
            theme,
            f"best {st.best}",
            (num.right + 14, num.bottom - 6),
            role="small",
            color=c.text_dim,
            anchor="bottomleft",
        )
        # freezes held, as snowflakes in slots
        right = rect.right - 28
        slot = icon_size
        for i in range(MAX_FREEZES):
            cx = right - slot // 2 - (MAX_FREEZES - 1 - i) * (slot + 8)
            center = (cx, rect.top + 44 + slot // 2)
            held = i < st.freezes_held
            pygame.draw.circle(
                layer, mix(c.panel, c.inhale, 0.25 if held else 0.0), center, slot // 2
            )
            pygame.draw.circle(layer, c.inhale if held else c.locked, center, slot // 2, 2)
            draw_icon(layer, "snowflake", center, round(slot * 0.7), c.inhale if held else c.locked)
        blit_text(
            layer,
            theme,
            f"{st.freezes_held} of {MAX_FREEZES} freezes",
            (right, rect.top + 20),
            role="small",
            color=c.text_dim,
            anchor="topright",
        )
        # the weekly goal: seven day pills, played days filled
        goal_met = st.weekly_goal_met
        label = f"This week: {st.week_days_done} of {st.weekly_goal} days"
        y = rect.bottom - 64
        blit_text(
            layer,
            theme,
            label + ("  - goal met" if goal_met else ""),
            (x, y),
            role="small",
            color=c.good if goal_met else c.text,
        )
        monday = week_start(self.stats.today)
        played = {d for d in self.stats.heatmap if monday <= d <= self.stats.today}
        pill_w = (rect.width - 56 - 6 * 8) // 7
        for i in range(7):
            day = monday + timedelta(days=i)
            pill = pygame.Rect(x + i * (pill_w + 8), rect.bottom - 30, pill_w, 12)
            col = c.good if day in played else mix(c.panel, c.bg_bottom, 0.5)
            pygame.draw.rect(layer, col, pill, border_radius=6)
            if day == self.stats.today:
                pygame.draw.rect(layer, c.text, pill.inflate(4, 4), 1, border_radius=8)

    def _draw_heat_card(self, layer: pygame.Surface, rect: pygame.Rect, stats: Stats) -> None:
        theme = self.ctx.theme
        c = theme.c
        panel(layer, theme, rect)
        x = rect.left + 24
        blit_text(layer, theme, "Last six months", (x, rect.top + 18), role="label", bold=True)
        draw_heat_legend(layer, theme, (rect.right - 24, rect.top + 24), 14)
        label_w = theme.font("small").size("Wed")[0] + 12
        grid_top = rect.top + 18 + theme.px("label") + 22
        self.cells = draw_heatmap(
            layer,
            theme,
            (x, grid_top),
            self.grid,
            stats.heatmap,
            cell=CELL,
            gap=GAP,
            label_width=label_w,
            freeze_days=frozenset(stats.streak.freezes_used_on),
            rest_days=stats.rest_days,
        )
        bottom = max(r.bottom for r in self.cells.values()) if self.cells else grid_top
        played = [m for m in stats.heatmap.values() if m > 0]
        summary = (
            f"{len(played)} days played    {sum(played):.0f} minutes in all    "
            f"{len(stats.streak.freezes_used_on)} covered by a freeze"
        )
        line = blit_text(layer, theme, summary, (x, bottom + 16), role="small", color=c.text_dim)
        if stats.rest_days:  # the rest-day key, in the rest-day colour, on a line of its own
            key = pygame.Rect(x, line.bottom + 8, line.height - 4, line.height - 4)
            pygame.draw.rect(layer, rest_color(theme), key, border_radius=3)
            words = f"{len(stats.rest_days)} flare-up rest days kept your streak"
            blit_text(layer, theme, words, (key.right + 8, key.top - 2), role="small",
                      color=c.text_dim)  # fmt: skip
            bottom = line.bottom + 8 - 16 - theme.px("small") + line.height
        self._info_y = bottom + 16 + theme.px("small") + 14

    def _draw_chart_card(self, layer: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.ctx.theme
        c = theme.c
        panel(layer, theme, rect)
        inner = rect.inflate(-48, -36)
        blit_text(layer, theme, "Last 12 weeks", inner.topleft, role="label", bold=True)
        top = inner.top + theme.px("label") + 18
        half = (inner.bottom - top - 16) // 2
        held = [wk.hold_minutes for wk in self.weeks]
        sessions = [float(wk.sessions) for wk in self.weeks]
        last = len(self.weeks) - 1
        draw_bar_chart(
            layer,
            theme,
            pygame.Rect(inner.left, top, inner.width, half - 14),
            held,
            color=c.accent,
            title="Hold time (minutes)",
            unit=" min",
            highlight=last,
        )
        labels = [
            f"{wk.monday:%d %b}".lstrip("0") if i % 3 == last % 3 else ""
            for i, wk in enumerate(self.weeks)
        ]
        draw_bar_chart(
            layer,
            theme,
            pygame.Rect(inner.left, top + half + 16, inner.width, half),
            sessions,
            color=c.inhale,
            title="Sessions",
            labels=labels,
            highlight=last,
        )

    def _draw_focus(self, surface: pygame.Surface) -> None:
        assert self.stats is not None
        theme = self.ctx.theme
        c = theme.c
        rect = self.cells.get(self.focus_day)
        if rect is None:
            return
        pygame.draw.rect(surface, c.accent, rect.inflate(6, 6), 3, border_radius=6)
        what = day_words(self.stats, self.focus_day)
        when = "Today" if self.focus_day == self.stats.today else f"{self.focus_day:%a %d %b %Y}"
        blit_text(
            surface,
            theme,
            f"{when}:  {what}",
            (MARGIN + 24, self._info_y),
            role="body",
            color=c.accent,
        )

    # For tests ---------------------------------------------------------------
    def focus_text(self) -> str:
        """The day under the cursor, as the info line describes it (minutes played)."""
        assert self.stats is not None
        return f"{self.focus_day.isoformat()} {self.stats.heatmap.get(self.focus_day, 0.0):.0f}"
