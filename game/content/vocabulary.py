"""The words level files and the rig share: joints, body points, easing curves.

A leaf module (it imports nothing of the game), so the content loader can check
keyframes against these tables and the rig can build on them without either
package importing the other's internals. A typo in a level file is caught with
a "did you mean" instead of a silently frozen limb.
"""

from __future__ import annotations

#: Joints that take three angles in degrees in a keyframe ``pose``.
#: The spine is a chain so that waves can travel segment by segment.
JOINTS: tuple[str, ...] = (
    "lumbar_lo",
    "lumbar_hi",
    "thoracic_lo",
    "thoracic_hi",
    "neck",
    "head",
    "clavicle_l",
    "clavicle_r",
    "shoulder_l",
    "shoulder_r",
    "elbow_l",
    "elbow_r",
    "wrist_l",
    "wrist_r",
    "hip_l",
    "hip_r",
    "knee_l",
    "knee_r",
    "ankle_l",
    "ankle_r",
)

#: Points on the body that a keyframe may declare as touching the floor,
#: or that a prop may be attached to.
BODY_POINTS: tuple[str, ...] = (
    "head",
    "upper_back",
    "sacrum",
    "low_back",  # the lumbar spine: a pelvic tilt presses it into the mat
    "pelvis",
    "hip_l",
    "hip_r",
    "shoulder_l",
    "shoulder_r",
    "elbow_l",
    "elbow_r",
    "forearm_l",
    "forearm_r",
    "hand_l",
    "hand_r",
    "knee_l",
    "knee_r",
    "shin_l",
    "shin_r",
    "foot_l",
    "foot_r",
    "heel_l",
    "heel_r",
    "toe_l",
    "toe_r",
    "hands_mid",  # halfway between the hands: where a held bar or ball sits
)

#: Easing curves an animation may name; ``game.rig.easing`` gives each its curve
#: (a test checks that the two lists are the same).
EASING_NAMES: tuple[str, ...] = ("linear", "smooth", "smoother", "sine", "ease_in", "ease_out")

#: Points a camera may focus on: the body points, plus the head's top and the
#: line of the back, whose small moves (a pelvic tilt, a cat-cow) are the ones
#: worth framing closely.
FOCUS_POINTS: tuple[str, ...] = (
    *BODY_POINTS,
    "head_top",
    "chest",
    "vert_pelvis",
    "vert_lumbar_lo",
    "vert_lumbar_hi",
    "vert_thoracic_lo",
    "vert_thoracic_hi",
)
