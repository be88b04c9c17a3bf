"""The per-move check-in: one key for a good day, and every answer by mouse or keys."""

from __future__ import annotations

from harness import Harness

from game.session.ratings import Effort
from game.session.result import Form, Pain
from game.ui.scene import Scene
from game.ui.scenes.checkin import CheckInAnswer, CheckInMove, CheckInScene

MOVES = [
    CheckInMove("dead_bug", "Dead bug", "2 x 5 reps"),
    CheckInMove("side_plank", "Side plank", "2 x 25 s"),
    CheckInMove("glute_bridge_hold", "Glute bridge hold", "3 x 15 s"),
]


def _open(h: Harness, moves: list[CheckInMove] = MOVES) -> tuple[list[CheckInAnswer], CheckInScene]:
    """The check-in over another screen; the list receives what it is dismissed with."""
    answers: list[CheckInAnswer] = []
    h.push(Scene(h.ctx))
    check = h.push(CheckInScene(h.ctx, moves=moves), on_result=answers.append)
    return answers, check


def test_one_key_rates_every_move_all_good(harness: Harness) -> None:
    answers, check = _open(harness)
    harness.draw()
    harness.press("return")
    (got,) = answers
    assert harness.top is not check
    assert got.form is Form.STEADY and got.pain is Pain.NONE
    assert got.moves == {m.exercise_id: (Form.STEADY, Effort.RIGHT, Pain.NONE) for m in MOVES}


def test_the_mouse_picks_any_answer(harness: Harness) -> None:
    answers, check = _open(harness)
    boxes = check.hit_boxes(check.ctx.size)
    # Side plank (row 2): too hard (effort, third choice) and mild (pain, second choice).
    for col in (5, 7):
        harness.click(boxes[(2, col)].center)
    harness.draw()
    harness.click(boxes[(len(MOVES) + 1, -1)].center)  # save
    (got,) = answers
    assert got.moves["side_plank"] == (Form.STEADY, Effort.HARD, Pain.MILD)
    assert got.moves["dead_bug"] == (Form.STEADY, Effort.RIGHT, Pain.NONE)
    assert got.pain is Pain.MILD and got.form is Form.STEADY


def test_keys_alone_reach_every_answer(harness: Harness) -> None:
    answers, _ = _open(harness)
    harness.press("down", "down", "down")  # the third move
    harness.press("right", "right")  # form: lost it
    harness.press("return")
    harness.press("4")  # effort: too easy
    harness.press("down")  # "Save these answers"
    harness.draw()
    harness.press("return")
    (got,) = answers
    assert got.moves["glute_bridge_hold"] == (Form.LOST, Effort.EASY, Pain.NONE)
    assert got.form is Form.LOST


def test_sharp_pain_on_any_move_shows_the_advice_first(harness: Harness) -> None:
    answers, check = _open(harness)
    harness.press("down")
    harness.press("9")  # the dead bug hurt
    harness.press("tab", "tab", "tab")  # on to "Save these answers"
    harness.press("return")
    assert answers == []
    assert check.step == "advice"
    harness.draw()
    harness.press("return")
    assert answers[0].pain is Pain.SHARP


def test_the_camera_pre_fills_the_form_and_the_player_may_change_it(harness: Harness) -> None:
    seen = [
        CheckInMove("dead_bug", "Dead bug", "2 x 5 reps", measured=Form.WOBBLY),
        CheckInMove("side_plank", "Side plank", "2 x 25 s", measured=Form.STEADY),
        CheckInMove("glute_bridge_hold", "Glute bridge hold", "3 x 15 s"),
    ]
    answers, check = _open(harness, seen)
    harness.draw()  # the row says what the camera saw
    assert check.answers["dead_bug"][0] is Form.WOBBLY
    assert check.answers["side_plank"][0] is Form.STEADY
    assert check.answers["glute_bridge_hold"][0] is Form.STEADY
    check.pick(0, 0)  # the player rates the dead bug steady after all
    check.save()
    harness.settle()
    (got,) = answers
    assert got.moves["dead_bug"][0] is Form.STEADY
