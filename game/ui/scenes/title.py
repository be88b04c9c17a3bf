"""The title screen: the game's name, a gently moving spine, and the way in.

The spine logo waves one vertebra at a time, the same idea the game teaches.
It redraws at a low rate so an idle title screen costs almost no CPU.
"""

from __future__ import annotations

import math

import pygame

from game import __version__
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.widgets.text import Menu, MenuItem, begin_screen, blit_text, panel

#: Redraw the moving logo at this rate, not at the display rate.
LOGO_FPS = 20.0


def draw_spine_logo(
    surface: pygame.Surface,
    center: tuple[int, int],
    height: int,
    t: float,
    *,
    bone: tuple[int, int, int],
    disc: tuple[int, int, int],
    glow: tuple[int, int, int],
) -> None:
    """A column of vertebrae with a wave travelling from the pelvis up."""
    cx, cy = center
    count = 11
    step = height / count
    for i in range(count):
        k = count - 1 - i  # 0 at the bottom
        phase = t * 1.6 - k * 0.45
        sway = math.sin(phase) * (6 + 2 * k)
        y = cy + height / 2 - (k + 0.5) * step
        w = 64 - k * 2.6  # vertebrae narrow toward the neck
        h = step * 0.62
        x = cx + sway
        lit = max(0.0, math.sin(phase))
        if lit > 0.6:
            halo = pygame.Rect(0, 0, w + 16, h + 12)
            halo.center = (round(x), round(y))
            pygame.draw.rect(surface, glow, halo, 3, border_radius=12)
        body = pygame.Rect(0, 0, w, h)
        body.center = (round(x), round(y))
        pygame.draw.rect(surface, bone, body, border_radius=10)
        # transverse processes: the little wings the multifidus attaches to
        wing = pygame.Rect(0, 0, w + 34, max(4, h * 0.28))
        wing.center = (round(x), round(y))
        pygame.draw.rect(surface, bone, wing, border_radius=4)
        if k < count - 1:
            nxt = math.sin(t * 1.6 - (k + 1) * 0.45) * (6 + 2 * (k + 1))
            dx = cx + (sway + nxt) / 2
            disc_rect = pygame.Rect(0, 0, w * 0.8, step * 0.2)
            disc_rect.center = (round(dx), round(y - step / 2))
            pygame.draw.ellipse(surface, disc, disc_rect)


class TitleScene(Scene[None]):
    animated = True

    def __init__(self, ctx: AppContext, items: list[MenuItem] | None = None) -> None:
        super().__init__(ctx)
        self.t = 0.0
        self._since_draw = 0.0
        self.menu = Menu(
            items or self.default_items(),
            top_left=(120, 330),
            width=420,
        )

    def default_items(self) -> list[MenuItem]:
        """Without a save or content there is nothing to start: only Quit."""
        return [MenuItem("Quit", self.ctx.request_quit, hint="See you tomorrow", key="q")]

    def handle(self, action: Action) -> None:
        if action.kind is Act.BACK:
            self.ctx.request_quit()
            return
        if self.menu.handle(action):
            self.dirty = True

    def update(self, dt: float) -> None:
        self.t += dt
        self._since_draw += dt
        if self._since_draw >= 1.0 / LOGO_FPS:
            self._since_draw = 0.0
            self.dirty = True

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        w, h = begin_screen(surface, theme)
        # a soft floor line and the logo on the right
        pygame.draw.line(surface, c.panel_edge, (0, h - 90), (w, h - 90), 2)
        draw_spine_logo(
            surface,
            (w - 300, h // 2 - 10),
            460,
            self.t,
            bone=c.figure,
            disc=c.inhale,
            glow=c.accent,
        )
        blit_text(surface, theme, "SPINE", (116, 86), role="title", color=c.text, bold=True)
        blit_text(surface, theme, "QUEST", (116, 170), role="title", color=c.accent, bold=True)
        blit_text(
            surface,
            theme,
            "Strength from the deepest muscles out",
            (122, 268),
            role="label",
            color=c.text_dim,
        )
        self.menu.draw(surface, theme)
        y = h - 70
        for notice in self.ctx.notices[-2:]:
            box = pygame.Rect(120, y - 44, w - 240, 40)
            panel(surface, theme, box, edge=c.warn)
            blit_text(
                surface,
                theme,
                notice,
                (box.left + 14, box.centery),
                role="small",
                color=c.warn,
                anchor="midleft",
            )
            y -= 48
        blit_text(
            surface,
            theme,
            f"v{__version__}   arrows + Enter, or the mouse   F11 full screen",
            (w - 24, h - 24),
            role="small",
            color=c.text_dim,
            anchor="bottomright",
        )
