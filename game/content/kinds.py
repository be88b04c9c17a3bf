"""Kinds of values a level file may hold, each reading itself from a YAML node.

The schema for every dataclass is a table of field name -> kind (see
``game.content.schema``); this module holds the kinds and the one walker that
applies such a table to a mapping node. Values are read from node text with
strict rules (no YAML 1.1 surprises such as ``on`` meaning true or ``1:30``
meaning 90), and every mistake becomes a :class:`Problem` with the node's place
instead of an exception, so one pass reports everything wrong in a file.
"""

from __future__ import annotations

import dataclasses
import difflib
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


def _expect(node: yaml.Node, ctx: Ctx, cls: type[yaml.Node], what: str, empty: str) -> bool:
    if ctx.skip(node):
        return False
    if isinstance(node, cls):
        return True
    if isinstance(node, yaml.ScalarNode) and node.tag == NULL and not node.value:
        hint = f"write {empty} if it is meant to be empty"
    elif isinstance(node, yaml.ScalarNode) and cls is yaml.SequenceNode:
        hint = f"write it as a list: [{node.value}]"
    else:
        hint = f"write {what} here"
    ctx.report(node, f"expected {what}, got {describe(node)}", hint)
    return False


@dataclass(frozen=True)
class ListOf:
    """A YAML list whose items all have one kind; becomes a tuple."""

    item: Kind
    nonempty: bool = False
    unique: bool = False
    length: int | None = None

    def read(self, node: yaml.Node, ctx: Ctx) -> Any:
        if not _expect(node, ctx, yaml.SequenceNode, "a list", "[]"):
            return INVALID
        items = [self.item.read(child, ctx) for child in node.value]
        ok = all(item is not INVALID for item in items)
        if self.length is not None and len(items) != self.length:
            ctx.report(node, f"expected {self.length} items, got {len(items)}", "")
            ok = False
        elif self.nonempty and not items:
            ctx.report(node, "list must not be empty", "add at least one item")
            ok = False
        if self.unique:
            seen: set[Any] = set()
            for item_node, item in zip(node.value, items, strict=True):
                if item is not INVALID and item in seen:
                    ctx.report(item_node, f"'{item}' is listed twice", "remove one of them")
                    ok = False
                seen.add(item)
        return tuple(items) if ok else INVALID


def Vec3(minimum: float | None = None) -> ListOf:
    """Three finite numbers, such as a position or three joint angles."""
    return ListOf(Number(minimum=minimum, above=False), length=3)


def _keys(node: yaml.MappingNode, ctx: Ctx) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """The (name, key node, value node) entries of a mapping, duplicates reported."""
    first: dict[str, yaml.Node] = {}
    out: list[tuple[str, yaml.Node, yaml.Node]] = []
    for key, value in node.value:
        if ctx.skip(key):
            continue
        if not isinstance(key, yaml.ScalarNode):
            ctx.report(key, f"a key must be a plain name, got {describe(key)}", "")
            continue
        name = str(key.value)
        if name in first:
            line = first[name].start_mark.line + 1
            ctx.report(key, f"duplicate key '{name}' (first at line {line})", "remove one of them")
            continue
        first[name] = key
        out.append((name, key, value))
    return out


@dataclass(frozen=True)
class MapOf:
    """A mapping with free keys of one kind and values of another."""

    key: Kind
    value: Kind

    def read(self, node: yaml.Node, ctx: Ctx) -> Any:
        if not _expect(node, ctx, yaml.MappingNode, "a mapping", "{}"):
            return INVALID
        assert isinstance(node, yaml.MappingNode)
        entries = _keys(node, ctx)
        ok = len(entries) == len(node.value)
        out: dict[Any, Any] = {}
        for _, key_node, value_node in entries:
            key = self.key.read(key_node, ctx)
            value = self.value.read(value_node, ctx)
            ok = ok and key is not INVALID and value is not INVALID
            out[key] = value
        return MappingProxyType(out) if ok else INVALID


@dataclass(frozen=True)
class Nullable:
    """``null`` (or nothing after the colon) for None, else the inner kind."""

    inner: Kind

    def read(self, node: yaml.Node, ctx: Ctx) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL and not ctx.skip(node):
            return None
        return self.inner.read(node, ctx)


#: A check run on a record once every field read cleanly; reports and returns ok.
PostCheck = Callable[[dict[str, Any], yaml.MappingNode, Ctx], bool]


@dataclass(frozen=True)
class Record:
    """A mapping read into a dataclass through a table of field kinds.

    Fields the dataclass has without a default are required unless listed in
    ``defaults``; ``internal`` fields are filled in by the loader, never by YAML.
    """

    cls: type[Any]
    fields: Mapping[str, Kind]
    internal: tuple[str, ...] = ()
    defaults: Mapping[str, Any] = field(default_factory=dict)
    post: PostCheck | None = None
    what: str = "a mapping"

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(
            f.name
            for f in dataclasses.fields(self.cls)
            if f.default is dataclasses.MISSING
            and f.default_factory is dataclasses.MISSING
            and f.name not in self.internal
            and f.name not in self.defaults
        )

    def read_fields(self, node: yaml.Node, ctx: Ctx) -> dict[str, Any] | None:
        """The field values of a mapping node, or None after reporting problems."""
        if not _expect(node, ctx, yaml.MappingNode, self.what, "{}"):
            return None
        assert isinstance(node, yaml.MappingNode)
        values: dict[str, Any] = dict(self.defaults)
        names = list(self.fields)
        entries = _keys(node, ctx)
        ok = len(entries) == len(node.value)
        for name, key_node, value_node in entries:
            kind = self.fields.get(name)
            if kind is None:
                ctx.report(key_node, f"unknown key '{name}'", suggest(name, names, "known keys"))
                ok = False
                continue
            value = kind.read(value_node, ctx)
            if value is INVALID:
                ok = False
            else:
                values[name] = value
        present = {name for name, _, _ in entries}
        for name in self.required:
            if name not in present:
                ctx.report(node, f"missing required key '{name}'", f"add '{name}: ...'")
                ok = False
        if ok and self.post is not None:
            ok = self.post(values, node, ctx)
        return values if ok else None

    def read(self, node: yaml.Node, ctx: Ctx) -> Any:
        values = self.read_fields(node, ctx)
        return INVALID if values is None else self.cls(**values)


def child(node: yaml.Node, name: str) -> yaml.Node:
    """The value node under key ``name`` (the node itself when absent), for messages."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == name:
                found: yaml.Node = value
                return found
    return node
