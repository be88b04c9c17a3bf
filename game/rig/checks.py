"""Checks every animation must pass; the tests and the authoring tool share them.

An animation is what players copy, so a hand hovering over the floor or a shin
sinking into it is a bug, not a style choice. These checks name the problem
and the keyframe, so a content writer can fix it without reading the rig.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from game.content.model_animation import Animation, AnimationMode
from game.content.vocabulary import BODY_POINTS, CAMERAS, JOINTS, PROPS
from game.rig.easing import EASINGS
from game.rig.pose import pose_at, pose_of, solve
from game.rig.props import prop_shapes, support_height
from game.rig.skeleton import DEFAULT_SKELETON, Skeleton
from game.rig.vec import Vec3, distance

#: A declared contact must rest within this distance of its surface (metres).
CONTACT_TOLERANCE = 0.02
#: No body surface may sink further than this below the floor (metres).
FLOOR_TOLERANCE = 0.01
#: How finely the path is sampled for the floor and bone-length checks.
SAMPLES = 60


def bone_lengths(points: Mapping[str, Vec3], skeleton: Skeleton = DEFAULT_SKELETON) -> list[float]:
    """Length of every bone and of every fixed body-point offset, in a fixed order."""

    def at(node: str) -> Vec3:  # the head joint's point is called "atlas"
        return points["atlas" if node == "head" else node]

    out = [distance(at(b.name), at(b.parent)) for b in skeleton.bones if b.parent]
    out += [distance(points[name], at(node)) for name, (node, _) in skeleton.points.items()]
    return out


def lowest_surface(points: Mapping[str, Vec3], skeleton: Skeleton = DEFAULT_SKELETON) -> float:
    """The lowest body surface height (point height minus its thickness)."""
    return min(p[1] - skeleton.radius.get(n, 0.0) for n, p in points.items())


def contact_gaps(
    animation: Animation, mirrored: bool = False, skeleton: Skeleton = DEFAULT_SKELETON
) -> list[tuple[str, str, float]]:
    """For each keyframe contact: (keyframe label, point, gap to its surface)."""
    out: list[tuple[str, str, float]] = []
    for i, kf in enumerate(animation.keyframes):
        pose = pose_at(animation, kf.at, mirrored) if mirrored else pose_of(kf)
        pts = solve(pose, skeleton)
        shapes = prop_shapes([p for p in animation.props if not p.attach], pts)
        label = kf.name or f"#{i} at {kf.at:g}"
        for c in pose.contacts:
            x, y, z = pts[c]
            gap = y - skeleton.radius.get(c, 0.0) - support_height(shapes, x, z)
            out.append((label, c, gap))
    return out


def problems(animation: Animation, skeleton: Skeleton = DEFAULT_SKELETON) -> list[str]:
    """Everything wrong with an animation, as readable sentences (empty = fine)."""
    out: list[str] = []
    if animation.camera not in CAMERAS:
        out.append(f"unknown camera {animation.camera!r}")
    if animation.easing not in EASINGS:
        out.append(f"unknown easing {animation.easing!r}; known: {', '.join(EASINGS)}")
    out += [f"unknown prop {p.kind!r}" for p in animation.props if p.kind not in PROPS]
    frames = animation.keyframes
    if not frames:
        return [*out, "no keyframes"]
    if frames[0].at != 0.0 or frames[-1].at != 1.0:
        out.append("the first keyframe must be at 0 and the last at 1")
    out += [f"keyframes out of order at {b.at:g}" for a, b in pairwise(frames) if b.at <= a.at]
    for kf in frames:
        out += [f"unknown joint {j!r} at {kf.at:g}" for j in kf.pose if j not in JOINTS]
        out += [f"unknown contact {c!r} at {kf.at:g}" for c in kf.contacts if c not in BODY_POINTS]
    if out:
        return out
    if animation.mode == AnimationMode.LOOP and pose_of(frames[0]) != pose_of(frames[-1]):
        out.append("a looping animation must end in the pose it starts from")
    for label, point, gap in contact_gaps(animation, False, skeleton):
        if abs(gap) > CONTACT_TOLERANCE:
            out.append(f"{label}: contact {point} is {gap * 100:+.1f} cm from its surface")
    rest = bone_lengths(solve(pose_at(animation, 0.0), skeleton), skeleton)
    for i in range(SAMPLES + 1):
        u = i / SAMPLES
        pts = solve(pose_at(animation, u), skeleton)
        low = lowest_surface(pts, skeleton)
        if low < -FLOOR_TOLERANCE:
            name = min(pts, key=lambda n: pts[n][1] - skeleton.radius.get(n, 0.0))
            out.append(f"u={u:.3f}: {name} is {-low * 100:.1f} cm below the floor")
            break
        lengths = bone_lengths(pts, skeleton)
        if any(abs(a - b) > 1e-6 for a, b in zip(rest, lengths, strict=True)):
            out.append(f"u={u:.3f}: a bone changed length")
            break
    return out


def suggested_root_height(
    animation: Animation, index: int, skeleton: Skeleton = DEFAULT_SKELETON
) -> float | None:
    """The root height that puts the lowest declared contact exactly on its surface.

    ``None`` when the keyframe declares no contacts. The authoring tool prints
    it; the other contacts then show how far the pose itself is off.
    """
    pose = pose_of(animation.keyframes[index])
    pts = solve(pose, skeleton)
    shapes = prop_shapes([p for p in animation.props if not p.attach], pts)
    if not pose.contacts:
        return None
    gaps = [
        pts[c][1] - skeleton.radius.get(c, 0.0) - support_height(shapes, pts[c][0], pts[c][2])
        for c in pose.contacts
    ]
    return pose.root_pos[1] - min(gaps)
