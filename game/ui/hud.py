"""Heads-up pieces of the player screen: the hold ring and the breath pacer.

Both are drawn from plain numbers (a fraction, a breath state), so the same
functions serve the player scene, the breathing intro and screenshots.
"""

from __future__ import annotations

import math

import pygame

from game.session.breath import BreathPhase, BreathState
from game.ui.theme import Color, Theme
from game.ui.widgets import blit_text


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
    start = math.pi / 2
    steps = max(2, int(120 * f))
    outer, inner = radius, radius - width
    pts: list[tuple[float, float]] = []
    for i in range(steps + 1):
        a = start + 2 * math.pi * f * i / steps
        pts.append((cx + math.cos(a) * outer, cy - math.sin(a) * outer))
    for i in range(steps, -1, -1):
        a = start + 2 * math.pi * f * i / steps
        pts.append((cx + math.cos(a) * inner, cy - math.sin(a) * inner))
    pygame.draw.polygon(surface, color, pts)
    mid = radius - width / 2
    for a in (start, start + 2 * math.pi * f):
        end = (round(cx + math.cos(a) * mid), round(cy - math.sin(a) * mid))
        pygame.draw.circle(surface, color, end, width // 2)


def breath_amount(state: BreathState) -> float:
    """0 (empty) .. 1 (full): rises through the inhale, falls through the exhale."""
    ease = 0.5 - 0.5 * math.cos(math.pi * min(1.0, max(0.0, state.fraction)))
    return ease if state.phase is BreathPhase.IN else 1.0 - ease


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
    amount = breath_amount(state)
    r_min = max_radius * 0.38
    r = round(r_min + (max_radius - r_min) * amount)
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
