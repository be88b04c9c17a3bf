"""The main menu: today's level one key away, and everything else a step further.

The right-hand card shows today's plan, the streak with its freezes and the
weekly goal, so a player sees at a glance what to do and where they stand.
Derived facts are computed on entering and on returning to the menu, not
every frame.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.content.model import Level
from game.player.data import PlayerData
from game.progress import DailyPlan, Stats
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scenes.refreshing import RefreshingScene
from game.ui.widgets.charts import draw_level_row
from game.ui.widgets.hud import progress_bar
from game.ui.widgets.text import (
    Menu,
    MenuItem,
    begin_screen,
    blit_paragraph,
    blit_text,
    blit_title,
    panel,
)


def done_words(stats: Stats) -> str:
    """The Today card's line once the day counts for the streak."""
    if stats.today in stats.rest_days:
        return "A flare-up rest day: your streak is kept. Be gentle with your back."
    return "Today's level is done. See you tomorrow!"


class MainMenuScene(RefreshingScene):
    def __init__(
        self,
        ctx: AppContext,
        data: PlayerData,
        *,
        extra: list[tuple[str, str, Callable[[], None]]] | None = None,
    ) -> None:
        super().__init__(ctx)
        self.data = data
        self.plan: DailyPlan | None = None
        self.plan_error = ""
        self.stats: Stats | None = None
        items = [
            MenuItem("Today's level", self.play_today, hint="", key="t"),
            MenuItem("Level map", self.open_map, key="m"),
            MenuItem("Badges", self.open_badges, key="b"),
            MenuItem("Progress", self.open_progress, key="p"),
            MenuItem("Flare-up today", self.flare_up, key="f"),
        ]
        for label, key, action in extra or []:
            items.append(MenuItem(label, action, key=key))
        items.append(MenuItem("Quit", ctx.request_quit, key="q"))
        self.menu = Menu(items, top_left=(80, 176), width=380, row_height=50, gap=8)

    # Lifecycle -----------------------------------------------------------
    def enter(self) -> None:
        super().enter()
        if self.ctx.notices:  # save repaired, no sound...: shown once, over the menu
            from game.ui.scenes.recovery_screen import NoticeScene

            lines = list(self.ctx.notices)
            self.ctx.notices.clear()
            self.ctx.scenes.push(NoticeScene(self.ctx, lines))

    def refresh(self) -> None:
        self.stats = self.data.stats()
        try:
            self.plan = self.data.daily()
            self.plan_error = ""
        except LookupError as exc:
            self.plan = None
            self.plan_error = str(exc)
        self.dirty = True

    # Actions -------------------------------------------------------------
    def play_today(self) -> None:
        from game.ui.scenes.level_flow import start_level

        if self.plan is None:
            return
        stats = self.stats
        sub = ""
        if stats is not None and stats.today in stats.rest_days:
            sub = "Today is a flare-up rest day: go gently, and stop at any sharp pain."
        elif stats is not None and stats.streak.today_done:
            sub = "Today's level is done; playing again adds XP but not another streak day."
        start_level(self.ctx, self.data, self.plan.level, daily=True, subtitle=sub)

    def open_map(self) -> None:
        from game.ui.scenes.level_flow import start_level
        from game.ui.scenes.level_map import LevelMapScene

        self.ctx.scenes.push(
            LevelMapScene(
                self.ctx, self.data, on_play=lambda lv: start_level(self.ctx, self.data, lv)
            )
        )

    def flare_up(self) -> None:
        """A rest day that keeps the streak, and the gentle tracks if moving helps."""
        from game.ui.scenes.flare_up import FlareUpScene
        from game.ui.scenes.level_flow import start_level

        def play(level: Level | None) -> None:
            if level is not None:
                start_level(self.ctx, self.data, level)

        self.ctx.scenes.push(FlareUpScene(self.ctx, self.data), on_result=play)

    def open_badges(self) -> None:
        from game.ui.scenes.badges_screen import BadgesScene

        self.ctx.scenes.push(BadgesScene(self.ctx, self.data))

    def open_progress(self) -> None:
        from game.ui.scenes.progress_screen import ProgressScene

        self.ctx.scenes.push(ProgressScene(self.ctx, self.data))

    def handle(self, action: Action) -> None:
        if action.kind is Act.BACK:
            return  # Esc on the main menu does nothing; Quit is a menu item
        if self.menu.handle(action):
            self.dirty = True

    # Drawing -------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        w, h = begin_screen(surface, theme, "Spine Quest", (80, 56))
        blit_text(
            surface, theme, f"Hello, {self.data.name}", (82, 104), role="body", color=c.text_dim
        )
        self.menu.draw(surface, theme)
        self._draw_today(surface, pygame.Rect(560, 56, 680, 600))
        blit_text(
            surface,
            theme,
            "arrows + Enter, a letter, or the mouse   F11 full screen",
            (w - 40, h - 22),
            role="small",
            color=c.text_dim,
            anchor="bottomright",
        )

    def _draw_today(self, surface: pygame.Surface, card: pygame.Rect) -> None:
        theme = self.ctx.theme
        c = theme.c
        panel(surface, theme, card)
        x = card.left + 32
        width = card.width - 64
        y = card.top + 26
        blit_text(surface, theme, "TODAY", (x, y), role="small", color=c.accent, bold=True)
        y += 30
        if self.plan is not None:
            title = blit_title(surface, theme, self.plan.level.name, (x, y), width)
            y = max(y + 52, title.bottom + 12)
            meta = f"{self.plan.planned_minutes:.0f} minutes"
            if self.plan.review:
                meta += "  \u00b7  review"
            if self.plan.easier:
                meta += "  \u00b7  easier moves"
            blit_text(surface, theme, meta, (x, y), role="body", color=c.inhale)
            y += 38
            y = (
                blit_paragraph(
                    surface,
                    theme,
                    self.plan.reason,
                    pygame.Rect(x, y, width, max(90, card.top + 242 - y)),
                    role="body",
                    color=c.text_dim,
                )
                + 8
            )
        else:
            y = (
                blit_paragraph(
                    surface,
                    theme,
                    self.plan_error or "No level can be played.",
                    pygame.Rect(x, y, width, max(90, card.top + 242 - y)),
                    role="body",
                    color=c.warn,
                )
                + 8
            )
        stats = self.stats
        if stats is None:
            return
        y = max(y, card.top + 250)
        pygame.draw.line(surface, c.panel_edge, (x, y), (card.right - 32, y), 1)
        y += 22
        streak = stats.streak
        cols = [
            (
                "Streak",
                f"{streak.current} day{'s' if streak.current != 1 else ''}",
                c.accent if streak.today_done else c.text,
            ),
            ("Freezes", f"{streak.freezes_held} of 2", c.inhale),
            (
                "This week",
                f"{streak.week_days_done} of {streak.weekly_goal} days",
                c.good if streak.weekly_goal_met else c.text,
            ),
        ]
        colw = width // 3
        for i, (label, value, col) in enumerate(cols):
            cx = x + i * colw
            blit_text(surface, theme, label, (cx, y), role="small", color=c.text_dim)
            blit_text(surface, theme, value, (cx, y + 26), role="label", bold=True, color=col)
        y += 78
        if streak.at_risk:
            blit_text(
                surface,
                theme,
                "Play today to keep your streak going.",
                (x, y),
                role="small",
                color=c.warn,
            )
        elif streak.today_done:
            blit_text(
                surface,
                theme,
                done_words(stats),
                (x, y),
                role="small",
                color=c.good,
            )
        y += 40
        lvl = stats.player_level
        need = max(1, lvl.xp_for_next)
        xp = f"{lvl.xp_into_level} / {need} XP"
        draw_level_row(surface, theme, lvl.level, xp, x, card.right - 32, y)
        bar = pygame.Rect(x, y + 40, width, 14)
        progress_bar(surface, bar, lvl.xp_into_level / need, c.accent, c.bg_bottom)
        y += 78
        earned = len(stats.earned)
        blit_text(
            surface,
            theme,
            f"Badges: {earned} of {len(stats.badges)}",
            (x, y),
            role="body",
            color=c.text_dim,
        )
        blit_text(
            surface,
            theme,
            f"Mastered levels: {len(stats.mastered_levels)}",
            (x + colw * 3 // 2, y),
            role="body",
            color=c.text_dim,
        )
