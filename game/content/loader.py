"""Load a whole content folder, or check any files and folders a writer names.

:func:`load_content` is what the game calls: it returns a cross-checked
:class:`Content` or raises :class:`ContentError` with every problem in every
file, so a broken level file is a message, never a crash. :func:`check_paths`
is what ``python -m game check`` calls: it never raises for bad input and
returns the problems as a list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from types import MappingProxyType

from game.content.crosscheck import crosscheck
from game.content.errors import ContentError, Problem
from game.content.files import FileResult, read_file
from game.content.model import Badge, Content, Exercise, Level, Stage
from game.content.paths import levels_dir

#: The files every content folder needs, and their kinds.
_REQUIRED: tuple[tuple[str, str], ...] = (("stages.yaml", "stages"), ("badges.yaml", "badges"))
#: Sub-folders holding many files of one kind.
_FOLDERS: tuple[tuple[str, str], ...] = (("exercises", "exercise"), ("levels", "levels"))
#: Kinds of which a content folder holds a single file.
_SINGLE_KINDS = frozenset({"stages", "badges"})
#: Ids that identify the same file when one is checked against the shipped set.
_IDENTIFYING = frozenset({"exercise", "stage_levels"})


def load_content(folder: Path | None = None) -> Content:
    """Load and cross-check every file of ``folder`` (default: the shipped levels)."""
    files, problems = _read_folder(levels_dir() if folder is None else Path(folder))
    problems.extend(crosscheck(files))
    if problems:
        raise ContentError(problems)
    return _build(files)


def check_paths(paths: Sequence[Path]) -> list[Problem]:
    """Every problem in the given files and folders, sorted; never raises for bad input.

    A folder laid out as a content folder is checked as a whole; any other
    folder has each of its YAML files checked alone. A lone file is judged by
    its name, keys and folder, and its references are checked against the
    shipped content.
    """
    problems: list[Problem] = []
    for path in map(Path, paths):
        if path.is_dir() and _is_content_folder(path):
            files, found = _read_folder(path)
            problems.extend(found)
            problems.extend(crosscheck(files))
        elif path.is_dir():
            for file in sorted(path.rglob("*.yaml")):
                problems.extend(_check_single(file))
        elif path.is_file():
            problems.extend(_check_single(path))
        else:
            problems.append(Problem(str(path), 1, 1, "no such file or folder", "check the path"))
    return sorted(set(problems))


def _is_content_folder(path: Path) -> bool:
    return (path / "stages.yaml").is_file() or any((path / n).is_dir() for n, _ in _FOLDERS)


def _read_folder(folder: Path) -> tuple[list[FileResult], list[Problem]]:
    """Read every file of a content folder; problems with the layout itself come back too."""
    if not folder.is_dir():
        hint = "pass the folder that holds stages.yaml"
        return [], [Problem(str(folder), 1, 1, "content folder not found", hint)]
    files: list[FileResult] = []
    problems: list[Problem] = []
    expected: set[Path] = set()
    for name, kind in _REQUIRED:
        path = folder / name
        expected.add(path)
        if path.is_file():
            files.append(read_file(path, str(path), kind))
        else:
            problems.append(Problem(str(path), 1, 1, f"missing {name}", "see docs/level-format.md"))
    for name, kind in _FOLDERS:
        for path in sorted((folder / name).glob("*.yaml")):
            expected.add(path)
            files.append(read_file(path, str(path), kind))
    problems.extend(_strays(folder, expected))
    problems.extend(problem for result in files for problem in result.problems)
    return files, problems


def _strays(folder: Path, expected: set[Path]) -> Iterable[Problem]:
    """YAML files the loader would silently skip: say so rather than ignore them."""
    for path in sorted(folder.rglob("*.y*ml")):
        if path in expected or path.suffix not in (".yaml", ".yml") or not path.is_file():
            continue
        if path.suffix == ".yml":
            yield Problem(str(path), 1, 1, "file is not read: it ends in .yml", "rename it .yaml")
        else:
            yield Problem(
                str(path),
                1,
                1,
                "file is not read: it is not where the loader looks",
                "exercises go in exercises/, a stage's levels in levels/",
            )


def _check_single(path: Path) -> list[Problem]:
    result = read_file(path, str(path))
    shipped = levels_dir()
    if not _is_content_folder(shipped):
        return result.problems + crosscheck([result], check_refs=False)
    shipped_files, _ = _read_folder(shipped)
    others = [f for f in shipped_files if not _replaced_by(f, result, path)]
    found = crosscheck([*others, result])
    return result.problems + [p for p in found if p.path == result.path]


def _replaced_by(shipped: FileResult, checked: FileResult, path: Path) -> bool:
    """True when the checked file stands in for this shipped file."""
    if Path(shipped.path).resolve() == path.resolve():
        return True
    if shipped.kind == checked.kind and shipped.kind in _SINGLE_KINDS:
        return True
    mine = {(d.category, d.value) for d in checked.defines if d.category in _IDENTIFYING}
    return any((d.category, d.value) in mine for d in shipped.defines)


def _build(files: list[FileResult]) -> Content:
    models = [model for result in files for model in result.models]
    stages = {m.id: m for m in models if isinstance(m, Stage)}
    exercises = {m.id: m for m in models if isinstance(m, Exercise)}
    badges = {m.id: m for m in models if isinstance(m, Badge)}
    ranks = {sid: rank for rank, sid in enumerate(stages)}
    levels = sorted(
        (m for m in models if isinstance(m, Level)),
        key=lambda lv: (ranks.get(lv.stage, len(ranks)), lv.order),
    )
    return Content(
        stages=MappingProxyType(stages),
        levels=MappingProxyType({lv.id: lv for lv in levels}),
        exercises=MappingProxyType(exercises),
        badges=MappingProxyType(badges),
    )


__all__ = ["ContentError", "check_paths", "load_content"]
