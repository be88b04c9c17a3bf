"""Container kinds: lists, mappings and records (a dataclass read by a table).

:class:`Record` is the walker the whole schema rests on: it applies a table of
field name -> kind to a mapping node, reports unknown keys with a "did you
mean", duplicate keys with both lines and missing required keys, and leaves
cross-field rules to a small post-check. Required fields come from the
dataclass itself (no default means required), so the model stays the one
source of truth.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import yaml

from game.content.kinds import INVALID, NULL, Ctx, Kind, Number, describe, suggest


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
