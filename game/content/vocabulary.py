"""The words a level file may use, as tables: kinds of things are looked up here,
never in if/elif chains.

Equipment, muscles, positions, cameras, props, breath patterns and badge
metrics are the content's own words; joints, body points and easing curves are
the ones it shares with the rig. A leaf module (it imports nothing of the
game), so the content loader can check every name against these tables and
the rig can build on them without either package importing the other's
internals. A typo in a level file is caught with a "did you mean" instead of a
silently frozen limb.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# ---------------------------------------------------------------------------
# The content's own words
# ---------------------------------------------------------------------------

#: Equipment a player can own; the mat is assumed for everyone.
EQUIPMENT: Mapping[str, str] = MappingProxyType(
    {
        "mat": "Exercise mat",
        "foam_roller": "Foam roller",
        "box_or_chair": "Sturdy box or chair",
        "bar": "Bar or broomstick",
        "dumbbell": "Dumbbells",
        "roman_chair": "45-degree back-extension bench (Roman chair)",
        "medicine_ball": "Medicine ball",
    }
)

#: Muscles a move can target; the guide can make each glow.
MUSCLES: Mapping[str, str] = MappingProxyType(
    {
        "multifidus": "Multifidus",
        "rotatores": "Rotatores",
        "interspinales": "Interspinales",
        "transversus_abdominis": "Transversus abdominis",
        "rectus_abdominis": "Rectus abdominis",
        "obliques": "Obliques",
        "erector_spinae": "Erector spinae",
        "quadratus_lumborum": "Quadratus lumborum",
        "glutes": "Glutes",
        "hamstrings": "Hamstrings",
        "hip_flexors": "Hip flexors",
        "latissimus_dorsi": "Latissimus dorsi",
        "rhomboids": "Rhomboids",
        "trapezius": "Trapezius",
        "thoracic_extensors": "Thoracic extensors",
        "shoulders": "Shoulders",
        "neck_flexors": "Deep neck flexors",
    }
)

#: Starting positions the guide knows how to show.
POSITIONS: Mapping[str, str] = MappingProxyType(
    {
        "hands_and_knees": "On hands and knees",
        "side_lying": "Lying on your side",
        "supine_knees_bent": "Lying on your back, knees bent",
        "supine": "Lying on your back",
        "supine_tabletop": "Lying on your back, arms up, knees over hips",
        "prone": "Lying face down",
        "plank": "Plank",
        "standing": "Standing",
        "standing_hinged": "Standing, hinged at the hips",
        "roman_chair": "On a 45-degree back-extension bench",
        "supine_on_roller": "Lying on your back over a foam roller",
        "childs_pose": "Child's pose",
        "kneeling": "Kneeling",
        "kneeling_on_heels": "Kneeling, sitting back on your heels",
        "seated": "Sitting on a chair or box",
    }
)

#: Cameras the guide can be seen through.
CAMERAS: tuple[str, ...] = ("side", "front", "back", "three_quarter", "top")

#: Props the guide can draw.
PROPS: tuple[str, ...] = (
    "mat",
    "foam_roller",
    "box",
    "chair",
    "bar",
    "dumbbell",
    "roman_chair",
    "medicine_ball",
    "ball",
)


#: Metrics a badge condition may name. The progression rules implement every
#: one (a test checks the two tables match); ``scope`` keys each accepts are
#: listed after the colon in the description.
BADGE_METRICS: Mapping[str, str] = MappingProxyType(
    {
        "levels_completed": "levels finished (any level, counted once per play)",
        "distinct_levels_completed": "different levels finished at least once",
        "levels_mastered": "levels mastered (steady form, at most mild discomfort)",
        "stage_mastered": "1 when every level of a stage is mastered: stage",
        "stage_levels_completed": "different levels of a stage finished: stage",
        "stage_all_completed": "1 when every level of a stage was finished: stage",
        "daily_levels_completed": "daily levels finished",
        "streak_days": "best daily streak in days",
        "hold_seconds_total": "seconds of holds and reps under tension, all time",
        "breaths_paced": "breaths followed with the pacer, all time",
        "steady_sessions": "levels finished with steady form",
        "weekly_goals_met": "weeks in which the weekly goal was met",
        "balanced_sessions": "levels where left and right sides got equal work",
        "full_months": "calendar months with a finished level on every day",
        "player_level": "player level reached",
        "xp_total": "experience points earned, all time",
    }
)

#: How an exercise paces its breath (see the breath pacer).
BREATHS: tuple[str, ...] = ("effort_on_exhale", "steady")

# ---------------------------------------------------------------------------
# Words shared with the rig
# ---------------------------------------------------------------------------

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
