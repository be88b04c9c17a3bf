"""Hostile or broken files: tags are never run, bombs never expand, nothing hangs.

Level files may come from anywhere a player copies them from, so these tests
feed the loader what an attacker or a bad editor would and expect a
:class:`Problem` every time, quickly, and never an exception of another type.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml
from content_folder import CRUNCH

from game.content import ContentError, check_paths, load_content, yamlsafe
from game.content.yamlsafe import MAX_BYTES, MAX_DEPTH

#: The sample crunch with a tag that would run a command, a duplicate key and an unknown key.
MUST_SHOW = (
    CRUNCH.replace(
        "name: Crunch", 'name: !!python/object/apply:os.system ["echo owned > owned.txt"]'
    )
    + "  reps: 9\ncolour: red\n"
)


@pytest.fixture
def no_system(monkeypatch):
    """Make any call to os.system fail the test loudly."""
    calls: list[str] = []

    def record(command: str) -> int:
        calls.append(command)
        raise AssertionError(f"os.system was called with {command!r}")

    monkeypatch.setattr(os, "system", record)
    return calls


def test_tag_duplicate_and_unknown_key_give_exactly_three_lines(
    content, tmp_path, monkeypatch, no_system
):
    monkeypatch.setattr("game.content.loader.levels_dir", lambda: content.root)
    monkeypatch.chdir(tmp_path)
    lone = tmp_path / "lone" / "crunch.yaml"
    lone.parent.mkdir()
    lone.write_text(MUST_SHOW, encoding="utf-8")
    found = check_paths([lone])
    lines = [str(p) for p in found]
    assert len(lines) == 3, "\n".join(lines)
    assert [p.line for p in found] == [2, 15, 16]
    assert all(line.startswith(f"{lone}:") for line in lines)
    assert "python/object/apply:os.system" in found[0].message
    assert "duplicate key 'reps' (first at line 14)" in found[1].message
    assert "unknown key 'colour'" in found[2].message
    assert no_system == [] and not (tmp_path / "owned.txt").exists()


def test_the_same_file_in_a_folder_raises_content_error(content, no_system):
    content.write("exercises/crunch.yaml", MUST_SHOW)
    with pytest.raises(ContentError) as caught:
        content.load()
    assert len(caught.value.problems) == 3
    assert no_system == []


@pytest.mark.parametrize(
    "value",
    [
        "!foo Crunch",
        "!!str Crunch",
        "!!binary aGVsbG8=",
        "!!python/name:os.system",
        "!!python/object/new:os.system [ls]",
        "!<tag:yaml.org,2002:python/object/apply:os.system> [ls]",
    ],
)
def test_every_explicit_tag_is_an_error(content, no_system, value):
    path = content.edit("exercises/crunch.yaml", "name: Crunch", f"name: {value}")
    (problem,) = content.problems()
    assert problem.path == str(path) and problem.line == 2 and "tag" in problem.message


def test_tag_on_a_mapping_is_reported_once(content):
    content.edit("exercises/crunch.yaml", "dose:\n", "dose: !!python/object:game.X\n")
    (problem,) = content.problems()
    assert problem.line == 12 and "python/object:game.X" in problem.message


def test_anchors_and_aliases_are_refused(content):
    content.edit("exercises/crunch.yaml", "equipment: [mat]", "equipment: &eq [mat]\nx: *eq")
    found = content.problems()
    assert [p.line for p in found] == [9, 10]
    assert all("not supported in level files" in p.message for p in found)


def billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_quickly(content):
    content.write("exercises/crunch.yaml", billion_laughs())
    start = time.perf_counter()
    with pytest.raises(ContentError) as caught:
        content.load()
    assert time.perf_counter() - start < 2.0
    assert any("alias" in p.message for p in caught.value.problems)


DEEP = {
    "flow-lists": "[" * 10_000 + "]" * 10_000,
    "flow-maps": "{a: " * 10_000 + "1" + "}" * 10_000,
    "block-maps": "".join(f"{' ' * i}k{i}:\n" for i in range(600)) + " " * 600 + "x: 1\n",
    "flow-in-block": "id: crunch\ncues: " + "[" * 2_000 + "]" * 2_000 + "\n",
}

#: Both parsers the loader can run on: libyaml where PyYAML was built with it,
#: and PyYAML's own. libyaml has limits of its own in some releases (6.0.4 stops
#: flow nesting at 1,000 levels), and the loader must speak first on both.
PARSERS = [
    pytest.param(
        getattr(yaml, "CSafeLoader", None),
        id="libyaml",
        marks=pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml"),
    ),
    pytest.param(yaml.SafeLoader, id="pure-python"),
]


@pytest.mark.parametrize("loader", PARSERS)
@pytest.mark.parametrize("text", DEEP.values(), ids=DEEP.keys())
def test_very_deep_nesting_is_our_error_on_either_parser(monkeypatch, content, loader, text):
    monkeypatch.setattr(yamlsafe, "_LOADER", loader)
    path = content.write("exercises/crunch.yaml", text)
    found = [p for p in content.problems() if p.path == str(path)]
    assert [p.message for p in found] == [f"nesting is deeper than {MAX_DEPTH} levels"], found
    assert found[0].hint == "flatten this structure"


def test_deep_nesting_is_reported_where_depth_33_begins(monkeypatch):
    """The place is the first bracket past the limit, not where a parser gave up."""
    text = "id: crunch\ncues: " + "[" * 1_500 + "]" * 1_500 + "\n"
    for loader in [p.values[0] for p in PARSERS if p.values[0] is not None]:
        monkeypatch.setattr(yamlsafe, "_LOADER", loader)
        (problem,) = yamlsafe.parse_text(text, "f.yaml").problems
        # the file's own mapping is the first level, so bracket 32 is level 33
        assert (problem.line, problem.column) == (2, len("cues: ") + MAX_DEPTH)


def test_check_prints_the_nesting_message_with_its_place_and_hint(tmp_path, capsys):
    from game.cli.main import main

    bad = tmp_path / "deep.yaml"
    bad.write_text("id: deep\nsteps: " + "[" * 5_000 + "]" * 5_000 + "\n", "utf-8")
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    column = len("steps: ") + MAX_DEPTH  # the mapping is level 1
    message = f"nesting is deeper than {MAX_DEPTH} levels (hint: flatten this structure)"
    assert out == [f"{bad}:2:{column}: {message}"]


def test_nesting_at_the_limit_is_fine_for_the_parser(content):
    text = "x: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    content.write("exercises/crunch.yaml", text)
    found = content.problems()
    assert not any("deeper" in p.message for p in found)


def test_file_over_the_size_limit_is_refused_unread(content):
    big = "# padding\n" * (MAX_BYTES // 10 + 1)
    path = content.write("exercises/crunch.yaml", big)
    assert path.stat().st_size > MAX_BYTES
    found = [p for p in content.problems() if p.path == str(path)]
    assert len(found) == 1 and "256 KiB" in found[0].message


@pytest.mark.parametrize(
    ("data", "words", "line"),
    [
        (b"id: crunch\nname: \xff\xfe\n", "not UTF-8", 2),
        (b"id: crunch\nname: a\x07b\n", "not allowed in YAML", 2),
        (b"", "empty", 1),
        (b"id: crunch\n---\nid: crunch\n", "more than one YAML document", 2),
        (b"id: crunch\nname: [Crunch\nfeel: x\n", "not valid YAML", 3),
        (b"id: crunch\ndose:\n\tkind: reps\n", "tab", 3),
        (b"- just\n- a list\n", "expected a mapping", 1),
    ],
)
def test_unreadable_files_are_problems(content, data, words, line):
    path = content.path("exercises/crunch.yaml")
    path.write_bytes(data)
    found = [p for p in content.problems() if p.path == str(path)]
    assert found, "no problem reported"
    assert words in found[0].message and found[0].line == line, found


def test_unreadable_path_is_a_problem_not_a_crash(content):
    path = content.path("exercises/crunch.yaml")
    path.unlink()
    path.mkdir()  # a folder where a file should be: reading it fails
    (content.path("exercises") / "real.yaml").write_text("id: real\n", encoding="utf-8")
    found = content.problems()
    assert any(p.path.endswith("real.yaml") for p in found)


def test_broken_files_never_escape_as_other_exceptions(tmp_path: Path):
    with pytest.raises(ContentError):
        load_content(tmp_path / "missing")
    (tmp_path / "stages.yaml").write_bytes(b"\x00\x01")
    with pytest.raises(ContentError):
        load_content(tmp_path)


@pytest.mark.parametrize("text", [MUST_SHOW, billion_laughs(), *DEEP.values(), "a: [b\n"])
def test_the_pure_python_parser_is_held_to_the_same_rules(monkeypatch, text):
    """Without libyaml the loader falls back to PyYAML's own parser; same answers."""
    fast = yamlsafe.parse_text(text, "f.yaml")
    monkeypatch.setattr(yamlsafe, "_LOADER", yaml.SafeLoader)
    slow = yamlsafe.parse_text(text, "f.yaml")
    assert fast.problems == slow.problems and fast.tagged == slow.tagged
    assert (fast.root is None) == (slow.root is None)
