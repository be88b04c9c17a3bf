"""Planning one guide picture: the pose at ``u``, projected, in painting order.

``plan_guide`` does the work that needs the rig and the camera (pose, screen
points, what is in front of what, which pixels it touches); the painter only
draws what the plan says. A caller that redraws incrementally keeps the plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict

import pygame

from game.content.model import Exercise
from game.content.model_animation import Animation
from game.rig.camera import CAMERAS, Camera, Projected, Viewport, project, project_one
from game.rig.library import Subject
from game.rig.pose import pose_at, solve
from game.rig.props import Shape, prop_shapes
from game.rig.vec import Vec3, add, dot, sub
from game.ui.figure.body import LIMB, MUSCLE_LINES, TRUNK, VERTEBRAE, GuideColors, faces_viewer
from game.ui.figure.focus import inset_rect, inset_viewport, shown_point
from game.ui.figure.framing import framing, project_floor, shape_rect
from game.ui.figure.props import Color, shape_depth
from game.ui.widgets.colour import mix


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


class GuideOptions(TypedDict, total=False):
    """How the guide is shown, beside where and when: :func:`plan_guide`'s keywords
    that :func:`game.ui.figure.draw.draw_guide` passes on."""

    mirrored: bool
    breath: float
    camera: Camera | str | None
    glow_muscles: Sequence[str]
    colors: GuideColors | None
    reduced_motion: bool
    mirror_camera: bool
    shift: Vec3


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
        vp, floor = viewport, project_floor(fr.floor_world, cam, viewport)
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
    for name in VERTEBRAE:
        if faces_viewer(pts, name, away):
            items.append((scr[name][2] - 0.1, 4, name))
    glow = mix(col.figure, col.glow, 0.75 if reduced_motion else 0.6 + 0.3 * breath, floor=True)
    seen: set[tuple[str, str]] = set()
    for muscle in glow_muscles:
        for a, b in MUSCLE_LINES.get(muscle, ()):
            if (a, b) in seen:
                continue
            seen.add((a, b))
            bias = 0.11 if faces_viewer(pts, a, away) else 0.0
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
        bounds.union_ip(shape_rect(shape, cam, vp))
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
