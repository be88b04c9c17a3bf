"""What a load shares between records never changes what a record decodes to.

A load decodes each different exercise entry, entry list and rating once and
hands the same object to every record that stored it (``game.store.entries``);
a whole list is found by its source text. These tests feed records whose text
tries to mislead that lookup (a second, nested, escaped or spaced
``"exercises"``, strings with quotes) after a good record has been
remembered, and hold every outcome to the careful path's.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_helpers import make_result
from store_strategies import session_results
from test_store_decode import _same, _spoil_first, json_values, spots

from game.session.result import SessionResult
from game.store import SchemaError, codec
from game.store.codec import decode_session, encode_session
from game.store.entries import Seen, list_text

GOOD = [["dead_bug", "both", 40.0, 12, 12, False], ["bird_dog", "left", 20.0, 8, 6, False]]
BAD = [["dead_bug", "both", 40.0, True, 12, False], ["bird_dog", "left", 20.0, 8, 6, 0]]


def _compact(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


def _base() -> dict[str, Any]:
    record: dict[str, Any] = json.loads(_compact(encode_session(1, make_result(2), 10)))
    record["exercises"] = GOOD
    return record


def _warm() -> Seen:
    """A load that has already decoded a good record holding ``GOOD``."""
    seen = Seen()
    record = _base()
    text = f'"1":{_compact(record)}'
    assert list_text(text) is not None
    decode_session(record, text, seen)
    assert seen.lists, "the good list is remembered by its text"
    return seen


def _agrees(text: str, seen: Seen) -> None:
    """Decoding the record ``text`` holds, with ``seen``, does what the careful path does."""
    record = json.loads("{" + text + "}")["1"]
    try:
        careful: SessionResult | None = codec._decode_session_checked(record)
    except SchemaError:
        careful = None
    if careful is None:
        with pytest.raises(SchemaError):
            decode_session(record, text, seen)
    else:
        _same(decode_session(record, text, seen), careful)


def _with_members(*members: str) -> str:
    """A record's text: the good record's members, then ``members`` in place of its list."""
    rest = {k: v for k, v in _base().items() if k != "exercises"}
    body = ",".join(f"{_compact(k)}:{_compact(v)}" for k, v in rest.items())
    return '"1":{' + ",".join([body, *members]) + "}"


_DECOY = f'{_compact(GOOD)},"form":"steady"'  # the remembered text, as it ends there
MISLEADING = {
    # JSON keeps the last of two equal names; the text's first one is the good list.
    "a second list": [f'"exercises":{_DECOY}', f'"exercises":{_compact(BAD)}'],
    "a nested list first": [f'"extra":{{"exercises":{_DECOY}}}', f'"exercises":{_compact(BAD)}'],
    "an escaped name": [f'"exer\\u0063ises":{_compact(BAD)}', f'"extra":{{"exercises":{_DECOY}}}'],
    "a spaced colon": [f'"exercises" :{_compact(BAD)}', f'"extra":{{"exercises":{_DECOY}}}'],
    "a spaced value": [f'"exercises": {_compact(BAD)}', f'"extra":{{"exercises":{_DECOY}}}'],
    "a quote in a name": [f'"x\\"exercises":{_DECOY}', f'"exercises":{_compact(BAD)}'],
}  # fmt: skip


@pytest.mark.parametrize("members", MISLEADING.values(), ids=list(MISLEADING))
def test_a_misleading_text_never_lends_a_remembered_list(members: list[str]) -> None:
    text = _with_members(*members)
    record = json.loads("{" + text + "}")["1"]
    assert record["exercises"] == BAD  # what JSON reads, whatever the text shows first
    _agrees(text, _warm())


def test_a_remembered_list_is_found_again_by_its_text() -> None:
    seen = _warm()
    text = f'"2":{_compact(_base())}'
    record = json.loads("{" + text + "}")["2"]
    first = decode_session(record, text, seen)
    again = decode_session(json.loads("{" + text + "}")["2"], text, seen)
    assert again.exercises is first.exercises


def test_a_quote_in_a_string_turns_the_text_away() -> None:
    record = _base()
    record["level_id"] = 'x","form":"steady","exercises":[]'
    text = f'"1":{_compact(record)}'
    assert list_text(text) is None
    _agrees(text, _warm())


@settings(max_examples=300, deadline=None)
@given(result=session_results(), where=spots, value=json_values, spaced=st.booleans())
def test_sharing_never_changes_a_spoiled_record(
    result: SessionResult, where: str | int, value: object, spaced: bool
) -> None:
    """A load that met the good record first decodes the spoiled one as if it had not."""
    record: dict[str, Any] = json.loads(_compact(encode_session(1, result, 10)))
    seen = Seen()
    good = f'"1":{_compact(record)}'
    _same(decode_session(record, good, seen), codec._decode_session_checked(record))
    _spoil_first(record, where, value)
    text = json.dumps(record, separators=(", ", ": ") if spaced else (",", ":"))
    _agrees(f'"1":{text}', seen)
