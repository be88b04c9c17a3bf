"""The rig's math: easing, forward kinematics, mirroring, tempo and cameras."""

from __future__ import annotations

import math
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from game.content.model_animation import Animation, AnimationMode, Keyframe, Prop
from game.content.vocabulary import BODY_POINTS, JOINTS
from game.rig import (
    CAMERAS,
    EASINGS,
    Pose,
    ease,
    fit_viewport,
    mirror_points,
    mirror_pose,
    phase_u,
    pose_at,
    project,
    solve,
    track_time_to_u,
)
from game.rig.checks import bone_lengths, problems
from game.rig.props import prop_shapes, support_height
from game.rig.vec import dot, length

angle = st.floats(-120.0, 120.0, allow_nan=False)
triple = st.tuples(angle, angle, angle)
poses = st.builds(
    lambda angles, pos, rot: Pose(angles, pos, rot),
    st.dictionaries(st.sampled_from(JOINTS), triple, max_size=len(JOINTS)),
    st.tuples(*(st.floats(-1.0, 1.0),) * 3),
    st.tuples(angle, angle, angle),
)


def _close(a: dict[str, tuple[float, float, float]], b: dict[str, tuple[float, float, float]]):
    assert a.keys() == b.keys()
    for name in a:
        assert all(abs(x - y) < 1e-9 for x, y in zip(a[name], b[name], strict=True)), name


@given(st.sampled_from(sorted(EASINGS)), st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_easing_is_monotone_and_pinned(name: str, t1: float, t2: float) -> None:
    lo, hi = min(t1, t2), max(t1, t2)
    assert ease(name, lo) <= ease(name, hi) + 1e-12
    assert ease(name, 0.0) == 0.0 and abs(ease(name, 1.0) - 1.0) < 1e-12


@settings(max_examples=60)
@given(poses)
def test_bone_lengths_do_not_depend_on_the_pose(pose: Pose) -> None:
    rest = bone_lengths(solve(Pose()))
    moved = bone_lengths(solve(pose))
    assert all(abs(a - b) < 1e-9 for a, b in zip(rest, moved, strict=True))


@settings(max_examples=60)
@given(poses)
def test_mirror_is_an_exact_reflection(pose: Pose) -> None:
    assert mirror_pose(mirror_pose(pose)) == pose
    _close(solve(mirror_pose(pose)), mirror_points(solve(pose)))


def test_solve_returns_every_joint_and_body_point() -> None:
    pts = solve(Pose())
    assert set(JOINTS) <= pts.keys() and set(BODY_POINTS) <= pts.keys()


def test_angle_conventions_point_the_documented_way() -> None:
    up = (0.0, 0.965, 0.0)
    stand = solve(Pose(root_pos=up))
    assert abs(min(stand["heel_l"][1], stand["toe_l"][1]) - 0.03) < 1e-9  # feet on the floor
    arm = solve(Pose({"shoulder_l": (90.0, 0.0, 0.0)}, up))
    assert arm["hand_l"][0] > 0.5  # shoulder flexion raises the arm forward
    out = solve(Pose({"shoulder_l": (90.0, 0.0, 0.0)}, up))
    assert out["hand_l"][2] > 0.0
    abd = solve(Pose({"shoulder_r": (0.0, 90.0, 0.0)}, up))
    assert abd["hand_r"][2] < -0.6  # abduction moves the right arm to the right (-z)
    knee = solve(Pose({"knee_l": (90.0, 0.0, 0.0)}, up))
    assert knee["ankle_l"][0] < -0.3  # knee flexion takes the heel back
    curl = solve(Pose({"lumbar_lo": (30.0, 0.0, 0.0)}, up))
    assert curl["head"][0] > 0.2  # spine flexion bends forward
    bend = solve(Pose({"lumbar_lo": (0.0, 30.0, 0.0)}, up))
    assert bend["head"][2] > 0.2  # side bend to the left
    turn = solve(Pose({"thoracic_lo": (0.0, 0.0, 40.0)}, up))
    assert turn["face"][2] > 0.05  # rotation turns the face to the left
    prone = solve(Pose(root_pos=(0.0, 0.1, 0.0), root_rot=(90.0, 0.0, 0.0)))
    assert prone["head"][0] > 0.5 and prone["face"][1] < prone["head"][1]
    supine = solve(Pose(root_pos=(0.0, 0.1, 0.0), root_rot=(-90.0, 0.0, 0.0)))
    assert supine["head"][0] < -0.5 and supine["face"][1] > supine["head"][1]


def _anim(mode: AnimationMode = AnimationMode.THERE_AND_BACK) -> Animation:
    return Animation(
        camera="side",
        mode=mode,
        keyframes=(
            Keyframe(0.0, {"hip_l": (10.0, 0.0, 0.0)}, (0.0, 0.965, 0.0), name="a"),
            Keyframe(0.5, {"hip_l": (50.0, 0.0, 0.0)}, (0.0, 0.965, 0.0), name="b"),
            Keyframe(1.0, {"hip_l": (10.0, 0.0, 0.0)}, (0.0, 0.965, 0.0), name="c"),
        ),
    )


def test_pose_at_hits_keyframes_and_clamps() -> None:
    anim = _anim()
    assert pose_at(anim, 0.5).angles["hip_l"] == (50.0, 0.0, 0.0)
    assert pose_at(anim, -3.0) == pose_at(anim, 0.0)
    assert pose_at(anim, 7.0) == pose_at(anim, 1.0)
    assert 10.0 < pose_at(anim, 0.25).angles["hip_l"][0] < 50.0
    assert pose_at(anim, 0.25, mirrored=True).angles["hip_r"] == pose_at(anim, 0.25).angles["hip_l"]


def test_tempo_fitting_walks_the_same_path_at_any_speed() -> None:
    tab = AnimationMode.THERE_AND_BACK
    assert phase_u(tab, "lift", 0.5) == 0.5 and phase_u(tab, "lower", 0.25) == 0.75
    assert phase_u(AnimationMode.LOOP, "lower", 1.0) == 1.0
    assert track_time_to_u(tab, 1.0, lift=2, hold=1, lower=3) == ("lift", 0.5)
    assert track_time_to_u(tab, 4.5, lift=2, hold=1, lower=3) == ("lower", 0.5)
    assert track_time_to_u(tab, 6.0 + 1.0, lift=2, hold=1, lower=3) == ("lift", 0.5)


def test_cameras_are_orthonormal_and_fit_the_points() -> None:
    for cam in CAMERAS.values():
        r, u, d = cam.basis
        for v in (r, u, d):
            assert abs(length(v) - 1.0) < 1e-9
        assert abs(dot(r, u)) < 1e-9 and abs(dot(r, d)) < 1e-9 and abs(dot(u, d)) < 1e-9
    pts = solve(Pose(root_pos=(0.0, 0.965, 0.0)))
    vp = fit_viewport(pts.values(), CAMERAS["side"], (0, 0, 320, 240))
    scr = project(pts, CAMERAS["side"], vp)
    assert all(0 <= x <= 320 and 0 <= y <= 240 for x, y, _ in scr.values())
    assert scr["head"][1] < scr["heel_l"][1]  # screen y grows downward
    assert scr["toe_l"][0] > scr["heel_l"][0]  # the side view faces screen right


def test_contact_and_floor_checks_catch_mistakes() -> None:
    high = Keyframe(0.0, {}, (0.0, 1.2, 0.0), contacts=("heel_l",))
    floating = Animation("side", (high, Keyframe(1.0, {}, (0.0, 1.2, 0.0))))
    assert any("heel_l" in p for p in problems(floating))
    sunk = Animation(
        "side",
        (Keyframe(0.0, {}, (0.0, 0.8, 0.0)), Keyframe(1.0, {}, (0.0, 0.8, 0.0))),
    )
    assert any("below the floor" in p for p in problems(sunk))


def test_box_tops_are_surfaces_to_stand_on() -> None:
    shapes = prop_shapes([Prop("box", (0.5, 0.0, 0.0))], {})
    assert math.isclose(support_height(shapes, 0.5, 0.0), 0.45)
    assert support_height(shapes, 2.0, 0.0) == 0.0


def test_the_pure_core_never_imports_pygame() -> None:
    code = "import sys, game.rig, game.rig.checks, game.rig.author; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_every_easing_name_the_content_allows_has_a_curve_and_no_more() -> None:
    from game.content.vocabulary import EASING_NAMES
    from game.rig.easing import EASINGS

    assert tuple(EASINGS) == EASING_NAMES
