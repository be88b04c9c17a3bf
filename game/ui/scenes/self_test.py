"""The starting self-test screen: two timed holds and one question about back pain.

Each hold runs until the player presses a key (or clicks) when their form
breaks, or for a minute. What it finds sets every move's first dose
(``game.progress.selftest``); Esc skips it, and the moves then start at the
doses their files write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.progress.selftest import MAX_HOLD_S, SELF_TEST_MOVES
from game.session.result import Pain
from game.ui.context import AppContext
from game.ui.figure.draw import draw_guide
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.widgets.dose_text import amount_words
from game.ui.widgets.text import (
    Menu,
    MenuItem,
    begin_screen,
    blit_fitted,
    blit_paragraph,
    blit_text,
    panel,
)

if TYPE_CHECKING:
    from game.player.data import PlayerData
    from game.progress.doses import Rung

INTRO = (
    "Two minutes to find your starting point. Hold each position for as long as your "
    "back stays still and your breath stays easy, then press Space. A minute is plenty. "
    "Stop at once if anything hurts sharply."
)
SHOWN = ("side_plank", "dead_bug_hold", "glute_bridge_hold", "bird_dog")


class SelfTestScene(Scene[None]):
    """intro -> hold 0 -> hold 1 -> pain -> summary; pops when done or skipped."""

    animated = True

    def __init__(self, ctx: AppContext, data: PlayerData) -> None:
        super().__init__(ctx)
        self.data = data
        self.step = "intro"
        self.index = 0
        self.t = 0.0
        self.held: list[float] = []
        self.doses: dict[str, Rung] = {}
        self.menu = Menu(
            [
                MenuItem("No back pain today", lambda: self._pain(Pain.NONE), key="1"),
                MenuItem("Some back pain today", lambda: self._pain(Pain.MILD), key="2"),
            ],
            top_left=(140, 300),
            width=520,
        )

    # -- flow -----------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self.step == "hold":
            self.t += dt * self.ctx.time_scale
            if self.t >= MAX_HOLD_S:
                self._stop()
            self.dirty = True

    def _stop(self) -> None:
        self.held.append(min(self.t, MAX_HOLD_S))
        self.t = 0.0
        self.index += 1
        self.step = "hold" if self.index < len(SELF_TEST_MOVES) else "pain"

    def _pain(self, pain: Pain) -> None:
        plank, bug = self.held
        self.doses = self.data.record_self_test(plank, bug, pain)
        self.step = "summary"

    def handle(self, action: Action) -> None:
        kind = action.kind
        self.dirty = True
        if kind is Act.BACK and self.step != "summary":
            self.dismiss(None)
        elif self.step == "intro" and kind in (Act.CONFIRM, Act.PAUSE, Act.CLICK):
            self.step = "hold"
        elif self.step == "hold" and kind in (Act.CONFIRM, Act.PAUSE, Act.CLICK):
            self._stop()
        elif self.step == "pain":
            self.menu.handle(action)
        elif self.step == "summary" and kind in (Act.CONFIRM, Act.PAUSE, Act.CLICK, Act.BACK):
            self.dismiss(None)

    # -- drawing --------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        w, h = begin_screen(surface, theme, "Starting self-test", (140, 50))
        hint = "Esc: skip the test"
        if self.step == "intro":
            box = pygame.Rect(140, 130, w - 280, 200)
            panel(surface, theme, box)
            blit_paragraph(surface, theme, INTRO, box.inflate(-56, -48), role="label")
            blit_text(surface, theme, "Press Enter to begin", (140, 370), role="label",
                      bold=True, color=c.accent)  # fmt: skip
        elif self.step == "hold":
            self._draw_hold(surface, w)
            hint = "Space, Enter or a click: my form broke    Esc: skip the test"
        elif self.step == "pain":
            blit_text(surface, theme, "How is your back today?", (140, 200), role="heading",
                      bold=True)  # fmt: skip
            self.menu.draw(surface, theme)
        else:
            self._draw_summary(surface, w)
            hint = "Enter: done"
        blit_text(surface, theme, hint, (140, h - 40), role="small", color=c.text_dim)

    def _draw_hold(self, surface: pygame.Surface, w: int) -> None:
        theme = self.ctx.theme
        c = theme.c
        ex = self.data.content.exercises[SELF_TEST_MOVES[self.index]]
        n = f"Hold {self.index + 1} of {len(SELF_TEST_MOVES)}: {ex.name}"
        blit_fitted(surface, theme, n, (140, 110), w - 280, roles=("label", "body"), bold=True)
        guide = pygame.Rect(140, 160, 560, 420)
        pygame.draw.rect(surface, c.bg_bottom, guide, border_radius=12)
        if ex.animation is not None:
            draw_guide(surface, guide, ex, 1.0, glow_muscles=ex.muscles, reduced_motion=True)
        x = guide.right + 40
        blit_text(surface, theme, f"{self.t:.0f} s", (x, 200), role="huge", bold=True,
                  color=c.accent)  # fmt: skip
        blit_text(surface, theme, f"of at most {MAX_HOLD_S:.0f} s", (x + 6, 330),
                  role="body", color=c.text_dim)  # fmt: skip
        text = pygame.Rect(x, 380, w - 140 - x, 200)
        blit_paragraph(surface, theme, ex.cues[0] if ex.cues else "", text, role="body")

    def _draw_summary(self, surface: pygame.Surface, w: int) -> None:
        theme = self.ctx.theme
        c = theme.c
        plank, bug = self.held
        blit_text(surface, theme, f"You held {plank:.0f} s and {bug:.0f} s. Your starting doses:",
                  (140, 130), role="label", bold=True)  # fmt: skip
        y = 190
        for eid in SHOWN:
            rung = self.doses.get(eid)
            ex = self.data.content.exercises.get(eid)
            if rung is None or ex is None:
                continue
            words = amount_words(ex.dose.kind, rung.amount)
            blit_text(surface, theme, f"{ex.name}: {words}", (160, y), role="body")
            y += 40
        note = "Every move grows from here as you rate it steady on different days."
        blit_text(surface, theme, note, (140, y + 20), role="body", color=c.text_dim)
