"""Painting a planned guide: the floor, props, and the figure as shaded capsules.

Everything here follows a :class:`~game.ui.figure.plan.GuidePlan`; nothing is
posed or projected again, so painting is the cheap half of a guide frame.
"""

from __future__ import annotations

import pygame

from game.rig.camera import Projected
from game.ui.figure.focus import paint_aid
from game.ui.figure.plan import GuidePlan
from game.ui.figure.props import Color, draw_shape, shade
from game.ui.widgets.colour import mix
from game.ui.widgets.discs import aa_disc


def _capsule(
    s: pygame.Surface,
    color: Color,
    a: Projected,
    b: Projected,
    r: float,
    edge: Color | None,
    smooth: bool = True,
) -> None:
    """A limb: a thick line with round ends, over a slightly wider dark edge.

    The dark edge is drawn with plain primitives (its border is dark on dark);
    the light fill, whose border is what the eye sees, is anti-aliased when
    ``smooth``.
    """
    pa, pb = (a[0], a[1]), (b[0], b[1])
    r = max(r, 1.0)
    w = max(1, round(2.0 * r))
    if edge is not None:
        pygame.draw.circle(s, edge, pa, r + 1.5)
        pygame.draw.circle(s, edge, pb, r + 1.5)
        pygame.draw.line(s, edge, pa, pb, w + 3)
    if smooth:
        pygame.draw.aaline(s, color, pa, pb, w)
        aa_disc(s, color, pa, r)
        aa_disc(s, color, pb, r)
    else:
        pygame.draw.line(s, color, pa, pb, w)
        pygame.draw.circle(s, color, pa, r)
        pygame.draw.circle(s, color, pb, r)


def paint_guide(surface: pygame.Surface, plan: GuidePlan, *, smooth: bool = True) -> None:
    """Paint a planned guide, floor first, inside the surface's clip and the plan's area."""
    col, cam, vp, scr = plan.colors, plan.camera, plan.viewport, plan.scr
    k = vp.scale
    clip = surface.get_clip()
    surface.set_clip(plan.area.clip(clip))
    pygame.draw.polygon(surface, col.floor, plan.floor)
    tones = col.tones()
    for shape in plan.mats:
        draw_shape(surface, shape, tones, cam, vp)
    trunk_col = mix(col.figure, col.figure_far, 0.3, floor=True)
    edge = col.outline
    for _, kind, data in plan.items:
        if kind == 0:
            draw_shape(surface, data, tones, cam, vp)
        elif kind == 1:
            a, b, rp, c = data
            _capsule(surface, c, scr[a], scr[b], rp, edge, smooth)
        elif kind == 2:
            hx, hy, _ = scr["head"]
            pygame.draw.circle(surface, edge, (hx, hy), 0.11 * k + 1.5)
            circle = aa_disc if smooth else pygame.draw.circle
            circle(surface, col.figure, (hx, hy), 0.11 * k)
        elif kind == 3:
            fx, fy, _ = scr["face"]
            if plan.facing:
                pygame.draw.circle(surface, shade(col.figure, 0.55), (fx, fy), 0.028 * k)
        elif kind == 4:
            x, y, _ = scr[data]
            dot = min(6.0, max(1.5, 0.016 * k))  # a marker, not a disc, in a magnified view
            pygame.draw.circle(surface, shade(trunk_col, 0.75), (x, y), dot)
        elif kind == 5:
            a, b = data
            _capsule(surface, plan.glow, scr[a], scr[b], 0.022 * k, None, smooth)
        else:
            for a, b, rp in data:
                _capsule(surface, edge, scr[a], scr[b], rp + 1.5, None, False)
            for a, b, rp in data:
                _capsule(surface, trunk_col, scr[a], scr[b], rp, None, smooth)
    if plan.aid is not None:
        paint_aid(surface, plan.aid[0], plan.aid[1], plan.glow, max(3.0, plan.area.h / 40.0))
    surface.set_clip(clip)
    if plan.inset is not None:
        box = plan.inset.area
        surface.fill(col.outline, box.clip(clip))
        paint_guide(surface, plan.inset, smooth=smooth)
        pygame.draw.rect(surface, col.glow, box, width=2)
