"""Prop geometry in world space: the same shapes the drawing shows and the
contact checks stand on.

Each prop kind is a builder in :data:`PROP_BUILDERS` that turns a
:class:`~game.content.model_animation.Prop` (plus the solved body points, for props held
in a hand) into simple solids: boxes, cylinders and spheres. A new kind of
prop is one more builder here and nothing else.

Placement: ``pos`` is where the prop stands on the floor (metres, x forward,
y up, z left), or an offset from ``attach`` when the prop is held. ``size``
scales the whole prop.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from game.content.model_animation import Prop
from game.rig.vec import IDENTITY, Mat3, Vec3, add, distance, mat_vec, rot_z, scale, sub


@dataclass(frozen=True)
class Box:
    """A box: centre, half sizes along its own axes, and its rotation."""

    center: Vec3
    half: Vec3
    rot: Mat3 = IDENTITY
    tone: str = "prop"  # palette role: prop, mat, pad, metal

    def corners(self) -> list[Vec3]:
        hx, hy, hz = self.half
        return [
            add(self.center, mat_vec(self.rot, (sx * hx, sy * hy, sz * hz)))
            for sx in (-1.0, 1.0)
            for sy in (-1.0, 1.0)
            for sz in (-1.0, 1.0)
        ]


@dataclass(frozen=True)
class Cylinder:
    """A cylinder between two end centres."""

    a: Vec3
    b: Vec3
    radius: float
    tone: str = "prop"


@dataclass(frozen=True)
class Sphere:
    center: Vec3
    radius: float
    tone: str = "prop"


Shape = Box | Cylinder | Sphere
Builder = Callable[[Prop, Mapping[str, Vec3]], list[Shape]]


def _anchor(prop: Prop, points: Mapping[str, Vec3]) -> Vec3:
    base = points.get(prop.attach, (0.0, 0.0, 0.0)) if prop.attach else (0.0, 0.0, 0.0)
    return add(base, prop.pos)


def _mat(prop: Prop, points: Mapping[str, Vec3]) -> list[Shape]:
    s, c = prop.size, _anchor(prop, points)
    return [Box(add(c, (0.0, 0.004, 0.0)), (0.95 * s, 0.004, 0.32 * s), tone="mat")]


def _foam_roller(prop: Prop, points: Mapping[str, Vec3]) -> list[Shape]:
    s, c = prop.size, _anchor(prop, points)
    r = 0.075 * s
    return [Cylinder(add(c, (0.0, r, -0.45 * s)), add(c, (0.0, r, 0.45 * s)), r, "roller")]


def _box(prop: Prop, points: Mapping[str, Vec3]) -> list[Shape]:
    s, c = prop.size, _anchor(prop, points)
    return [Box(add(c, (0.0, 0.225 * s, 0.0)), (0.2 * s, 0.225 * s, 0.22 * s))]


def _chair(prop: Prop, points: Mapping[str, Vec3]) -> list[Shape]:
    s, c = prop.size, _anchor(prop, points)
    seat_top, half = 0.45 * s, 0.21 * s
    shapes: list[Shape] = [
        Box(add(c, (0.0, seat_top - 0.02 * s, 0.0)), (half, 0.02 * s, half)),
        Box(add(c, (-half, 0.7 * s, 0.0)), (0.015 * s, 0.2 * s, half)),
    ]
    for dx in (-half + 0.02 * s, half - 0.02 * s):
        for dz in (-half + 0.02 * s, half - 0.02 * s):
            foot = add(c, (dx, 0.0, dz))
            shapes.append(Cylinder(foot, add(foot, (0.0, seat_top - 0.04 * s, 0.0)), 0.015 * s))
    return shapes


def _grip_axis(points: Mapping[str, Vec3]) -> Vec3:
    hl, hr = points.get("hand_l"), points.get("hand_r")
    if hl is not None and hr is not None and distance(hl, hr) > 0.05:
        d = sub(hl, hr)
        return scale(d, 1.0 / distance(hl, hr))
    return (0.0, 0.0, 1.0)


def _bar(prop: Prop, points: Mapping[str, Vec3]) -> list[Shape]:
    s, c = prop.size, _anchor(prop, points)
    half = scale(_grip_axis(points), 0.6 * s)
    return [Cylinder(sub(c, half), add(c, half), 0.014 * s, "metal")]


def _dumbbell(prop: Prop, points: Mapping[str, Vec3]) -> list[Shape]:
    s, c = prop.size, _anchor(prop, points)
    h, w = 0.075 * s, 0.02 * s
    return [
        Cylinder(add(c, (0.0, 0.0, -h)), add(c, (0.0, 0.0, h)), 0.016 * s, "metal"),
        Cylinder(add(c, (0.0, 0.0, -h - w)), add(c, (0.0, 0.0, -h + w)), 0.055 * s, "weight"),
        Cylinder(add(c, (0.0, 0.0, h - w)), add(c, (0.0, 0.0, h + w)), 0.055 * s, "weight"),
    ]


#: Where the hip pads of the 45-degree bench sit, from its ``pos`` (the middle
#: of the foot plate). The body line from the ankles to the pads is 45 degrees.
ROMAN_CHAIR_PAD: Vec3 = (0.6, 0.78, 0.0)
ROMAN_CHAIR_PLATE_TOP = 0.12


def _roman_chair(prop: Prop, points: Mapping[str, Vec3]) -> list[Shape]:
    s, c = prop.size, _anchor(prop, points)
    tilt = rot_z(45.0)
    pad = add(c, scale(ROMAN_CHAIR_PAD, s))
    plate_top = ROMAN_CHAIR_PLATE_TOP * s
    shapes: list[Shape] = [
        Box(add(c, (0.3 * s, 0.025 * s, 0.0)), (0.6 * s, 0.025 * s, 0.24 * s), tone="metal"),
        Box(add(c, (0.0, plate_top - 0.02 * s, 0.0)), (0.16 * s, 0.02 * s, 0.2 * s)),
        Cylinder(
            add(c, (-0.09 * s, 0.22 * s, -0.18 * s)),
            add(c, (-0.09 * s, 0.22 * s, 0.18 * s)),
            0.04 * s,
            "pad",
        ),
        Cylinder(add(c, (-0.14 * s, 0.03 * s, 0.0)), add(c, (-0.14 * s, 0.24 * s, 0.0)), 0.02 * s),
        Cylinder(add(c, (0.85 * s, 0.03 * s, 0.0)), sub(pad, (-0.14 * s, 0.14 * s, 0.0)), 0.03 * s),
        Box(add(pad, (0.06 * s, -0.06 * s, 0.0)), (0.05 * s, 0.15 * s, 0.2 * s), tilt, "pad"),
    ]
    return shapes


def _ball(radius: float) -> Builder:
    def build(prop: Prop, points: Mapping[str, Vec3]) -> list[Shape]:
        r = radius * prop.size
        c = _anchor(prop, points)
        if not prop.attach:
            c = add(c, (0.0, r, 0.0))
        return [Sphere(c, r, "ball")]

    return build


#: Builders by prop kind; ``game.content.vocabulary.PROPS`` lists the same names.
PROP_BUILDERS: Mapping[str, Builder] = MappingProxyType(
    {
        "mat": _mat,
        "foam_roller": _foam_roller,
        "box": _box,
        "chair": _chair,
        "bar": _bar,
        "dumbbell": _dumbbell,
        "roman_chair": _roman_chair,
        "medicine_ball": _ball(0.12),
        "ball": _ball(0.11),
    }
)


def mirror_prop(prop: Prop) -> Prop:
    """The same prop for the other side: held in the other hand, placed at -z."""
    from game.rig.pose import mirror_name

    x, y, z = prop.pos
    attach = mirror_name(prop.attach) if prop.attach else prop.attach
    return replace(prop, pos=(x, y, -z), attach=attach)


def prop_shapes(
    props: Iterable[Prop], points: Mapping[str, Vec3], mirrored: bool = False
) -> list[Shape]:
    """Every solid of every prop, placed for the current body points.

    With ``mirrored`` the props follow the mirrored pose: a dumbbell in the
    right hand moves to the left hand, as the other side is played.
    """
    out: list[Shape] = []
    for prop in props:
        if mirrored:
            prop = mirror_prop(prop)
        builder = PROP_BUILDERS.get(prop.kind)
        if builder is not None:
            out.extend(builder(prop, points))
    return out


def support_height(shapes: Iterable[Shape], x: float, z: float) -> float:
    """Height of the highest surface under ``(x, z)``: the floor or a prop top.

    Level boxes offer their top face; cylinders lying level offer their top
    line (within their radius); held props are skipped by the caller. This is
    what a declared contact must rest on.
    """
    best = 0.0
    for sh in shapes:
        if isinstance(sh, Box) and sh.rot == IDENTITY:
            cx, cy, cz = sh.center
            hx, hy, hz = sh.half
            if abs(x - cx) <= hx + 0.01 and abs(z - cz) <= hz + 0.01:
                best = max(best, cy + hy)
        elif isinstance(sh, Cylinder) and abs(sh.a[1] - sh.b[1]) < 1e-9:
            ax, _, az = sh.a
            bx, _, bz = sh.b
            dx, dz = bx - ax, bz - az
            n2 = dx * dx + dz * dz
            if n2 <= 0.0:
                continue
            t = ((x - ax) * dx + (z - az) * dz) / n2
            if 0.0 <= t <= 1.0:
                off = math.hypot(ax + t * dx - x, az + t * dz - z)
                if off <= sh.radius:
                    top = sh.a[1] + math.sqrt(sh.radius**2 - off**2)
                    best = max(best, top)
    return best
