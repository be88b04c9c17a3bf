"""What a physiotherapist would look for in the desk-reset and back-mat guides.

The shared rig tests check contacts and the floor; these check the movement
itself: what must move does, what must stay still does (source 002 and 003).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from game.content.model_animation import Animation, AnimationMode
from game.rig.library import animation_from_data
from game.rig.pose import pose_at, solve
from game.rig.vec import Vec3

EXERCISES = Path(__file__).resolve().parents[2] / "levels" / "exercises"
SPINE = ("lumbar_lo", "lumbar_hi", "thoracic_lo", "thoracic_hi", "neck", "head")

MINE = (
    "foam_roller_mobilization", "roller_child_pose", "child_pose_reach", "kneeling_lat_stretch",
    "seated_rotation", "seated_rotation_side_bend", "seated_rotation_arms_crossed",
    "overhead_reach", "alternating_leg_raise", "head_lift", "knee_to_chest",
    "glute_bridge_hold", "bicycle", "knee_drop_twist", "knee_hug_rock",
)  # fmt: skip


def _anim(ex_id: str) -> Animation:
    data = yaml.safe_load((EXERCISES / f"{ex_id}.yaml").read_text(encoding="utf-8"))
    return animation_from_data(data["animation"])


def _at(ex_id: str, u: float) -> dict[str, Vec3]:
    return solve(pose_at(_anim(ex_id), u))


def _moved(a: dict[str, Vec3], b: dict[str, Vec3], names: tuple[str, ...]) -> float:
    return max(math.dist(a[n], b[n]) for n in names)


def _slope(a: Vec3, b: Vec3) -> float:
    """Angle above the floor of the line from a to b, in degrees."""
    return math.degrees(math.atan2(b[1] - a[1], math.hypot(b[0] - a[0], b[2] - a[2])))


def _heading(p: dict[str, Vec3]) -> float:
    """Which way the chest faces in the floor plane (degrees, 0 = +x, + = left)."""
    left, right = p["shoulder_l"], p["shoulder_r"]
    return math.degrees(math.atan2(-(left[0] - right[0]), left[2] - right[2]))


@pytest.mark.parametrize("ex_id", MINE)
def test_every_guide_is_written(ex_id: str) -> None:
    assert _anim(ex_id).keyframes


def test_foam_roller_moves_only_the_upper_trunk_down() -> None:
    start, end = _at("foam_roller_mobilization", 0.0), _at("foam_roller_mobilization", 1.0)
    assert _moved(start, end, ("pelvis", "sacrum", "upper_back", "foot_l", "foot_r")) < 1e-6
    assert end["head"][1] < start["head"][1] - 0.05


@pytest.mark.parametrize("ex_id", ["roller_child_pose", "child_pose_reach"])
def test_child_pose_sinks_the_hips_toward_the_heels_with_long_arms(ex_id: str) -> None:
    start, end = _at(ex_id, 0.0), _at(ex_id, 1.0)
    assert end["pelvis"][1] < start["pelvis"][1] - 0.15
    assert end["pelvis"][0] < end["knee_r"][0] - 0.25  # sitting back over the heels
    assert _moved(start, end, ("hand_l", "hand_r")) < 0.02  # hands stay put
    assert math.dist(end["shoulder_r"], end["hand_r"]) > 0.58  # arms long


def test_lat_stretch_sinks_the_chest_with_elbows_on_the_box() -> None:
    start, end = _at("kneeling_lat_stretch", 0.0), _at("kneeling_lat_stretch", 1.0)
    assert end["upper_back"][1] < start["upper_back"][1] - 0.05
    assert _moved(start, end, ("elbow_l", "elbow_r", "knee_l", "knee_r")) < 0.02


@pytest.mark.parametrize(
    "ex_id", ["seated_rotation", "seated_rotation_side_bend", "seated_rotation_arms_crossed"]
)
def test_seated_rotation_turns_the_chest_right_over_a_still_pelvis(ex_id: str) -> None:
    assert _anim(ex_id).camera in ("front", "top", "three_quarter")
    start, end = _at(ex_id, 0.0), _at(ex_id, 1.0)
    still = ("pelvis", "hip_l", "hip_r", "knee_l", "knee_r", "foot_l", "foot_r")
    assert _moved(start, end, still) < 1e-6
    assert _heading(end) - _heading(start) < -25.0


def test_side_bend_comes_after_the_turn() -> None:
    anim = _anim("seated_rotation_side_bend")
    turned = next(k for k in anim.keyframes if k.name == "turned")
    assert all(a[1] == 0 for j, a in turned.pose.items() if j in SPINE)  # no side bend yet
    end = _at("seated_rotation_side_bend", 1.0)
    assert end["shoulder_r"][1] < end["shoulder_l"][1] - 0.03  # the lower shoulder leads


def test_overhead_reach_keeps_the_spine_still() -> None:
    for kf in _anim("overhead_reach").keyframes:
        assert all(kf.pose.get(j, (0, 0, 0)) == (0, 0, 0) for j in SPINE)


def test_leg_raise_lifts_one_straight_leg_only() -> None:
    start, end = _at("alternating_leg_raise", 0.0), _at("alternating_leg_raise", 1.0)
    assert _moved(start, end, ("pelvis", "upper_back", "heel_l", "knee_l")) < 1e-6
    assert _slope(end["hip_r"], end["heel_r"]) > 55.0


def test_head_lift_is_small_and_the_shoulders_stay_down() -> None:
    start, end = _at("head_lift", 0.0), _at("head_lift", 1.0)
    assert 0.02 < end["head"][1] - start["head"][1] < 0.08
    assert _moved(start, end, ("shoulder_l", "shoulder_r", "heel_l", "heel_r")) < 1e-6


def test_knee_to_chest_flexes_the_hip_about_120_with_the_other_leg_long() -> None:
    anim = _anim("knee_to_chest")
    assert 110 <= anim.keyframes[-1].pose["hip_l"][0] <= 130
    start, end = _at("knee_to_chest", 0.0), _at("knee_to_chest", 1.0)
    assert _moved(start, end, ("heel_r", "knee_r", "head", "upper_back")) < 1e-6
    assert math.dist(end["hand_r"], end["shin_l"]) < 0.15


def test_bridge_makes_one_line_from_shoulder_blades_to_knees() -> None:
    end = _at("glute_bridge_hold", 1.0)
    assert abs(_slope(end["upper_back"], end["hip_r"]) - _slope(end["hip_r"], end["knee_r"])) < 3
    assert end["hip_r"][1] > 0.25


def test_knee_drop_sends_the_knees_right_and_the_head_left() -> None:
    anim = _anim("knee_drop_twist")
    assert anim.camera in ("front", "top", "three_quarter")
    end = _at("knee_drop_twist", 1.0)
    knees_z = (end["knee_l"][2] + end["knee_r"][2]) / 2.0
    assert knees_z < -0.25  # toward the figure's right (-z)
    assert end["face"][2] > end["head"][2] + 0.05  # looking left (+z)
    assert abs(end["shoulder_l"][1] - end["shoulder_r"][1]) < 0.02  # both shoulders down
    assert math.dist(end["knee_l"], end["knee_r"]) < 0.13  # knees together


@pytest.mark.parametrize("ex_id", ["bicycle", "knee_hug_rock"])
def test_there_and_back_moves_loop(ex_id: str) -> None:
    assert _anim(ex_id).mode == AnimationMode.LOOP


def test_knee_hug_rocks_both_ways() -> None:
    right, left = _at("knee_hug_rock", 0.22), _at("knee_hug_rock", 0.72)
    assert right["knee_r"][1] < right["knee_l"][1] - 0.03
    assert left["knee_l"][1] < left["knee_r"][1] - 0.03
