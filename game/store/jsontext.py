"""Strict JSON text in and out, remembering the source text of each session record.

Saving re-encodes the whole document, and a long history is mostly session
records that never change. The parser here reads the document exactly as
``json.loads`` would, but walks the top-level object and the ``sessions``
table itself, so it can keep each record's source text. The store then
reuses that text on the next save instead of encoding ten years of history
again. Anything unexpected falls back to ``json.loads``, so the walk only ever
loses the shortcut, never changes what is read.
"""

from __future__ import annotations

import json
import re
from json.scanner import make_scanner
from typing import Any

from game.store.errors import SchemaError

ENCODER = json.JSONEncoder(ensure_ascii=True, allow_nan=False, separators=(",", ":"))

#: Record id -> (the record as parsed, its member text ``"id":{...}``).
RecordTexts = dict[str, tuple[object, str]]


def _refuse_constant(name: str) -> object:
    raise SchemaError(f"the save holds {name}, which is not a valid number")


_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)
# The decoder's own C scanner: it reads one JSON value at an index, as json.loads does.
_SCAN = make_scanner(_DECODER)  # type: ignore[arg-type]
_SPACE = re.compile(r"[ \t\n\r]*")


class _NotPlain(Exception):
    """The walk met something it leaves to ``json.loads``."""


def parse_document(text: str, table: str) -> tuple[object, RecordTexts]:
    """Parse ``text`` strictly (no NaN or Infinity); keep the member texts of ``table``."""
    try:
        return _walk_document(text, table)
    except (_NotPlain, StopIteration, ValueError, IndexError):
        pass
    return json.loads(text, parse_constant=_refuse_constant), {}


def _walk_document(text: str, table: str) -> tuple[dict[str, Any], RecordTexts]:
    document: dict[str, Any] = {}
    texts: RecordTexts = {}
    index = _expect(text, _skip(text, 0), "{")
    index = _skip(text, index)
    if text[index] == "}":
        index += 1
    else:
        while True:
            key, index = _key(text, index)
            if key == table and text[index] == "{":
                document[key], texts, index = _walk_table(text, index)
            else:
                document[key], index = _SCAN(text, index)
            index = _skip(text, index)
            if text[index] == "}":
                index += 1
                break
            index = _skip(text, _expect(text, index, ","))
    if _skip(text, index) != len(text):
        raise _NotPlain
    return document, texts


def _walk_table(text: str, index: int) -> tuple[dict[str, Any], RecordTexts, int]:
    records: dict[str, Any] = {}
    texts: RecordTexts = {}
    index = _skip(text, index + 1)
    if text[index] == "}":
        return records, texts, index + 1
    while True:
        if text[index] != '"':
            raise _NotPlain
        start = index
        key, index = _SCAN(text, start)
        # Our own files are compact; spaces (from hand editing) take the slower way.
        if text[index] == ":":
            value, index = _SCAN(text, index + 1)
            member = text[start:index]
        else:
            key_text = text[start:index]
            value_start = _skip(text, _expect(text, _skip(text, index), ":"))
            value, index = _SCAN(text, value_start)
            member = f"{key_text}:{text[value_start:index]}"
        records[key] = value
        texts[key] = (value, member)
        char = text[index]
        if char == ",":
            index += 1
            if text[index] != '"':
                index = _skip(text, index)
            continue
        if char == "}":
            return records, texts, index + 1
        index = _skip(text, index)
        if text[index] == "}":
            return records, texts, index + 1
        index = _skip(text, _expect(text, index, ","))


def _key(text: str, index: int) -> tuple[str, int]:
    """A member name and the index of its value (past the colon and spaces)."""
    if text[index] != '"':
        raise _NotPlain
    key, index = _SCAN(text, index)
    index = _expect(text, _skip(text, index), ":")
    return key, _skip(text, index)


def _skip(text: str, index: int) -> int:
    match = _SPACE.match(text, index)
    return match.end() if match else index


def _expect(text: str, index: int, char: str) -> int:
    if text[index] != char:
        raise _NotPlain
    return index + 1
