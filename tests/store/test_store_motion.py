"""The camera's measurements are saved beside the session and old saves read as before."""

from __future__ import annotations

import dataclasses
import json

import pytest
from store_helpers import fixed_now, make_result

from game.motion.report import MotionReport, Wobble, WobbleKind
from game.session.result import Form, Side
from game.store import SchemaError, memory_store
from game.store.codec import decode_session, encode_session

MEASURED = (
    MotionReport(
        "bird_dog",
        Side.LEFT,
        12.0,
        118,
        0.64,
        Form.WOBBLY,
        (Wobble(5.0, 7.2, WobbleKind.JOLT), Wobble(9.0, 11.5, WobbleKind.DRIFT)),
    ),
    MotionReport("bird_dog", Side.RIGHT, 12.0, 120, 0.97, Form.STEADY),
)


def test_a_measured_session_comes_back_with_both_ratings() -> None:
    result = dataclasses.replace(make_result(1), motion=MEASURED)
    assert result.form is Form.WOBBLY  # the player's own word, for the whole level
    store = memory_store(now=fixed_now)
    pid = store.create_profile("Ana").id
    store.record_session(pid, result, 10)
    again = memory_store(data=store.export_bytes())
    (saved,) = again.sessions(pid)
    assert saved.result == result
    assert saved.result.motion[0].form is Form.WOBBLY
    assert saved.result.motion[1].wobbles == ()


def test_a_session_without_the_camera_is_saved_exactly_as_before() -> None:
    record = encode_session(1, make_result(2), 5)
    assert "motion" not in record
    assert decode_session(record).motion == ()


@pytest.mark.parametrize(
    ("motion", "named"),
    [
        ("lots", "motion: expected a list"),
        ([["bird_dog", "left", 12.0, 100, 1.7, "steady", []]], "motion 1: steadiness"),
        ([["bird_dog", "up", 12.0, 100, 0.5, "steady", []]], "motion 1 side"),
        ([["bird_dog", "left", 12.0, 100, 0.5, "fine", []]], "motion 1 form"),
        ([["bird_dog", "left", 12.0, 1.5, 0.5, "steady", []]], "motion 1 frames"),
        ([["bird_dog", "left", 12.0, 9, 0.5, "steady", [[3, 1, "jolt"]]]], "motion 1"),
        ([["bird_dog", "left", 12.0, 9, 0.5, "steady", [[1, 3, "hop"]]]], "wobble 1 kind"),
        ([["bird_dog", "left", 12.0]], "motion 1: expected a list of 7"),
    ],
)
def test_a_bad_measurement_is_refused_and_named(motion: object, named: str) -> None:
    record = json.loads(json.dumps(encode_session(1, make_result(3), 5)))
    record["motion"] = motion
    with pytest.raises(SchemaError, match=named):
        decode_session(record)


def test_a_measurement_thousands_of_digits_long_is_named_shortly() -> None:
    """Quoting the value whole would raise in str() itself past 4,300 digits."""
    record = json.loads(json.dumps(encode_session(1, make_result(3), 5)))
    record["motion"] = [["bird_dog", "left", 10**5000, 100, 0.5, "steady", []]]
    with pytest.raises(SchemaError, match="motion 1 seconds") as caught:
        decode_session(record)
    assert "digits long" in str(caught.value) and len(str(caught.value)) < 200
