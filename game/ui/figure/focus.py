"""Making small moves readable: the camera's focus, a magnified inset, motion aids.

A pelvic tilt moves the low back about a centimetre; framed like a whole
body it travels a few pixels and reads as a still picture. An exercise can
name its key point with a ``focus`` (see ``game.content.model_animation.Focus``): the
camera then frames closer on that point's path (``zoom``), a box in the top
corner shows the same moment magnified (``inset``), and both show where the
key point started (a ghost ring) and where it is now, joined by a line.

``key_travel`` measures how far, in pixels, the key point travels on screen:
the number the readability target (at least 40 px in the guide area) is held to.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pygame

from game.content.model_animation import Animation
from game.rig.camera import Camera, Viewport, project_one, to_view
from game.rig.motion import key_point, top_u
from game.rig.pose import mirror_name, pose_at, solve
from game.rig.vec import Vec3

__all__ = [
    "INSET_SHARE",
    "inset_rect",
    "inset_viewport",
    "key_path",
    "key_travel",
    "paint_aid",
    "shown_point",
    "zoomed",
]

#: The inset's share of the guide area's width and height.
INSET_SHARE = (0.34, 0.4)
#: A key point this close to the floor (metres) gets the floor in its inset.
_NEAR_FLOOR = 0.1
#: Samples of the key point's path per measurement.
_SAMPLES = 24


#: Key-point paths already worked out, by animation identity and side: the inset
#: asks for one every frame, and solving 25 poses each time cost about 6 ms.
_PATHS: dict[tuple[int, bool], tuple[Animation, tuple[Vec3, ...]]] = {}


def key_path(animation: Animation, mirrored: bool = False) -> list[Vec3]:
    """World positions of the key point from the start to the top of the move."""
    key = (id(animation), mirrored)
    hit = _PATHS.get(key)
    if hit is not None and hit[0] is animation:
        return list(hit[1])
    point = shown_point(animation, mirrored)
    path: tuple[Vec3, ...] = ()
    if point is not None:
        top = top_u(animation)
        path = tuple(
            solve(pose_at(animation, top * i / _SAMPLES, mirrored))[point]
            for i in range(_SAMPLES + 1)
        )
    if len(_PATHS) > 128:
        _PATHS.clear()
    _PATHS[key] = (animation, path)
    return list(path)


def shown_point(animation: Animation, mirrored: bool) -> str | None:
    """The key point as the picture shows it: on the other side, its twin does the work."""
    point = key_point(animation)
    return mirror_name(point) if point is not None and mirrored else point


def _centre(path: Iterable[Vec3], camera: Camera) -> tuple[float, float] | None:
    pts = [to_view(p, camera)[:2] for p in path]
    if not pts:
        return None
    us, vs = [p[0] for p in pts], [p[1] for p in pts]
    return (min(us) + max(us)) / 2.0, (min(vs) + max(vs)) / 2.0


def zoomed(
    base: Viewport, animation: Animation, camera: Camera, mirrored: bool, rect: pygame.Rect
) -> Viewport:
    """The framing moved closer on the key point, never showing past the whole-body frame."""
    focus = animation.focus
    if focus is None or focus.zoom <= 1.0:
        return base
    centre = _centre(key_path(animation, mirrored), camera)
    if centre is None:
        return base
    scale = base.scale * focus.zoom
    spare_u = rect.w / 2.0 / base.scale - rect.w / 2.0 / scale
    spare_v = rect.h / 2.0 / base.scale - rect.h / 2.0 / scale
    u0 = min(max(centre[0], base.u0 - spare_u), base.u0 + spare_u)
    v0 = min(max(centre[1], base.v0 - spare_v), base.v0 + spare_v)
    return Viewport(base.cx, base.cy, u0, v0, scale)


def inset_rect(rect: pygame.Rect) -> pygame.Rect:
    """Where the magnified box sits: the top right corner of the guide area."""
    w, h = round(rect.w * INSET_SHARE[0]), round(rect.h * INSET_SHARE[1])
    pad = max(4, rect.w // 90)
    return pygame.Rect(rect.right - w - pad, rect.top + pad, w, h)


def inset_viewport(
    main: Viewport, animation: Animation, camera: Camera, mirrored: bool, box: pygame.Rect
) -> Viewport | None:
    """The magnified view of the key point's path inside ``box``, or None for no inset."""
    focus = animation.focus
    if focus is None or focus.inset <= 0.0:
        return None
    path = key_path(animation, mirrored)
    # A key point close to the floor is framed with the floor in view: what
    # the magnified box shows is the gap between the body and the mat.
    low = [(x, y / 2.0, z) if 0.0 < y < _NEAR_FLOOR else (x, y, z) for x, y, z in path]
    centre = _centre(low, camera)
    if centre is None:
        return None
    return Viewport(box.centerx, box.centery, centre[0], centre[1], main.scale * focus.inset)


def key_travel(
    animation: Animation, camera: Camera, viewport: Viewport, mirrored: bool = False
) -> float:
    """The farthest the key point gets from where it started, in screen pixels."""
    path = key_path(animation, mirrored)
    if not path:
        return 0.0
    x0, y0, _ = project_one(path[0], camera, viewport)
    return max(
        math.hypot(x - x0, y - y0) for x, y, _ in (project_one(p, camera, viewport) for p in path)
    )


def paint_aid(
    surface: pygame.Surface,
    start: tuple[float, float],
    now: tuple[float, float],
    color: tuple[int, int, int],
    radius: float,
) -> None:
    """A ghost ring where the key point started, a dot where it is, a line between."""
    r = max(3.0, radius)
    pygame.draw.circle(surface, color, start, r, width=2)
    if math.dist(start, now) > r:
        pygame.draw.line(surface, color, start, now, 2)
    pygame.draw.circle(surface, color, now, max(2.0, r * 0.55))
