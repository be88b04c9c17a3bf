"""Per-move check-ins in a session record, both ways.

Kept beside ``game.store.codec`` rather than in it: a session record gains one
optional key, ``ratings``, a list of short lists ``[exercise_id, form, effort,
pain, sets, amount, measured_form, share]``, or just ``[exercise_id, sets,
amount]`` for the commonest rating (steady, right, no pain, all of it done,
nothing measured): most ratings are that one, and a ten-year save opens faster
for being smaller. Saves made before per-move check-ins have
no such key and decode to no ratings; their level-wide form and pain then stand
for every move (``game.progress.moves``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from game.session.ratings import Effort, MoveRating
from game.session.result import Form, Pain
from game.store.errors import InvalidValue, SchemaError

_FORMS = {m.value: m for m in Form}
_PAINS = {m.value: m for m in Pain}
_EFFORTS = {m.value: m for m in Effort}
#: More ratings than any level has moves: a damaged record.
MAX_RATINGS = 200
_FIELDS = 8
_SHORT = 3  # [exercise_id, sets, amount]: steady, right, no pain, all done


def encode_ratings(ratings: tuple[MoveRating, ...]) -> list[list[Any]]:
    """The ratings as plain JSON lists, after checking what the dataclass leaves open."""
    if len(ratings) > MAX_RATINGS:
        raise InvalidValue(f"a session holds at most {MAX_RATINGS} move ratings")
    out: list[list[Any]] = []
    for r in ratings:
        if not isinstance(r.exercise_id, str) or not r.exercise_id:
            raise InvalidValue("a move rating's exercise_id must be text")
        measured = None if r.measured_form is None else Form(r.measured_form).value
        if r.all_good and r.effort is Effort.RIGHT and measured is None and r.share == 1.0:
            out.append([r.exercise_id, int(r.sets), float(r.amount)])
            continue
        out.append(
            [
                r.exercise_id,
                Form(r.form).value,
                Effort(r.effort).value,
                Pain(r.pain).value,
                int(r.sets),
                float(r.amount),
                measured,
                float(r.share),
            ]
        )
    return out


#: Decoded ratings by their stored values. A ten-year save holds tens of thousands
#: of ratings but few different ones (a move, all good, at one dose), and a rating
#: is immutable, so each different one is checked and built once per run.
_SEEN: dict[tuple[Any, ...], MoveRating] = {}
_SEEN_MAX = 50_000


def decode_ratings(record: Mapping[str, Any]) -> tuple[MoveRating, ...]:
    """The ratings of a session record; none when the record predates them."""
    items = record.get("ratings")
    if items is None:
        return ()
    if type(items) is not list or len(items) > MAX_RATINGS:
        raise SchemaError(f"ratings must be a list of at most {MAX_RATINGS} entries")
    seen = _SEEN
    out: list[MoveRating] = []
    for n, item in enumerate(items, 1):
        # Equal keys must decode alike: 1 and 1.0 do (amount and share become floats),
        # but True equals 1, so a key is used only when its whole-number field is an int.
        if type(item) is list and (
            (len(item) == _FIELDS and type(item[4]) is int)
            or (len(item) == _SHORT and type(item[1]) is int)
        ):
            key = tuple(item)
            try:
                known = seen.get(key)
            except TypeError:  # a list or mapping inside: not a rating, say why below
                out.append(_decode_one(item, n))
                continue
            if known is None:
                if len(seen) >= _SEEN_MAX:
                    seen.clear()
                known = seen[key] = _decode_one(item, n)
            out.append(known)
        else:
            out.append(_decode_one(item, n))
    return tuple(out)


def _decode_one(item: object, number: int) -> MoveRating:
    where = f"rating {number}"
    if type(item) is list and len(item) == _SHORT:
        item = [item[0], "steady", "right", "none", item[1], item[2], None, 1.0]
    if type(item) is not list or len(item) != _FIELDS:
        raise SchemaError(f"{where} must be a list of {_SHORT} or {_FIELDS} fields")
    exercise_id, form, effort, pain, sets, amount, measured, share = item
    if type(exercise_id) is not str or not exercise_id:
        raise SchemaError(f"{where}: exercise_id must be text")
    if form not in _FORMS or pain not in _PAINS or effort not in _EFFORTS:
        raise SchemaError(f"{where}: form, effort or pain is not a known choice")
    if measured is not None and measured not in _FORMS:
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
