"""The badges screen: every badge, earned ones in colour with their date, the rest
greyed with what it takes and how far along the player is.

Badges come from data (``levels/badges.yaml``) in the order written there, so
a writer controls the order by editing the file. The grid scrolls when it does
not fit; the focused card is always scrolled into view and its full text is
shown in the footer, so nothing is ever only readable by hovering.
"""

from __future__ import annotations

import pygame

from game.player.data import PlayerData
from game.progress import BadgeStatus
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.theme import Theme
from game.ui.widgets.charts import draw_progress_bar, mix
from game.ui.widgets.icons import draw_badge_medallion, draw_icon
from game.ui.widgets.text import (
    blit_fitted,
    blit_paragraph,
    blit_text,
    panel,
    screen_header,
    summary_lines,
)

COLUMNS = 3
MARGIN = 60
GAP = 18
HEADER_H = 112


def fit_line(theme: Theme, text: str, width: int, role: str, bold: bool = False) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` pixels on one line."""
    font = theme.font(role, bold)
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _num(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def progress_label(status: BadgeStatus) -> str:
    """Short "3 of 7" for a card; the full sentence (``status.text``) is in the footer."""
    return f"{_num(min(status.progress, status.target))} of {_num(status.target)}"


class BadgesScene(Scene[None]):
    def __init__(self, ctx: AppContext, data: PlayerData) -> None:
        super().__init__(ctx)
        self.data = data
        self.statuses: list[BadgeStatus] = []
        self.focus = 0
        self.scroll = 0

    # Lifecycle -------------------------------------------------------------
    def enter(self) -> None:
        self.refresh()

    def resume(self) -> None:
        self.refresh()
        self.dirty = True

    def refresh(self) -> None:
        self.statuses = list(self.data.stats().badges)
        self.focus = min(self.focus, max(0, len(self.statuses) - 1))

    # Layout ----------------------------------------------------------------
    def card_size(self) -> tuple[int, int]:
        theme = self.ctx.theme
        w, _ = self.ctx.size
        width = (w - 2 * MARGIN - (COLUMNS - 1) * GAP) // COLUMNS
        line_body = round(theme.px("body") * 1.3)
        line_small = round(theme.px("small") * 1.3)
        height = 14 * 2 + line_body + 2 * line_small + 8 + line_small
        return width, height

    def row_step(self) -> int:
        return self.card_size()[1] + GAP

    def rows_visible(self) -> int:
        """Whole rows that fit between the header and the footer (at least one)."""
        _, h = self.ctx.size
        room = h - HEADER_H - self.footer_height() - 24 - 8
        return max(1, (room + GAP) // self.row_step())

    def viewport(self) -> pygame.Rect:
        w = self.ctx.size[0]
        height = self.rows_visible() * self.row_step() - GAP + 16
        return pygame.Rect(MARGIN - 8, HEADER_H, w - 2 * MARGIN + 16, height)

    def footer_height(self) -> int:
        return (
            round(self.ctx.theme.px("small") * 1.3) * 2
            + round(self.ctx.theme.px("body") * 1.3)
            + 28
        )

    def card_rect(self, index: int) -> pygame.Rect:
        """Where card ``index`` sits in the scrolled grid (screen coordinates)."""
        cw, ch = self.card_size()
        row, col = divmod(index, COLUMNS)
        top = self.viewport().top + 8
        return pygame.Rect(MARGIN + col * (cw + GAP), top + row * (ch + GAP) - self.scroll, cw, ch)

    def rows(self) -> int:
        return (len(self.statuses) + COLUMNS - 1) // COLUMNS

    def content_height(self) -> int:
        return self.rows() * self.row_step() - GAP + 16

    def max_scroll(self) -> int:
        """Scrolling goes by whole rows, so no card is ever shown cut in half."""
        return max(0, self.rows() - self.rows_visible()) * self.row_step()

    def _scroll_rows(self, rows: int) -> None:
        self.scroll = max(0, min(self.max_scroll(), self.scroll + rows * self.row_step()))

    def _scroll_to_focus(self) -> None:
        row = self.focus // COLUMNS
        first = self.scroll // self.row_step()
        if row < first:
            self._scroll_rows(row - first)
        elif row >= first + self.rows_visible():
            self._scroll_rows(row - first - self.rows_visible() + 1)

    # Input -----------------------------------------------------------------
    def handle(self, action: Action) -> None:
        kind = action.kind
        n = len(self.statuses)
        if kind is Act.BACK:
            self.ctx.scenes.pop()
            return
        if n == 0:
            return
        moves = {
            Act.LEFT: -1,
            Act.RIGHT: 1,
            Act.UP: -COLUMNS,
            Act.DOWN: COLUMNS,
            Act.PREV: -1,
            Act.NEXT: 1,
        }
        if kind in moves:
            target = self.focus + moves[kind]
            if 0 <= target < n:
                self.focus = target
                self._scroll_to_focus()
                self.dirty = True
        elif kind is Act.SCROLL:
            self._scroll_rows(-action.value)
            self.dirty = True
        elif kind in (Act.POINT, Act.CLICK):
            if not self.viewport().collidepoint(action.pos):
                return
            for i in range(n):
                if self.card_rect(i).collidepoint(action.pos) and i != self.focus:
                    self.focus = i
                    self.dirty = True
                    break

    # Drawing ---------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        w, h = surface.get_size()
        surface.blit(theme.background((w, h)), (0, 0))
        earned = sum(1 for s in self.statuses if s.earned)
        keys = "Arrows: choose    Wheel: scroll    Esc: back"
        title = screen_header(surface, theme, "Badges", keys, MARGIN)
        blit_text(
            surface,
            theme,
            f"{earned} of {len(self.statuses)} earned",
            (title.right + 24, title.bottom - 6),
            role="body",
            color=c.accent,
            anchor="bottomleft",
        )
        view = self.viewport()
        surface.set_clip(view)
        for i, status in enumerate(self.statuses):
            rect = self.card_rect(i)
            if rect.bottom < view.top or rect.top > view.bottom:
                continue
            self._draw_card(surface, rect, status, i == self.focus)
        surface.set_clip(None)
        self._draw_scrollbar(surface, view)
        if self.statuses:
            self._draw_footer(surface, self.statuses[self.focus])

    def _draw_card(
        self, surface: pygame.Surface, rect: pygame.Rect, status: BadgeStatus, focused: bool
    ) -> None:
        theme = self.ctx.theme
        c = theme.c
        badge = status.badge
        earned = status.earned
        if focused:
            pygame.draw.rect(surface, c.accent, rect.inflate(8, 8), 3, border_radius=18)
        fill = c.panel if earned else mix(c.panel, c.bg_bottom, 0.45)
        if focused:
            fill = mix(fill, c.panel_edge, 0.35)
        edge = mix(c.accent, c.panel, 0.45) if earned else c.panel_edge
        panel(surface, theme, rect, color=fill, edge=c.accent if focused else edge)
        radius = 30
        center = (rect.left + 16 + radius, rect.top + 16 + radius)
        if earned:
            draw_badge_medallion(
                surface, badge.icon, center, radius, fill=c.accent, ring=c.figure, ink=c.accent_text
            )
        else:
            draw_badge_medallion(
                surface,
                badge.icon,
                center,
                radius,
                fill=mix(c.panel, c.bg_bottom, 0.2),
                ring=c.locked,
                ink=c.locked,
            )
            lock_c = (center[0] + radius - 6, center[1] + radius - 6)
            pygame.draw.circle(surface, c.panel, lock_c, 13)
            draw_icon(surface, "lock", lock_c, 20, c.text_dim)
        x = center[0] + radius + 16
        text_w = rect.right - 16 - x
        y = rect.top + 12
        name_c = c.text if earned else c.text_dim
        line = round(theme.px("small") * 1.3)
        room = 2  # description lines under a one-line name
        if theme.font("small", True).size(badge.name)[0] <= text_w:
            blit_fitted(
                surface, theme, badge.name, (x, y), text_w, roles=("body", "small"),
                bold=True, color=name_c,
            )  # fmt: skip
            y += round(theme.px("body") * 1.3)
        else:  # large text: the name takes two small lines and the description one
            for part in theme.wrap(badge.name, text_w, "small", True)[:2]:
                blit_text(surface, theme, part, (x, y), role="small", bold=True, color=name_c)
                y += line
            room = 1
        for text in summary_lines(theme, badge.description, text_w, room):
            blit_text(surface, theme, text, (x, y), role="small", color=c.text_dim)
            y += line
        bottom = rect.bottom - 12
        if earned and status.earned_on is not None:
            when = f"Earned {status.earned_on:%d %b %Y}".replace(" 0", " ")
            draw_icon(surface, "check", (x + 9, bottom - line // 2), 18, c.good)
            blit_text(
                surface,
                theme,
                when,
                (x + 26, bottom),
                role="small",
                color=c.good,
                anchor="bottomleft",
            )
        else:
            count = blit_text(
                surface,
                theme,
                progress_label(status),
                (rect.right - 16, bottom),
                role="small",
                color=c.text,
                anchor="bottomright",
            )
            bar = pygame.Rect(x, 0, count.left - 12 - x, 10)
            bar.centery = count.centery
            frac = status.progress / status.target if status.target else 0.0
            draw_progress_bar(surface, theme, bar, frac, color=c.inhale)

    def _draw_scrollbar(self, surface: pygame.Surface, view: pygame.Rect) -> None:
        total = self.content_height()
        if total <= view.height:
            return
        c = self.ctx.theme.c
        track = pygame.Rect(view.right + 6, view.top + 8, 6, view.height - 16)
        pygame.draw.rect(surface, mix(c.panel, c.bg_bottom, 0.4), track, border_radius=3)
        thumb_h = max(30, round(track.height * view.height / total))
        span = track.height - thumb_h
        top = track.top + round(span * self.scroll / max(1, self.max_scroll()))
        pygame.draw.rect(surface, c.panel_edge, (track.left, top, 6, thumb_h), border_radius=3)

    def _draw_footer(self, surface: pygame.Surface, status: BadgeStatus) -> None:
        theme = self.ctx.theme
        c = theme.c
        w, h = surface.get_size()
        fh = self.footer_height()
        rect = pygame.Rect(MARGIN, h - fh - 16, w - 2 * MARGIN, fh)
        panel(surface, theme, rect, color=mix(c.panel, c.bg_top, 0.3))
        x, y = rect.left + 20, rect.top + 12
        name = blit_text(surface, theme, status.badge.name, (x, y), role="body", bold=True)
        if status.earned and status.earned_on is not None:
            state = f"earned on {status.earned_on:%A %d %B %Y}".replace(" 0", " ")
            col = c.good
        else:
            pct = round(100 * status.progress / status.target) if status.target else 0
            state = f"{status.text}  ({min(pct, 99)}%)"
            col = c.inhale
        blit_text(
            surface,
            theme,
            state,
            (name.right + 16, name.bottom - 2),
            role="small",
            color=col,
            anchor="bottomleft",
        )
        body = pygame.Rect(x, name.bottom + 6, rect.width - 40, rect.bottom - name.bottom - 10)
        blit_paragraph(
            surface, theme, status.badge.description, body, role="small", color=c.text_dim
        )
