"""Where each part of the player screen goes, and the layer under them all.

The areas are the parts :mod:`game.ui.scenes.player_view` redraws on their
own; they must not overlap one another. The background layer (gradient,
panel frames, level name) is drawn once and kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.model import Exercise
from game.session.phases import PhaseKind
from game.ui.figure.focus import inset_rect
from game.ui.widgets.text import blit_title, line_step, panel, title_layout

if TYPE_CHECKING:
    from game.ui.theme import Theme

STAGE_RECT = pygame.Rect(32, 100, 780, 500)
SIDE_RECT = pygame.Rect(836, 22, 420, 676)
GUIDE_RECT = STAGE_RECT.inflate(-16, -16)
PROGRESS_BAR = pygame.Rect(32, 74, 780, 12)

# The areas redrawn on their own; they must not overlap one another.
TIME_LEFT_AREA = pygame.Rect(616, 12, 200, 34)  # "mm:ss left" at any text size
PROGRESS_AREA = PROGRESS_BAR.inflate(4, 4)
WORDS_AREA = pygame.Rect(24, STAGE_RECT.bottom + 4, 804, 716 - STAGE_RECT.bottom - 4)
_PANEL_X = SIDE_RECT.left + 10
_PANEL_W = SIDE_RECT.width - 20
RING_AREA = pygame.Rect(_PANEL_X, SIDE_RECT.top + 28, _PANEL_W, 234)
INFO_AREA = pygame.Rect(_PANEL_X, RING_AREA.bottom, _PANEL_W, 46)
PACER_AREA = pygame.Rect(_PANEL_X, INFO_AREA.bottom, _PANEL_W, 246)
NEXT_AREA = pygame.Rect(_PANEL_X, PACER_AREA.bottom, _PANEL_W, SIDE_RECT.bottom - 4 - 576)
#: The camera's strip at the top of the side panel: the camera-on light and the stillness bar.
STILL_AREA = pygame.Rect(_PANEL_X, SIDE_RECT.top + 3, _PANEL_W, RING_AREA.top - SIDE_RECT.top - 3)
#: The bar moves in this many steps.
STILL_STEPS = 40

RING_CENTER = (SIDE_RECT.centerx, SIDE_RECT.top + 130)
PACER_CENTER = (SIDE_RECT.centerx, SIDE_RECT.top + 392)
PACER_RADIUS = 70
#: The ring is drawn in this many steps per turn (about one pixel of its edge).
RING_STEPS = 600

#: Phases that show a countdown ring rather than a rep counter.
TIMED = frozenset(
    {
        PhaseKind.GET_READY,
        PhaseKind.HOLD,
        PhaseKind.FLOW,
        PhaseKind.REST,
        PhaseKind.SWITCH_SIDES,
        PhaseKind.DEMO,
        PhaseKind.SETUP,
        PhaseKind.RELEASE,
    }
)


def stage_text_width(ex: Exercise | None) -> int:
    """How wide the move's name and muscles may run: up to a magnified inset, if any."""
    x = STAGE_RECT.left + 18
    right = STAGE_RECT.right - 18
    anim = ex.animation if ex is not None else None
    if anim is not None and anim.focus is not None and anim.focus.inset > 0.0:
        right = inset_rect(GUIDE_RECT).left - 12
    return right - x


def background_layer(size: tuple[int, int], theme: Theme, name: str) -> pygame.Surface:
    """What never moves: the gradient, the panel frames and the level's name."""
    c = theme.c
    layer = theme.background(size).copy()
    # Beside the time left and above the progress bar; small on two lines if need be.
    width = TIME_LEFT_AREA.left - 32 - 8
    roles = ("heading", "label", "body", "small")
    role, lines = title_layout(theme, name, width, roles)
    high = theme.font(role, True).get_height() + (len(lines) - 1) * line_step(theme, role, 1.2)
    top = max(4, min(22, PROGRESS_AREA.top - 2 - high))
    blit_title(layer, theme, name, (32, top), width, roles=roles)
    panel(layer, theme, STAGE_RECT, color=c.bg_bottom, edge=c.panel_edge)
    panel(layer, theme, SIDE_RECT)
    return layer
