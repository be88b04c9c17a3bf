"""Every shipped level file loads, and the content keeps the promises of the content brief.

The brief asks for a fixed set of exercises, a minimum number of levels per
stage, levels of 6 to 15 minutes, and no big dynamic moves before the deep
stabilizers are trained. These tests hold the shipped ``levels/`` folder to
that, so a later edit that breaks a rule fails here instead of in play.

Level lengths come from the session timeline (``planned_seconds``) when it is
importable, and otherwise from the dose estimate in ``scripts/levels_table.py``.
"""

from __future__ import annotations

import importlib.util
import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest

from game.content import Content, check_paths, load_content
from game.content.model import DoseKind, Exercise, Level, Step, Superset, Track, Variant
from game.content.vocabulary import BADGE_METRICS

ROOT = Path(__file__).resolve().parents[2]
LEVELS = ROOT / "levels"

#: Every exercise id the content brief names, by source article.
BRIEF_EXERCISES: tuple[str, ...] = (
    # 000: deep stabilizers
    "segmental_cat_cow",
    "side_plank",
    "pilates_chest_lift",
    "prone_swimmers",
    "dead_bug",
    "plank_arm_lift",
    "crunch",
    "back_extension",
    "medicine_ball_rotation",
    # 001: the inner back
    "bird_dog",
    "controlled_superman",
    "pelvic_tilt",
    "segmental_bridge",
    "single_leg_row",
    "bent_over_row",
    "hyperextension_45",
    "romanian_deadlift",
    # 002: thoracic mobility
    "foam_roller_mobilization",
    "roller_child_pose",
    "kneeling_lat_stretch",
    "seated_rotation",
    "seated_rotation_side_bend",
    # 003: mat routine
    "overhead_reach",
    "alternating_leg_raise",
    "head_lift",
    "knee_to_chest",
    "glute_bridge_hold",
    "bicycle",
    "knee_drop_twist",
    "knee_hug_rock",
    "prone_opposite_raise",
    "boat",
    "prone_lift_side_bend",
    "prone_scorpion_reach",
    "kneeling_lean_back",
    "kneeling_hip_shift",
)

#: The brief's dynamic moves: never in the stabilize stage.
BRIEF_DYNAMIC = ("crunch", "bicycle", "boat", "prone_lift_side_bend", "medicine_ball_rotation")

#: Minimum number of levels per stage, from the issue.
MIN_LEVELS = {
    "stabilize": 6,
    "movement": 5,
    "integrate": 5,
    "full_body": 4,
    "desk_reset": 2,
    "gentle_mat": 3,
}

#: Badge icons the UI can draw.
ICONS = frozenset(
    {
        "star", "shield", "flame", "leaf", "wave", "clock", "lungs", "calendar",
        "scales", "trophy", "mountain", "sun", "moon", "heart", "spine", "crown",
    }
)  # fmt: skip

#: How a level intro names each piece of equipment.
EQUIPMENT_WORDS = {
    "mat": "mat",
    "foam_roller": "foam roller",
    "box_or_chair": "chair",
    "bar": "bar",
    "dumbbell": "dumbbell",
    "roman_chair": "bench",
    "medicine_ball": "medicine ball",
}

#: Equipment whose exercises count as the strength half of a superset.
STRENGTH_EQUIPMENT = frozenset({"dumbbell", "roman_chair"})

MIN_SECONDS, MAX_SECONDS = 6 * 60, 15 * 60


def _load_table_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "levels_table", ROOT / "scripts" / "levels_table.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shipped() -> Content:
    return load_content(LEVELS)


@pytest.fixture(scope="module")
def table() -> ModuleType:
    return _load_table_script()


def _planner(shipped: Content, table: ModuleType) -> Callable[[Level], float]:
    """``level -> planned seconds``: the session timeline if present, else the estimate."""
    try:
        from game.session.timeline import planned_seconds
    except ImportError:
        _, raw_exercises, raw_levels = table.load_raw(LEVELS)
        by_id = {lv["id"]: lv for levels in raw_levels.values() for lv in levels}
        return lambda level: float(table.estimate_level_seconds(by_id[level.id], raw_exercises))
    return lambda level: float(planned_seconds(level, shipped))


def _levels(shipped: Content) -> Iterator[Level]:
    for stage in shipped.ordered_stages():
        yield from shipped.stage_levels(stage.id)


def _variant_exercises(shipped: Content, exercise_id: str, variant: Variant) -> list[Exercise]:
    """The exercise a step plays in its variant, plus anything a missing prop swaps in."""
    ex = shipped.exercises[exercise_id]
    spec = {Variant.EASIER: ex.easier, Variant.HARDER: ex.harder}.get(variant)
    if spec is not None and spec.exercise is not None:
        ex = shipped.exercises[spec.exercise]
    out = [ex]
    out.extend(shipped.exercises[sub] for sub in ex.substitutes.values())
    return out


def _sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?:\s|$)", text.strip()))


# ---------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------


def test_the_checker_finds_no_problem_in_the_shipped_folder() -> None:
    assert check_paths([LEVELS]) == []


def test_stages_are_the_fixed_path_and_side_tracks(shipped: Content) -> None:
    main = [s.id for s in shipped.ordered_stages() if s.track is Track.MAIN]
    side = [s.id for s in shipped.ordered_stages() if s.track is Track.SIDE]
    assert main == ["stabilize", "movement", "integrate", "full_body"]
    assert side == ["desk_reset", "gentle_mat"]
    for before, after in itertools.pairwise(main):
        assert shipped.stages[after].requires == (before,)
    assert shipped.stages["stabilize"].requires == ()
    assert shipped.stages["stabilize"].allows_dynamic is False
    assert shipped.stages["desk_reset"].requires == ()
    assert shipped.stages["gentle_mat"].requires == ()


@pytest.mark.parametrize(("stage", "minimum"), sorted(MIN_LEVELS.items()))
def test_each_stage_has_enough_levels(shipped: Content, stage: str, minimum: int) -> None:
    assert len(shipped.stage_levels(stage)) >= minimum


def test_levels_open_in_numbered_order(shipped: Content) -> None:
    for stage in shipped.stages:
        ids = [lv.id for lv in shipped.stage_levels(stage)]
        assert ids == [f"{stage}_{n:02d}" for n in range(1, len(ids) + 1)]


# ---------------------------------------------------------------------------
# Exercises
# ---------------------------------------------------------------------------


def test_every_brief_exercise_is_used_by_a_level(shipped: Content) -> None:
    used = {step.exercise for level in shipped.levels.values() for step in level.all_steps()}
    missing = [ex for ex in BRIEF_EXERCISES if ex not in used]
    assert missing == []


def test_every_extra_exercise_is_used_or_referenced(shipped: Content) -> None:
    referenced = {step.exercise for level in shipped.levels.values() for step in level.all_steps()}
    for ex in shipped.exercises.values():
        referenced.update(ex.substitutes.values())
        for spec in (ex.easier, ex.harder):
            if spec is not None and spec.exercise is not None:
                referenced.add(spec.exercise)
    assert set(shipped.exercises) - referenced == set()


def test_brief_dynamic_moves_are_marked_dynamic(shipped: Content) -> None:
    for ex_id in BRIEF_DYNAMIC:
        assert shipped.exercises[ex_id].dynamic, ex_id


@pytest.mark.parametrize("ex_id", sorted(p.stem for p in (LEVELS / "exercises").glob("*.yaml")))
def test_exercise_text_is_complete(shipped: Content, ex_id: str) -> None:
    ex = shipped.exercises[ex_id]
    assert 3 <= len(ex.cues) <= 6
    assert len(ex.mistakes) >= 2
    assert ex.feel and ex.summary and ex.muscles
    assert ex.easier is not None
    assert any("sharp pain" in note for note in ex.safety), "the standing stop rule"
    for text in (*ex.cues, *ex.mistakes, *ex.safety, ex.feel, ex.summary):
        assert text == text.strip() and "  " not in text
        assert text[0].isupper() and text.endswith((".", "?", "!")), text


def test_every_exercise_needing_a_prop_has_a_way_to_play_without_it(shipped: Content) -> None:
    # A chair is the one prop with no stand-in: seated rotations need something to sit on.
    for ex in shipped.exercises.values():
        for need in ex.equipment:
            if need in ("mat", "box_or_chair"):
                continue
            assert need in ex.substitutes, f"{ex.id} has no substitute for {need}"
            assert need not in shipped.exercises[ex.substitutes[need]].equipment


def test_reps_lower_over_two_to_three_seconds(shipped: Content) -> None:
    # The cat-cow is a looping wave: its second half is the arch, not a lowering.
    for ex in shipped.exercises.values():
        if ex.dose.kind is DoseKind.REPS and ex.id != "segmental_cat_cow":
            assert 2 <= ex.dose.tempo.lower <= 3, ex.id
            assert ex.dose.rest_seconds <= 30, ex.id


def test_brief_timings(shipped: Content) -> None:
    ex = shipped.exercises
    for hold_id in (
        "overhead_reach",
        "head_lift",
        "glute_bridge_hold",
        "prone_opposite_raise",
        "boat",
    ):
        assert ex[hold_id].dose.hold_seconds == 10, hold_id
    for stretch_id in ("roller_child_pose", "kneeling_lat_stretch"):
        assert ex[stretch_id].dose.hold_seconds == 30, stretch_id
    for rotation_id in ("seated_rotation", "seated_rotation_side_bend"):
        assert ex[rotation_id].dose.reps == 10 and ex[rotation_id].dose.each_side, rotation_id
    assert ex["foam_roller_mobilization"].dose.reps == 5
    for side_id in ("prone_lift_side_bend", "kneeling_hip_shift"):
        dose = ex[side_id].dose
        assert dose.reps is not None and 5 <= dose.reps <= 10 and dose.alternate, side_id
    assert ex["dead_bug_hold"].dose.kind is DoseKind.HOLD


def test_stretches_and_flows_breathe_steadily(shipped: Content) -> None:
    for ex in shipped.exercises.values():
        if ex.dose.kind is DoseKind.FLOW or ex.position == "childs_pose":
            assert ex.breath == "steady", ex.id


# ---------------------------------------------------------------------------
# Levels
# ---------------------------------------------------------------------------


def test_no_dynamic_move_in_stabilize_whatever_is_swapped_in(shipped: Content) -> None:
    for level in shipped.stage_levels("stabilize"):
        for step in level.all_steps():
            for variant in {step.variant, Variant.EASIER}:
                for ex in _variant_exercises(shipped, step.exercise, variant):
                    assert not ex.dynamic, f"{level.id}: {ex.id}"


def test_stabilize_holds_the_dead_bug_still(shipped: Content) -> None:
    for level in shipped.stage_levels("stabilize"):
        for step in level.all_steps():
            if step.exercise == "dead_bug":
                assert step.variant is Variant.EASIER
                assert shipped.exercises["dead_bug"].easier.exercise == "dead_bug_hold"  # type: ignore[union-attr]


def test_dynamic_gentle_mat_levels_wait_for_the_movement_stage(shipped: Content) -> None:
    levels = shipped.stage_levels("gentle_mat")
    assert levels[0].requires == ()
    for level in levels:
        dynamic = any(shipped.exercises[s.exercise].dynamic for s in level.all_steps())
        assert dynamic == ("movement" in level.requires), level.id


def test_levels_have_warmup_cooldown_goal_intro_and_safety(shipped: Content) -> None:
    for level in shipped.levels.values():
        assert level.warmup and level.cooldown, level.id
        assert "\n" not in level.goal and len(level.goal) <= 110, level.id
        assert 1 <= _sentences(level.intro) <= 3, level.id
        assert level.safety, level.id
        assert any("doctor" in note for note in level.safety), level.id


def test_level_intros_name_their_equipment(shipped: Content) -> None:
    for level in shipped.levels.values():
        needs = {
            e for step in level.all_steps() for e in shipped.exercises[step.exercise].equipment
        }
        for need in needs:
            assert EQUIPMENT_WORDS[need] in level.intro.lower(), f"{level.id} intro: {need}"


def test_rests_between_exercises_are_short(shipped: Content) -> None:
    for level in shipped.levels.values():
        for step in level.all_steps():
            assert step.rest_after <= 45, level.id
        for block in level.main:
            if isinstance(block, Superset):
                assert block.rest_between_rounds <= 60, level.id


def test_full_body_supersets_pair_strength_with_core(shipped: Content) -> None:
    def is_strength(step: Step) -> bool:
        return bool(STRENGTH_EQUIPMENT & set(shipped.exercises[step.exercise].equipment))

    for level in shipped.stage_levels("full_body"):
        supersets = [b for b in level.main if isinstance(b, Superset)]
        assert supersets, level.id
        for superset in supersets:
            kinds = {is_strength(step) for step in superset.steps}
            assert kinds == {True, False}, level.id


def test_every_level_lasts_six_to_fifteen_minutes(shipped: Content, table: ModuleType) -> None:
    planned = _planner(shipped, table)
    for level in _levels(shipped):
        seconds = planned(level)
        assert MIN_SECONDS <= seconds <= MAX_SECONDS, f"{level.id}: {seconds / 60:.1f} min"


def test_levels_stay_in_range_played_easier_or_with_only_a_mat(shipped: Content) -> None:
    timeline = pytest.importorskip("game.session.timeline")
    settings_mod = pytest.importorskip("game.session.settings")
    variants = (
        settings_mod.SessionSettings(prefer_easier=True),
        settings_mod.SessionSettings(owned_equipment=frozenset()),
    )
    for level in _levels(shipped):
        for settings in variants:
            seconds = timeline.planned_seconds(level, shipped, settings)
            assert MIN_SECONDS <= seconds <= MAX_SECONDS, f"{level.id}: {seconds / 60:.1f} min"


def test_with_a_mat_and_a_chair_nothing_is_missing(shipped: Content) -> None:
    timeline = pytest.importorskip("game.session.timeline")
    settings_mod = pytest.importorskip("game.session.settings")
    mat_only = settings_mod.SessionSettings(owned_equipment=frozenset())
    with_chair = settings_mod.SessionSettings(owned_equipment=frozenset({"box_or_chair"}))
    for level in _levels(shipped):
        missing = timeline.compile_level(level, shipped, mat_only).missing_equipment
        assert {e for m in missing for e in m.equipment} <= {"box_or_chair"}, level.id
        assert timeline.compile_level(level, shipped, with_chair).missing_equipment == (), level.id


# ---------------------------------------------------------------------------
# Badges and the generated table
# ---------------------------------------------------------------------------


def test_badges_are_plentiful_and_drawable(shipped: Content) -> None:
    assert len(shipped.badges) >= 15
    for badge in shipped.badges.values():
        assert badge.icon in ICONS, badge.id
        assert badge.condition.metric in BADGE_METRICS, badge.id
    conditions = {(b.condition.metric, b.condition.at_least) for b in shipped.badges.values()}
    for days in (3, 7, 30, 100):
        assert ("streak_days", days) in conditions
    mastered = {
        b.condition.scope.get("stage")
        for b in shipped.badges.values()
        if b.condition.metric == "stage_mastered"
    }
    assert {"stabilize", "movement", "integrate", "full_body"} <= mastered


def test_docs_table_is_up_to_date(table: ModuleType) -> None:
    assert (ROOT / "docs" / "levels.md").read_text("utf-8") == table.render(LEVELS)
