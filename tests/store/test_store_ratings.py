"""Per-move check-ins in the save: they round-trip, old records read without them,
and a damaged rating is refused with the field named."""

from __future__ import annotations

from datetime import date, datetime, timezone

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


@given(RATINGS)
def test_ratings_round_trip(ratings: tuple[MoveRating, ...]) -> None:
    record = encode_session(1, _result(ratings), 10)
    assert ("ratings" in record) == bool(ratings)
    assert decode_session(record) == _result(ratings)


def test_the_commonest_rating_is_stored_short() -> None:
    good = MoveRating("dead_bug", sets=2, amount=10.0)
    record = encode_session(1, _result((good, MoveRating("side_plank", Form.WOBBLY))), 10)
    assert record["ratings"][0] == ["dead_bug", 2, 10.0]
    assert len(record["ratings"][1]) == 8
    assert decode_session(record).ratings[0] == good


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
        ([["dead_bug", "steady", "right", "none", 2, 10.0, "meh", 1.0]], "measured_form"),
        ([["dead_bug", "steady", "right", "none", 2, 10.0, None, 3.0]], "share"),
        ([["", "steady", "right", "none", 2, 10.0, None, 1.0]], "exercise_id"),
        ([["dead_bug", "steady", "right", "none", -1, 10.0, None, 1.0]], "sets"),
    ],
)
def test_a_damaged_rating_is_refused_with_its_field(bad: object, words: str) -> None:
    record = encode_session(1, _result(()), 10)
    record["ratings"] = bad
    with pytest.raises(SchemaError, match=words):
        decode_session(record)


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
