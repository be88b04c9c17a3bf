"""Checks across files: ids, references, variants, dynamic moves and unlock cycles."""

from __future__ import annotations

import pytest
from content_folder import only


def test_unknown_exercise_in_a_step_suggests_a_close_id(content):
    path = content.edit("levels/stabilize.yaml", "exercise: bird_dog", "exercise: bird_dgo")
    problem = only(content.problems())
    assert (problem.path, problem.line) == (str(path), 11)
    assert problem.message == "unknown exercise 'bird_dgo'"
    assert problem.hint == "did you mean 'bird_dog'?"


def test_unknown_exercise_in_a_superset_step(content):
    content.edit("levels/movement.yaml", "{exercise: crunch}", "{exercise: crunches}")
    assert only(content.problems()).line == 13


@pytest.mark.parametrize(
    ("edits", "messages"),
    [
        pytest.param(
            [
                ("exercises/bird_dog.yaml", "equipment: [mat]", "equipment: [mat, foam_roller]"),
                ("exercises/bird_dog.yaml", "substitutes: {}", "substitutes: {foam_roller: nope}"),
                (
                    "exercises/bird_dog.yaml",
                    "description: Four slow reps a side until the trunk stays still.",
                    "description: Move one limb.\n  exercise: side_plonk",
                ),
            ],
            {"unknown exercise 'nope'", "unknown exercise 'side_plonk'"},
            id="exercise-in-substitutes-and-variants",
        ),
        pytest.param(
            [
                ("stages.yaml", "requires: [stabilize]", "requires: [stabilise]"),
                ("levels/movement.yaml", "requires: []", "requires: [full_body]"),
            ],
            {"unknown stage 'stabilise'", "unknown stage 'full_body'"},
            id="stage-in-requires",
        ),
    ],
)
def test_every_unknown_id_is_reported(content, edits, messages):
    for rel, old, new in edits:
        content.edit(rel, old, new)
    assert {p.message for p in content.problems()} == messages


def test_substitute_for_equipment_the_exercise_does_not_use(content):
    content.edit("exercises/bird_dog.yaml", "substitutes: {}", "substitutes: {bar: crunch}")
    assert "does not use" in only(content.problems()).message


def test_unknown_stage_of_a_level_file(content):
    content.edit("levels/movement.yaml", "stage: movement", "stage: movment")
    problem = only(content.problems())
    assert problem.line == 1 and problem.hint == "did you mean 'movement'?"


def test_badge_scope_must_name_a_known_stage(content):
    content.edit("badges.yaml", "scope: {stage: stabilize}", "scope: {stage: stabilise}")
    problem = only(content.problems())
    assert problem.message == "unknown stage 'stabilise'" and problem.line == 11


def test_badge_scope_key_must_fit_the_metric(content):
    content.edit(
        "badges.yaml", "levels_completed, at_least: 1}", "levels_completed, scope: {x: y}}"
    )
    content.edit("badges.yaml", "levels_completed, scope", "levels_completed, at_least: 1, scope")
    assert "has no scope 'x'" in only(content.problems()).message


def test_unknown_badge_metric(content):
    content.edit("badges.yaml", "metric: levels_completed", "metric: level_completed")
    assert only(content.problems()).hint == "did you mean 'levels_completed'?"


def test_step_variant_must_exist_on_the_exercise(content):
    content.edit(
        "levels/movement.yaml", "{exercise: crunch}", "{exercise: crunch, variant: easier}"
    )
    problem = only(content.problems())
    assert problem.message == "exercise 'crunch' has no easier variant" and problem.line == 13


def test_dynamic_exercise_in_a_stage_that_forbids_it(content):
    content.edit("levels/stabilize.yaml", "exercise: bird_dog", "exercise: crunch")
    content.edit("levels/stabilize.yaml", "variant: easier", "variant: standard")
    problem = only(content.problems())
    assert "dynamic" in problem.message and "stabilize" in problem.message
    assert problem.line == 11


def test_dynamic_exercise_played_through_a_variant_is_caught_too(content):
    content.edit(
        "exercises/bird_dog.yaml",
        "description: Four slow reps a side until the trunk stays still.",
        "description: Move one limb.\n  exercise: crunch",
    )
    problem = only(content.problems())
    assert "dynamic" in problem.message and problem.line == 12


def test_override_must_fit_the_dose_kind(content):
    content.edit("levels/stabilize.yaml", "{sets: 1, hold_seconds: 5}", "{sets: 1, reps: 5}")
    problem = only(content.problems())
    assert "'reps' does not apply to 'side_plank'" in problem.message and problem.line == 8


def test_override_of_a_hold_counted_in_breaths(content):
    content.edit("exercises/side_plank.yaml", "hold_seconds: 10", "hold_breaths: 3")
    problem = only(content.problems())
    assert "counts its hold with hold_breaths" in problem.message


def test_duplicate_ids_across_files_name_the_first(content):
    content.write("levels/extra.yaml", "stage: movement\nlevels:\n  - id: stabilize_01\n")
    found = content.problems()
    dup = [p for p in found if "already" in p.message]
    assert len(dup) == 2  # the level id and the second file for the stage
    # extra.yaml sorts first, so the shipped-looking files are the duplicates
    assert any(p.path.endswith("stabilize.yaml") and "extra.yaml:3" in p.message for p in dup)
    assert any("levels of stage 'movement' are already in" in p.message for p in dup)


def test_duplicate_stage_ids(content):
    content.edit("stages.yaml", "id: movement", "id: stabilize")
    found = content.problems()
    assert any("stage id 'stabilize' is already defined" in p.message for p in found)


def test_exercise_file_name_must_match_its_id(content):
    content.edit("exercises/crunch.yaml", "id: crunch", "id: curl")
    found = content.problems()
    assert any("does not match its file name 'crunch.yaml'" in p.message for p in found)


def test_cycle_in_stage_requires_is_reported_with_its_path(content):
    content.edit("stages.yaml", "requires: []", "requires: [movement]")
    problem = only(content.problems())
    assert problem.message == "unlock rules form a cycle: movement -> stabilize -> movement"
    assert problem.line == 10


def test_cycle_through_a_level_requirement(content):
    content.edit("levels/stabilize.yaml", "    warmup:", "    requires: [movement]\n    warmup:")
    assert "cycle" in only(content.problems()).message


def test_stage_requiring_itself_is_a_cycle(content):
    content.edit("stages.yaml", "requires: [stabilize]", "requires: [movement]")
    assert "movement -> movement" in only(content.problems()).message


def test_broken_exercise_file_does_not_make_its_uses_unknown(content):
    content.edit("exercises/bird_dog.yaml", "name: Bird dog", "name: [Bird dog]")
    problem = only(content.problems())
    assert problem.path.endswith("bird_dog.yaml")


def test_a_version_that_plays_like_the_standard_one_is_an_error(content):
    content.edit(
        "exercises/bird_dog.yaml",
        "  dose: {kind: reps, sets: 2, reps: 4, alternate: true}\n",
        "",
    )
    problem = only(content.problems())
    assert "plays exactly like the standard one" in problem.message
    assert problem.path.endswith("bird_dog.yaml") and problem.line > 0


def test_a_sided_move_must_say_which_side_its_keyframes_show(content):
    content.edit("exercises/bird_dog.yaml", "  side: right\n", "")
    assert "which side its keyframes show" in only(content.problems()).message
