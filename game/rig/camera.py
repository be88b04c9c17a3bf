"""Orthographic cameras and the projection from world metres to screen pixels.

A camera is an azimuth around the figure and an elevation above the floor.
Azimuth 0 looks at the figure's right side (it faces screen right), 90 looks at
its front, -90 at its back; the elevation tips the view down so the floor and
the mat read as a surface. Depth grows away from the viewer, which is what the
drawing uses to tell near limbs from far ones.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from game.rig.vec import Vec3, dot

#: A projected point: screen x, screen y (pixels, y down) and depth (metres).
Projected = tuple[float, float, float]


@dataclass(frozen=True)
class Camera:
    """An orthographic view direction. Use :meth:`for_name` for the named ones."""

    name: str
    azimuth: float  # degrees; 0 = from the figure's right, 90 = from the front
    elevation: float  # degrees above the horizon, looking down

    @classmethod
    def for_name(cls, name: str) -> Camera:
        """The named camera (``side``, ``front``, ``back``, ``three_quarter``, ``top``)."""
        return CAMERAS[name]

    @property
    def basis(self) -> tuple[Vec3, Vec3, Vec3]:
        """Screen right, screen up and the view direction (away from the viewer)."""
        th, ph = math.radians(self.azimuth), math.radians(self.elevation)
        st, ct, sp, cp = math.sin(th), math.cos(th), math.sin(ph), math.cos(ph)
        right = (ct, 0.0, st)
        up = (-st * sp, cp, ct * sp)
        toward_viewer = (st * cp, sp, -ct * cp)
        away = (-toward_viewer[0], -toward_viewer[1], -toward_viewer[2])
        return right, up, away

    def mirrored(self) -> Camera:
        """The view of the mirrored scene: reflects the azimuth through z = 0."""
        return Camera(self.name, 180.0 - self.azimuth, self.elevation)


#: The cameras an animation may name, in the order the preview cycles them.
CAMERAS: Mapping[str, Camera] = MappingProxyType(
    {
        "side": Camera("side", 0.0, 10.0),
        "front": Camera("front", 90.0, 10.0),
        "back": Camera("back", -90.0, 10.0),
        "three_quarter": Camera("three_quarter", 50.0, 20.0),
        "top": Camera("top", 0.0, 70.0),
    }
)


@dataclass(frozen=True)
class Viewport:
    """Where the view lands on screen: centre pixel, view centre and zoom."""

    cx: float  # screen pixel the view centre maps to
    cy: float
    u0: float  # view centre in camera coordinates (metres along right, up)
    v0: float
    scale: float  # pixels per metre


def to_view(p: Vec3, camera: Camera) -> tuple[float, float, float]:
    """Camera coordinates of a world point: (right, up, depth) in metres."""
    right, up, away = camera.basis
    return dot(p, right), dot(p, up), dot(p, away)


def project(points: Mapping[str, Vec3], camera: Camera, viewport: Viewport) -> dict[str, Projected]:
    """Screen position and depth of each named point."""
    right, up, away = camera.basis
    rx, ry, rz = right
    ux, uy, uz = up
    ax, ay, az = away
    k, cx, cy, u0, v0 = viewport.scale, viewport.cx, viewport.cy, viewport.u0, viewport.v0
    out: dict[str, Projected] = {}
    for name, (x, y, z) in points.items():
        u = x * rx + y * ry + z * rz
        v = x * ux + y * uy + z * uz
        out[name] = (cx + (u - u0) * k, cy - (v - v0) * k, x * ax + y * ay + z * az)
    return out


def project_one(p: Vec3, camera: Camera, viewport: Viewport) -> Projected:
    """Screen position and depth of one point."""
    return project({"p": p}, camera, viewport)["p"]


def fit_viewport(
    world_points: Iterable[Vec3],
    camera: Camera,
    rect: tuple[float, float, float, float],
    margin: float = 0.08,
    pad: float = 0.12,
) -> Viewport:
    """A viewport that shows every point inside ``rect`` (x, y, w, h).

    ``pad`` (metres) leaves room for limb thickness; ``margin`` is a fraction of
    the rect kept clear on every side. Feed it the points of the whole animation
    so the zoom stays put while the figure moves.
    """
    us: list[float] = []
    vs: list[float] = []
    for p in world_points:
        u, v, _ = to_view(p, camera)
        us.append(u)
        vs.append(v)
    if not us:
        us, vs = [0.0], [0.0]
    umin, umax = min(us) - pad, max(us) + pad
    vmin, vmax = min(vs) - pad, max(vs) + pad
    x, y, w, h = rect
    avail_w, avail_h = w * (1.0 - 2.0 * margin), h * (1.0 - 2.0 * margin)
    scale = min(avail_w / max(umax - umin, 1e-6), avail_h / max(vmax - vmin, 1e-6))
    return Viewport(x + w / 2.0, y + h / 2.0, (umin + umax) / 2.0, (vmin + vmax) / 2.0, scale)
