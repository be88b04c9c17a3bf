"""Small reusable pieces of screen: panels, text blocks and a focusable menu.

The menu works the same with the keyboard (arrows, Tab, Enter, a letter) and
the mouse (point, click), and always marks the focused item clearly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygame

from game.ui.input import Act, Action
from game.ui.theme import Color, Theme


def panel(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    *,
    color: Color | None = None,
    edge: Color | None = None,
    radius: int = 14,
    width: int = 2,
) -> None:
    """A rounded card."""
    pygame.draw.rect(surface, color or theme.c.panel, rect, border_radius=radius)
    if width:
        pygame.draw.rect(surface, edge or theme.c.panel_edge, rect, width, border_radius=radius)


def blit_text(
    surface: pygame.Surface,
    theme: Theme,
    text: str,
    pos: tuple[int, int],
    *,
    role: str = "body",
    color: Color | None = None,
    bold: bool = False,
    anchor: str = "topleft",
) -> pygame.Rect:
    """Draw one line of cached text; returns where it went."""
    surf = theme.text(text, role, color, bold)
    rect = surf.get_rect(**{anchor: pos})
    surface.blit(surf, rect)
    return rect


def begin_screen(
    surface: pygame.Surface,
    theme: Theme,
    heading: str = "",
    pos: tuple[int, int] = (0, 0),
    *,
    color: Color | None = None,
) -> tuple[int, int]:
    """Start a screen's picture: the theme's background over all of ``surface``,
    then ``heading`` (bold, heading size, its top left at ``pos``) if one is given.

    Returns the surface's size, which the rest of the layout is worked out from.
    """
    size = surface.get_size()
    surface.blit(theme.background(size), (0, 0))
    if heading:
        blit_text(surface, theme, heading, pos, role="heading", bold=True, color=color)
    return size


def screen_header(
    surface: pygame.Surface, theme: Theme, title: str, keys: str, margin: int
) -> pygame.Rect:
    """A screen's title at the top left and its keys at the top right; the title's rect."""
    rect = blit_text(surface, theme, title, (margin, 34), role="heading", bold=True)
    right = (surface.get_width() - margin, 48)
    blit_text(surface, theme, keys, right, role="small", color=theme.c.text_dim, anchor="topright")
    return rect


def blit_fitted(
    surface: pygame.Surface,
    theme: Theme,
    text: str,
    pos: tuple[int, int],
    width: int,
    *,
    roles: tuple[str, ...] = ("body",),
    color: Color | None = None,
    bold: bool = False,
    anchor: str = "topleft",
) -> pygame.Rect:
    """One line within ``width`` pixels: in the first of ``roles`` it fits in,
    else in the last, shortened by whole words and ending in an ellipsis."""
    for role in roles:
        if theme.font(role, bold).size(text)[0] <= width:
            break
    else:
        text = _ellipsized(theme, text, width, role, bold)
    return blit_text(surface, theme, text, pos, role=role, color=color, bold=bold, anchor=anchor)


def fit_line(theme: Theme, text: str, width: int, role: str, bold: bool = False) -> str:
    """``text`` cut letter by letter, with an ellipsis, so it fits ``width`` pixels."""
    font = theme.font(role, bold)
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


def title_layout(
    theme: Theme, text: str, width: int, roles: tuple[str, ...] = ("heading", "label")
) -> tuple[str, list[str]]:
    """The one rule for titles in a box ``width`` wide: (role, lines).

    On one line in the first of ``roles`` it fits in; else in the last role
    on up to two lines, the second shortened with an ellipsis if even that is
    not enough. Titles are always bold. Long level and move names, and the
    large text size, are what this is for.
    """
    for role in roles:
        if theme.font(role, True).size(text)[0] <= width:
            return role, [text]
    small = roles[-1]
    lines = theme.wrap(text, width, small, True)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    font = theme.font(small, True)
    lines = [ln if font.size(ln)[0] <= width else _ellipsized(theme, ln, width, small, True)
             for ln in lines]  # fmt: skip
    return small, lines


def blit_title(
    surface: pygame.Surface,
    theme: Theme,
    text: str,
    pos: tuple[int, int],
    width: int,
    *,
    roles: tuple[str, ...] = ("heading", "label"),
    color: Color | None = None,
) -> pygame.Rect:
    """Draw a title at ``pos`` (its top left) by :func:`title_layout`; returns what it covers."""
    role, lines = title_layout(theme, text, width, roles)
    step = line_step(theme, role, 1.2)
    drawn = pygame.Rect(pos, (0, 0))
    for n, line in enumerate(lines):
        at = (pos[0], pos[1] + n * step)
        rect = blit_text(surface, theme, line, at, role=role, color=color, bold=True)
        drawn = rect if n == 0 else drawn.union(rect)
    return drawn


def blit_paragraph(
    surface: pygame.Surface,
    theme: Theme,
    text: str,
    rect: pygame.Rect,
    *,
    role: str = "body",
    color: Color | None = None,
    bold: bool = False,
    spacing: float = 1.3,
) -> int:
    """Draw wrapped text inside ``rect``; returns the y below the last line.

    Text that does not fit is never cut mid-sentence without a sign: the last
    line that fits ends with an ellipsis.
    """
    y = rect.top
    step = line_step(theme, role, spacing)
    lines = theme.wrap(text, rect.width, role, bold)
    room = max(0, (rect.height + step // 3) // step)
    if len(lines) > room:
        cut = [_ellipsized(theme, lines[room - 1], rect.width, role, bold)] if room else []
        lines = lines[: max(0, room - 1)] + cut
    for line in lines:
        blit_text(surface, theme, line, (rect.left, y), role=role, color=color, bold=bold)
        y += step
    return y


def summary_lines(
    theme: Theme, text: str, width: int, max_lines: int, role: str = "small", bold: bool = False
) -> list[str]:
    """``text`` wrapped to at most ``max_lines``, cut only between sentences.

    Where a card has room for a line or two of a longer text that is shown in
    full elsewhere (a badge's description, say), whole sentences read better
    than a sentence broken off with an ellipsis; the first sentence is kept
    even when it alone is too long, and only then does a line end in "...".
    """
    lines = theme.wrap(text, width, role, bold)
    if len(lines) <= max_lines:
        return lines
    sentences = [part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part]
    for keep in range(len(sentences) - 1, 0, -1):
        lines = theme.wrap(" ".join(sentences[:keep]), width, role, bold)
        if len(lines) <= max_lines:
            return lines
    lines = theme.wrap(sentences[0] if sentences else text, width, role, bold)
    if len(lines) > max_lines:
        last = " ".join(lines[max_lines - 1 :]) + " …"
        lines = [*lines[: max_lines - 1], _ellipsized(theme, last, width, role, bold)]
    return lines


def line_step(theme: Theme, role: str, spacing: float = 1.3) -> int:
    """Pixels from one line of a :func:`blit_paragraph` to the next."""
    return round(theme.px(role) * spacing)


def _ellipsized(theme: Theme, line: str, width: int, role: str, bold: bool) -> str:
    """``line`` shortened by whole words until it fits with an ellipsis after it."""
    font = theme.font(role, bold)
    words = line.split()
    while words:
        trial = " ".join(words).rstrip(",;:.") + "\u2026"
        if font.size(trial)[0] <= width:
            return trial
        words.pop()
    return "\u2026"


@dataclass
class MenuItem:
    label: str
    on_select: Callable[[], None]
    hint: str = ""
    enabled: bool = True
    key: str = ""  # a one-letter accelerator, shown underlined-ish as [K]


class Menu:
    """A vertical list of buttons with one focused item."""

    def __init__(
        self,
        items: Sequence[MenuItem],
        *,
        top_left: tuple[int, int],
        width: int = 420,
        row_height: int = 58,
        gap: int = 10,
    ) -> None:
        self.items = list(items)
        self.focus = next((i for i, it in enumerate(self.items) if it.enabled), 0)
        self.top_left = top_left
        self.width = width
        self.row_height = row_height
        self.gap = gap

    def rects(self) -> list[pygame.Rect]:
        x, y = self.top_left
        step = self.row_height + self.gap
        return [
            pygame.Rect(x, y + i * step, self.width, self.row_height)
            for i in range(len(self.items))
        ]

    def _move(self, delta: int) -> None:
        n = len(self.items)
        for k in range(1, n + 1):
            i = (self.focus + delta * k) % n
            if self.items[i].enabled:
                self.focus = i
                return

    def handle(self, action: Action) -> bool:
        """Apply an action; True if the menu used it (so the scene redraws)."""
        kind = action.kind
        if kind in (Act.UP, Act.PREV):
            self._move(-1)
            return True
        if kind in (Act.DOWN, Act.NEXT):
            self._move(1)
            return True
        if kind in (Act.CONFIRM, Act.PAUSE):
            self._select(self.focus)
            return True
        if kind is Act.SHORTCUT:
            for i, item in enumerate(self.items):
                if item.key and item.key == action.text.lower() and item.enabled:
                    self.focus = i
                    self._select(i)
                    return True
            return False
        if kind in (Act.POINT, Act.CLICK):
            for i, rect in enumerate(self.rects()):
                if rect.collidepoint(action.pos) and self.items[i].enabled:
                    changed = self.focus != i
                    self.focus = i
                    if kind is Act.CLICK:
                        self._select(i)
                        return True
                    return changed
        return False

    def _select(self, index: int) -> None:
        item = self.items[index]
        if item.enabled:
            item.on_select()

    def draw(self, surface: pygame.Surface, theme: Theme) -> None:
        c = theme.c
        for i, (item, rect) in enumerate(zip(self.items, self.rects(), strict=True)):
            focused = i == self.focus
            if focused:
                glow = rect.inflate(8, 8)
                pygame.draw.rect(surface, c.accent, glow, 3, border_radius=16)
                panel(surface, theme, rect, color=c.accent, edge=c.accent)
                fg = c.accent_text
            else:
                panel(surface, theme, rect)
                fg = c.text if item.enabled else c.locked
            label = item.label
            blit_text(
                surface,
                theme,
                label,
                (rect.left + 22, rect.centery),
                role="label",
                color=fg,
                bold=focused,
                anchor="midleft",
            )
            if item.key:
                blit_text(
                    surface,
                    theme,
                    item.key.upper(),
                    (rect.right - 18, rect.centery),
                    role="small",
                    color=fg if focused else c.text_dim,
                    anchor="midright",
                )
            if focused and item.hint:
                blit_text(
                    surface,
                    theme,
                    item.hint,
                    (rect.right + 24, rect.centery),
                    role="body",
                    color=c.text_dim,
                    anchor="midleft",
                )
