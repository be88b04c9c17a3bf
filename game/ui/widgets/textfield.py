"""A one-line text entry for names: typing, Backspace, and a visible caret.

The field only edits its own text; the scene that owns it decides what Enter
and Esc mean. The caret does not blink, so a player who asked for reduced
motion sees nothing flash and a screenshot always shows where typing goes.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.ui.input import Act, Action
from game.ui.theme import Theme
from game.ui.widgets.text import blit_text, panel

#: The longest profile name the screens accept (the store allows more).
NAME_MAX = 24


def clean_name(text: str) -> str:
    """The name as it will be saved: outer spaces removed."""
    return text.strip()


def name_problem(text: str, taken: list[str] | tuple[str, ...] = ()) -> str:
    """Why ``text`` cannot be a profile name, or "" when it can.

    Names are compared without case and outer spaces, so "Ana" and " ana"
    cannot both exist and confuse the profile list.
    """
    name = clean_name(text)
    if not name:
        return "Type a name first."
    if len(name) > NAME_MAX:
        return f"A name can be at most {NAME_MAX} characters."
    if not name.isprintable():
        return "A name can only use letters, digits, spaces and punctuation."
    if name.casefold() in {t.strip().casefold() for t in taken}:
        return f"There is already a player called {name}. Pick another name."
    return ""


class TextField:
    """The text being typed, capped at ``max_len`` printable characters."""

    def __init__(self, text: str = "", *, max_len: int = NAME_MAX, placeholder: str = "") -> None:
        self.max_len = max_len
        self.placeholder = placeholder
        self.text = ""
        self.insert(text)

    def insert(self, typed: str) -> bool:
        """Add printable characters up to the cap; True if anything was added."""
        added = False
        for ch in typed:
            if len(self.text) >= self.max_len:
                break
            if ch.isprintable():
                self.text += ch
                added = True
        return added

    def handle(self, action: Action) -> bool:
        """TEXT adds, ERASE removes the last character; True if the text changed."""
        if action.kind is Act.TEXT:
            return self.insert(action.text)
        if action.kind is Act.ERASE and self.text:
            self.text = self.text[:-1]
            return True
        return False

    def draw(
        self, surface: pygame.Surface, theme: Theme, rect: pygame.Rect, *, focused: bool
    ) -> None:
        """A box with the text and a caret; a bright double edge while focused."""
        c = theme.c
        if focused:
            pygame.draw.rect(surface, c.accent, rect.inflate(8, 8), 3, border_radius=14)
        panel(surface, theme, rect, color=c.bg_bottom, edge=c.accent if focused else c.panel_edge)
        x = rect.left + 18
        if self.text:
            r = blit_text(
                surface, theme, self.text, (x, rect.centery), role="label", anchor="midleft"
            )
            caret_x = r.right + 3
        else:
            if self.placeholder:
                blit_text(
                    surface,
                    theme,
                    self.placeholder,
                    (x + 6, rect.centery),
                    role="label",
                    color=c.locked,
                    anchor="midleft",
                )
            caret_x = x
        if focused:
            h = theme.px("label")
            pygame.draw.rect(surface, c.accent, (caret_x, rect.centery - h // 2 - 2, 3, h + 4))
        count = f"{len(self.text)}/{self.max_len}"
        blit_text(
            surface,
            theme,
            count,
            (rect.right - 14, rect.centery),
            role="small",
            color=c.text_dim,
            anchor="midright",
        )


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
