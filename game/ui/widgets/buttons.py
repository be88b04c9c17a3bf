"""Buttons and checkboxes: a labelled box that can take focus, and a tick box with its words.

Screens draw them where their layout says and decide what a click means;
these functions only draw, and give the height a checkbox's words need.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui.theme import Theme
from game.ui.widgets.text import blit_text, panel


def draw_button(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    label: str,
    *,
    focused: bool,
    enabled: bool = True,
) -> None:
    """A button in the same style as a menu row: solid accent with a halo when focused."""
    c = theme.c
    if focused and enabled:
        pygame.draw.rect(surface, c.accent, rect.inflate(8, 8), 3, border_radius=16)
        panel(surface, theme, rect, color=c.accent, edge=c.accent)
        fg = c.accent_text
    else:
        panel(surface, theme, rect)
        fg = c.text if enabled else c.locked
    blit_text(
        surface, theme, label, rect.center, role="label", color=fg, bold=focused, anchor="center"
    )


CHECKBOX_PAD = 8  # room above and below a checkbox label's text


def checkbox_height(theme: Theme, labels: Sequence[str], width: int) -> int:
    """The row height at which every label fits a checkbox row ``width`` wide:
    one line of body text, or the two smaller lines :func:`draw_checkbox` uses
    for a long name, with padding so the text never touches the row's edge."""
    avail = width - 16 - 26 - 28
    one = max(48, theme.px("body") + 26)
    if all(len(theme.wrap(label, avail, "body", True)) == 1 for label in labels):
        return one
    step = round(theme.px("small") * 1.2)
    return max(one, step + theme.font("small", True).get_height() + 2 * CHECKBOX_PAD)


def draw_checkbox(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    label: str,
    *,
    ticked: bool,
    focused: bool,
    fixed: bool = False,
) -> None:
    """One ticked-or-not row; a fixed row is drawn ticked and dimmed."""
    c = theme.c
    if focused:
        pygame.draw.rect(surface, c.accent, rect.inflate(6, 6), 3, border_radius=12)
    panel(surface, theme, rect, radius=10, width=1)
    box = pygame.Rect(0, 0, 26, 26)
    box.midleft = (rect.left + 16, rect.centery)
    edge = c.locked if fixed else (c.accent if focused else c.text_dim)
    pygame.draw.rect(surface, c.bg_bottom, box, border_radius=5)
    pygame.draw.rect(surface, edge, box, 2, border_radius=5)
    if ticked:
        tick = c.locked if fixed else c.good
        pts = [
            (box.left + 5, box.centery),
            (box.left + 11, box.bottom - 6),
            (box.right - 5, box.top + 5),
        ]
        pygame.draw.lines(surface, tick, False, pts, 4)
    color = c.text_dim if fixed else c.text
    avail = rect.right - box.right - 28
    role = "body"
    lines = theme.wrap(label, avail, role, focused)
    if len(lines) > 1:  # a long name: two smaller lines rather than spilling out
        role = "small"
        lines = theme.wrap(label, avail, role, focused)[:2]
    step = round(theme.px(role) * 1.2)
    y = rect.centery - step * (len(lines) - 1) // 2
    for line in lines:
        blit_text(
            surface,
            theme,
            line,
            (box.right + 16, y),
            role=role,
            color=color,
            bold=focused,
            anchor="midleft",
        )
        y += step
