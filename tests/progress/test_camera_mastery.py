"""With the camera on, mastery and dose growth count only measured-steady moves.

The player's own "steady" is still asked for; a hold the camera measured as
wobbly is never rated up by it, and without a camera nothing changes.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from progress_fixtures import play, rec

from game.content import load_content
from game.content.model import Content
from game.progress.unlocks import compute_unlocks
from game.session.ratings import MoveRating
from game.session.result import ExerciseResult, Form, SessionResult

DAY = date(2026, 5, 4)


@pytest.fixture(scope="module")
def shipped() -> Content:
    return load_content()


def _days(content: Content, measured: Form | None, n: int = 4) -> list[tuple[SessionResult, int]]:
    """``n`` different days of stabilize_01, all rated steady by the player."""
    level = content.levels["stabilize_01"]
    moves = list(dict.fromkeys(s.exercise for s in level.all_steps()))
    work = tuple(ExerciseResult(s.exercise, seconds_held=60.0, reps=20) for s in level.all_steps())
    out = []
    for i in range(n):
        result = play("stabilize_01", DAY + timedelta(days=i), exercises=work, content=content)
        ratings = tuple(
            MoveRating(e, amount=1_000.0, sets=5, measured_form=measured) for e in moves
        )
        out.append(rec(dataclasses.replace(result, ratings=ratings), content))
    return out


def test_a_move_measured_wobbly_is_not_steady_whatever_the_player_says() -> None:
    assert not MoveRating("dead_bug", form=Form.STEADY, measured_form=Form.WOBBLY).steady
    assert not MoveRating("dead_bug", form=Form.STEADY, measured_form=Form.WOBBLY).all_good
    assert not MoveRating("dead_bug", form=Form.WOBBLY, measured_form=Form.STEADY).steady
    assert MoveRating("dead_bug", form=Form.STEADY, measured_form=Form.STEADY).all_good
    assert MoveRating("dead_bug", form=Form.STEADY).all_good  # no camera: the player's word


def test_measured_wobbles_never_master_a_level(shipped: Content) -> None:
    u = compute_unlocks(shipped, _days(shipped, Form.WOBBLY))
    assert "stabilize_01" in u.completed_levels
    assert "stabilize_01" not in u.mastered_levels


@pytest.mark.parametrize("measured", [None, Form.STEADY], ids=["no-camera", "camera-steady"])
def test_steady_days_master_with_or_without_the_camera(
    shipped: Content, measured: Form | None
) -> None:
    u = compute_unlocks(shipped, _days(shipped, measured))
    assert "stabilize_01" in u.mastered_levels
