"""Heads-up pieces of the player screen: the hold ring and the breath pacer.

Both are drawn from plain numbers (a fraction, a breath state), so the same
functions serve the player scene, the breathing intro and screenshots.
"""

from __future__ import annotations

import functools
import math

import pygame

from game.session.breath import BreathPhase, BreathState
from game.ui.theme import Color, Theme
from game.ui.widgets.text import blit_text

#: Corners per full turn of a ring's band (3 degrees each: smooth at any size).
RING_CORNERS = 120
RING_PIECE = 10


@functools.lru_cache(maxsize=64)
def _ring_table(radius: float) -> tuple[tuple[float, float], ...]:
    """Offsets of a ring's corners from its centre, starting at the top, anticlockwise."""
    out = []
    for i in range(RING_CORNERS + 1):
        a = math.pi / 2 + 2 * math.pi * i / RING_CORNERS
        out.append((math.cos(a) * radius, -math.sin(a) * radius))
    return tuple(out)


def ring(
    surface: pygame.Surface,
    center: tuple[int, int],
    radius: int,
    fraction_left: float,
    color: Color,
    track: Color,
    width: int = 12,
) -> None:
    """A countdown ring: full at the start of a timer, empty at its end."""
    cx, cy = center
    pygame.draw.circle(surface, track, center, radius, width)
    f = min(1.0, max(0.0, fraction_left))
    if f <= 0.0:
        return
    # A filled band (outer arc out, inner arc back): no seams at any width.
    # The corners come from a table; only the band's end is worked out.
    start = math.pi / 2
    end = start + 2 * math.pi * f
    whole = min(RING_CORNERS, int(RING_CORNERS * f))
    outer, inner = radius, radius - width
    ends = [(math.cos(end) * outer, -math.sin(end) * outer)]
    ends_in = [(math.cos(end) * inner, -math.sin(end) * inner)]
    out_pts = list(_ring_table(outer)[: whole + 1]) + ends
    in_pts = list(_ring_table(inner)[: whole + 1]) + ends_in
    # Filled in short pieces: a polygon's fill cost grows with its corners
    # times its height, so ten small ones are several times cheaper than one.
    for i in range(0, len(out_pts) - 1, RING_PIECE):
        j = min(i + RING_PIECE, len(out_pts) - 1) + 1
        piece = [(cx + x, cy + y) for x, y in out_pts[i:j]]
        piece += [(cx + x, cy + y) for x, y in reversed(in_pts[i:j])]
        pygame.draw.polygon(surface, color, piece)
    mid = radius - width / 2
    for a in (start, end):
        cap = (round(cx + math.cos(a) * mid), round(cy - math.sin(a) * mid))
        pygame.draw.circle(surface, color, cap, width // 2)


def breath_amount(state: BreathState) -> float:
    """0 (empty) .. 1 (full): rises through the inhale, falls through the exhale."""
    ease = 0.5 - 0.5 * math.cos(math.pi * min(1.0, max(0.0, state.fraction)))
    return ease if state.phase is BreathPhase.IN else 1.0 - ease


def pacer_radius(max_radius: int, state: BreathState) -> int:
    """The pacer circle's radius in pixels: 38 % of the full size, empty, to all of it."""
    r_min = max_radius * 0.38
    return round(r_min + (max_radius - r_min) * breath_amount(state))


def breath_pacer(
    surface: pygame.Surface,
    theme: Theme,
    center: tuple[int, int],
    max_radius: int,
    state: BreathState,
    seconds_left: float,
    *,
    show_label: bool = True,
) -> None:
    """A circle that grows on the inhale (teal) and shrinks on the exhale (violet)."""
    c = theme.c
    inhaling = state.phase is BreathPhase.IN
    col = c.inhale if inhaling else c.exhale
    r_min = max_radius * 0.38
    r = pacer_radius(max_radius, state)
    cx, cy = center
    # guide rings: where the breath starts and where it is going
    pygame.draw.circle(surface, c.panel_edge, center, max_radius, 2)
    pygame.draw.circle(surface, c.panel_edge, center, round(r_min), 1)
    halo = pygame.Surface((2 * max_radius + 8, 2 * max_radius + 8), pygame.SRCALPHA)
    pygame.draw.circle(halo, (*col, 70), (max_radius + 4, max_radius + 4), r + 4)
    surface.blit(halo, (cx - max_radius - 4, cy - max_radius - 4))
    pygame.draw.circle(surface, col, center, r)
    arrow = "\u25b2" if inhaling else "\u25bc"
    blit_text(
        surface, theme, arrow, (cx, cy - 14), role="label", color=c.bg_bottom, anchor="center"
    )
    blit_text(
        surface,
        theme,
        f"{max(0, math.ceil(seconds_left - 1e-6))}",
        (cx, cy + 16),
        role="label",
        color=c.bg_bottom,
        bold=True,
        anchor="center",
    )
    if show_label:
        word = "Breathe in" if inhaling else "Breathe out"
        how = "through the nose" if inhaling else "through the mouth"
        blit_text(
            surface,
            theme,
            word,
            (cx, cy + max_radius + 10),
            role="label",
            color=col,
            bold=True,
            anchor="midtop",
        )
        blit_text(
            surface,
            theme,
            how,
            (cx, cy + max_radius + 42),
            role="small",
            color=c.text_dim,
            anchor="midtop",
        )


def progress_bar(
    surface: pygame.Surface,
    rect: pygame.Rect,
    fraction: float,
    color: Color,
    track: Color,
) -> None:
    pygame.draw.rect(surface, track, rect, border_radius=rect.height // 2)
    f = min(1.0, max(0.0, fraction))
    if f > 0:
        fill = pygame.Rect(
            rect.left, rect.top, max(rect.height, round(rect.width * f)), rect.height
        )
        pygame.draw.rect(surface, color, fill, border_radius=rect.height // 2)
