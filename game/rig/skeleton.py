"""The skeleton and its forward kinematics: joint angles in, body points out.

Axes and angle conventions (shared by every animation file)
-----------------------------------------------------------
World and body axes: **x forward, y up, z to the figure's left**, metres. The
floor is ``y = 0``. A figure standing at the origin faces +x.

Every joint takes three angles in degrees, ``[a, b, c]``; zero everywhere is
standing upright, arms hanging by the sides, feet flat, looking ahead.

- ``a`` - movement in the sagittal plane. Positive is **flexion**: the spine,
  neck and head curl forward (cat, chest lift); shoulder, elbow and hip swing the
  limb forward and up; the knee bends (heel toward the buttock); the ankle pulls
  the toes up (dorsiflexion); the wrist swings the hand forward (palm side).
  Negative is extension (cow, a superman lift, a leg reaching back, pointed toes).
- ``b`` - movement in the frontal plane. For the spine, neck and head it is a
  **side bend toward the figure's left**. For limbs it is **abduction** (away
  from the midline, on either side); for a clavicle it is **elevation** (shrug).
- ``c`` - **axial rotation**. For the spine, neck and head: turning **toward the
  figure's left**. For limbs: **internal rotation** (the front of the limb turns
  toward the midline); for a clavicle, **protraction** (shoulder forward).

Because limb angles are anatomical (the same numbers mean the same movement on
either side), mirroring a pose swaps ``_l`` and ``_r`` and negates only ``b`` and
``c`` of the spine, neck and head (see ``game.rig.pose.mirror_pose``).

Each joint's rotation is ``Rz(a) @ Rx(b) @ Ry(c)`` in its parent's frame, with
signs from :data:`AXIS_SIGNS`. The root (pelvis) is placed by ``root_pos`` and
turned by ``root_rot = (pitch, yaw, roll)``: pitch tips the figure forward
(+90 lies face down, head toward +x; -90 lies on the back, head toward -x),
yaw turns it toward its left, roll tips it onto its left side (+90) or right
side (-90). Applied as ``Ry(-yaw) @ Rz(-pitch) @ Rx(roll)``: roll first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from game.content.vocabulary import BODY_POINTS, JOINTS
from game.rig.vec import IDENTITY, Mat3, Vec3, add, mat_mul, mat_vec, rot_x, rot_y, rot_z

Angles = tuple[float, float, float]

_SPINE = ("lumbar_lo", "lumbar_hi", "thoracic_lo", "thoracic_hi", "neck", "head")


def _signs(joint: str) -> tuple[float, float, float]:
    if joint in _SPINE:
        return (-1.0, 1.0, -1.0)
    side = joint[-2:]
    sa = -1.0 if joint.startswith("knee") else 1.0
    return (sa, -1.0, 1.0) if side == "_l" else (sa, 1.0, -1.0)


#: Per joint, the sign applied to ``a`` (about z), ``b`` (about x), ``c`` (about y)
#: so that the documented anatomical meaning holds on both sides.
AXIS_SIGNS: Mapping[str, tuple[float, float, float]] = MappingProxyType(
    {j: _signs(j) for j in JOINTS}
)


@dataclass(frozen=True)
class Bone:
    """A joint node: where it sits in its parent's frame at rest."""

    name: str
    parent: str | None
    offset: Vec3


@dataclass(frozen=True)
class Skeleton:
    """Joint nodes in parent-first order, plus extra points fixed to a node.

    ``points`` maps a body point to ``(node, offset in the node's frame)``.
    ``radius`` is the body's thickness at each point: a contact touches the
    floor when ``y - radius`` is zero, and the drawing uses the same numbers.
    """

    bones: tuple[Bone, ...]
    points: Mapping[str, tuple[str, Vec3]]
    radius: Mapping[str, float]


def _sided(name: str, parent: str | None, offset: Vec3) -> list[Bone]:
    """A left bone and its exact mirror on the right."""
    x, y, z = offset
    rp = None if parent is None else parent.replace("_l", "_r")
    return [
        Bone(name + "_l", None if parent is None else parent, (x, y, z)),
        Bone(name + "_r", rp, (x, y, -z)),
    ]


def _build_default() -> Skeleton:
    bones: list[Bone] = [
        Bone("pelvis", None, (0.0, 0.0, 0.0)),
        Bone("lumbar_lo", "pelvis", (0.0, 0.06, 0.0)),
        Bone("lumbar_hi", "lumbar_lo", (0.0, 0.10, 0.0)),
        Bone("thoracic_lo", "lumbar_hi", (0.0, 0.10, 0.0)),
        Bone("thoracic_hi", "thoracic_lo", (0.0, 0.13, 0.0)),
        Bone("neck", "thoracic_hi", (0.0, 0.14, 0.0)),
        Bone("head", "neck", (0.0, 0.10, 0.0)),
    ]
    for b in _sided("clavicle", None, (0.0, 0.10, 0.02)):
        bones.append(Bone(b.name, "thoracic_hi", b.offset))
    bones += _sided("shoulder", "clavicle_l", (0.0, 0.0, 0.15))
    bones += _sided("elbow", "shoulder_l", (0.0, -0.29, 0.0))
    bones += _sided("wrist", "elbow_l", (0.0, -0.25, 0.0))
    for b in _sided("hip", None, (0.0, -0.03, 0.09)):
        bones.append(Bone(b.name, "pelvis", b.offset))
    bones += _sided("knee", "hip_l", (0.0, -0.43, 0.0))
    bones += _sided("ankle", "knee_l", (0.0, -0.42, 0.0))

    pts: dict[str, tuple[str, Vec3]] = {
        "head": ("head", (0.01, 0.09, 0.0)),
        "head_top": ("head", (0.01, 0.20, 0.0)),
        "face": ("head", (0.12, 0.08, 0.0)),
        "atlas": ("head", (0.0, 0.0, 0.0)),
        "upper_back": ("thoracic_hi", (0.0, 0.0, 0.0)),
        "chest": ("thoracic_hi", (0.0, 0.06, 0.0)),
        "sacrum": ("pelvis", (-0.02, 0.03, 0.0)),
        "low_back": ("lumbar_hi", (0.0, 0.0, 0.0)),
        "pelvis": ("pelvis", (0.0, 0.0, 0.0)),
        # Drawing helpers: the line of the back (vertebra markers, the
        # multifidus glow) and of the belly, just inside the trunk's surface.
        "vert_pelvis": ("pelvis", (-0.075, 0.02, 0.0)),
        "vert_lumbar_lo": ("lumbar_lo", (-0.075, 0.0, 0.0)),
        "vert_lumbar_hi": ("lumbar_hi", (-0.075, 0.0, 0.0)),
        "vert_thoracic_lo": ("thoracic_lo", (-0.08, 0.0, 0.0)),
        "vert_thoracic_hi": ("thoracic_hi", (-0.085, 0.0, 0.0)),
        "vert_neck": ("neck", (-0.04, 0.0, 0.0)),
        "belly_lo": ("pelvis", (0.07, 0.05, 0.0)),
        "belly_mid": ("lumbar_hi", (0.07, 0.0, 0.0)),
        "belly_hi": ("thoracic_lo", (0.075, 0.0, 0.0)),
        "sternum": ("thoracic_hi", (0.08, 0.04, 0.0)),
    }
    for s in ("_l", "_r"):
        pts["forearm" + s] = ("elbow" + s, (0.0, -0.125, 0.0))
        pts["hand" + s] = ("wrist" + s, (0.0, -0.08, 0.0))
        pts["shin" + s] = ("knee" + s, (0.0, -0.21, 0.0))
        pts["heel" + s] = ("ankle" + s, (-0.05, -0.055, 0.0))
        pts["toe" + s] = ("ankle" + s, (0.16, -0.055, 0.0))
        pts["foot" + s] = ("ankle" + s, (0.06, -0.055, 0.0))
    radius: dict[str, float] = {
        "pelvis": 0.10,
        "sacrum": 0.09,
        "low_back": 0.09,
        "lumbar_lo": 0.095,
        "lumbar_hi": 0.09,
        "thoracic_lo": 0.095,
        "thoracic_hi": 0.10,
        "upper_back": 0.10,
        "chest": 0.10,
        "neck": 0.05,
        "atlas": 0.045,
        "head": 0.11,
        "head_top": 0.02,
        "face": 0.02,
        "hands_mid": 0.03,
    }
    for s in ("_l", "_r"):
        radius.update(
            {
                "clavicle" + s: 0.05,
                "shoulder" + s: 0.055,
                "elbow" + s: 0.042,
                "forearm" + s: 0.038,
                "wrist" + s: 0.032,
                "hand" + s: 0.03,
                "hip" + s: 0.08,
                "knee" + s: 0.052,
                "shin" + s: 0.048,
                "ankle" + s: 0.04,
                "heel" + s: 0.03,
                "foot" + s: 0.03,
                "toe" + s: 0.025,
            }
        )
    return Skeleton(tuple(bones), MappingProxyType(pts), MappingProxyType(radius))


DEFAULT_SKELETON = _build_default()

#: Every point :func:`solve` returns: joint nodes, body points and helpers.
POINT_NAMES: tuple[str, ...] = tuple(
    dict.fromkeys(
        [b.name for b in DEFAULT_SKELETON.bones] + [*DEFAULT_SKELETON.points, "hands_mid"]
    )
)

assert set(JOINTS) <= set(POINT_NAMES) and set(BODY_POINTS) <= set(POINT_NAMES)


def root_matrix(root_rot: Angles) -> Mat3:
    """Rotation of the pelvis from ``(pitch, yaw, roll)`` (see module docs)."""
    pitch, yaw, roll = root_rot
    return mat_mul(rot_y(-yaw), mat_mul(rot_z(-pitch), rot_x(roll)))


def joint_matrix(joint: str, angles: Angles) -> Mat3:
    """Local rotation of one joint from its ``[a, b, c]`` angles."""
    sa, sb, sc = AXIS_SIGNS[joint]
    a, b, c = angles
    return mat_mul(rot_z(sa * a), mat_mul(rot_x(sb * b), rot_y(sc * c)))


def solve_frames(
    angles: Mapping[str, Angles],
    root_pos: Vec3,
    root_rot: Angles,
    skeleton: Skeleton = DEFAULT_SKELETON,
) -> tuple[dict[str, Vec3], dict[str, Mat3]]:
    """Forward kinematics: world position and rotation of every joint node."""
    pos: dict[str, Vec3] = {}
    rot: dict[str, Mat3] = {}
    for bone in skeleton.bones:
        if bone.parent is None:
            p, r_parent = root_pos, IDENTITY
            r_node = root_matrix(root_rot)
        else:
            r_parent = rot[bone.parent]
            p = add(pos[bone.parent], mat_vec(r_parent, bone.offset))
            r_node = r_parent
        ang = angles.get(bone.name)
        if ang is not None and bone.parent is not None:
            r_node = mat_mul(r_parent, joint_matrix(bone.name, ang))
        pos[bone.name] = p
        rot[bone.name] = r_node
    return pos, rot


def solve_angles(
    angles: Mapping[str, Angles],
    root_pos: Vec3,
    root_rot: Angles,
    skeleton: Skeleton = DEFAULT_SKELETON,
) -> dict[str, Vec3]:
    """Every joint node and body point in world space.

    Where a joint and a body point share a name, the body point wins: ``head``
    is the centre of the skull (the head joint itself is ``atlas``).
    """
    pos, rot = solve_frames(angles, root_pos, root_rot, skeleton)
    out = dict(pos)
    for name, (node, off) in skeleton.points.items():
        out[name] = add(pos[node], mat_vec(rot[node], off))
    hl, hr = out["hand_l"], out["hand_r"]
    out["hands_mid"] = ((hl[0] + hr[0]) / 2.0, (hl[1] + hr[1]) / 2.0, (hl[2] + hr[2]) / 2.0)
    return out
