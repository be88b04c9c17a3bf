"""Badge and status icons drawn with pygame primitives, looked up by name.

Icons are named in ``levels/badges.yaml`` (``icon: flame``), so a new badge
picks an icon by name and never needs code. Each entry in :data:`ICONS` draws
one picture inside a square of side ``size`` centred on ``center``; an
unknown name falls back to a plain medal, so a typo in data still draws.
Drawing with primitives keeps the game free of image files that would have to
be kept in step with the palette and the high-contrast mode.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from types import MappingProxyType

import pygame

from game.ui.widgets.colour import mix

Color = tuple[int, int, int]
Point = tuple[float, float]
Drawer = Callable[[pygame.Surface, Point, float, Color], None]


def _pts(center: Point, size: float, rel: list[Point]) -> list[tuple[int, int]]:
    """Points given in a -1..1 box, scaled to the icon's square."""
    cx, cy = center
    h = size / 2
    return [(round(cx + x * h), round(cy + y * h)) for x, y in rel]


def _seg(
    s: pygame.Surface, col: Color, c: Point, size: float, rel: list[Point], width: int
) -> None:
    """One line between two points of the -1..1 box."""
    a, b = _pts(c, size, rel)
    pygame.draw.line(s, col, a, b, width)


def _w(size: float, k: float = 0.08) -> int:
    return max(2, round(size * k))


def _star(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    rel: list[Point] = []
    for i in range(10):
        r = 0.95 if i % 2 == 0 else 0.42
        a = -math.pi / 2 + i * math.pi / 5
        rel.append((r * math.cos(a), r * math.sin(a) + 0.06))
    pygame.draw.polygon(s, col, _pts(c, size, rel))


def _shield(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    rel = [(-0.75, -0.8), (0.75, -0.8), (0.75, -0.1), (0.0, 0.9), (-0.75, -0.1)]
    pygame.draw.polygon(s, col, _pts(c, size, rel), _w(size))
    _seg(s, col, c, size, [(0, -0.55), (0, 0.55)], _w(size))


def _wave(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    for dy in (-0.35, 0.1, 0.55):
        rel = [(x / 10, dy + 0.22 * math.sin(x / 10 * math.pi * 1.5)) for x in range(-9, 10)]
        pygame.draw.lines(s, col, False, _pts(c, size, rel), _w(size))


def _mountain(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    pygame.draw.polygon(s, col, _pts(c, size, [(-0.95, 0.75), (-0.2, -0.7), (0.55, 0.75)]))
    pygame.draw.polygon(s, col, _pts(c, size, [(0.0, 0.75), (0.45, -0.15), (0.95, 0.75)]))


def _crown(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    rel = [(-0.85, 0.6), (-0.85, -0.45), (-0.4, 0.05), (0, -0.7), (0.4, 0.05), (0.85, -0.45)]
    pygame.draw.polygon(s, col, _pts(c, size, [*rel, (0.85, 0.6)]))


def _spine(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    cx, cy = c
    for i in range(5):
        y = cy + (i - 2) * size * 0.2
        w = size * (0.42 - i * 0.03 * (1 if i > 2 else -1))
        body = pygame.Rect(0, 0, round(w), max(3, round(size * 0.13)))
        body.center = (round(cx), round(y))
        pygame.draw.rect(s, col, body, border_radius=max(1, round(size * 0.05)))
        wing = pygame.Rect(0, 0, round(w + size * 0.32), max(2, round(size * 0.05)))
        wing.center = (round(cx), round(y))
        pygame.draw.rect(s, col, wing)


def _sun(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    pygame.draw.circle(s, col, (round(c[0]), round(c[1])), round(size * 0.24))
    for i in range(8):
        a = i * math.pi / 4
        rel = [(0.42 * math.cos(a), 0.42 * math.sin(a)), (0.85 * math.cos(a), 0.85 * math.sin(a))]
        _seg(s, col, c, size, rel, _w(size))


def _leaf(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    a = -math.pi / 4  # the leaf leans to the right
    rel: list[Point] = []
    for i in range(25):
        t = i / 24 * 2 * math.pi
        x, y = 0.9 * math.cos(t), 0.45 * math.sin(t) * (1 - 0.3 * math.cos(t))
        rel.append((x * math.cos(a) - y * math.sin(a), x * math.sin(a) + y * math.cos(a)))
    pygame.draw.polygon(s, col, _pts(c, size, rel))
    vein = mix(col, (0, 0, 0), 0.45)
    _seg(s, vein, c, size, [(-0.85, 0.85), (0.5, -0.5)], _w(size, 0.05))


def _flame(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    outer = [
        (0.0, -0.95), (0.35, -0.35), (0.7, 0.1), (0.62, 0.55), (0.3, 0.88), (-0.3, 0.88),
        (-0.62, 0.55), (-0.7, 0.1), (-0.45, -0.2), (-0.25, 0.05), (-0.15, -0.5),
    ]  # fmt: skip
    pygame.draw.polygon(s, col, _pts(c, size, outer))
    inner = [(0.0, -0.1), (0.3, 0.4), (0.2, 0.78), (-0.2, 0.78), (-0.3, 0.4)]
    pygame.draw.polygon(s, mix(col, (255, 255, 255), 0.55), _pts(c, size, inner))


def _heart(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    rel = []
    for i in range(40):
        t = i / 40 * 2 * math.pi
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        rel.append((x / 18, -y / 18 + 0.05))
    pygame.draw.polygon(s, col, _pts(c, size, rel))


def _trophy(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    w = _w(size, 0.07)
    for side in (-1, 1):
        handle = [(side * 0.45, -0.65), (side * 0.8, -0.6), (side * 0.7, -0.2), (side * 0.35, 0.0)]
        pygame.draw.lines(s, col, False, _pts(c, size, handle), w)
    cup = [(-0.55, -0.8), (0.55, -0.8), (0.45, -0.1), (0.15, 0.2), (-0.15, 0.2), (-0.45, -0.1)]
    pygame.draw.polygon(s, col, _pts(c, size, cup))
    _seg(s, col, c, size, [(0, 0.2), (0, 0.6)], _w(size, 0.12))
    base = [(-0.45, 0.6), (0.45, 0.6), (0.5, 0.85), (-0.5, 0.85)]
    pygame.draw.polygon(s, col, _pts(c, size, base))


def _clock(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    center = (round(c[0]), round(c[1]))
    pygame.draw.circle(s, col, center, round(size * 0.45), _w(size))
    pygame.draw.line(s, col, center, _pts(c, size, [(0, -0.6)])[0], _w(size))
    pygame.draw.line(s, col, center, _pts(c, size, [(0.4, 0.15)])[0], _w(size))


def _lungs(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    for side in (-1, 1):
        rel = [
            (side * 0.12, -0.35), (side * 0.75, -0.2), (side * 0.85, 0.55),
            (side * 0.5, 0.85), (side * 0.12, 0.6),
        ]  # fmt: skip
        pygame.draw.polygon(s, col, _pts(c, size, rel))
    _seg(s, col, c, size, [(0, -0.9), (0, -0.1)], _w(size))


def _calendar(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    x0, y0 = _pts(c, size, [(-0.8, -0.65)])[0]
    box = pygame.Rect(x0, y0, round(size * 0.8), round(size * 0.75))
    pygame.draw.rect(s, col, box, _w(size), border_radius=max(2, round(size * 0.08)))
    top = pygame.Rect(box.left, box.top, box.width, round(size * 0.2))
    pygame.draw.rect(s, col, top, border_radius=max(2, round(size * 0.08)))
    dot = max(2, round(size * 0.07))
    for i in range(3):
        for j in range(2):
            x = box.left + box.width * (i + 1) / 4
            y = top.bottom + (box.bottom - top.bottom) * (j + 1) / 3
            pygame.draw.circle(s, col, (round(x), round(y)), dot)


def _scales(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    w = _w(size)
    _seg(s, col, c, size, [(0, -0.8), (0, 0.7)], w)
    _seg(s, col, c, size, [(-0.75, -0.5), (0.75, -0.5)], w)
    _seg(s, col, c, size, [(-0.4, 0.75), (0.4, 0.75)], w)
    for side in (-1, 1):
        pan = [(side * 0.75 - 0.3, 0.1), (side * 0.75 + 0.3, 0.1), (side * 0.75, 0.35)]
        pygame.draw.polygon(s, col, _pts(c, size, pan))
        _seg(s, col, c, size, [(side * 0.75, -0.5), (side * 0.75, 0.1)], 1)


def _moon(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    r = round(size * 0.42)
    layer = pygame.Surface((r * 2 + 2, r * 2 + 2), pygame.SRCALPHA)
    pygame.draw.circle(layer, col, (r + 1, r + 1), r)
    pygame.draw.circle(layer, (0, 0, 0, 0), (r + 1 + round(r * 0.55), r + 1 - round(r * 0.3)), r)
    s.blit(layer, (round(c[0]) - r - 1, round(c[1]) - r - 1))


def _medal(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    pygame.draw.circle(s, col, (round(c[0]), round(c[1])), round(size * 0.4), _w(size))
    pygame.draw.circle(s, col, (round(c[0]), round(c[1])), round(size * 0.2))


def _lock(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    x0, y0 = _pts(c, size, [(-0.55, -0.05)])[0]
    body = pygame.Rect(x0, y0, round(size * 0.55), round(size * 0.45))
    pygame.draw.rect(s, col, body, border_radius=max(1, round(size * 0.06)))
    shackle = pygame.Rect(0, 0, round(size * 0.38), round(size * 0.5))
    shackle.midbottom = (body.centerx, body.top + round(size * 0.12))
    pygame.draw.ellipse(s, col, shackle, _w(size, 0.09))


def _check(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    pts = _pts(c, size, [(-0.6, 0.0), (-0.15, 0.45), (0.65, -0.45)])
    pygame.draw.lines(s, col, False, pts, _w(size, 0.16))


def _snowflake(s: pygame.Surface, c: Point, size: float, col: Color) -> None:
    w = _w(size, 0.09)
    for i in range(3):
        a = i * math.pi / 3 + math.pi / 2
        dx, dy = 0.85 * math.cos(a), 0.85 * math.sin(a)
        _seg(s, col, c, size, [(-dx, -dy), (dx, dy)], w)
        for sign in (-1, 1):
            tip = (sign * dx * 0.6, sign * dy * 0.6)
            for turn in (-0.6, 0.6):
                b = a + turn + (0 if sign > 0 else math.pi)
                end = (tip[0] + 0.3 * math.cos(b), tip[1] + 0.3 * math.sin(b))
                _seg(s, col, c, size, [tip, end], max(1, w - 1))


#: Icon name -> drawer. Badge files may use any of these names.
ICONS: Mapping[str, Drawer] = MappingProxyType(
    {
        "star": _star,
        "shield": _shield,
        "wave": _wave,
        "mountain": _mountain,
        "crown": _crown,
        "spine": _spine,
        "sun": _sun,
        "leaf": _leaf,
        "flame": _flame,
        "heart": _heart,
        "trophy": _trophy,
        "clock": _clock,
        "lungs": _lungs,
        "calendar": _calendar,
        "scales": _scales,
        "moon": _moon,
        "medal": _medal,
        "lock": _lock,
        "check": _check,
        "snowflake": _snowflake,
    }
)


def draw_icon(
    surface: pygame.Surface, name: str, center: tuple[int, int], size: int, color: Color
) -> None:
    """Draw icon ``name`` (or the medal for an unknown name) in a ``size`` square."""
    ICONS.get(name, _medal)(surface, (float(center[0]), float(center[1])), float(size), color)


def draw_badge_medallion(
    surface: pygame.Surface,
    name: str,
    center: tuple[int, int],
    radius: int,
    *,
    fill: Color,
    ring: Color,
    ink: Color,
) -> None:
    """A round medallion with the icon inside: how badges look everywhere."""
    pygame.draw.circle(surface, fill, center, radius)
    pygame.draw.circle(surface, ring, center, radius, max(2, radius // 10))
    draw_icon(surface, name, center, round(radius * 1.15), ink)
