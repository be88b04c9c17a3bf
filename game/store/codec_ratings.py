"""Per-move check-ins in a session record, both ways.

Kept beside ``game.store.codec`` rather than in it: a session record gains one
optional key, ``ratings``, a list with one short text per move, its fields
separated by single spaces::

    "dead_bug 2 10.0"                          steady, right, no pain, all done
    "dead_bug wobbly hard none 2 10.0 - 1.0"   any other rating

that is ``exercise_id sets amount`` for the commonest rating (steady, right,
no pain, all of it done, nothing measured) and ``exercise_id form effort pain
sets amount measured_form share`` (``-`` for no measured form) for the rest.
A ten-year save holds tens of thousands of ratings but few different texts,
so a text read once in a load is not parsed again, and one string per move
parses much faster than a list of values. A move id with a space in it (never one from
the shipped content) is written as the list of the eight values instead, the
shape development builds wrote before the text; both list shapes (eight
values, or ``[exercise_id, sets, amount]``) still read. Saves made before
per-move check-ins have no such key and decode to no ratings; their
level-wide form and pain then stand for every move (``game.progress.moves``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from game.session.ratings import Effort, MoveRating
from game.session.result import Form, Pain
from game.store.bounds import shown
from game.store.errors import InvalidValue, SchemaError

_FORMS = {m.value: m for m in Form}
_PAINS = {m.value: m for m in Pain}
_EFFORTS = {m.value: m for m in Effort}
#: More ratings than any level has moves: a damaged record.
MAX_RATINGS = 200
_FIELDS = 8
_SHORT = 3  # exercise_id sets amount: steady, right, no pain, all done
_NO_MEASURE = "-"
#: The numbers of a rating text, as ``repr`` writes them (no NaN, no infinity, ASCII).
_WHOLE = re.compile(r"[0-9]{1,12}")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?")


def encode_ratings(ratings: tuple[MoveRating, ...]) -> list[str | list[Any]]:
    """The ratings as their stored texts, after checking what the dataclass leaves open."""
    if len(ratings) > MAX_RATINGS:
        raise InvalidValue(f"a session holds at most {MAX_RATINGS} move ratings")
    out: list[str | list[Any]] = []
    for r in ratings:
        if not isinstance(r.exercise_id, str) or not r.exercise_id:
            raise InvalidValue("a move rating's exercise_id must be text")
        measured = None if r.measured_form is None else Form(r.measured_form).value
        sets, amount, share = int(r.sets), float(r.amount), float(r.share)
        if not (math.isfinite(amount) and math.isfinite(share)):
            raise InvalidValue("a move rating's amount and share must be finite numbers")
        common = r.all_good and r.effort is Effort.RIGHT and measured is None and share == 1.0
        if " " in r.exercise_id:  # the text form could not tell its fields apart
            form, effort, pain = Form(r.form).value, Effort(r.effort).value, Pain(r.pain).value
            out.append([r.exercise_id, form, effort, pain, sets, amount, measured, share])
        elif common:
            out.append(f"{r.exercise_id} {sets} {amount!r}")
        else:
            out.append(
                f"{r.exercise_id} {Form(r.form).value} {Effort(r.effort).value} "
                f"{Pain(r.pain).value} {sets} {amount!r} {measured or _NO_MEASURE} {share!r}"
            )
    return out


def decode_ratings(
    record: Mapping[str, Any], seen: dict[str, MoveRating] | None = None
) -> tuple[MoveRating, ...]:
    """The ratings of a session record; none when the record predates them.

    ``seen`` holds the ratings this load has decoded, by their text (see
    ``game.store.entries``): a ten-year save holds tens of thousands of ratings
    but few different ones (a move, all good, at one dose), and a rating is
    immutable, so each different text is checked and built once. Only texts
    are kept, since equal texts always mean the same rating.
    """
    items = record.get("ratings")
    if items is None:
        return ()
    if type(items) is not list or len(items) > MAX_RATINGS:
        raise SchemaError(f"ratings must be a list of at most {MAX_RATINGS} entries")
    known = seen if seen is not None else {}
    try:  # the usual case: every text seen before
        return tuple(map(known.__getitem__, items))
    except (KeyError, TypeError):  # a new text, a list (the longer shape), anything else
        return tuple(_decode_item(item, n, known) for n, item in enumerate(items, 1))


def _decode_item(item: object, number: int, seen: dict[str, MoveRating]) -> MoveRating:
    if type(item) is not str:
        return _decode_fields(item, number)
    known = seen.get(item)
    if known is None:
        known = seen[item] = _decode_fields(_fields_of(item, number), number)
    return known


def _fields_of(text: str, number: int) -> list[Any]:
    """The eight values of a rating text, numbers read strictly; the checks come after."""
    where = f"rating {number}"
    parts = text.split(" ")
    if len(parts) == _SHORT:
        parts = [parts[0], "steady", "right", "none", parts[1], parts[2], _NO_MEASURE, "1.0"]
    if len(parts) != _FIELDS:
        raise SchemaError(
            f"{where} must be {_SHORT} or {_FIELDS} fields separated by spaces, got {shown(text)}"
        )
    exercise_id, form, effort, pain, sets, amount, measured, share = parts
    if not _WHOLE.fullmatch(sets):
        raise SchemaError(f"{where}: sets must be a whole number from 0 to 1000, got {shown(sets)}")
    for name, value in (("amount", amount), ("share", share)):
        if not _NUMBER.fullmatch(value):
            raise SchemaError(f"{where}: {name} must be a number, got {shown(value)}")
    return [
        exercise_id,
        form,
        effort,
        pain,
        int(sets),
        float(amount),
        None if measured == _NO_MEASURE else measured,
        float(share),
    ]


def _decode_fields(item: object, number: int) -> MoveRating:
    where = f"rating {number}"
    if type(item) is list and len(item) == _SHORT:
        item = [item[0], "steady", "right", "none", item[1], item[2], None, 1.0]
    if type(item) is not list or len(item) != _FIELDS:
        raise SchemaError(f"{where} must be a text or a list of {_SHORT} or {_FIELDS} fields")
    exercise_id, form, effort, pain, sets, amount, measured, share = item
    if type(exercise_id) is not str or not exercise_id:
        raise SchemaError(f"{where}: exercise_id must be text")
    if not all(type(v) is str for v in (form, effort, pain)) or not (
        form in _FORMS and effort in _EFFORTS and pain in _PAINS
    ):
        raise SchemaError(f"{where}: form, effort or pain is not a known choice")
    if measured is not None and (type(measured) is not str or measured not in _FORMS):
        raise SchemaError(f"{where}: measured_form is not a known choice")
    if type(sets) is not int or type(amount) not in (int, float) or type(share) not in (int, float):
        raise SchemaError(f"{where}: sets must be a whole number and amount a number")
    try:
        return MoveRating(
            exercise_id,
            _FORMS[form],
            _EFFORTS[effort],
            _PAINS[pain],
            sets,
            float(amount),
            None if measured is None else _FORMS[measured],
            float(share),
        )
    except ValueError as exc:
        raise SchemaError(f"{where}: {exc}") from None
