"""A one-line text entry for names: typing, Backspace, and a visible caret.

The field only edits its own text; the scene that owns it decides what Enter
and Esc mean. The caret does not blink, so a player who asked for reduced
motion sees nothing flash and a screenshot always shows where typing goes.
"""

from __future__ import annotations

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
