"""What a physiotherapist would look for in the supine core guides.

The rig's shared checks only see contacts and bone lengths; these pin the
parts of each move that make it the right exercise: what stays still, what
moves, and in which order the spine curls.
"""

from __future__ import annotations

import math

import pytest

from game.content.model import Content
from game.content.model_animation import Animation
from game.rig.checks import contact_gaps
from game.rig.pose import pose_at, pose_of, solve
from game.rig.vec import Vec3


def _content() -> Content:
    from game.content import load_content

    return load_content()


try:
    CONTENT: Content | None = _content()
except ImportError:  # the loader is not in this checkout yet
    CONTENT = None

pytestmark = pytest.mark.skipif(CONTENT is None, reason="no content loader yet")

STEPS = [i / 20 for i in range(21)]


def _anim(ex_id: str) -> Animation:
    assert CONTENT is not None
    anim = CONTENT.exercises[ex_id].animation
    assert anim is not None, f"{ex_id} has no animation"
    return anim


def _drift(anim: Animation, point: str) -> float:
    """How far a body point wanders from where it starts, over the whole path."""
    start: Vec3 = solve(pose_at(anim, 0.0))[point]
    return max(math.dist(start, solve(pose_at(anim, u))[point]) for u in STEPS)


def _angle(anim: Animation, u: float, joint: str) -> float:
    return pose_at(anim, u).angles.get(joint, (0.0, 0.0, 0.0))[0]


def _first_moving_keyframe(anim: Animation, joint: str) -> int:
    for i, kf in enumerate(anim.keyframes):
        if abs(kf.pose.get(joint, (0.0, 0.0, 0.0))[0]) > 1.0:
            return i
    return len(anim.keyframes)


def test_pelvic_tilt_moves_only_the_pelvis_and_low_back() -> None:
    anim = _anim("pelvic_tilt")
    for point in ("thoracic_hi", "head", "heel_l", "heel_r", "toe_r"):
        assert _drift(anim, point) < 0.01, point
    pitches = {kf.name: kf.root_rot[0] for kf in anim.keyframes}
    assert pitches["flatten"] < pitches["start"] - 8  # posterior tilt, low back down
    assert pitches["start"] < pitches["arch"] < pitches["start"] + 10  # a small arch
    for kf in anim.keyframes:
        for joint in ("thoracic_hi", "neck", "head"):
            assert joint not in kf.pose, (kf.name, joint)
    # The flatten presses the low back into the mat; the sacrum stays down with it.
    gaps = {(label, point): gap for label, point, gap in contact_gaps(anim)}
    assert abs(gaps[("flatten", "low_back")]) < 0.015
    assert abs(gaps[("flatten", "sacrum")]) < 0.01
    low = {kf.name: solve(pose_of(kf))["low_back"][1] for kf in anim.keyframes}
    assert low["flatten"] < low["start"] - 0.007 and low["start"] < low["arch"]


def test_dead_bug_hold_ends_in_tabletop_with_arms_up() -> None:
    anim = _anim("dead_bug_hold")
    for side in ("_l", "_r"):
        assert _angle(anim, 1.0, "hip" + side) == pytest.approx(90, abs=5)
        assert _angle(anim, 1.0, "knee" + side) == pytest.approx(90, abs=5)
        assert _angle(anim, 1.0, "shoulder" + side) == pytest.approx(90, abs=10)
    # one knee comes up before the other
    mid = pose_at(anim, 0.7)
    assert mid.angles["hip_r"][0] > 80 > mid.angles["hip_l"][0]


def test_dead_bug_reaches_opposite_arm_and_leg_with_a_still_trunk() -> None:
    anim = _anim("dead_bug")
    for point in ("pelvis", "sacrum", "thoracic_hi", "head", "hand_l", "knee_r"):
        assert _drift(anim, point) < 0.002, point
    assert _angle(anim, 1.0, "shoulder_r") > 160  # right arm overhead
    assert _angle(anim, 1.0, "hip_l") < 30  # left leg long toward the floor
    heel = solve(pose_at(anim, 1.0))["heel_l"]
    assert 0.05 < heel[1] < 0.25  # hovering, not on the floor


@pytest.mark.parametrize("ex_id", ["pilates_chest_lift", "crunch"])
def test_curls_peel_up_from_the_head_while_the_pelvis_stays_down(ex_id: str) -> None:
    anim = _anim(ex_id)
    for point in ("pelvis", "sacrum", "vert_lumbar_hi", "heel_l", "heel_r"):
        assert _drift(anim, point) < 0.002, point
    order = [_first_moving_keyframe(anim, j) for j in ("neck", "thoracic_hi", "thoracic_lo")]
    assert order == sorted(order) and len(set(order)) > 1, order
    top = solve(pose_at(anim, 1.0))
    hands = top["hands_mid"]
    assert math.dist(hands, top["head"]) < 0.15  # hands stay with the head


def test_the_crunch_curls_further_than_the_chest_lift() -> None:
    def curl(ex_id: str) -> float:
        return sum(_angle(_anim(ex_id), 1.0, j) for j in ("thoracic_lo", "thoracic_hi"))

    assert curl("crunch") > curl("pilates_chest_lift") + 10
