"""The loader reads a valid folder into the model and refuses every bad value.

Each test plants one mistake in a known-good folder (see content_folder.py) and
checks the problem names the right place and gives a useful hint.
"""

from __future__ import annotations

import dataclasses

import pytest
from content_folder import only

from game.content import ContentError, Problem
from game.content.model import DoseKind, Superset, Track, Variant
from game.content.schema import ALL_RECORDS


def test_valid_folder_loads_into_the_model(content):
    loaded = content.load()
    assert list(loaded.stages) == ["stabilize", "movement"]
    assert loaded.stages["movement"].requires == ("stabilize",)
    assert loaded.stages["stabilize"].track is Track.MAIN
    assert [lv.id for lv in loaded.stage_levels("stabilize")] == ["stabilize_01"]
    bird = loaded.exercises["bird_dog"]
    assert bird.dose.kind is DoseKind.REPS and bird.dose.reps == 6
    assert bird.dose.tempo.lower == 3.0
    assert bird.animation is not None and bird.animation.keyframes[1].at == 1.0
    assert bird.animation.keyframes[0].pose["hip_l"] == (90.0, 0.0, 0.0)
    assert bird.file.endswith("bird_dog.yaml")
    level = loaded.levels["stabilize_01"]
    assert level.stage == "stabilize" and level.main[0].variant is Variant.EASIER
    assert level.warmup[0].override.hold_seconds == 5.0
    superset = loaded.levels["movement_01"].main[0]
    assert isinstance(superset, Superset) and superset.rounds == 3
    assert loaded.badges["stable_base"].condition.scope["stage"] == "stabilize"


def test_model_is_frozen(content):
    loaded = content.load()
    with pytest.raises(dataclasses.FrozenInstanceError):
        loaded.exercises["crunch"].name = "x"  # type: ignore[misc]


def test_every_dataclass_field_has_a_kind_in_the_schema():
    for record in ALL_RECORDS:
        names = {f.name for f in dataclasses.fields(record.cls)}
        assert set(record.fields) | set(record.internal) == names, record.cls.__name__


def test_problem_text_is_path_line_column_message_hint():
    problem = Problem("a.yaml", 3, 5, "bad thing", "do this")
    assert str(problem) == "a.yaml:3:5: bad thing (hint: do this)"
    assert str(Problem("a.yaml", 1, 1, "bad")) == "a.yaml:1:1: bad"


def test_load_raises_content_error_with_all_problems(content):
    content.edit("exercises/crunch.yaml", "reps: 8", "reps: 0")
    content.edit("levels/stabilize.yaml", "goal:", "gaol:")
    with pytest.raises(ContentError) as caught:
        content.load()
    assert len(caught.value.problems) == 3  # reps, unknown gaol, missing goal
    assert "crunch.yaml" in str(caught.value) and "stabilize.yaml" in str(caught.value)


def test_unknown_key_suggests_the_close_one(content):
    path = content.edit("exercises/side_plank.yaml", "feel:", "feal: x\nfeel:")
    problem = only(content.problems())
    assert problem.path == str(path) and problem.line == 6 and problem.column == 1
    assert "unknown key 'feal'" in problem.message
    assert problem.hint == "did you mean 'feel'?"


def test_unknown_key_in_override_lists_what_may_be_set(content):
    content.edit("levels/stabilize.yaml", "{sets: 1, hold_seconds: 5}", "{sets: 1, tempo: 5}")
    problem = only(content.problems())
    assert "unknown key 'tempo'" in problem.message and "hold_seconds" in problem.hint


def test_missing_required_field(content):
    content.edit("exercises/side_plank.yaml", "feel: The side of the waist works.\n", "")
    problem = only(content.problems())
    assert problem.message == "missing required key 'feel'" and problem.line == 1


@pytest.mark.parametrize(
    ("field", "value", "reads"),
    [
        ("name", "NO", "true/false"),
        ("name", "on", "true/false"),
        ("name", "1:30", "number"),
        ("name", "2024-01-01", "date"),
        ("name", "12", "number"),
        ("summary", "~", "empty value"),
    ],
)
def test_text_fields_refuse_values_yaml_reads_as_something_else(content, field, value, reads):
    content.edit("exercises/crunch.yaml", f"{field}: ", f"{field}: {value}\nx_{field}: ")
    problems = [p for p in content.problems() if "x_" not in p.message]
    problem = only(problems)
    assert problem.line == (2 if field == "name" else 4)
    assert "expected text" in problem.message and reads in problem.message
    if value != "~":
        assert "quotes" in problem.hint


def test_quoted_text_is_fine(content):
    content.edit("exercises/crunch.yaml", "name: Crunch", 'name: "NO"')
    assert content.load().exercises["crunch"].name == "NO"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("1:30", "base-60"),
        ('"12"', "expected a whole number"),
        ("yes", "true/false"),
        ("2.5", "whole number"),
        ("010", "decimal"),
        ("0x10", "decimal"),
        ("2024-01-01", "date"),
    ],
)
def test_count_fields_refuse_anything_but_plain_whole_numbers(content, value, words):
    content.edit("exercises/crunch.yaml", "reps: 8", f"reps: {value}")
    problem = only(content.problems())
    assert words in problem.message and problem.line == 14


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "1e400"])
def test_numbers_refuse_nan_and_infinity(content, value):
    content.edit("exercises/side_plank.yaml", "hold_seconds: 10", f"hold_seconds: {value}")
    assert only(content.problems()).line == 14


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        ("exercises/crunch.yaml", "reps: 8", "reps: 1" + "0" * 5000),
        ("exercises/side_plank.yaml", "hold_seconds: 10", "hold_seconds: 1" + "0" * 5000),
        ("exercises/side_plank.yaml", "hold_seconds: 10", "hold_seconds: 1." + "5" * 5000),
    ],
)
def test_numbers_with_thousands_of_digits_are_one_short_problem(content, rel, old, new):
    """Python will not turn a 5,000-digit string into an int: bad input, not a crash."""
    line = content.edit(rel, old, new).read_text().splitlines()[13]
    problem = only(content.problems())
    assert (problem.line, problem.column) == (14, line.index(": ") + 3)
    assert "too large" in problem.message and len(str(problem)) < 200


@pytest.mark.parametrize("value", ["yes", "no", "on", "off", "y", "n", "True", "1", '"true"'])
def test_booleans_are_only_true_or_false(content, value):
    content.edit("exercises/crunch.yaml", "dynamic: true", f"dynamic: {value}")
    problem = only(content.problems())
    assert problem.hint == "write true or false" and problem.line == 11


def test_duplicate_key_names_both_lines(content):
    content.edit("exercises/crunch.yaml", "  reps: 8", "  reps: 8\n  sets: 2\n  reps: 9")
    problem = only(content.problems())
    assert problem.message == "duplicate key 'reps' (first at line 14)"
    assert problem.line == 16


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        ("exercises/crunch.yaml", "reps: 8", "reps: 0"),
        ("exercises/crunch.yaml", "reps: 8", "reps: -3"),
        ("exercises/side_plank.yaml", "hold_seconds: 10", "hold_seconds: 0"),
        ("exercises/side_plank.yaml", "sets: 2", "sets: 0"),
        ("exercises/bird_dog.yaml", "lower: 3", "lower: 0"),
        ("exercises/bird_dog.yaml", "hold: 2", "hold: 0"),
        ("levels/movement.yaml", "rounds: 3", "rounds: 0"),
        ("levels/stabilize.yaml", "rest_after: 10", "rest_after: -1"),
        ("exercises/bird_dog.yaml", "rest_seconds: 20", "rest_seconds: -20"),
        ("badges.yaml", "at_least: 1}", "at_least: 0}"),
    ],
)
def test_zero_or_negative_durations_and_counts(content, rel, old, new):
    content.edit(rel, old, new)
    problem = only(content.problems())
    assert "too small" in problem.message and problem.path.endswith(rel)


def test_rests_and_pauses_may_be_zero(content):
    content.edit("exercises/bird_dog.yaml", "rest_seconds: 20", "rest_seconds: 0")
    content.edit("exercises/bird_dog.yaml", "pause: 0", "pause: 0.0")
    content.edit("levels/movement.yaml", "rest_between_rounds: 60", "rest_between_rounds: 0")
    content.edit("levels/stabilize.yaml", "rest_after: 10", "rest_after: 0")
    assert content.problems() == []


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("hold_seconds: 10", "hold_seconds: 10\n  hold_breaths: 3", "exactly one of"),
        ("hold_seconds: 10", "setup_seconds: 3", "needs exactly one of"),
        ("each_side: true", "each_side: true\n  reps: 5", "'reps' does not apply to a hold"),
    ],
)
def test_dose_fields_must_fit_the_dose_kind(content, old, new, words):
    content.edit("exercises/side_plank.yaml", "  " + old, "  " + new)
    assert words in only(content.problems()).message


def test_reps_dose_needs_reps(content):
    content.edit("exercises/crunch.yaml", "  reps: 8\n", "  sets: 2\n")
    assert "needs reps" in only(content.problems()).message


@pytest.mark.parametrize(
    ("old", "new", "words", "hint"),
    [
        ("position: side_lying", "position: side_lyin", "unknown position", "side_lying"),
        ("muscles: [obliques]", "muscles: [oblique]", "unknown muscle", "obliques"),
        ("equipment: [mat]", "equipment: [matt]", "unknown equipment", "'mat'"),
        ("kind: hold", "kind: holds", "unknown dose kind", "'hold'"),
        ("breath: steady", "breath: stedy", "unknown breath", "'steady'"),
    ],
)
def test_vocabulary_words_get_did_you_mean(content, old, new, words, hint):
    content.edit("exercises/side_plank.yaml", old, new)
    problem = only(content.problems())
    assert words in problem.message and hint in problem.hint


def test_joint_and_body_point_names_are_checked(content):
    content.edit("exercises/bird_dog.yaml", "hip_l: [90", "hip_left: [90")
    content.edit(
        "exercises/bird_dog.yaml", "contacts: [hand_l, knee_r]", "contacts: [hand_l, kne_r]"
    )
    found = content.problems()
    assert len(found) == 2
    assert {p.hint for p in found} == {"did you mean 'hip_l'?", "did you mean 'knee_r'?"}


def test_easing_must_be_one_the_rig_knows(content):
    content.edit("exercises/bird_dog.yaml", "mode: there_and_back", "mode: loop\n  easing: smoth")
    assert only(content.problems()).hint == "did you mean 'smooth'?"


def test_keyframes_must_move_forward_within_zero_to_one(content):
    content.edit("exercises/bird_dog.yaml", "at: 1.0", "at: 0.0")
    assert "does not come after" in only(content.problems()).message
    content.edit("exercises/bird_dog.yaml", "at: 0.0\n      contacts: [hand_l, knee_r]", "at: 1.5")
    assert "at most 1" in only(content.problems()).message


def test_vectors_need_three_numbers(content):
    content.edit("exercises/bird_dog.yaml", "root_pos: [0, 0.62, 0]", "root_pos: [0, 0.62]")
    assert "expected 3 items" in only(content.problems()).message


def test_every_problem_in_a_file_is_reported_not_only_the_first(content):
    content.write(
        "exercises/crunch.yaml",
        """\
        id: crunch
        name: on
        position: supine_knees_bnt
        summary: Curl up.
        cues: Exhale as you curl.
        mistakes: []
        muscles: [rectus_abdominis, rectus_abdominis]
        equipment: [mat]
        breath: effort_on_exhale
        dynamic: yes
        colour: red
        dose: {kind: reps, reps: 0, sets: 1:30}
        """,
    )
    found = content.problems()
    lines = sorted(p.line for p in found)
    assert lines == [1, 2, 3, 5, 7, 10, 11, 12, 12], "\n".join(map(str, found))


def test_wrong_container_types_are_reported(content):
    content.edit("exercises/side_plank.yaml", "cues: [Stack the shoulders.]", "cues: Stack.")
    content.edit("exercises/side_plank.yaml", "dose:\n", "dose: []\nx:\n")
    found = content.problems()
    assert any("expected a list" in p.message for p in found)
    assert any("expected a dose mapping" in p.message for p in found)


def test_ids_must_be_lowercase_names(content):
    content.edit("levels/stabilize.yaml", "id: stabilize_01", "id: Stabilize 01")
    assert "not a valid id" in only(content.problems()).message
