"""Settings, saved per profile the moment they change.

The rows are a table (``game.ui.scenes.settings_rows``: what each setting is, how it
steps, how it reads), so adding a setting is one entry, not new branches in the
input code. Every
change is clamped by :class:`PlayerSettings` itself, saved at once, and
applied at once: the screen redraws in the new text size or palette straight
away, so the player sees the effect of what they picked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from game.player.data import PlayerData
from game.player.settings import PlayerSettings
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.scenes.reminder_actions import ReminderActions
from game.ui.scenes.settings_rows import ROWS, Row, stepped, value_of
from game.ui.widgets.buttons import draw_button
from game.ui.widgets.text import begin_screen, blit_paragraph, blit_text, panel

VIEW = pygame.Rect(80, 104, 1120, 466)
BACK = pygame.Rect(1060, 34, 140, 50)


class SettingsScene(Scene[PlayerSettings]):
    """Dismissed with the settings as they stand when the player leaves."""

    def __init__(
        self,
        ctx: AppContext,
        data: PlayerData,
        on_change: Callable[[PlayerSettings], None] | None = None,
        reminders: ReminderActions | None = None,
    ) -> None:
        super().__init__(ctx)
        self.data = data
        self.on_change = on_change
        self.reminders = reminders
        self.message: str | None = None  # what the last button did, shown below the rows
        self.settings = data.settings()
        self.focus = 0
        self.scroll = 0

    # Layout ----------------------------------------------------------------
    def row_h(self) -> int:
        return max(48, self.ctx.theme.px("label") + 20)

    def layout(self) -> list[pygame.Rect]:
        """Each row's rect in screen space, after scrolling (headers take room too)."""
        theme = self.ctx.theme
        head = theme.px("small") + 22
        rects: list[pygame.Rect] = []
        y = VIEW.top - self.scroll
        section = ""
        for row in ROWS:
            if row.section != section:
                section = row.section
                y += head
            rects.append(pygame.Rect(VIEW.left, y, VIEW.width, self.row_h()))
            y += self.row_h() + 6
        return rects

    def _content_height(self) -> int:
        rects = self.layout()
        return rects[-1].bottom + self.scroll - VIEW.top + 8

    def _clamp_scroll(self) -> None:
        self.scroll = max(0, min(self.scroll, self._content_height() - VIEW.height))

    def _show_focus(self) -> None:
        rect = self.layout()[self.focus]
        head = self.ctx.theme.px("small") + 22
        if rect.top - head < VIEW.top:
            self.scroll -= VIEW.top - rect.top + head
        elif rect.bottom > VIEW.bottom:
            self.scroll += rect.bottom - VIEW.bottom + 4
        self._clamp_scroll()

    def value_rect(self, rect: pygame.Rect) -> pygame.Rect:
        return pygame.Rect(rect.right - 420, rect.top + 5, 404, rect.height - 10)

    def arrow_rects(self, rect: pygame.Rect) -> tuple[pygame.Rect, pygame.Rect]:
        box = self.value_rect(rect)
        left = pygame.Rect(box.left, box.top, box.height, box.height)
        right = pygame.Rect(box.right - box.height, box.top, box.height, box.height)
        return left, right

    # Changing values -----------------------------------------------------
    def change(self, delta: int, *, wrap: bool = False) -> None:
        row = ROWS[self.focus]
        if row.kind == "action":
            if wrap:  # Enter or a click: buttons never fire on Left/Right
                self.press(row)
            return
        if row.kind == "screen":
            if wrap:  # Enter or a click opens it; the arrows do nothing here
                self._open_screen(row)
            return
        self.apply(stepped(self.settings, row, delta, wrap=wrap))

    def _open_screen(self, row: Row) -> None:
        from game.ui.scenes.camera_setup import CameraSetupScene

        self.ctx.scenes.push(CameraSetupScene(self.ctx, self.settings, self.apply))

    def press(self, row: Row) -> None:
        """A button: only here does the game write a reminder anywhere."""
        if self.reminders is None:
            self.message = "Reminders are not available in this window."
        elif not self.reminders.available(row.key):
            self.message = "Desktop notifications need Linux; the calendar works everywhere."
        else:
            self.message = self.reminders.run(row.key, self.settings)
        self.dirty = True

    def action_label(self, row: Row) -> str:
        if self.reminders is None:
            return "Not available"
        return self.reminders.status(row.key, self.settings)

    def apply(self, new: PlayerSettings) -> None:
        """Save and apply at once; the theme changes here too so this screen shows it."""
        old = self.settings
        if new == old:
            return
        self.settings = new
        self.data.save_settings(new)
        if self.reminders is not None:
            self.message = self.reminders.settings_changed(old, new) or self.message
        if (new.text_size, new.high_contrast) != (old.text_size, old.high_contrast):
            self.ctx.theme.configure(
                palette="high_contrast" if new.high_contrast else "normal",
                text_size=new.text_size,
            )
            self._show_focus()
        if self.on_change is not None:
            self.on_change(new)
        elif new.fullscreen != old.fullscreen:
            self.ctx.toggle_fullscreen()
        self.dirty = True

    # Input ---------------------------------------------------------------
    def handle(self, action: Action) -> None:
        kind = action.kind
        n = len(ROWS)
        if kind is Act.BACK:
            self.dismiss(self.settings)
        elif kind in (Act.UP, Act.PREV, Act.DOWN, Act.NEXT):
            step = -1 if kind in (Act.UP, Act.PREV) else 1
            self.focus = (self.focus + step) % n
            self.message = None
            self._show_focus()
        elif kind in (Act.LEFT, Act.RIGHT):
            self.change(-1 if kind is Act.LEFT else 1)
        elif kind in (Act.CONFIRM, Act.PAUSE):
            self.change(1, wrap=True)
        elif kind is Act.SCROLL:
            self.scroll -= action.value * self.row_h()
            self._clamp_scroll()
        elif kind in (Act.POINT, Act.CLICK):
            self._pointer(action)
            return
        elif kind is Act.SHORTCUT and action.text.lower() == "t":
            from game.ui.scenes.self_test import SelfTestScene  # "Test me again"

            self.ctx.scenes.push(SelfTestScene(self.ctx, self.data))
        else:
            return
        self.dirty = True

    def _pointer(self, action: Action) -> None:
        if action.kind is Act.CLICK and BACK.collidepoint(action.pos):
            self.dismiss(self.settings)
            return
        if not VIEW.collidepoint(action.pos):
            return
        for i, rect in enumerate(self.layout()):
            if not rect.collidepoint(action.pos):
                continue
            if self.focus != i:
                self.focus = i
                self.message = None
                self.dirty = True
            if action.kind is Act.CLICK:
                left, right = self.arrow_rects(rect)
                if ROWS[i].kind in ("action", "screen"):
                    if self.value_rect(rect).collidepoint(action.pos):
                        self.change(1, wrap=True)
                elif ROWS[i].kind != "toggle" and left.collidepoint(action.pos):
                    self.change(-1)
                elif ROWS[i].kind != "toggle" and right.collidepoint(action.pos):
                    self.change(1)
                elif self.value_rect(rect).collidepoint(action.pos):
                    self.change(1, wrap=True)
            return

    # Drawing -------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        w, h = begin_screen(surface, theme)
        title = blit_text(surface, theme, "Settings", (VIEW.left, 36), role="heading", bold=True)
        who = f"for {self.data.name}"
        if self.data.store.read_only:
            who += "  \u00b7  the save is read-only, so changes last until you quit"
        blit_text(
            surface, theme, who, (title.right + 20, title.centery),
            role="small", color=c.warn if self.data.store.read_only else c.text_dim,
            anchor="midleft",
        )  # fmt: skip
        draw_button(surface, theme, BACK, "Back", focused=False)
        old_clip = surface.get_clip()
        surface.set_clip(VIEW.inflate(12, 8))
        self._draw_rows(surface)
        surface.set_clip(old_clip)
        self._draw_scrollbar(surface)
        box = pygame.Rect(VIEW.left, VIEW.bottom + 14, VIEW.width, 92)
        panel(surface, theme, box, edge=c.accent)
        row = ROWS[self.focus]
        blit_text(
            surface, theme, row.label, (box.left + 20, box.top + 10), role="small",
            color=c.accent, bold=True,
        )  # fmt: skip
        blit_paragraph(
            surface,
            theme,
            self.message or row.explain,
            pygame.Rect(box.left + 20, box.top + 14 + theme.px("small"), box.width - 40, 60),
        )
        blit_text(
            surface,
            theme,
            "Up/Down choose  \u00b7  Left/Right change  \u00b7  Enter toggle  \u00b7  "
            "T test me again  \u00b7  Esc back",
            (w // 2, h - 10),
            role="small",
            color=c.text_dim,
            anchor="midbottom",
        )

    def _draw_rows(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        section = ""
        for i, (row, rect) in enumerate(zip(ROWS, self.layout(), strict=True)):
            if row.section != section:
                section = row.section
                blit_text(
                    surface, theme, section.upper(), (rect.left + 4, rect.top - 8),
                    role="small", color=c.accent, bold=True, anchor="bottomleft",
                )  # fmt: skip
            if rect.bottom < VIEW.top - 40 or rect.top > VIEW.bottom + 40:
                continue
            focused = i == self.focus
            if focused:
                pygame.draw.rect(surface, c.accent, rect.inflate(6, 6), 3, border_radius=14)
            panel(surface, theme, rect, width=1 if not focused else 2)
            blit_text(
                surface, theme, row.label, (rect.left + 22, rect.centery), role="label",
                bold=focused, anchor="midleft",
            )  # fmt: skip
            self._draw_value(surface, row, rect, focused)

    def _draw_value(
        self, surface: pygame.Surface, row: Row, rect: pygame.Rect, focused: bool
    ) -> None:
        theme = self.ctx.theme
        c = theme.c
        value = value_of(self.settings, row)
        box = self.value_rect(rect)
        if row.kind == "action":
            draw_button(surface, theme, box, self.action_label(row), focused=focused)
            return
        if row.kind == "screen":
            blit_text(
                surface, theme, "Open \u25b6", (box.right - 10, box.centery), role="label",
                color=c.accent if focused else c.text_dim, bold=focused, anchor="midright",
            )  # fmt: skip
            return
        if row.kind == "toggle":
            on = bool(value)
            track = pygame.Rect(0, 0, 64, 32)
            track.midright = (box.right - 6, box.centery)
            pygame.draw.rect(surface, c.good if on else c.locked, track, border_radius=16)
            knob = (track.right - 16 if on else track.left + 16, track.centery)
            pygame.draw.circle(surface, c.text, knob, 12)
            blit_text(
                surface, theme, "On" if on else "Off", (track.left - 14, box.centery),
                role="label", color=c.good if on else c.text_dim, bold=on, anchor="midright",
            )  # fmt: skip
            return
        left, right = self.arrow_rects(rect)
        at_lo, at_hi = self._at_limits(row, value)
        for arrow, glyph, dim in ((left, "\u25c0", at_lo), (right, "\u25b6", at_hi)):
            col = c.locked if dim else (c.accent if focused else c.text_dim)
            blit_text(surface, theme, glyph, arrow.center, role="body", color=col, anchor="center")
        mid = pygame.Rect(left.right + 8, box.top, right.left - left.right - 16, box.height)
        text = row.fmt(value)
        if row.kind == "slider":
            frac = (float(value) - row.lo) / (row.hi - row.lo)
            bar = pygame.Rect(mid.left, mid.bottom - 5, mid.width, 5)
            pygame.draw.rect(surface, c.bg_bottom, bar, border_radius=3)
            fill = bar.copy()
            fill.width = max(6, round(bar.width * frac))
            pygame.draw.rect(surface, c.accent if focused else c.inhale, fill, border_radius=3)
        blit_text(
            surface, theme, text, (mid.centerx, mid.centery - 5), role="label",
            color=c.text, bold=focused, anchor="center",
        )  # fmt: skip

    def _at_limits(self, row: Row, value: Any) -> tuple[bool, bool]:
        if row.kind == "choice":
            i = row.choices.index(value) if value in row.choices else 0
            return i == 0, i == len(row.choices) - 1
        v = float(value)
        return v <= row.lo + 1e-9, v >= row.hi - 1e-9

    def _draw_scrollbar(self, surface: pygame.Surface) -> None:
        total = self._content_height()
        if total <= VIEW.height:
            return
        c = self.ctx.theme.c
        track = pygame.Rect(VIEW.right + 14, VIEW.top, 6, VIEW.height)
        pygame.draw.rect(surface, c.bg_bottom, track, border_radius=3)
        size = max(30, round(VIEW.height * VIEW.height / total))
        top = track.top + round((track.height - size) * self.scroll / (total - VIEW.height))
        pygame.draw.rect(surface, c.panel_edge, (track.left, top, 6, size), border_radius=3)


__all__ = ["ROWS", "Row", "SettingsScene", "stepped", "value_of"]
