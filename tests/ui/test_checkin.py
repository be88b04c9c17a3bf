"""The per-move check-in: one key for a good day, and every answer by mouse or keys."""

from __future__ import annotations

import pygame

from game.clock import FakeClock
from game.content import assets_dir
from game.content.model import Content
from game.session.ratings import Effort
from game.session.result import Form, Pain
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene, SceneStack
from game.ui.scenes.checkin import CheckInAnswer, CheckInMove, CheckInScene
from game.ui.theme import Theme

MOVES = [
    CheckInMove("dead_bug", "Dead bug", "2 x 5 reps"),
    CheckInMove("side_plank", "Side plank", "2 x 25 s"),
    CheckInMove("glute_bridge_hold", "Glute bridge hold", "3 x 15 s"),
]


class _Below(Scene):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.got: object = None

    def take(self, answer: CheckInAnswer) -> None:
        self.got = answer


def _open(content: Content) -> tuple[_Below, CheckInScene]:
    ctx = AppContext(Theme(assets_dir() / "fonts"), SceneStack(), FakeClock(), content)
    below = _Below(ctx)
    ctx.scenes.push(below)
    check = CheckInScene(ctx, moves=MOVES)
    ctx.scenes.push(check, on_result=below.take)
    ctx.scenes.apply_pending()
    return below, check


def _answer(below: _Below, check: CheckInScene) -> CheckInAnswer:
    check.ctx.scenes.apply_pending()
    assert isinstance(below.got, CheckInAnswer)
    return below.got


def test_one_key_rates_every_move_all_good(content: Content, screen: pygame.Surface) -> None:
    below, check = _open(content)
    check.draw(screen)
    check.handle(Action(Act.CONFIRM))
    got = _answer(below, check)
    assert got.form is Form.STEADY and got.pain is Pain.NONE
    assert got.moves == {m.exercise_id: (Form.STEADY, Effort.RIGHT, Pain.NONE) for m in MOVES}


def test_the_mouse_picks_any_answer(content: Content, screen: pygame.Surface) -> None:
    below, check = _open(content)
    boxes = check.hit_boxes(check.ctx.size)
    # Side plank (row 2): too hard (effort, third choice) and mild (pain, second choice).
    for col in (5, 7):
        check.handle(Action(Act.CLICK, pos=boxes[(2, col)].center))
    check.draw(screen)
    check.handle(Action(Act.CLICK, pos=boxes[(len(MOVES) + 1, -1)].center))  # save
    got = _answer(below, check)
    assert got.moves["side_plank"] == (Form.STEADY, Effort.HARD, Pain.MILD)
    assert got.moves["dead_bug"] == (Form.STEADY, Effort.RIGHT, Pain.NONE)
    assert got.pain is Pain.MILD and got.form is Form.STEADY


def test_keys_alone_reach_every_answer(content: Content, screen: pygame.Surface) -> None:
    below, check = _open(content)
    for act in (Act.DOWN, Act.DOWN, Act.DOWN):  # the third move
        check.handle(Action(act))
    for _ in range(2):
        check.handle(Action(Act.RIGHT))  # form: lost it
    check.handle(Action(Act.CONFIRM))
    check.handle(Action(Act.SHORTCUT, text="4"))  # effort: too easy
    check.handle(Action(Act.DOWN))  # "Save these answers"
    check.draw(screen)
    check.handle(Action(Act.CONFIRM))
    got = _answer(below, check)
    assert got.moves["glute_bridge_hold"] == (Form.LOST, Effort.EASY, Pain.NONE)
    assert got.form is Form.LOST


def test_sharp_pain_on_any_move_shows_the_advice_first(
    content: Content, screen: pygame.Surface
) -> None:
    below, check = _open(content)
    check.handle(Action(Act.DOWN))
    check.handle(Action(Act.SHORTCUT, text="9"))  # the dead bug hurt
    for _ in range(3):
        check.handle(Action(Act.NEXT))  # on to "Save these answers"
    check.handle(Action(Act.CONFIRM))
    assert below.got is None
    assert check.step == "advice"
    check.draw(screen)
    check.handle(Action(Act.CONFIRM))
    assert _answer(below, check).pain is Pain.SHARP


def test_the_camera_pre_fills_the_form_and_the_player_may_change_it(
    content: Content, screen: pygame.Surface
) -> None:
    ctx = AppContext(Theme(assets_dir() / "fonts"), SceneStack(), FakeClock(), content)
    below = _Below(ctx)
    ctx.scenes.push(below)
    seen = [
        CheckInMove("dead_bug", "Dead bug", "2 x 5 reps", measured=Form.WOBBLY),
        CheckInMove("side_plank", "Side plank", "2 x 25 s", measured=Form.STEADY),
        CheckInMove("glute_bridge_hold", "Glute bridge hold", "3 x 15 s"),
    ]
    check = CheckInScene(ctx, moves=seen)
    ctx.scenes.push(check, on_result=below.take)
    ctx.scenes.apply_pending()
    check.draw(screen)  # the row says what the camera saw
    assert check.answers["dead_bug"][0] is Form.WOBBLY
    assert check.answers["side_plank"][0] is Form.STEADY
    assert check.answers["glute_bridge_hold"][0] is Form.STEADY
    check.pick(0, 0)  # the player rates the dead bug steady after all
    check.save()
    got = _answer(below, check)
    assert got.moves["dead_bug"][0] is Form.STEADY
