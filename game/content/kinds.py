"""Kinds of single values a level file may hold, each reading itself from a YAML node.

The schema for every dataclass is a table of field name -> kind (see
``game.content.schema``); this module holds the scalar kinds, the context
they report to and the kinds most fields share (containers and the record
walker are in ``game.content.records``). Values are read from node text with
strict rules (no YAML 1.1 surprises such as ``on`` meaning true or ``1:30``
meaning 90), and every mistake becomes a :class:`Problem` with the node's place
instead of an exception, so one pass reports everything wrong in a file.
"""

from __future__ import annotations

import difflib
import enum
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Final, Protocol

import yaml

from game.content.errors import Problem

STR: Final = "tag:yaml.org,2002:str"
INT: Final = "tag:yaml.org,2002:int"
FLOAT: Final = "tag:yaml.org,2002:float"
BOOL: Final = "tag:yaml.org,2002:bool"
NULL: Final = "tag:yaml.org,2002:null"

_INT_TEXT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT_TEXT = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?")
_LOW_HINT = {True: "durations and counts must be more than zero", False: "use a larger value"}
ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*")

#: How YAML reads a plain scalar, in words, for messages.
_READS_AS: Mapping[str, str] = MappingProxyType(
    {
        BOOL: "a true/false value",
        INT: "a number",
        FLOAT: "a number",
        NULL: "an empty value",
        "tag:yaml.org,2002:timestamp": "a date",
    }
)


class _Invalid:
    """Marks a value that failed to read; its problem is already reported."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Final = _Invalid()


@dataclass(frozen=True)
class Ref:
    """A reference to an id defined elsewhere, checked once every file is read."""

    category: str  # "exercise" or "stage"
    value: str
    path: str
    line: int
    column: int
    context: str = ""  # the stage whose levels the reference sits in, if any


@dataclass
class Ctx:
    """What the walk of one file collects: problems and references."""

    path: str
    tagged: frozenset[tuple[int, int]] = frozenset()
    problems: list[Problem] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    context: str = ""

    def report(self, node: yaml.Node, message: str, hint: str = "") -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message, hint))

    def skip(self, node: yaml.Node) -> bool:
        """True for a node whose explicit tag was already reported."""
        return (node.start_mark.line, node.start_mark.column) in self.tagged

    def refer(self, category: str, value: str, node: yaml.Node) -> None:
        mark = node.start_mark
        where = (self.path, mark.line + 1, mark.column + 1)
        self.refs.append(Ref(category, value, *where, context=self.context))


class Kind(Protocol):
    """Reads one value from a node; returns INVALID after reporting a problem."""

    def read(self, node: yaml.Node, ctx: Ctx) -> Any: ...


def suggest(word: str, choices: Sequence[str], noun: str = "one of") -> str:
    """A "did you mean" hint, or the list of choices when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"{noun}: {', '.join(choices)}"


def describe(node: yaml.Node) -> str:
    """Say what a node holds, in words a writer understands."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == STR:
        return f"the text {node.value!r}"
    reads = _READS_AS.get(node.tag, "a special YAML value")
    return f"{node.value!r}, which YAML reads as {reads}" if node.value else reads


def _scalar_hint(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode) and node.tag == NULL and not node.value:
        return "write a value after the colon"
    return ""


@dataclass(frozen=True)
class Text:
    """A plain or quoted string; anything YAML reads as another type is refused."""

    nonempty: bool = True
    pattern: re.Pattern[str] | None = None
    ref: str = ""  # record the value as a reference to this category of id

    def read(self, node: yaml.Node, ctx: Ctx) -> Any:
        if ctx.skip(node):
            return INVALID
        if not isinstance(node, yaml.ScalarNode) or node.tag != STR:
            hint = _scalar_hint(node) or (
                f'put it in quotes ("{node.value}") if you mean the text'
                if isinstance(node, yaml.ScalarNode)
                else "write plain text here"
            )
            ctx.report(node, f"expected text, got {describe(node)}", hint)
            return INVALID
        value: str = node.value
        if self.nonempty and not value.strip():
            ctx.report(node, "text must not be empty", "write something, or remove the key")
            return INVALID
        if self.pattern is not None and not self.pattern.fullmatch(value):
            ctx.report(
                node, f"'{value}' is not a valid id", "use lowercase letters, digits and '_'"
            )
            return INVALID
        if self.ref:
            ctx.refer(self.ref, value, node)
        return value


def _number_text(node: yaml.Node, ctx: Ctx, whole: bool) -> str | None:
    """The scalar text of a number node, or None after reporting why it is not one."""
    wanted = "a whole number" if whole else "a number"
    if not isinstance(node, yaml.ScalarNode) or node.tag not in (INT, FLOAT):
        if isinstance(node, yaml.ScalarNode) and node.tag == STR:
            hint = "write digits without quotes, like 10 or 2.5"
        else:
            hint = _scalar_hint(node) or "write digits, like 10 or 2.5"
        ctx.report(node, f"expected {wanted}, got {describe(node)}", hint)
        return None
    text: str = node.value
    if ":" in text:
        ctx.report(
            node,
            f"'{text}' reads as a base-60 number in YAML",
            "write one plain number; for a time, seconds (90, not 1:30)",
        )
        return None
    if whole and node.tag == FLOAT:
        ctx.report(node, f"expected a whole number, got '{text}'", "drop the decimal part")
        return None
    if not (_INT_TEXT if whole else _FLOAT_TEXT).fullmatch(text):
        ctx.report(
            node,
            f"'{text}' is not a plain decimal number",
            "write digits only, with no leading zero, '_', .nan or .inf",
        )
        return None
    return text


#: The longest number text read as a number; longer ones are reported as too large.
MAX_NUMBER_CHARS = 40


@dataclass(frozen=True)
class Number:
    """A finite decimal number (an int is accepted), with bounds."""

    minimum: float | None = 0.0
    above: bool = True  # True: must be > minimum; False: must be >= minimum
    maximum: float | None = None
    whole: bool = False

    def read(self, node: yaml.Node, ctx: Ctx) -> Any:
        if ctx.skip(node):
            return INVALID
        text = _number_text(node, ctx, self.whole)
        if text is None:
            return INVALID
        if len(text) > MAX_NUMBER_CHARS:
            # Python refuses to turn very long digit strings into an int at all,
            # and no dose or timing needs more than a handful of digits.
            shown = f"{text[:12]}... ({len(text)} characters)"
            ctx.report(node, f"'{shown}' is too large", "write a smaller number")
            return INVALID
        value: float | int = int(text) if self.whole else float(text)
        if not math.isfinite(value):
            ctx.report(node, f"'{text}' is too large", "write a smaller number")
            return INVALID
        low = self.minimum
        if low is not None and (value <= low if self.above else value < low):
            rule = "greater than" if self.above else "at least"
            limit = "zero" if low == 0 else f"{low:g}"
            ctx.report(
                node, f"{text} is too small: it must be {rule} {limit}", _LOW_HINT[self.above]
            )
            return INVALID
        if self.maximum is not None and value > self.maximum:
            ctx.report(node, f"{text} is too large: it must be at most {self.maximum:g}", "")
            return INVALID
        return value


def Count(minimum: int = 1) -> Number:
    """A whole number of at least ``minimum``."""
    return Number(minimum=minimum, above=False, whole=True)


@dataclass(frozen=True)
class Flag:
    """``true`` or ``false``, spelled exactly so."""

    def read(self, node: yaml.Node, ctx: Ctx) -> Any:
        if ctx.skip(node):
            return INVALID
        if (
            isinstance(node, yaml.ScalarNode)
            and node.tag == BOOL
            and node.value in ("true", "false")
        ):
            return node.value == "true"
        ctx.report(node, f"expected true or false, got {describe(node)}", "write true or false")
        return INVALID


@dataclass(frozen=True)
class Choice:
    """A name from a fixed vocabulary, turned into a value by ``convert``."""

    choices: tuple[str, ...]
    what: str
    convert: Callable[[str], Any] = str

    def read(self, node: yaml.Node, ctx: Ctx) -> Any:
        value = Text().read(node, ctx)
        if value is INVALID:
            return INVALID
        if value not in self.choices:
            ctx.report(node, f"unknown {self.what} '{value}'", suggest(value, self.choices))
            return INVALID
        return self.convert(value)


# ---------------------------------------------------------------------------
# The kinds most fields use
# ---------------------------------------------------------------------------

ID: Final = Text(pattern=ID_PATTERN)
TEXT: Final = Text()
OPTIONAL_TEXT: Final = Text(nonempty=False)
SECONDS: Final = Number()  # a duration: greater than zero
REST: Final = Number(minimum=0.0, above=False)  # a pause that may be zero
EXERCISE_REF: Final = Text(pattern=ID_PATTERN, ref="exercise")
STAGE_REF: Final = Text(pattern=ID_PATTERN, ref="stage")


def EnumChoice(enum_type: type[enum.Enum], what: str) -> Choice:
    """One of an enum's values, read as its member."""
    return Choice(tuple(member.value for member in enum_type), what, enum_type)
