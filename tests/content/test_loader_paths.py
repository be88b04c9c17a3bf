"""check_paths on folders and lone files, and where the shipped folders are found."""

from __future__ import annotations

from pathlib import Path

import pytest

import game
from game.content import assets_dir, check_paths, levels_dir, load_content
from game.content.files import guess_kind
from game.content.yamlsafe import parse_text


@pytest.fixture
def shipped(content, monkeypatch):
    """Make the test folder stand in for the shipped levels/ folder."""
    monkeypatch.setattr("game.content.loader.levels_dir", lambda: content.root)
    return content


def test_missing_path_is_a_problem(tmp_path):
    (problem,) = check_paths([tmp_path / "nope.yaml"])
    assert problem.message == "no such file or folder" and problem.line == 1


def test_valid_folder_has_no_problems(content):
    assert check_paths([content.root]) == []


def test_lone_file_is_checked_against_the_shipped_content(shipped, tmp_path):
    lone = tmp_path / "mine.yaml"
    lone.write_text(
        "stage: movement\nlevels:\n  - id: movement_02\n    name: More\n    goal: More.\n"
        "    main:\n      - exercise: bird_dog\n      - exercise: birddog\n",
        encoding="utf-8",
    )
    (problem,) = check_paths([lone])
    assert problem.message == "unknown exercise 'birddog'" and problem.line == 8
    assert problem.path == str(lone)


def test_lone_file_replaces_its_shipped_twin(shipped, tmp_path):
    lone = tmp_path / "exercises" / "crunch.yaml"
    lone.parent.mkdir()
    lone.write_text(shipped.path("exercises/crunch.yaml").read_text(), encoding="utf-8")
    assert check_paths([lone]) == []  # no duplicate-id report against the shipped crunch


def test_shipped_file_checked_alone_is_clean(shipped):
    assert check_paths([shipped.path("levels/stabilize.yaml")]) == []
    assert check_paths([shipped.path("stages.yaml"), shipped.path("badges.yaml")]) == []


def test_lone_file_without_shipped_content_skips_reference_checks(tmp_path, monkeypatch):
    monkeypatch.setattr("game.content.loader.levels_dir", lambda: tmp_path / "none")
    lone = tmp_path / "levels.yaml"
    lone.write_text(
        "stage: x\nlevels:\n  - {id: a, name: A, goal: G, main: [{exercise: e}]}\n",
        encoding="utf-8",
    )
    assert check_paths([lone]) == []


def test_lone_file_of_unknown_shape(shipped, tmp_path):
    lone = tmp_path / "notes.yaml"
    lone.write_text("hello: world\n", encoding="utf-8")
    (problem,) = check_paths([lone])
    assert "cannot tell what kind" in problem.message


def test_plain_folder_checks_each_yaml_file(shipped, tmp_path):
    loose = tmp_path / "loose"
    loose.mkdir()
    (loose / "a.yaml").write_text("stages: []\n", encoding="utf-8")
    (loose / "b.yaml").write_text("badges:\n  - id: x\n", encoding="utf-8")
    found = check_paths([loose])
    assert {Path(p.path).name for p in found} == {"a.yaml", "b.yaml"}


def test_stray_files_in_a_content_folder_are_named(content):
    content.write("exercises/extra.yml", "id: extra\n")
    content.write("notes.yaml", "x: 1\n")
    content.write("exercises/old/bird.yaml", "id: bird\n")
    found = content.problems()
    assert sorted(Path(p.path).name for p in found) == ["bird.yaml", "extra.yml", "notes.yaml"]
    assert all("not read" in p.message for p in found)


def test_missing_required_files(content):
    content.path("badges.yaml").unlink()
    (problem,) = content.problems()
    assert problem.message == "missing badges.yaml"


def test_load_content_defaults_to_the_shipped_folder(shipped):
    assert "bird_dog" in load_content().exercises


def test_guess_kind_by_name_then_keys_then_folder():
    mapping = parse_text("levels: []\nstage: a\n", "x").root
    assert guess_kind(Path("stages.yaml"), mapping) == "stages"
    assert guess_kind(Path("anything.yaml"), mapping) == "levels"
    assert guess_kind(Path("exercises/x.yaml"), None) == "exercise"
    assert guess_kind(Path("somewhere/x.yaml"), None) is None


def test_shipped_folders_are_found_in_the_checkout():
    root = Path(game.__file__).resolve().parent.parent
    if (root / "levels").is_dir():
        assert levels_dir() == root / "levels"
    else:
        assert levels_dir() == Path(game.__file__).resolve().parent / "_data" / "levels"
    assert assets_dir().name == "assets"
