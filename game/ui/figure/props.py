"""Drawing the guide's props (boxes, cylinders, spheres) with the guide's camera.

The shapes come from ``game.rig.props`` in world space, so a bench or a roller
turns with the camera exactly like the figure does. Faces are shaded by how
much they face up, which is all the lighting a small guide needs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import pygame

from game.rig.camera import Camera, Viewport, project_one, to_view
from game.rig.props import Box, Cylinder, Shape, Sphere
from game.rig.vec import Vec3, add, cross, dot, length, scale, sub
from game.ui.widgets.discs import aa_disc

Color = tuple[int, int, int]
Point2 = tuple[float, float]


def shade(color: Color, k: float) -> Color:
    """``color`` scaled toward black (k < 1) or white (k > 1)."""
    if k <= 1.0:
        return (int(color[0] * k), int(color[1] * k), int(color[2] * k))
    t = min(k - 1.0, 1.0)
    return tuple(int(c + (255 - c) * t) for c in color)  # type: ignore[return-value]


def _hull(points: Sequence[Point2]) -> list[Point2]:
    """Convex hull (monotone chain), counter-clockwise."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def turn(o: Point2, a: Point2, b: Point2) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point2] = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[Point2] = []
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _poly(surface: pygame.Surface, color: Color, pts: Sequence[Point2]) -> None:
    if len(pts) >= 3:
        pygame.draw.polygon(surface, color, pts)
        pygame.draw.aalines(surface, color, True, pts)


def _screen(p: Vec3, camera: Camera, vp: Viewport) -> Point2:
    x, y, _ = project_one(p, camera, vp)
    return (x, y)


def _draw_box(s: pygame.Surface, box: Box, color: Color, camera: Camera, vp: Viewport) -> None:
    c = box.corners()  # index = 4*ix + 2*iy + iz
    faces = (
        ((0, 1, 3, 2), 0),
        ((4, 5, 7, 6), 0),
        ((0, 1, 5, 4), 1),
        ((2, 3, 7, 6), 1),
        ((0, 2, 6, 4), 2),
        ((1, 3, 7, 5), 2),
    )
    away = camera.basis[2]
    center = box.center
    for idx, _axis in faces:
        quad = [c[i] for i in idx]
        mid = scale(add(add(quad[0], quad[1]), add(quad[2], quad[3])), 0.25)
        normal = sub(mid, center)
        if length(normal) < 1e-9 or dot(normal, away) >= 0.0:
            continue
        up = normal[1] / length(normal)
        _poly(s, shade(color, 0.7 + 0.35 * up), [_screen(p, camera, vp) for p in quad])


def _circle(center: Vec3, axis: Vec3, r: float, n: int = 14) -> list[Vec3]:
    helper = (0.0, 1.0, 0.0) if abs(axis[1]) < 0.9 else (1.0, 0.0, 0.0)
    e1 = cross(axis, helper)
    e1 = scale(e1, 1.0 / length(e1))
    e2 = cross(axis, e1)
    return [
        add(center, add(scale(e1, r * math.cos(a)), scale(e2, r * math.sin(a))))
        for a in (2.0 * math.pi * i / n for i in range(n))
    ]


def _draw_cylinder(
    s: pygame.Surface, cyl: Cylinder, color: Color, camera: Camera, vp: Viewport
) -> None:
    d = sub(cyl.b, cyl.a)
    n = length(d)
    if n < 1e-9:
        return
    axis = scale(d, 1.0 / n)
    cap_a = [_screen(p, camera, vp) for p in _circle(cyl.a, axis, cyl.radius)]
    cap_b = [_screen(p, camera, vp) for p in _circle(cyl.b, axis, cyl.radius)]
    _poly(s, shade(color, 0.85), _hull(cap_a + cap_b))
    away = camera.basis[2]
    near_cap = cap_a if dot(axis, away) > 0.0 else cap_b
    _poly(s, shade(color, 1.12), near_cap)


def _draw_sphere(
    s: pygame.Surface, sph: Sphere, color: Color, camera: Camera, vp: Viewport
) -> None:
    x, y = _screen(sph.center, camera, vp)
    r = max(1.0, sph.radius * vp.scale)
    aa_disc(s, shade(color, 0.8), (x, y), r)
    aa_disc(s, color, (x - r * 0.15, y - r * 0.15), r * 0.8)
    aa_disc(s, shade(color, 1.3), (x - r * 0.35, y - r * 0.35), r * 0.25)


_DRAWERS: Mapping[type, Callable[..., None]] = {
    Box: _draw_box,
    Cylinder: _draw_cylinder,
    Sphere: _draw_sphere,
}


def shape_depth(shape: Shape, camera: Camera) -> float:
    """Depth of a shape's middle, for sorting it among the limbs."""
    mid = scale(add(shape.a, shape.b), 0.5) if isinstance(shape, Cylinder) else shape.center
    return to_view(mid, camera)[2]


def draw_shape(
    surface: pygame.Surface,
    shape: Shape,
    colors: Mapping[str, Color],
    camera: Camera,
    viewport: Viewport,
) -> None:
    """Draw one prop solid; ``colors`` maps its tone (prop, mat, pad...) to a colour."""
    color = colors.get(shape.tone, colors.get("prop", (150, 150, 150)))
    _DRAWERS[type(shape)](surface, shape, color, camera, viewport)
