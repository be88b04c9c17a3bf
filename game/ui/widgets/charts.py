"""Drawing helpers for progress pictures: the XP bar, the streak heatmap, weekly bars.

Each helper draws into a given rectangle and returns what a scene needs to
make the picture interactive (the heatmap returns each day's cell), so scenes
keep the state and these functions stay plain drawing. Layout maths that does
not need pygame (which day sits in which column) is separate and tested.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pygame

from game.ui.theme import Color, Theme
from game.ui.widgets.colour import mix
from game.ui.widgets.text import blit_text

#: Minutes played on a day -> colour step (0 = nothing played).
HEAT_STEPS: tuple[float, ...] = (0.0, 0.1, 6.0, 11.0, 16.0)
WEEKDAY_LABELS = {0: "Mon", 2: "Wed", 4: "Fri", 6: "Sun"}


# ---------------------------------------------------------------------------
# XP bar
# ---------------------------------------------------------------------------


def draw_progress_bar(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    fraction: float,
    *,
    color: Color | None = None,
    track: Color | None = None,
) -> None:
    """A rounded bar filled to ``fraction`` (clamped to 0..1)."""
    c = theme.c
    radius = rect.height // 2
    pygame.draw.rect(surface, track or mix(c.panel, c.bg_bottom, 0.5), rect, border_radius=radius)
    frac = max(0.0, min(1.0, fraction))
    if frac > 0:
        fill = rect.copy()
        fill.width = max(rect.height, round(rect.width * frac))
        pygame.draw.rect(surface, color or c.accent, fill, border_radius=radius)
    pygame.draw.rect(surface, c.panel_edge, rect, 1, border_radius=radius)


def draw_xp_bar(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    level: int,
    xp_into: int,
    xp_for_next: int,
) -> None:
    """The player-level bar: the bar, then "n / m XP" and "k to level l" under its two ends."""
    draw_progress_bar(surface, theme, rect, xp_into / max(1, xp_for_next))
    c = theme.c
    under = (
        (f"{xp_into:,} / {xp_for_next:,} XP", rect.left, "topleft", c.text),
        (f"{xp_for_next - xp_into:,} to level {level + 1}", rect.right, "topright", c.text_dim),
    )
    for text, x, anchor, color in under:
        blit_text(surface, theme, text, (x, rect.bottom + 8), role="small", color=color,
                  anchor=anchor)  # fmt: skip


def draw_level_row(
    surface: pygame.Surface, theme: Theme, level: int, note: str, left: int, right: int, y: int
) -> None:
    """ "Level n" in bold at ``left`` and a dim ``note`` on its XP ending at ``right``."""
    blit_text(surface, theme, f"Level {level}", (left, y), role="label", bold=True)
    blit_text(surface, theme, note, (right, y + 4), role="small", color=theme.c.text_dim,
              anchor="topright")  # fmt: skip


# ---------------------------------------------------------------------------
# Heatmap
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class HeatmapGrid:
    """Which day sits in which (column, row): weeks as columns, Monday on top."""

    first_monday: date
    today: date
    weeks: int

    @classmethod
    def ending(cls, today: date, days: int) -> HeatmapGrid:
        first = today - timedelta(days=days - 1)
        first_monday = first - timedelta(days=first.weekday())
        weeks = (today - first_monday).days // 7 + 1
        return cls(first_monday, today, weeks)

    def cell_of(self, day: date) -> tuple[int, int] | None:
        if not self.first_monday <= day <= self.today:
            return None
        return (day - self.first_monday).days // 7, day.weekday()

    def day_at(self, col: int, row: int) -> date | None:
        if not (0 <= col < self.weeks and 0 <= row < 7):
            return None
        day = self.first_monday + timedelta(weeks=col, days=row)
        return day if day <= self.today else None

    def days(self) -> list[date]:
        n = (self.today - self.first_monday).days + 1
        return [self.first_monday + timedelta(days=i) for i in range(n)]

    def month_starts(self) -> list[tuple[int, date]]:
        """(column, first of month) for each month that begins inside the grid."""
        out: list[tuple[int, date]] = []
        for day in self.days():
            if day.day == 1 or (day == self.first_monday and day.day <= 7):
                cell = self.cell_of(day)
                if cell is not None:
                    out.append((cell[0], day))
        return out


def heat_level(minutes: float) -> int:
    """0 for no play, else 1 up to ``len(HEAT_STEPS) - 1`` for the longest days."""
    if minutes <= 0:
        return 0
    return max(1, max(i for i, step in enumerate(HEAT_STEPS) if minutes >= step))


def heat_color(theme: Theme, level: int) -> Color:
    c = theme.c
    if level <= 0:
        return mix(c.panel, c.bg_bottom, 0.35)
    return mix(mix(c.panel, c.good, 0.25), c.good, (level - 1) / (len(HEAT_STEPS) - 2))


def draw_heatmap(
    surface: pygame.Surface,
    theme: Theme,
    origin: tuple[int, int],
    grid: HeatmapGrid,
    minutes: Mapping[date, float],
    *,
    cell: int,
    gap: int,
    label_width: int,
    freeze_days: frozenset[date] = frozenset(),
    rest_days: frozenset[date] = frozenset(),
) -> dict[date, pygame.Rect]:
    """Month labels on top, weekday labels at the left, one square per day.

    Returns each day's square, for pointing at a day with the mouse.
    """
    c = theme.c
    x0, y0 = origin
    label_h = theme.px("small") + 8
    step = cell + gap
    gx, gy = x0 + label_width, y0 + label_h
    last_right = -1
    for col, first in grid.month_starts():
        x = gx + col * step
        if x <= last_right:
            continue
        rect = blit_text(surface, theme, f"{first:%b}", (x, y0), role="small", color=c.text_dim)
        last_right = rect.right + 6
    for row, name in WEEKDAY_LABELS.items():
        y = gy + row * step + cell // 2
        blit_text(surface, theme, name, (x0, y), role="small", color=c.text_dim, anchor="midleft")
    cells: dict[date, pygame.Rect] = {}
    radius = max(2, cell // 5)
    for day in grid.days():
        pos = grid.cell_of(day)
        if pos is None:
            continue
        rect = pygame.Rect(gx + pos[0] * step, gy + pos[1] * step, cell, cell)
        fill = heat_color(theme, heat_level(minutes.get(day, 0.0)))
        if day in rest_days and minutes.get(day, 0.0) <= 0:
            fill = rest_color(theme)  # a flare-up rest day: its own colour
        pygame.draw.rect(surface, fill, rect, border_radius=radius)
        if day in freeze_days:
            pygame.draw.rect(surface, c.inhale, rect, 2, border_radius=radius)
        if day == grid.today:
            pygame.draw.rect(surface, c.text, rect, 2, border_radius=radius)
        cells[day] = rect
    return cells


def rest_color(theme: Theme) -> Color:
    """The colour of a flare-up rest day in the calendar."""
    return mix(theme.c.panel, theme.c.exhale, 0.85)


def draw_heat_legend(
    surface: pygame.Surface, theme: Theme, topright: tuple[int, int], cell: int
) -> None:
    """ "Less [] [] [] [] More", right-aligned."""
    c = theme.c
    x, y = topright
    more = blit_text(
        surface, theme, "More", (x, y), role="small", color=c.text_dim, anchor="topright"
    )
    x = more.left - 8
    mid = more.centery
    for level in range(len(HEAT_STEPS) - 1, -1, -1):
        rect = pygame.Rect(0, 0, cell, cell)
        rect.midright = (x, mid)
        pygame.draw.rect(surface, heat_color(theme, level), rect, border_radius=max(2, cell // 5))
        x = rect.left - 4
    blit_text(
        surface, theme, "Less", (x - 4, mid), role="small", color=c.text_dim, anchor="midright"
    )


# ---------------------------------------------------------------------------
# Bar chart
# ---------------------------------------------------------------------------


def nice_ceiling(value: float) -> float:
    """A round number at or above ``value`` for the top of a chart's scale."""
    if value <= 0:
        return 1.0
    for base in (1, 2, 5, 10, 15, 20, 30, 40, 50, 60, 80, 100, 150, 200, 300, 500, 1000):
        if value <= base:
            return float(base)
    magnitude = 10 ** len(str(int(value)))
    return float(magnitude)


def draw_bar_chart(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    values: Sequence[float],
    *,
    color: Color,
    title: str,
    unit: str = "",
    labels: Sequence[str] = (),
    highlight: int | None = None,
) -> list[pygame.Rect]:
    """Bars for ``values`` inside ``rect``: title top-left, the scale's top at the right.

    ``labels`` (optional) go under the bars, only where they fit. Returns each
    bar's column (full height), for pointing at a week.
    """
    c = theme.c
    small = theme.px("small")
    title_rect = blit_text(surface, theme, title, rect.topleft, role="small", color=c.text)
    top = max(values, default=0.0)
    scale = nice_ceiling(top)
    blit_text(
        surface,
        theme,
        f"max {top:.0f}{unit}" if top else "none yet",
        (rect.right, rect.top),
        role="small",
        color=c.text_dim,
        anchor="topright",
    )
    label_h = small + 10 if labels else 0
    plot = pygame.Rect(rect.left, title_rect.bottom + 8, rect.width, 0)
    plot.height = rect.bottom - plot.top - label_h
    pygame.draw.line(surface, c.panel_edge, plot.bottomleft, plot.bottomright, 1)
    mid_y = plot.bottom - plot.height // 2
    for x in range(plot.left, plot.right, 8):
        pygame.draw.line(surface, mix(c.panel, c.panel_edge, 0.5), (x, mid_y), (x + 3, mid_y))
    n = max(1, len(values))
    slot = plot.width / n
    bar_w = max(4, round(slot * 0.62))
    columns: list[pygame.Rect] = []
    last_label_right = -10_000
    for i, value in enumerate(values):
        cx = round(plot.left + slot * (i + 0.5))
        h = round(plot.height * (value / scale)) if value > 0 else 0
        col_rect = pygame.Rect(0, plot.top, bar_w, plot.height)
        col_rect.centerx = cx
        columns.append(col_rect)
        fill = color if highlight is None or i == highlight else mix(color, c.panel, 0.35)
        if h > 0:
            bar = pygame.Rect(0, 0, bar_w, max(3, h))
            bar.midbottom = (cx, plot.bottom)
            pygame.draw.rect(
                surface, fill, bar, border_top_left_radius=4, border_top_right_radius=4
            )
        if labels and i < len(labels) and labels[i]:
            surf = theme.text(labels[i], "small", c.text_dim)
            lrect = surf.get_rect(midtop=(cx, plot.bottom + 6))
            lrect.right = min(lrect.right, rect.right)
            if lrect.left > last_label_right + 6:
                surface.blit(surf, lrect)
                last_label_right = lrect.right
    return columns
