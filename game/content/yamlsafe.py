"""Read one YAML file into a node tree, safely, without building any objects.

Level files come from writers and from players who edit them, so nothing in
them may run code, hang the game or blow the stack. The steps, in order:

1. refuse files over :data:`MAX_BYTES` before parsing anything;
2. refuse characters YAML forbids, with their exact place;
3. walk the flat event stream (no recursion) and refuse nesting deeper than
   :data:`MAX_DEPTH`, every anchor and alias (so an alias bomb never expands)
   and every explicit tag (reported, never constructed). libyaml reads ahead
   and, from PyYAML 6.0.4 on, stops deep flow nesting with a limit and a
   message of its own before our walk reaches depth 33; so whenever libyaml
   objects to a file, the walk is run again on PyYAML's pure-Python parser,
   which has no such limit. The answer is therefore always this module's, and
   the same with or without libyaml, whatever the PyYAML release;
4. only then compose the node tree, which keeps a line and column on every
   node for the messages. Values are never constructed: the schema walker in
   ``game.content.kinds`` reads the nodes itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import yaml

from game.content.errors import Problem

MAX_BYTES = 256 * 1024
MAX_DEPTH = 32
#: Past this many structural reports in one file the rest add nothing useful.
MAX_REPORTS = 50

_LOADER: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = (  # the fast parser when built in
    yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
)
_FORBIDDEN = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CORE_PREFIX = "tag:yaml.org,2002:"

#: Hints for common syntax mistakes, looked up by a fragment of the parser's message.
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("tab character", "indent with spaces, never tabs"),
    ("mapping values are not allowed", "put text containing ': ' in quotes"),
    ("could not find expected ':'", "each line of a mapping needs 'key: value'"),
    ("found undefined alias", "anchors and aliases are not supported in level files"),
    ("while scanning a quoted scalar", "close the quotes on this text"),
)
_DEFAULT_SYNTAX_HINT = "check the indentation and quotes around this place"


class _Mark(Protocol):
    """A place in the text, as both the C and the Python parser give it."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


@dataclass(frozen=True)
class Document:
    """A composed file: its root node (None when unusable) and what went wrong.

    ``tagged`` holds the (0-based line, column) of every explicitly tagged node,
    already reported, so the schema walker can skip them without a second message.
    """

    root: yaml.Node | None
    problems: tuple[Problem, ...]
    tagged: frozenset[tuple[int, int]] = frozenset()


def read_document(path: Path, display: str) -> Document:
    """Read and compose ``path``; ``display`` is the name used in messages."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return _fail(display, 1, 1, f"cannot read the file: {reason}", "check the path")
    if len(data) > MAX_BYTES:
        return _fail(
            display,
            1,
            1,
            f"file is larger than the {MAX_BYTES // 1024} KiB limit for level files",
            "split it into smaller files",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return _fail(display, line, column, "file is not UTF-8 text", "save it as UTF-8")
    return parse_text(text, display)


def parse_text(text: str, display: str) -> Document:
    """Check and compose YAML ``text``; never raises for bad input."""
    bad = _FORBIDDEN.search(text)
    if bad is not None:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        return _fail(
            display,
            line,
            column,
            f"character {bad.group()!r} is not allowed in YAML",
            "remove it or retype this text",
        )
    problems, tagged, usable, parser_objected = _scan(text, display, _LOADER)
    if parser_objected and _LOADER is not yaml.SafeLoader:
        problems, tagged, usable, _ = _scan(text, display, yaml.SafeLoader)
    if not usable:
        return Document(None, tuple(problems), frozenset(tagged))
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:  # the scan passed, so this is unexpected but still bad input
        problem = _from_yaml_error(exc, display, text)
        return Document(None, (*problems, problem), frozenset(tagged))
    if root is None:
        problems.append(Problem(display, 1, 1, "file is empty", "see docs/level-format.md"))
    return Document(root, tuple(problems), frozenset(tagged))


_Loader = type[yaml.SafeLoader] | type[yaml.CSafeLoader]


def _scan(
    text: str, display: str, loader: _Loader
) -> tuple[list[Problem], set[tuple[int, int]], bool, bool]:
    """Walk the event stream once with ``loader``'s parser.

    Returns the problems, the tagged places, whether the tree may be composed,
    and whether the parser itself raised (rather than one of our checks stopping).
    """
    problems: list[Problem] = []
    tagged: set[tuple[int, int]] = set()
    usable = True
    depth = 0
    documents = 0

    def report(mark: _Mark | None, message: str, hint: str) -> None:
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        if len(problems) < MAX_REPORTS:
            problems.append(Problem(display, line, column, message, hint))
        elif len(problems) == MAX_REPORTS:
            problems.append(Problem(display, line, column, "too many problems", "fix these first"))

    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    usable = False
                    report(event.start_mark, "more than one YAML document", "remove the '---'")
            elif isinstance(event, yaml.AliasEvent):
                usable = False
                report(
                    event.start_mark,
                    f"alias '*{event.anchor}' is not supported in level files",
                    "write the value out in full",
                )
            elif isinstance(event, yaml.NodeEvent):
                if event.anchor is not None:
                    usable = False
                    report(
                        event.start_mark,
                        f"anchor '&{event.anchor}' is not supported in level files",
                        "remove the anchor and write values out in full",
                    )
                tag = getattr(event, "tag", None)
                if tag is not None and event.start_mark is not None:
                    tagged.add((event.start_mark.line, event.start_mark.column))
                    shown = "!!" + tag[len(_CORE_PREFIX) :] if tag.startswith(_CORE_PREFIX) else tag
                    report(
                        event.start_mark,
                        f"YAML tag '{shown}' is not allowed (it was not run)",
                        "remove the tag; level files hold plain values only",
                    )
                if isinstance(event, yaml.CollectionStartEvent):
                    depth += 1
                    if depth > MAX_DEPTH:
                        report(
                            event.start_mark,
                            f"nesting is deeper than {MAX_DEPTH} levels",
                            "flatten this structure",
                        )
                        return problems, tagged, False, False
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        problems.append(_from_yaml_error(exc, display, text))
        return problems, tagged, False, True
    return problems, tagged, usable, False


def _from_yaml_error(exc: yaml.YAMLError, display: str, source: str) -> Problem:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "syntax error"
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        text = f"{exc.context} {problem}" if exc.context and exc.problem else problem
    else:
        line, column, text = 1, 1, str(exc).splitlines()[0] if str(exc) else "syntax error"
    lines = source.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: column + 1]:
        text += " (a tab character)"
    hint = next((h for key, h in _SYNTAX_HINTS if key in text), _DEFAULT_SYNTAX_HINT)
    return Problem(display, line, column, f"not valid YAML: {text}", hint)


def _fail(display: str, line: int, column: int, message: str, hint: str) -> Document:
    return Document(None, (Problem(display, line, column, message, hint),))
