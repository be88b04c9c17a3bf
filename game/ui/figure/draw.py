"""Drawing the animated guide: the rig's points as shaded capsules, with props.

``draw_guide`` is the one entry point the scenes call each frame. It asks the
rig for the pose at ``u``, projects it with the exercise's camera and paints
far things first. Framing (zoom and centre) is worked out once per animation,
camera and rectangle and cached, so the figure never jumps while it moves.
Limbs on the side away from the viewer are darker, so a bird dog's reaching
arm and leg read at a glance even in a plain side view.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pygame

from game.content.model import Exercise
from game.content.model_animation import Animation
from game.rig.camera import (
    CAMERAS,
    Camera,
    Projected,
    Viewport,
    fit_viewport,
    project,
    project_one,
)
from game.rig.library import Subject
from game.rig.pose import pose_at, solve
from game.rig.props import Box, Cylinder, Shape, Sphere, prop_shapes
from game.rig.vec import Vec3, add, dot, sub
from game.ui.figure.focus import inset_rect, inset_viewport, paint_aid, shown_point, zoomed
from game.ui.figure.props import Color, draw_shape, shade, shape_depth
from game.ui.widgets.discs import aa_disc

# ---------------------------------------------------------------------------
# What the figure is made of (world radii in metres).
# ---------------------------------------------------------------------------

#: Trunk capsules: (from, to, radius, breathes). The chest swells on the inhale.
TRUNK: tuple[tuple[str, str, float, bool], ...] = (
    ("hip_l", "hip_r", 0.085, False),
    ("pelvis", "lumbar_lo", 0.1, False),
    ("lumbar_lo", "lumbar_hi", 0.088, False),
    ("lumbar_hi", "thoracic_lo", 0.09, True),
    ("thoracic_lo", "thoracic_hi", 0.102, True),
    ("thoracic_hi", "chest", 0.1, True),
    ("thoracic_hi", "neck", 0.06, False),
    ("neck", "atlas", 0.045, False),
)

#: One side's limb capsules, written for the left side (``_l``).
LIMB: tuple[tuple[str, str, float], ...] = (
    ("clavicle_l", "shoulder_l", 0.05),
    ("shoulder_l", "elbow_l", 0.047),
    ("elbow_l", "wrist_l", 0.038),
    ("wrist_l", "hand_l", 0.03),
    ("hip_l", "knee_l", 0.072),
    ("knee_l", "ankle_l", 0.052),
    ("ankle_l", "foot_l", 0.036),
    ("heel_l", "toe_l", 0.03),
)

_BACK_LINE = ("vert_pelvis", "vert_lumbar_lo", "vert_lumbar_hi", "vert_thoracic_lo")
_UPPER_BACK = ("vert_thoracic_lo", "vert_thoracic_hi", "vert_neck")
_BELLY = ("belly_lo", "belly_mid", "belly_hi", "sternum")


def _chain(names: Sequence[str]) -> tuple[tuple[str, str], ...]:
    return tuple(itertools.pairwise(names))


def _right(name: str) -> str:
    """The right-side twin of a left-side name; names without a side stay as they are."""
    return name[:-2] + "_r" if name.endswith("_l") else name


def _both(pairs: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    right = tuple((_right(a), _right(b)) for a, b in pairs)
    return tuple(pairs) + right


#: Muscle id (``game.content.model.MUSCLES``) -> the lines that glow for it.
MUSCLE_LINES: Mapping[str, tuple[tuple[str, str], ...]] = {
    "multifidus": _chain(_BACK_LINE + _UPPER_BACK[1:]),
    "rotatores": _chain(_BACK_LINE + _UPPER_BACK[1:]),
    "interspinales": _chain(_BACK_LINE + _UPPER_BACK[1:]),
    "erector_spinae": _chain(_BACK_LINE + _UPPER_BACK[1:]),
    "quadratus_lumborum": _chain(_BACK_LINE),
    "thoracic_extensors": _chain(_UPPER_BACK),
    "transversus_abdominis": _chain(_BELLY[:3]),
    "rectus_abdominis": _chain(_BELLY),
    "obliques": _chain(_BELLY[:3]),
    "glutes": (("vert_pelvis", "hip_l"), ("vert_pelvis", "hip_r")),
    "hamstrings": _both((("hip_l", "knee_l"),)),
    "hip_flexors": _both((("belly_lo", "hip_l"),)),
    "latissimus_dorsi": _both((("vert_thoracic_lo", "shoulder_l"),)),
    "rhomboids": _both((("vert_thoracic_hi", "shoulder_l"),)),
    "trapezius": _both((("vert_neck", "shoulder_l"),)),
    "shoulders": _both((("clavicle_l", "shoulder_l"), ("shoulder_l", "elbow_l"))),
    "neck_flexors": (("neck", "atlas"),),
}

_VERTEBRAE = ("vert_lumbar_lo", "vert_lumbar_hi", "vert_thoracic_lo", "vert_thoracic_hi")
_SPINE_NODE = {
    "vert_lumbar_lo": "lumbar_lo",
    "vert_lumbar_hi": "lumbar_hi",
    "vert_thoracic_lo": "thoracic_lo",
    "vert_thoracic_hi": "thoracic_hi",
    "vert_pelvis": "pelvis",
    "vert_neck": "neck",
    "belly_lo": "pelvis",
    "belly_mid": "lumbar_hi",
    "belly_hi": "thoracic_lo",
    "sternum": "thoracic_hi",
}


@dataclass(frozen=True)
class GuideColors:
    """The guide's colours; :meth:`from_palette` reads them off a UI theme palette."""

    figure: Color = (240, 226, 205)
    figure_far: Color = (168, 150, 132)
    outline: Color = (14, 20, 32)
    floor: Color = (40, 56, 78)
    mat: Color = (64, 120, 130)
    glow: Color = (255, 120, 80)
    prop: Color = (150, 122, 92)
    metal: Color = (170, 178, 190)
    pad: Color = (70, 74, 90)
    ball: Color = (200, 90, 70)

    @classmethod
    def from_palette(cls, palette: Any) -> GuideColors:
        """Take ``figure``, ``figure_far``, ``floor``, ``mat``, ``glow`` from a palette."""
        base = cls()
        return cls(
            figure=getattr(palette, "figure", base.figure),
            figure_far=getattr(palette, "figure_far", base.figure_far),
            outline=getattr(palette, "bg_bottom", base.outline),
            floor=getattr(palette, "floor", base.floor),
            mat=getattr(palette, "mat", base.mat),
            glow=getattr(palette, "glow", base.glow),
        )

    def tones(self) -> dict[str, Color]:
        return {
            "prop": self.prop,
            "mat": self.mat,
            "metal": self.metal,
            "pad": self.pad,
            "ball": self.ball,
            "roller": (90, 150, 200),
            "weight": (60, 64, 74),
        }


def _mix(a: Color, b: Color, t: float) -> Color:
    return (
        int(a[0] + (b[0] - a[0]) * t),
        int(a[1] + (b[1] - a[1]) * t),
        int(a[2] + (b[2] - a[2]) * t),
    )


# ---------------------------------------------------------------------------
# Framing: one zoom per animation, camera and rectangle.
# ---------------------------------------------------------------------------


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
            pts.extend(_shape_extent(shape))
    floor = _floor_patch([p[0] for p in pts], [p[2] for p in pts])
    area = pygame.Rect(rect)
    if animation.focus is not None and animation.focus.inset > 0.0:
        # The figure fits below the magnified box, so the box never hides it.
        box = inset_rect(area)
        area = pygame.Rect(area.x, box.bottom, area.w, area.bottom - box.bottom)
    fitted = fit_viewport(pts, camera, (area.x, area.y, area.w, area.h))
    vp = zoomed(fitted, animation, camera, mirrored, area)
    return Framing(vp, _project_floor(floor, camera, vp), tuple(floor))


def _project_floor(
    floor: Sequence[Vec3], camera: Camera, vp: Viewport
) -> tuple[tuple[float, float], ...]:
    proj = project({str(i): q for i, q in enumerate(floor)}, camera, vp)
    return tuple((x, y) for x, y, _ in proj.values())


def _shape_rect(shape: Shape, camera: Camera, vp: Viewport) -> pygame.Rect:
    """Screen rectangle around a prop solid, with a margin for its outline."""
    if isinstance(shape, Sphere):
        x, y, _ = project_one(shape.center, camera, vp)
        r = shape.radius * vp.scale + 3.0
        return pygame.Rect(int(x - r), int(y - r), int(2 * r) + 2, int(2 * r) + 2)
    pts = [project_one(p, camera, vp) for p in _shape_extent(shape)]
    pad = (shape.radius * vp.scale if isinstance(shape, Cylinder) else 0.0) + 3.0
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, y0 = int(min(xs) - pad), int(min(ys) - pad)
    return pygame.Rect(x0, y0, int(max(xs) + pad) - x0 + 2, int(max(ys) + pad) - y0 + 2)


def _shape_extent(shape: Shape) -> list[Vec3]:
    if isinstance(shape, Box):
        return shape.corners()
    if isinstance(shape, Cylinder):
        return [shape.a, shape.b]
    c, r = shape.center, shape.radius
    return [(c[0] - r, c[1] - r, c[2] - r), (c[0] + r, c[1] + r, c[2] + r)]


# ---------------------------------------------------------------------------
# Drawing
# ---------------------------------------------------------------------------


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


def _animation_of(subject: Exercise | Subject | Animation) -> Animation:
    if isinstance(subject, Animation):
        return subject
    if subject.animation is None:
        raise ValueError(f"exercise {subject.id!r} has no animation")
    return subject.animation


@dataclass(frozen=True)
class GuidePlan:
    """One guide picture worked out and ready to paint.

    ``bounds`` holds every pixel the figure, its props and mats can touch (the
    floor patch aside, which only changes with the framing), so a caller that
    redraws incrementally knows what to restore.
    """

    area: pygame.Rect
    floor: tuple[tuple[float, float], ...]
    mats: tuple[Shape, ...]
    items: tuple[tuple[float, int, Any], ...]
    scr: Mapping[str, Projected]
    camera: Camera
    viewport: Viewport
    colors: GuideColors
    facing: bool
    glow: Color
    bounds: pygame.Rect
    #: The key point's start and now (screen), for the motion aid; None without a focus aid.
    aid: tuple[tuple[float, float], tuple[float, float]] | None = None
    inset: GuidePlan | None = None  # the magnified box, planned the same way


def plan_guide(
    rect: pygame.Rect | tuple[int, int, int, int],
    subject: Exercise | Subject | Animation,
    u: float,
    *,
    mirrored: bool = False,
    breath: float = 0.0,
    camera: Camera | str | None = None,
    glow_muscles: Sequence[str] = (),
    colors: GuideColors | None = None,
    reduced_motion: bool = False,
    mirror_camera: bool = True,
    viewport: Viewport | None = None,
    shift: Vec3 = (0.0, 0.0, 0.0),
) -> GuidePlan:
    """Pose, projection and drawing order for path value ``u``; see :func:`draw_guide`.

    ``viewport`` replaces the animation's own framing (the inset uses it);
    ``shift`` (metres) moves the body, not the world props.
    """
    anim = _animation_of(subject)
    col = colors or GuideColors()
    cam = camera if isinstance(camera, Camera) else CAMERAS.get(camera or anim.camera)
    cam = cam or CAMERAS["side"]
    if mirrored and mirror_camera:
        cam = cam.mirrored()
    r = pygame.Rect(rect)
    fr = framing(anim, cam, mirrored, (r.x, r.y, r.w, r.h))
    vp, floor = fr.viewport, fr.floor
    if viewport is not None:
        vp, floor = viewport, _project_floor(fr.floor_world, cam, viewport)
    pts = solve(pose_at(anim, u, mirrored))
    if shift != (0.0, 0.0, 0.0):  # the body moved along its props (a later set)
        pts = {name: add(p, shift) for name, p in pts.items()}
    scr = project(pts, cam, vp)
    k = vp.scale
    away = cam.basis[2]

    mats: list[Shape] = []
    items: list[tuple[float, int, Any]] = []
    for shape in prop_shapes(anim.props, pts, mirrored):
        if shape.tone == "mat":
            mats.append(shape)
        else:
            items.append((shape_depth(shape, cam), 0, shape))

    swell = 0.0 if reduced_motion else 0.07 * max(0.0, min(1.0, breath))
    trunk = [(a, b, rad * (1.0 + swell if breathes else 1.0) * k) for a, b, rad, breathes in TRUNK]
    items.append((scr["lumbar_hi"][2], 6, trunk))
    far_left = scr["shoulder_l"][2] + scr["hip_l"][2] > scr["shoulder_r"][2] + scr["hip_r"][2]
    for side in ("_l", "_r"):
        is_far = far_left == (side == "_l")
        c = col.figure_far if is_far else col.figure
        for a0, b0, rad in LIMB:
            a, b = a0.replace("_l", side), b0.replace("_l", side)
            items.append(((scr[a][2] + scr[b][2]) / 2.0, 1, (a, b, rad * k, c)))
    items.append((scr["head"][2], 2, None))
    facing = dot(sub(pts["face"], pts["head"]), away) < 0.0
    items.append((scr["face"][2] - (0.2 if facing else 0.0), 3, None))
    for name in _VERTEBRAE:
        if _faces_viewer(pts, name, away):
            items.append((scr[name][2] - 0.1, 4, name))
    glow = _mix(col.figure, col.glow, 0.75 if reduced_motion else 0.6 + 0.3 * breath)
    seen: set[tuple[str, str]] = set()
    for muscle in glow_muscles:
        for a, b in MUSCLE_LINES.get(muscle, ()):
            if (a, b) in seen:
                continue
            seen.add((a, b))
            bias = 0.11 if _faces_viewer(pts, a, away) else 0.0
            items.append(((scr[a][2] + scr[b][2]) / 2.0 - bias, 5, (a, b)))
    items.sort(key=lambda it: -it[0])

    # Every body part lies within the widest radius (the head's, or the
    # chest's at full breath) of some projected point; props add their own.
    pad = 0.11 * k * 1.08 + 4.0
    xs = [p[0] for p in scr.values()]
    ys = [p[1] for p in scr.values()]
    bounds = pygame.Rect(0, 0, 0, 0)
    bounds.update(
        min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad
    )
    for shape in mats + [it[2] for it in items if it[1] == 0]:
        bounds.union_ip(_shape_rect(shape, cam, vp))
    aid, inset = None, None
    focus = anim.focus
    if focus is not None and (focus.zoom > 1.0 or focus.inset > 0.0):
        point = shown_point(anim, mirrored) or focus.point
        start = project_one(add(solve(pose_at(anim, 0.0, mirrored))[point], shift), cam, vp)
        aid = ((start[0], start[1]), (scr[point][0], scr[point][1]))
        bounds.union_ip(pygame.Rect(start[0] - 12, start[1] - 12, 24, 24))
    box = inset_rect(r)
    inset_vp = None if viewport is not None else inset_viewport(vp, anim, cam, mirrored, box)
    if inset_vp is not None:
        inset = plan_guide(
            box, anim, u, mirrored=mirrored, breath=breath, camera=cam, colors=col,
            reduced_motion=reduced_motion, mirror_camera=False, viewport=inset_vp, shift=shift,
        )  # fmt: skip
        bounds.union_ip(box)
    return GuidePlan(
        r, floor, tuple(mats), tuple(items), scr, cam, vp, col, facing, glow, bounds.clip(r),
        aid, inset,
    )  # fmt: skip


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
    trunk_col = _mix(col.figure, col.figure_far, 0.3)
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


def draw_guide(
    surface: pygame.Surface,
    rect: pygame.Rect | tuple[int, int, int, int],
    subject: Exercise | Subject | Animation,
    u: float,
    *,
    mirrored: bool = False,
    breath: float = 0.0,
    camera: Camera | str | None = None,
    glow_muscles: Sequence[str] = (),
    colors: GuideColors | None = None,
    reduced_motion: bool = False,
    mirror_camera: bool = True,
    smooth: bool = True,
    shift: Vec3 = (0.0, 0.0, 0.0),
) -> None:
    """Draw the guide for path value ``u`` inside ``rect``.

    ``mirrored`` shows the other side; with ``mirror_camera`` the picture is
    then the exact mirror image of the first side. ``breath`` (0..1, rising on
    the inhale) swells the chest a little; ``reduced_motion`` keeps it still.
    ``camera`` overrides the exercise's own (a name or a :class:`Camera`).
    ``smooth=False`` skips anti-aliasing for about a fifth of the drawing cost.
    """
    plan = plan_guide(
        rect,
        subject,
        u,
        mirrored=mirrored,
        breath=breath,
        camera=camera,
        glow_muscles=glow_muscles,
        colors=colors,
        reduced_motion=reduced_motion,
        mirror_camera=mirror_camera,
        shift=shift,
    )
    paint_guide(surface, plan, smooth=smooth)


def _faces_viewer(pts: Mapping[str, Vec3], helper: str, away: Vec3) -> bool:
    """True when a back or belly line point is on the side facing the viewer."""
    node = _SPINE_NODE.get(helper)
    if node is None:
        return True
    return dot(sub(pts[helper], pts[node]), away) < 0.02
