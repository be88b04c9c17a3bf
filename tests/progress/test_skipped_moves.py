"""A skipped move is not a played move, and "lost it" opens nothing.

These ran the other way before: skipping every exercise of all six stage-1
levels and answering "steady, no pain" mastered them and opened stage 2, and
the next level of a stage opened after "I lost it".
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from progress_fixtures import play, rec

from game.content import load_content
from game.content.model import Content
from game.progress.unlocks import compute_unlocks
from game.session.result import ExerciseResult, Form

DAY = date(2026, 5, 4)


@pytest.fixture(scope="module")
def shipped() -> Content:
    return load_content()


def _skipped_everything(content: Content, level_id: str) -> tuple[ExerciseResult, ...]:
    steps = content.levels[level_id].all_steps()
    return tuple(ExerciseResult(s.exercise, skipped=True) for s in steps)


def test_skipping_every_move_of_stage_one_masters_nothing(shipped: Content) -> None:
    history = []
    for n in range(5):  # more than enough different days
        for lid in [lv.id for lv in shipped.stage_levels("stabilize")]:
            work = _skipped_everything(shipped, lid)
            result = play(lid, DAY + timedelta(days=n), exercises=work, content=shipped)
            history.append(rec(result, shipped))
    u = compute_unlocks(shipped, history)
    assert not u.mastered_levels & {lv.id for lv in shipped.stage_levels("stabilize")}
    assert not u.is_stage_open("movement")
    assert not u.is_level_open("stabilize_02"), "a level of skipped moves is not completed"


def test_skipping_through_real_play_masters_nothing(shipped: Content) -> None:
    from walk_helpers import new_player, next_day, play_level

    data, clock = new_player(shipped, "Skip")
    level = shipped.levels["stabilize_01"]
    for _ in range(4):
        outcome, _minutes = play_level(data, clock, level, skip_all=True)
        assert outcome.result.total_seconds_held == 0
        next_day(clock)
    assert "stabilize_01" not in data.unlocks().completed_levels
    assert not data.unlocks().is_level_open("stabilize_02")


def test_lost_it_does_not_open_the_next_level(shipped: Content) -> None:
    lost = rec(play("stabilize_01", DAY, form=Form.LOST, content=shipped), shipped)
    u = compute_unlocks(shipped, [lost])
    assert not u.is_level_open("stabilize_02")
    assert "stabilize_01" not in u.completed_levels


def test_a_move_played_under_half_its_dose_counts_as_not_played(shipped: Content) -> None:
    import dataclasses

    from game.progress.moves import main_moves
    from game.session.ratings import MoveRating

    level = shipped.levels["stabilize_01"]
    work = tuple(ExerciseResult(s.exercise, seconds_held=30.0) for s in level.all_steps())
    moves = main_moves(level)
    cut = {moves[0]: 0.4}
    ratings = tuple(MoveRating(e, share=cut.get(e, 1.0)) for e in dict.fromkeys(
        s.exercise for s in level.all_steps()
    ))  # fmt: skip
    short = play("stabilize_01", DAY, exercises=work, content=shipped)
    short = dataclasses.replace(short, ratings=ratings)
    assert "stabilize_01" not in compute_unlocks(shipped, [rec(short, shipped)]).completed_levels
    full = dataclasses.replace(
        short, ratings=tuple(dataclasses.replace(r, share=0.5) for r in ratings)
    )
    assert "stabilize_01" in compute_unlocks(shipped, [rec(full, shipped)]).completed_levels


def test_the_map_counts_steady_days_toward_mastery(shipped: Content) -> None:
    from game.ui.scenes.level_map import steady_words

    plays = [
        rec(play("stabilize_01", DAY + timedelta(days=n), content=shipped), shipped)
        for n in (0, 0, 1)
    ]
    u = compute_unlocks(shipped, plays)
    assert u.steady_progress("stabilize_01") == (2, 3)
    assert "2 of 3 steady days" in steady_words(2, 3)
    assert u.is_level_open("stabilize_02") and "stabilize_01" not in u.mastered_levels
