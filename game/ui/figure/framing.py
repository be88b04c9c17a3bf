"""Framing the guide: one zoom and floor per animation, camera and rectangle.

The zoom is worked out from the figure's points over the whole path and then
cached, so the figure never jumps while it moves; props and the floor patch
are measured here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.content.model_animation import Animation
from game.rig.camera import Camera, Viewport, fit_viewport, project, project_one
from game.rig.pose import pose_at, solve
from game.rig.props import Box, Cylinder, Shape, Sphere, prop_shapes
from game.rig.vec import Vec3
from game.ui.figure.focus import inset_rect, zoomed


@dataclass(frozen=True)
class Framing:
    viewport: Viewport
    floor: tuple[tuple[float, float], ...]  # the floor patch, on screen
    floor_world: tuple[Vec3, ...] = ()  # the same patch in metres, for other views


def _floor_patch(xs: list[float], zs: list[float]) -> list[Vec3]:
    x0, x1 = min(xs) - 0.5, max(xs) + 0.5
    z0, z1 = min(zs) - 0.45, max(zs) + 0.45
    return [(x0, 0.0, z0), (x1, 0.0, z0), (x1, 0.0, z1), (x0, 0.0, z1)]


_FRAMINGS: dict[tuple[int, Camera, bool, tuple[int, int, int, int]], tuple[Animation, Framing]] = {}


def framing(
    animation: Animation, camera: Camera, mirrored: bool, rect: tuple[int, int, int, int]
) -> Framing:
    """Zoom and floor for an animation, worked out once and cached."""
    key = (id(animation), camera, mirrored, rect)
    hit = _FRAMINGS.get(key)
    if hit is not None and hit[0] is animation:
        return hit[1]
    if len(_FRAMINGS) > 128:
        _FRAMINGS.clear()
    fr = _compute_framing(animation, camera, mirrored, rect)
    _FRAMINGS[key] = (animation, fr)
    return fr


def _compute_framing(
    animation: Animation, camera: Camera, mirrored: bool, rect: tuple[int, int, int, int]
) -> Framing:
    """Zoom and floor for an animation, from its points over the whole path."""
    pts: list[Vec3] = []
    for i in range(13):
        p = solve(pose_at(animation, i / 12.0, mirrored))
        pts.extend(p.values())
        for shape in prop_shapes(animation.props, p, mirrored):
            pts.extend(shape_extent(shape))
    floor = _floor_patch([p[0] for p in pts], [p[2] for p in pts])
    area = pygame.Rect(rect)
    if animation.focus is not None and animation.focus.inset > 0.0:
        # The figure fits below the magnified box, so the box never hides it.
        box = inset_rect(area)
        area = pygame.Rect(area.x, box.bottom, area.w, area.bottom - box.bottom)
    fitted = fit_viewport(pts, camera, (area.x, area.y, area.w, area.h))
    vp = zoomed(fitted, animation, camera, mirrored, area)
    return Framing(vp, project_floor(floor, camera, vp), tuple(floor))


def project_floor(
    floor: Sequence[Vec3], camera: Camera, vp: Viewport
) -> tuple[tuple[float, float], ...]:
    proj = project({str(i): q for i, q in enumerate(floor)}, camera, vp)
    return tuple((x, y) for x, y, _ in proj.values())


def shape_rect(shape: Shape, camera: Camera, vp: Viewport) -> pygame.Rect:
    """Screen rectangle around a prop solid, with a margin for its outline."""
    if isinstance(shape, Sphere):
        x, y, _ = project_one(shape.center, camera, vp)
        r = shape.radius * vp.scale + 3.0
        return pygame.Rect(int(x - r), int(y - r), int(2 * r) + 2, int(2 * r) + 2)
    pts = [project_one(p, camera, vp) for p in shape_extent(shape)]
    pad = (shape.radius * vp.scale if isinstance(shape, Cylinder) else 0.0) + 3.0
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, y0 = int(min(xs) - pad), int(min(ys) - pad)
    return pygame.Rect(x0, y0, int(max(xs) + pad) - x0 + 2, int(max(ys) + pad) - y0 + 2)


def shape_extent(shape: Shape) -> list[Vec3]:
    if isinstance(shape, Box):
        return shape.corners()
    if isinstance(shape, Cylinder):
        return [shape.a, shape.b]
    c, r = shape.center, shape.radius
    return [(c[0] - r, c[1] - r, c[2] - r), (c[0] + r, c[1] + r, c[2] + r)]
