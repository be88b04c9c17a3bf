"""Every glowing muscle line names points the figure actually has."""

from __future__ import annotations

from game.content.vocabulary import MUSCLES
from game.rig.pose import solve
from game.ui.figure.draw import MUSCLE_LINES


def test_every_muscle_line_joins_known_points() -> None:
    known = set(solve(_neutral()))
    known |= {
        "vert_pelvis",
        "vert_lumbar_lo",
        "vert_lumbar_hi",
        "vert_thoracic_lo",
        "vert_thoracic_hi",
        "vert_neck",
        "belly_lo",
        "belly_mid",
        "belly_hi",
        "sternum",
    }
    assert set(MUSCLES) <= set(MUSCLE_LINES)
    for muscle, lines in MUSCLE_LINES.items():
        for a, b in lines:
            assert a in known and b in known, (muscle, a, b)


def _neutral():  # type: ignore[no-untyped-def]
    from game.content.model_animation import Animation, Keyframe
    from game.rig.pose import pose_at

    anim = Animation(camera="side", keyframes=(Keyframe(at=0.0, pose={}),))
    return pose_at(anim, 0.0)


def test_a_held_prop_changes_hands_on_the_other_side() -> None:
    from game.content.model_animation import Prop
    from game.rig.props import mirror_prop

    bell = Prop("dumbbell", pos=(0.0, 0.0, 0.05), attach="hand_r")
    other = mirror_prop(bell)
    assert other.attach == "hand_l"
    assert other.pos == (0.0, 0.0, -0.05)
    assert mirror_prop(other) == bell
    floor_prop = Prop("box", pos=(0.4, 0.0, 0.2))
    assert mirror_prop(floor_prop).attach is None
