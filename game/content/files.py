"""Read one level file of a known kind into models, ids and references.

Each kind of file (an exercise, a stage's levels, stages.yaml, badges.yaml) has
a reader in :data:`READERS`. Lists of stages, levels and badges are read item
by item, so one broken level does not hide the problems or the ids of the
others; ids are noted even from broken items so that references to them are
not reported as unknown on top of the real mistake.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from game.content.errors import Problem
from game.content.kinds import INVALID, NULL, STAGE_REF, STR, Ctx, Ref
from game.content.records import Record, child
from game.content.schema_badge import BADGE
from game.content.schema_exercise import EXERCISE
from game.content.schema_level import LEVEL, STAGE
from game.content.yamlsafe import Document, read_document


@dataclass(frozen=True)
class Definition:
    """Where an id is defined, to find duplicates across files."""

    category: str  # "exercise", "stage", "level", "badge" or "stage_levels"
    value: str
    path: str
    line: int
    column: int


@dataclass
class FileResult:
    """Everything read from one file."""

    path: str
    kind: str
    problems: list[Problem] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    defines: list[Definition] = field(default_factory=list)
    models: list[Any] = field(default_factory=list)


@dataclass(frozen=True)
class _Nodes:
    """A list whose items are read one by one by the file reader."""

    nonempty: bool = True

    def read(self, node: yaml.Node, ctx: Ctx) -> Any:
        if not isinstance(node, yaml.SequenceNode) or ctx.skip(node):
            if not ctx.skip(node):
                ctx.report(node, "expected a list", "write one '- ' item per entry")
            return INVALID
        if self.nonempty and not node.value:
            ctx.report(node, "list must not be empty", "add at least one entry")
            return INVALID
        return tuple(node.value)


@dataclass(frozen=True)
class _StagesFile:
    stages: tuple[yaml.Node, ...]


@dataclass(frozen=True)
class _BadgesFile:
    badges: tuple[yaml.Node, ...]


@dataclass(frozen=True)
class _LevelsFile:
    stage: str
    levels: tuple[yaml.Node, ...]


_STAGES_FILE = Record(_StagesFile, {"stages": _Nodes()})
_BADGES_FILE = Record(_BadgesFile, {"badges": _Nodes(nonempty=False)})
_LEVELS_FILE = Record(_LevelsFile, {"stage": STAGE_REF, "levels": _Nodes()})


def _peek(node: yaml.Node, name: str = "id") -> tuple[str, yaml.Node] | None:
    """The text under ``name`` in a mapping, read leniently (no problems reported)."""
    if not isinstance(node, yaml.MappingNode):
        return None
    value = child(node, name)
    if value is node or not isinstance(value, yaml.ScalarNode) or value.tag != STR:
        return None
    return str(value.value), value


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL


def _define(result: FileResult, category: str, node: yaml.Node) -> None:
    peeked = _peek(node)
    if peeked is not None:
        value, at = peeked
        mark = at.start_mark
        result.defines.append(
            Definition(category, value, result.path, mark.line + 1, mark.column + 1)
        )


def _read_items(
    result: FileResult,
    ctx: Ctx,
    nodes: tuple[yaml.Node, ...],
    record: Record,
    category: str,
    extra: Mapping[str, Any],
) -> None:
    for order, node in enumerate(nodes):
        _define(result, category, node)
        values = record.read_fields(node, ctx)
        if values is not None:
            result.models.append(record.cls(**values, **extra, order=order, file=result.path))


def _read_exercise(result: FileResult, ctx: Ctx, root: yaml.Node, stem: str) -> None:
    _define(result, "exercise", root)
    peeked = _peek(root)
    if peeked is not None and peeked[0] != stem:
        ctx.report(
            peeked[1],
            f"exercise id '{peeked[0]}' does not match its file name '{stem}.yaml'",
            f"rename the file to {peeked[0]}.yaml or set id: {stem}",
        )
    for variant in ("easier", "harder"):
        spec = child(root, variant) if isinstance(root, yaml.MappingNode) else root
        if peeked is not None and spec is not root and not _is_null(spec):
            mark = spec.start_mark
            result.defines.append(
                Definition(
                    "variant", f"{peeked[0]}.{variant}", result.path, mark.line + 1, mark.column + 1
                )
            )
    exercise = EXERCISE.read(root, ctx)
    if exercise is not INVALID:
        result.models.append(dataclasses.replace(exercise, file=result.path))


def _read_stages(result: FileResult, ctx: Ctx, root: yaml.Node, stem: str) -> None:
    top = _STAGES_FILE.read(root, ctx)
    if top is not INVALID:
        _read_items(result, ctx, top.stages, STAGE, "stage", {})


def _read_badges(result: FileResult, ctx: Ctx, root: yaml.Node, stem: str) -> None:
    top = _BADGES_FILE.read(root, ctx)
    if top is INVALID:
        return
    for node in top.badges:
        _define(result, "badge", node)
        badge = BADGE.read(node, ctx)
        if badge is not INVALID:
            result.models.append(dataclasses.replace(badge, file=result.path))


def _read_levels(result: FileResult, ctx: Ctx, root: yaml.Node, stem: str) -> None:
    top = _LEVELS_FILE.read(root, ctx)
    if top is INVALID:
        # Still check the levels themselves when only the stage line is wrong.
        levels = child(root, "levels") if isinstance(root, yaml.MappingNode) else root
        if isinstance(levels, yaml.SequenceNode) and levels is not root:
            for node in levels.value:
                _define(result, "level", node)
                LEVEL.read_fields(node, ctx)
        return
    stage_node = child(root, "stage")
    mark = stage_node.start_mark
    result.defines.append(
        Definition("stage_levels", top.stage, result.path, mark.line + 1, mark.column + 1)
    )
    ctx.context = top.stage
    _read_items(result, ctx, top.levels, LEVEL, "level", {"stage": top.stage})


Reader = Callable[[FileResult, Ctx, yaml.Node, str], None]

#: How each kind of file is read.
READERS: Mapping[str, Reader] = MappingProxyType(
    {
        "exercise": _read_exercise,
        "stages": _read_stages,
        "badges": _read_badges,
        "levels": _read_levels,
    }
)

#: Top-level keys that give a file's kind away when its place does not.
_SHAPES: tuple[tuple[str, str], ...] = (
    ("stages", "stages"),
    ("badges", "badges"),
    ("levels", "levels"),
    ("dose", "exercise"),
    ("id", "exercise"),
)
_NAMES: Mapping[str, str] = MappingProxyType({"stages.yaml": "stages", "badges.yaml": "badges"})
_FOLDERS: Mapping[str, str] = MappingProxyType({"exercises": "exercise", "levels": "levels"})


def guess_kind(path: Path, root: yaml.Node | None) -> str | None:
    """Judge a lone file's kind by its name, then its keys, then its folder."""
    if path.name in _NAMES:
        return _NAMES[path.name]
    if isinstance(root, yaml.MappingNode):
        keys = {key.value for key, _ in root.value if isinstance(key, yaml.ScalarNode)}
        for key, kind in _SHAPES:
            if key in keys:
                return kind
    return _FOLDERS.get(path.parent.name)


def read_file(path: Path, display: str, kind: str | None = None) -> FileResult:
    """Read one file; ``kind`` None means guess it. Never raises for bad input."""
    document: Document = read_document(path, display)
    kind = kind or guess_kind(path, document.root)
    result = FileResult(display, kind or "unknown", list(document.problems))
    if document.root is None:
        if kind == "exercise":  # its name is its id: keep references to it quiet
            result.defines.append(Definition("exercise", path.stem, display, 1, 1))
        return result
    if kind is None:
        result.problems.append(
            Problem(
                display,
                1,
                1,
                "cannot tell what kind of level file this is",
                "see docs/level-format.md for the four kinds of file",
            )
        )
        return result
    ctx = Ctx(display, document.tagged)
    READERS[kind](result, ctx, document.root, path.stem)
    result.problems.extend(ctx.problems)
    result.refs.extend(ctx.refs)
    return result
