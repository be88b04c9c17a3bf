"""The level-complete screen: what this session changed, told one thing at a time.

XP counts up and the bar fills (with a flourish on a level-up), then new badges
appear one by one, then the streak moves on. Every number shown is a pure
function of the logic time ``t`` that ``update`` advances, so the animation
never depends on the frame rate and a test can jump to any moment. With
reduced motion the final state is shown at once. Pain advice is never
animated: it is on screen, in a calm warning panel, from the first frame.
"""

from __future__ import annotations

import pygame

from game.player.data import Outcome
from game.progress import effective_level_id, level_for_xp
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.scenes.stillness_summary import HEIGHT as STILL_H
from game.ui.scenes.stillness_summary import draw_stillness_summary
from game.ui.widgets.charts import draw_level_row, draw_progress_bar
from game.ui.widgets.colour import mix
from game.ui.widgets.dose_text import change_words
from game.ui.widgets.icons import draw_badge_medallion, draw_icon
from game.ui.widgets.text import (
    begin_screen,
    blit_fitted,
    blit_paragraph,
    blit_text,
    fit_line,
    line_step,
    panel,
    summary_lines,
)

XP_SECONDS = 1.8
LEVEL_UP_PAUSE = 0.8
BADGE_SECONDS = 0.7
STREAK_SECONDS = 0.9
MARGIN = 60


def _ease(t: float) -> float:
    t = max(0.0, min(1.0, t))
    return 1 - (1 - t) ** 3


class LevelCompleteScene(Scene[None]):
    def __init__(
        self,
        ctx: AppContext,
        outcome: Outcome,
        *,
        reduced_motion: bool = False,
    ) -> None:
        super().__init__(ctx)
        self.outcome = outcome
        self.reduced_motion = reduced_motion
        self.t = 0.0
        self.done_called = False
        levelled = outcome.level_after.level > outcome.level_before.level
        self.xp_end = XP_SECONDS + (LEVEL_UP_PAUSE if levelled else 0.0)
        self.badges_end = self.xp_end + BADGE_SECONDS * len(outcome.new_badges)
        self.total = self.badges_end + STREAK_SECONDS
        self.animated = not reduced_motion

    def enter(self) -> None:
        if self.reduced_motion:
            self.finish()

    # Derived, from t ---------------------------------------------------------
    @property
    def finished(self) -> bool:
        return self.t >= self.total

    @property
    def shown_xp(self) -> int:
        """The running XP total on screen right now."""
        o = self.outcome
        frac = _ease(self.t / XP_SECONDS)
        return round(o.xp_total_before + (o.xp_total_after - o.xp_total_before) * frac)

    @property
    def shown_gain(self) -> int:
        return self.shown_xp - self.outcome.xp_total_before

    @property
    def badges_shown(self) -> int:
        if self.t < self.xp_end:
            return 0
        return min(len(self.outcome.new_badges), int((self.t - self.xp_end) / BADGE_SECONDS) + 1)

    @property
    def streak_shown(self) -> int:
        o = self.outcome
        return o.streak_after.current if self.t >= self.badges_end else o.streak_before.current

    @property
    def level_up_shown(self) -> bool:
        return self.outcome.level_after.level > level_for_xp(
            self.outcome.xp_total_before
        ).level and (level_for_xp(self.shown_xp).level > self.outcome.level_before.level)

    # Lifecycle ---------------------------------------------------------------
    def finish(self) -> None:
        """Jump to the final state."""
        self.t = self.total
        self.animated = False
        self.dirty = True

    def update(self, dt: float) -> None:
        if self.finished:
            return
        self.t = min(self.total, self.t + dt)
        self.dirty = True
        if self.finished:
            self.animated = False

    def handle(self, action: Action) -> None:
        if action.kind in (Act.CONFIRM, Act.BACK):
            self.finish()
            if not self.done_called:
                self.done_called = True
                self.dismiss(None)
        elif action.kind in (Act.PAUSE, Act.CLICK) and not self.finished:
            self.finish()

    # Drawing ---------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        o = self.outcome
        r = o.result
        if o.pain_advice:
            title, col = "You stopped. That was right.", c.text
        elif r.completed:
            title, col = "Level complete", c.accent
        else:
            title, col = "Session saved", c.text
        w, h = begin_screen(surface, theme, title, (MARGIN, 34), color=col)
        content = self.ctx.content
        lid = effective_level_id(r.level_id)
        level = content.levels.get(lid) if content is not None else None
        name = level.name if level is not None else lid
        prefix = "Daily level: " if r.daily else ""
        blit_fitted(
            surface, theme, prefix + name, (MARGIN, 88), w - 2 * MARGIN,
            roles=("body", "small"), color=c.text_dim,
        )  # fmt: skip
        top = 140
        advice_h = 0
        if o.pain_advice:
            advice_h = self._draw_advice(surface, pygame.Rect(MARGIN, top, w - 2 * MARGIN, 150))
            top += advice_h + 20
        measured = STILL_H + 14 if r.motion else 0
        lines = self.next_time_lines()
        room = 0 if not lines else min(170, 56 + 30 * ((len(lines) + 1) // 2))
        left = pygame.Rect(MARGIN, top, 560, min(h - top - 90 - room - measured, 400))
        right = pygame.Rect(left.right + 20, top, w - MARGIN - left.right - 20, left.height)
        self._draw_xp(surface, left)
        self._draw_right(surface, right)
        below = left.bottom + 14
        if lines:
            box = pygame.Rect(MARGIN, below, w - 2 * MARGIN, room - 14)
            self._draw_next_time(surface, box, lines)
            below = box.bottom + 14
        if r.motion:
            strip = pygame.Rect(MARGIN, below, w - 2 * MARGIN, STILL_H)
            draw_stillness_summary(surface, theme, strip, r.motion, content)
        hint = "Enter: continue" if self.finished else "Space: show all    Enter: continue"
        blit_text(
            surface,
            theme,
            hint,
            (w - MARGIN, h - 44),
            role="small",
            color=c.text_dim,
            anchor="bottomright",
        )

    def next_time_lines(self) -> list[tuple[str, bool]]:
        """What moves next time, one line a move (``True`` when its dose changed),
        after the level's steady days toward mastery."""
        o = self.outcome
        content = self.ctx.content
        out: list[tuple[str, bool]] = []
        have, need = o.steady_days
        if need > 1 and not o.newly_mastered and o.result.completed and not o.pain_advice:
            day = "day" if need == 1 else "days"
            out.append((f"Mastery: {have} of {need} steady {day}", have > 0))
        for eid, before, after in o.dose_changes:
            ex = content.exercises.get(eid) if content is not None else None
            if ex is None:
                continue
            words = change_words(ex.dose.kind, before.amount, after.amount)
            out.append((f"{ex.name}: {words}", before != after))
        return out

    def _draw_next_time(
        self, surface: pygame.Surface, rect: pygame.Rect, lines: list[tuple[str, bool]]
    ) -> None:
        theme = self.ctx.theme
        c = theme.c
        panel(surface, theme, rect)
        x, y = rect.left + 24, rect.top + 12
        blit_text(surface, theme, "NEXT TIME", (x, y), role="small", color=c.text_dim)
        half = (rect.width - 48) // 2
        rows = max(1, (len(lines) + 1) // 2)
        for i, (text, moved) in enumerate(lines):
            col, row = divmod(i, rows)
            pos = (x + col * half, y + 28 + row * 30)
            colour = c.good if moved else c.text
            blit_fitted(surface, theme, text, pos, half - 16, roles=("body", "small"),
                        color=colour, bold=moved)  # fmt: skip

    def _draw_advice(self, surface: pygame.Surface, rect: pygame.Rect) -> int:
        theme = self.ctx.theme
        c = theme.c
        panel(surface, theme, rect, color=mix(c.panel, c.warn, 0.12), edge=c.warn, width=3)
        icon_c = (rect.left + 44, rect.top + 44)
        pygame.draw.circle(surface, c.warn, icon_c, 24)
        blit_text(
            surface,
            theme,
            "!",
            icon_c,
            role="label",
            bold=True,
            color=c.accent_text,
            anchor="center",
        )
        x = rect.left + 88
        blit_text(
            surface,
            theme,
            "Sharp pain: stop for today",
            (x, rect.top + 16),
            role="label",
            bold=True,
            color=c.warn,
        )
        body = pygame.Rect(x, rect.top + 16 + theme.px("label") + 12, rect.right - 24 - x, 0)
        body.height = rect.bottom - 12 - body.top
        blit_paragraph(surface, theme, self.outcome.pain_advice or "", body, role="body")
        return rect.height

    def _draw_xp(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.ctx.theme
        c = theme.c
        panel(surface, theme, rect)
        x = rect.left + 28
        y = rect.top + 22
        blit_text(surface, theme, "EXPERIENCE", (x, y), role="small", color=c.text_dim)
        gain = blit_text(
            surface,
            theme,
            f"+{self.shown_gain:,} XP",
            (x, y + 28),
            role="title",
            bold=True,
            color=c.accent,
        )
        lvl = level_for_xp(self.shown_xp)
        y = gain.bottom + 18
        xp = f"{self.shown_xp:,} XP in all"
        draw_level_row(surface, theme, lvl.level, xp, x, rect.right - 28, y)
        y += theme.px("label") + 16
        bar = pygame.Rect(x, y, rect.width - 56, 22)
        draw_progress_bar(surface, theme, bar, lvl.fraction)
        blit_text(
            surface,
            theme,
            f"{lvl.xp_into_level:,} / {lvl.xp_for_next:,} XP to level {lvl.level + 1}",
            (x, bar.bottom + 8),
            role="small",
            color=c.text,
        )
        if self.level_up_shown:
            banner = pygame.Rect(x, bar.bottom + 44, rect.width - 56, 56)
            pulse = 0.0 if self.finished else abs(((self.t * 2) % 2) - 1)
            panel(surface, theme, banner, color=mix(c.accent, c.glow, pulse * 0.4), edge=c.accent)
            draw_icon(surface, "star", (banner.left + 32, banner.centery), 32, c.accent_text)
            blit_text(
                surface,
                theme,
                fit_line(
                    theme,
                    f"Level up! You reached level {self.outcome.level_after.level}",
                    banner.right - 16 - (banner.left + 60),
                    "body",
                    bold=True,
                ),
                (banner.left + 60, banner.centery),
                role="body",
                bold=True,
                color=c.accent_text,
                anchor="midleft",
            )

    def _draw_right(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.ctx.theme
        c = theme.c
        o = self.outcome
        panel(surface, theme, rect)
        x = rect.left + 24
        y = rect.top + 22
        line = round(theme.px("small") * 1.35)
        # streak
        blit_text(surface, theme, "STREAK", (x, y), role="small", color=c.text_dim)
        y += line + 4
        before, after = o.streak_before, o.streak_after
        moved = self.t >= self.badges_end
        draw_icon(surface, "flame", (x + 16, y + 16), 34, c.glow if after.current else c.locked)
        text = f"{before.current} → {self.streak_shown} days" if moved else f"{before.current} days"
        blit_text(surface, theme, text, (x + 44, y + 16), role="label", bold=True, anchor="midleft")
        y += 44
        notes: list[tuple[str, tuple[int, int, int]]] = []
        if moved:
            if len(after.freezes_used_on) > len(before.freezes_used_on):
                notes.append(("A streak freeze covered your missed day.", c.inhale))
            if after.freezes_held > before.freezes_held:
                notes.append(("You earned a streak freeze.", c.inhale))
            if o.newly_mastered:
                notes.append(("Level mastered: the next one is open.", c.good))
        for text, col in notes:
            blit_text(surface, theme, text, (x, y), role="small", color=col)
            y += line
        y += 12
        pygame.draw.line(surface, c.panel_edge, (x, y), (rect.right - 24, y), 1)
        y += 14
        blit_text(surface, theme, "NEW BADGES", (x, y), role="small", color=c.text_dim)
        y += line + 6
        if not o.new_badges:
            if self.t >= self.xp_end:
                blit_text(
                    surface,
                    theme,
                    "None this time. See the badges screen for the next.",
                    (x, y),
                    role="small",
                    color=c.text_dim,
                )
            return
        for i, badge in enumerate(o.new_badges[: self.badges_shown]):
            if y + 52 > rect.bottom - 8:
                more = len(o.new_badges) - i
                blit_text(
                    surface, theme, f"and {more} more", (x, y), role="small", color=c.text_dim
                )
                break
            draw_badge_medallion(
                surface,
                badge.icon,
                (x + 22, y + 22),
                22,
                fill=c.accent,
                ring=c.figure,
                ink=c.accent_text,
            )
            text_w = rect.right - 24 - (x + 56)
            blit_fitted(
                surface, theme, badge.name, (x + 56, y), text_w, roles=("body", "small"), bold=True
            )
            step = line_step(theme, "small", 1.2)
            desc_y = y + theme.px("body") + 6
            for text in summary_lines(theme, badge.description, text_w, 2):
                blit_text(surface, theme, text, (x + 56, desc_y), role="small", color=c.text_dim)
                desc_y += step
            y = max(y + 58, desc_y + 6)
