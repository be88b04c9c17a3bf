"""Per-move check-ins in the save: they round-trip, old records read without them,
and a damaged rating is refused with the field named."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.session.ratings import Effort, MoveRating
from game.session.result import Form, Pain, SessionResult
from game.store.codec import decode_session, encode_session
from game.store.errors import SchemaError

T = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)

RATINGS = st.lists(
    st.builds(
        MoveRating,
        st.sampled_from(["dead_bug", "side_plank", "bird_dog"]),
        st.sampled_from(list(Form)),
        st.sampled_from(list(Effort)),
        st.sampled_from(list(Pain)),
        st.integers(0, 10),
        st.floats(0, 600, allow_nan=False),
        st.none() | st.sampled_from(list(Form)),
        st.floats(0, 1, allow_nan=False),
    ),
    max_size=8,
).map(tuple)


def _result(ratings: tuple[MoveRating, ...]) -> SessionResult:
    return SessionResult("stabilize_01", date(2026, 3, 1), T, T, 0, ratings=ratings)


def _through_json(record: dict[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(json.dumps(record))
    return loaded


@given(RATINGS)
def test_ratings_round_trip(ratings: tuple[MoveRating, ...]) -> None:
    record = encode_session(1, _result(ratings), 10)
    assert ("ratings" in record) == bool(ratings)
    assert decode_session(_through_json(record)) == _result(ratings)


@given(st.lists(st.text(min_size=1, max_size=12), max_size=4))
def test_any_move_id_round_trips(names: list[str]) -> None:
    """Ids from the content have no spaces; any other id is kept all the same."""
    ratings = tuple(MoveRating(name, Form.WOBBLY if n % 2 else Form.STEADY, sets=n)
                    for n, name in enumerate(names))  # fmt: skip
    record = _through_json(encode_session(1, _result(ratings), 10))
    assert decode_session(record) == _result(ratings)


def test_a_rating_is_stored_as_one_short_text() -> None:
    good = MoveRating("dead_bug", sets=2, amount=10.0)
    shaky = MoveRating("side_plank", Form.WOBBLY, Effort.HARD, Pain.MILD, 3, 12.5, None, 0.75)
    seen = MoveRating("bird_dog", measured_form=Form.LOST, sets=1, amount=1e-05)
    record = encode_session(1, _result((good, shaky, seen)), 10)
    assert record["ratings"] == [
        "dead_bug 2 10.0",
        "side_plank wobbly hard mild 3 12.5 - 0.75",
        "bird_dog steady right none 1 1e-05 lost 1.0",
    ]
    assert decode_session(_through_json(record)).ratings == (good, shaky, seen)


def test_a_move_id_with_a_space_is_stored_as_a_list() -> None:
    odd = MoveRating("dead bug", sets=2, amount=10.0)
    record = encode_session(1, _result((odd,)), 10)
    assert record["ratings"] == [["dead bug", "steady", "right", "none", 2, 10.0, None, 1.0]]
    assert decode_session(_through_json(record)).ratings == (odd,)


def test_the_earlier_list_shapes_still_read() -> None:
    record = encode_session(1, _result(()), 10)
    record["ratings"] = [
        ["dead_bug", 2, 10.0],
        ["side_plank", "wobbly", "hard", "none", 3, 12, "steady", 1],
    ]
    assert decode_session(record).ratings == (
        MoveRating("dead_bug", sets=2, amount=10.0),
        MoveRating("side_plank", Form.WOBBLY, Effort.HARD, Pain.NONE, 3, 12.0, Form.STEADY),
    )


def test_a_record_without_ratings_reads_as_before() -> None:
    record = encode_session(1, _result(()), 10)
    assert "ratings" not in record
    assert decode_session(record).ratings == ()


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("nope", "ratings must be a list"),
        ([["dead_bug", "steady", "right", "none", 2, 10.0, None]], "3 or 8 fields"),
        ([["dead_bug", True, 10.0]], "sets"),
        ([["dead_bug", 2, "ten"]], "amount"),
        ([["dead_bug", "solid", "right", "none", 2, 10.0, None, 1.0]], "known choice"),
        ([["dead_bug", ["steady"], "right", "none", 2, 10.0, None, 1.0]], "known choice"),
        ([["dead_bug", "steady", "right", "none", 2, 10.0, "meh", 1.0]], "measured_form"),
        ([["dead_bug", "steady", "right", "none", 2, 10.0, None, 3.0]], "share"),
        ([["", "steady", "right", "none", 2, 10.0, None, 1.0]], "exercise_id"),
        ([["dead_bug", "steady", "right", "none", -1, 10.0, None, 1.0]], "sets"),
        ([5], "rating 1 must be a text or a list"),
        ([None], "rating 1 must be a text or a list"),
        (["dead_bug 2"], "rating 1 must be 3 or 8 fields"),
        (["dead_bug 2 10.0", "dead_bug  2 10.0"], "rating 2 must be 3 or 8 fields"),
        (["dead_bug 2 10.0 "], "3 or 8 fields"),
        (["dead_bug steady right none 2 10.0 -"], "3 or 8 fields"),
        (["dead_bug two 10.0"], "sets"),
        (["dead_bug -1 10.0"], "sets"),
        (["dead_bug 1001 10.0"], "sets must be 0 to 1000"),
        (["dead_bug 9999999999999 10.0"], "sets"),
        (["dead_bug \u0662 10.0"], "sets"),
        (["dead_bug 2 ten"], "amount"),
        (["dead_bug 2 nan"], "amount"),
        (["dead_bug 2 inf"], "amount"),
        (["dead_bug 2 1e999"], "amount must be 0 to 100000"),
        (["dead_bug 2 1_0.0"], "amount"),
        (["dead_bug 2 -5.0"], "amount"),
        (["dead_bug 2 10.0 extra"], "3 or 8 fields"),
        (["dead_bug solid right none 2 10.0 - 1.0"], "known choice"),
        (["dead_bug steady right none 2 10.0 meh 1.0"], "measured_form"),
        (["dead_bug steady right none 2 10.0 - 3.0"], "share"),
        (["dead_bug steady right none 2 10.0 - 1e0x"], "share"),
        ([" 2 10.0"], "exercise_id"),
    ],
)
def test_a_damaged_rating_is_refused_with_its_field(bad: object, words: str) -> None:
    record = encode_session(1, _result(()), 10)
    record["ratings"] = bad
    for _ in range(2):  # a text refused once is refused again, never remembered
        with pytest.raises(SchemaError, match=words):
            decode_session(record)


def test_a_known_text_beside_a_bad_one_is_still_refused() -> None:
    good = encode_session(1, _result((MoveRating("dead_bug", sets=2, amount=10.0),)), 10)
    assert decode_session(good).ratings  # "dead_bug 2 10.0" is now remembered
    good["ratings"] = [*good["ratings"], ["dead_bug", True, 10.0]]
    with pytest.raises(SchemaError, match="rating 2: sets"):
        decode_session(good)


def test_a_rating_holding_a_list_is_refused_not_a_crash() -> None:
    record = encode_session(1, _result(()), 10)
    record["ratings"] = [["dead_bug", "steady", "right", "none", 2, [1], None, 1.0]]
    with pytest.raises(SchemaError, match="amount"):
        decode_session(record)
    record["ratings"] = [["dead_bug", "steady", "right", "none", True, 10.0, None, 1.0]]
    with pytest.raises(SchemaError, match="sets"):
        decode_session(record)


def test_a_shared_exercise_entry_never_lets_a_wrong_type_through() -> None:
    from game.session.result import ExerciseResult

    good = SessionResult(
        "stabilize_01", date(2026, 3, 1), T, T, 0,
        exercises=(ExerciseResult("dead_bug", seconds_held=10.0, reps=1, breaths=0),),
    )  # fmt: skip
    record = encode_session(1, good, 10)
    assert decode_session(record) == good  # now remembered
    record["exercises"] = [["dead_bug", "both", 10.0, True, 0, False]]  # True equals 1
    with pytest.raises(SchemaError, match="reps"):
        decode_session(record)
    record["exercises"] = [["dead_bug", "both", 10.0, 1, 0, 0]]  # 0 equals False
    with pytest.raises(SchemaError, match="skipped"):
        decode_session(record)
