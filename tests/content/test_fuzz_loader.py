"""Random and mutated level files: the loader returns a model or a ContentError, nothing else.

The mutations are the ones hand edits and copy-paste produce: lines lost or
doubled, characters swapped, stray YAML syntax, tags and anchors pasted in.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content import Content, ContentError, Problem, check_paths, load_content

TARGETS = (
    "exercises/bird_dog.yaml",
    "exercises/side_plank.yaml",
    "levels/stabilize.yaml",
    "levels/movement.yaml",
    "stages.yaml",
    "badges.yaml",
)
SNIPPETS = (
    "!!python/object/apply:os.system ['true'] ",
    "!foo ",
    "!!binary ",
    "&a ",
    "*a ",
    "<<: ",
    "? ",
    "- ",
    "{",
    "}",
    "[",
    "]",
    ": ",
    "#",
    "\t",
    '"',
    "'",
    "|\n",
    ">-\n",
    "---\n",
    "~",
    "1:30",
    "NO",
    ".nan",
    "0x1F",
    "2024-01-01",
    "\n",
    "\x00",
    "\ufeff",
)

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, content_dir_type: type[Any]) -> Iterator[Any]:
    """One folder for every example; lone-file checks compare against it, not levels/."""
    built = content_dir_type(tmp_path_factory.mktemp("fuzz") / "levels")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("game.content.loader.levels_dir", lambda: built.root)
        yield built


def assert_model_or_content_error(root: Path) -> None:
    try:
        loaded = load_content(root)
    except ContentError as error:
        assert error.problems and all(isinstance(p, Problem) for p in error.problems)
        assert all(p.line >= 1 and p.column >= 1 for p in error.problems)
    else:
        assert isinstance(loaded, Content)


@st.composite
def mutated(draw: st.DrawFn, files: dict[str, str]) -> tuple[str, str]:
    rel = draw(st.sampled_from(TARGETS))
    lines = files[rel].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(("delete", "duplicate", "swap", "insert", "text")))
        i = draw(st.integers(0, max(len(lines) - 1, 0)))
        if op == "delete" and lines:
            del lines[i]
        elif op == "duplicate" and lines:
            lines.insert(i, lines[i])
        elif op in ("swap", "insert", "text") and lines:
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            if op == "swap" and len(line) > 1:
                at = min(at, len(line) - 2)
                line = line[:at] + line[at + 1] + line[at] + line[at + 2 :]
            elif op == "insert":
                line = line[:at] + draw(st.sampled_from(SNIPPETS)) + line[at:]
            else:
                line = line[:at] + draw(st.text(max_size=8)) + line[at:]
            lines[i] = line
    return rel, "".join(lines)


@FUZZ
@given(data=st.data())
def test_mutated_files_give_a_model_or_a_content_error(
    folder: Any, content_files: dict[str, str], data: st.DataObject
) -> None:
    rel, text = data.draw(mutated(content_files))
    path = folder.path(rel)
    try:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        assert_model_or_content_error(folder.root)
        assert all(isinstance(p, Problem) for p in check_paths([path]))
    finally:
        path.write_text(content_files[rel], encoding="utf-8")


@FUZZ
@given(rel=st.sampled_from(TARGETS), data=st.binary(max_size=300) | st.text(max_size=300))
def test_random_bytes_and_text_give_a_model_or_a_content_error(
    folder: Any, content_files: dict[str, str], rel: str, data: bytes | str
) -> None:
    path = folder.path(rel)
    try:
        raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
        path.write_bytes(raw)
        assert_model_or_content_error(folder.root)
    finally:
        path.write_text(content_files[rel], encoding="utf-8")


def test_the_unmutated_folder_loads(folder: Any) -> None:
    assert isinstance(load_content(folder.root), Content)
