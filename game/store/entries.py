"""The exercise entries of saved sessions, each different one checked and built once.

Ten years of daily play hold over 30,000 exercise entries but only a few
thousand different ones, and a few thousand different lists of them (a level
played at one dose), so loading a save keeps what it has decoded in a
``Seen``: an entry or a whole list equal to one already decoded is that same
immutable object. A ``Seen`` lives for one load, so nothing is kept between
saves and a first load costs what every load costs.

Equal is not the same as alike for JSON values: ``true == 1``, ``false == 0``
and ``30 == 30.0``. An entry is therefore looked up only when its fields have
the types the encoder writes, and a whole list only by its exact source text
(see ``list_text``), which tells all of these apart.

Everything here is the decoder's fast path (``game.store.codec``): None means
"not here", and the careful path then decides and says what is wrong.
"""

from __future__ import annotations

from typing import Any

from game.session.prechecked import exercise_from_checked
from game.session.ratings import MoveRating
from game.session.result import ExerciseResult, Side
from game.store.bounds import MAX_COUNT, MAX_SECONDS

_SIDES = {member.value: member for member in Side}
_BUILD = exercise_from_checked
_KEY = '"exercises"'
_MEMBER = '"exercises":'
_NEXT = ',"form":'  # the member the encoder writes after the entries


class Seen:
    """What one load has decoded so far, by stored value or stored text."""

    __slots__ = ("entries", "lists", "ratings")

    def __init__(self) -> None:
        self.entries: dict[tuple[Any, ...], ExerciseResult] = {}
        self.lists: dict[str, tuple[ExerciseResult, ...]] = {}
        self.ratings: dict[str, MoveRating] = {}


def list_text(record_text: str) -> str | None:
    """The source text of a record's exercise list (and maybe more after it), or None.

    ``record_text`` is the record's own text as loaded (``"7":{...}``). The
    text is used only when it cannot mislead: with no backslash anywhere in the
    record, every member name is spelled out and no string holds a quote; with
    the name ``"exercises"`` written exactly once, that is the record's own
    member (not a duplicate, an escaped name or one nested in another field),
    and it is followed directly by its colon. The text then runs from the
    value to the next ``,"form":``. No valid entry can hold that sequence (a
    string would need a quote in it), so the text holds the whole list, and
    possibly other members after it, which is harmless: the list is the first
    JSON value of the text, so equal texts always begin with equal lists.
    """
    if "\\" in record_text or record_text.count(_KEY) != 1:
        return None
    start = record_text.find(_MEMBER)
    if start < 0:
        return None
    start += len(_MEMBER)
    end = record_text.find(_NEXT, start)
    return record_text[start:end] if end > start else None


def decode_entries(
    items: object, record_text: str | None, seen: Seen
) -> tuple[ExerciseResult, ...] | None:
    """A record's ``exercises`` value as results, or None when it is anything unusual.

    The checks mirror ``ExerciseResult.__post_init__``; ``tests/store/test_store_decode.py``
    holds them together. ``0 <= x <= MAX`` refuses negatives, NaN, infinities
    and absurdly large numbers (``game.store.bounds``) at once.
    """
    text = list_text(record_text) if record_text is not None else None
    if text is not None:
        known = seen.lists.get(text)
        if known is not None:
            return known
    if type(items) is not list:
        return None
    made: list[ExerciseResult] = []
    add, sides, build, entries = made.append, _SIDES, _BUILD, seen.entries
    for item in items:
        if type(item) is not list or len(item) != 6:
            return None
        key = None  # only entries of the types the encoder writes are looked up and kept
        if (
            type(item[2]) is float
            and type(item[3]) is int
            and type(item[4]) is int
            and type(item[5]) is bool
        ):
            try:
                key = tuple(item)
                hit = entries.get(key)
            except TypeError:  # something unhashable inside: the checks below say no
                key = hit = None
            if hit is not None:
                add(hit)
                continue
        exercise_id, side, held, reps, breaths, skipped = item
        kind = type(held)
        if not (
            type(exercise_id) is str
            and exercise_id
            and (kind is float or kind is int)
            and 0 <= held <= MAX_SECONDS
            and type(reps) is int
            and 0 <= reps <= MAX_COUNT
            and type(breaths) is int
            and 0 <= breaths <= MAX_COUNT
            and type(skipped) is bool
        ):
            return None
        entry = build(exercise_id, sides[side], held, reps, breaths, skipped)
        if key is not None:
            entries[key] = entry
        add(entry)
    result = tuple(made)
    if text is not None:
        seen.lists[text] = result
    return result
