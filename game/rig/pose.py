"""Poses on an exercise's path: keyframe interpolation, mirroring, tempo.

The session walks a path value ``u`` (0..1) through time; this module turns
``u`` into a pose by easing between the two keyframes around it. Angles are
interpolated per axis, which is exact at keyframes and smooth between them;
keyframes are close enough together that this reads as natural movement.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from game.content.model_animation import Animation, AnimationMode, Keyframe
from game.content.vocabulary import JOINTS
from game.rig.easing import ease
from game.rig.skeleton import DEFAULT_SKELETON, Angles, Skeleton, solve_angles
from game.rig.vec import Vec3

_SPINE = frozenset({"lumbar_lo", "lumbar_hi", "thoracic_lo", "thoracic_hi", "neck", "head"})
_ZERO: Angles = (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Pose:
    """Joint angles plus root placement; what :func:`solve` turns into points.

    ``contacts`` are the points that rest on the floor for the whole stretch
    between the two keyframes around this pose (their intersection).
    """

    angles: Mapping[str, Angles] = field(default_factory=lambda: MappingProxyType({}))
    root_pos: Vec3 = (0.0, 0.0, 0.0)
    root_rot: Angles = (0.0, 0.0, 0.0)
    contacts: tuple[str, ...] = ()


def pose_of(kf: Keyframe) -> Pose:
    """The pose a keyframe declares, exactly."""
    angles = {j: tuple(float(x) for x in a) for j, a in kf.pose.items()}
    return Pose(
        MappingProxyType(angles),  # type: ignore[arg-type]
        tuple(float(x) for x in kf.root_pos),  # type: ignore[arg-type]
        tuple(float(x) for x in kf.root_rot),  # type: ignore[arg-type]
        tuple(kf.contacts),
    )


def _mix(a: tuple[float, ...], b: tuple[float, ...], t: float) -> tuple[float, float, float]:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def blend(p: Pose, q: Pose, t: float) -> Pose:
    """Per-axis interpolation from ``p`` (t=0) to ``q`` (t=1); no easing here."""
    if t <= 0.0:
        return p
    if t >= 1.0:
        return q
    angles = {
        j: _mix(p.angles.get(j, _ZERO), q.angles.get(j, _ZERO), t)
        for j in JOINTS
        if j in p.angles or j in q.angles
    }
    both = tuple(c for c in p.contacts if c in q.contacts)
    return Pose(
        MappingProxyType(angles),
        _mix(p.root_pos, q.root_pos, t),
        _mix(p.root_rot, q.root_rot, t),
        both,
    )


def pose_at(animation: Animation, u: float, mirrored: bool = False) -> Pose:
    """The pose at path value ``u`` (clamped to 0..1), eased between keyframes."""
    frames = animation.keyframes
    u = 0.0 if u < 0.0 else 1.0 if u > 1.0 else u
    ats = [k.at for k in frames]
    i = bisect.bisect_right(ats, u)
    if i == 0:
        pose = pose_of(frames[0])
    elif i >= len(frames):
        pose = pose_of(frames[-1])
    else:
        k0, k1 = frames[i - 1], frames[i]
        span = k1.at - k0.at
        t = 1.0 if span <= 0.0 else (u - k0.at) / span
        pose = blend(pose_of(k0), pose_of(k1), ease(animation.easing, t))
    return mirror_pose(pose) if mirrored else pose


def solve(pose: Pose, skeleton: Skeleton = DEFAULT_SKELETON) -> dict[str, Vec3]:
    """World position of every joint and body point for ``pose``."""
    return solve_angles(pose.angles, pose.root_pos, pose.root_rot, skeleton)


# ---------------------------------------------------------------------------
# Mirroring: the other side is the exact reflection through the plane z = 0.
# ---------------------------------------------------------------------------


def mirror_name(name: str) -> str:
    """``hand_l`` <-> ``hand_r``; names without a side are unchanged."""
    if name.endswith("_l"):
        return name[:-2] + "_r"
    if name.endswith("_r"):
        return name[:-2] + "_l"
    return name


def mirror_pose(pose: Pose) -> Pose:
    """The same move done with the other side: swap sides, reflect the trunk."""
    angles: dict[str, Angles] = {}
    for j, (a, b, c) in pose.angles.items():
        if j in _SPINE:
            angles[j] = (a, -b, -c)
        else:
            angles[mirror_name(j)] = (a, b, c)
    x, y, z = pose.root_pos
    pitch, yaw, roll = pose.root_rot
    return Pose(
        MappingProxyType(angles),
        (x, y, -z),
        (pitch, -yaw, -roll),
        tuple(mirror_name(c) for c in pose.contacts),
    )


def mirror_points(points: Mapping[str, Vec3]) -> dict[str, Vec3]:
    """Reflect solved points through z = 0 and swap their side names."""
    return {mirror_name(n): (p[0], p[1], -p[2]) for n, p in points.items()}


# ---------------------------------------------------------------------------
# Tempo: one track serves a 2 s lift and a 3 s lowering.
# ---------------------------------------------------------------------------

#: Phases of one rep, in order, as the session names them.
REP_PHASES: tuple[str, ...] = ("lift", "hold", "lower", "pause")


def phase_u(mode: AnimationMode, phase: str, fraction: float) -> float:
    """Path value for ``fraction`` (0..1) of the way through a rep phase.

    THERE_AND_BACK: the lift walks 0 -> 1, the hold stays at 1, the lower walks
    back 1 -> 0. LOOP: the lift walks 0 -> 0.5, the lower walks on 0.5 -> 1.
    The phase's length in seconds does not matter: that is the tempo fitting.
    """
    f = 0.0 if fraction < 0.0 else 1.0 if fraction > 1.0 else fraction
    loop = mode == AnimationMode.LOOP
    if phase == "lift":
        return 0.5 * f if loop else f
    if phase == "hold":
        return 0.5 if loop else 1.0
    if phase == "lower":
        return 0.5 + 0.5 * f if loop else 1.0 - f
    return 0.0


def track_time_to_u(
    mode: AnimationMode,
    t: float,
    lift: float,
    hold: float,
    lower: float,
    pause: float = 0.0,
) -> tuple[str, float]:
    """Phase name and path value ``t`` seconds into a rep with this tempo.

    Repeats every rep; a phase of zero seconds is skipped.
    """
    spans = (("lift", lift), ("hold", hold), ("lower", lower), ("pause", pause))
    total = sum(max(0.0, s) for _, s in spans)
    if total <= 0.0:
        return "pause", 0.0
    t %= total
    for name, span in spans:
        if span > 0.0 and t < span:
            return name, phase_u(mode, name, t / span)
        t -= max(0.0, span)
    return "pause", 0.0
