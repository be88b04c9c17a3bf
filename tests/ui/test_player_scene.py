"""A whole level played through the real player scene, headless, on a fake clock."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

import pygame
import pytest

from game.clock import FakeClock
from game.content import assets_dir
from game.content.model import Content
from game.session.events import BreatheIn, BreatheOut, LevelCompleted, PhaseStarted
from game.session.result import Form, Pain, SessionResult
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import SceneStack
from game.ui.scenes.checkin import SHARP_PAIN_ADVICE, CheckInScene
from game.ui.scenes.pause import ConfirmScene, PauseScene
from game.ui.scenes.player_scene import PlayerScene, PlayRequest
from game.ui.theme import Theme

STEP = 1 / 120


def _ctx(content: Content, time_scale: float = 1.0) -> AppContext:
    return AppContext(
        Theme(assets_dir() / "fonts"), SceneStack(), FakeClock(), content, time_scale=time_scale
    )


def _start(ctx: AppContext, scene: PlayerScene, results: list[SessionResult] | None = None) -> None:
    ctx.scenes.push(scene, on_result=None if results is None else results.append)
    ctx.scenes.apply_pending()


def _run(ctx: AppContext, scene: PlayerScene, screen: pygame.Surface, limit: float) -> float:
    """Step until the scene hands over to the check-in; returns logic seconds used."""
    t = 0.0
    steps = 0
    while ctx.scenes.top is scene and t < limit:
        scene.update(STEP)
        assert isinstance(ctx.clock, FakeClock)
        ctx.clock.advance(STEP)
        t += STEP
        steps += 1
        if steps % 600 == 0:
            scene.draw(screen)  # drawing mid-level never fails and never changes state
        ctx.scenes.apply_pending()
    return t


def test_whole_level_emits_every_event_in_order_at_its_time(
    content: Content, screen: pygame.Surface
) -> None:
    level = content.stage_levels("stabilize")[0]
    results: list[SessionResult] = []
    ctx = _ctx(content)
    scene = PlayerScene(ctx, PlayRequest(level))
    _start(ctx, scene, results)
    total = scene.timeline.total
    used = _run(ctx, scene, screen, limit=total + 5)

    expected = list(scene.timeline.events)
    got = scene.log
    assert [type(e).__name__ for e in got] == [type(e).__name__ for e in expected]
    for want, have in zip(expected, got, strict=True):
        assert have == want
        assert have.t == pytest.approx(want.t, abs=1e-9)
    assert all(a.t <= b.t for a, b in itertools.pairwise(got))
    assert isinstance(got[0], PhaseStarted)
    assert isinstance(got[-1], LevelCompleted)
    assert got[-1].t == pytest.approx(total)
    assert used == pytest.approx(total, abs=STEP + 1e-6)
    assert any(isinstance(e, BreatheIn) for e in got) and any(
        isinstance(e, BreatheOut) for e in got
    )

    # The form and pain check follows, then the result comes back.
    check = ctx.scenes.top
    assert isinstance(check, CheckInScene)
    assert [m.exercise_id for m in check.moves] == list(scene.timeline.exercise_ids())
    check.handle(Action(Act.CONFIRM))  # one key: every move steady, right, no pain
    ctx.scenes.apply_pending()
    assert results, "the result was handed on"
    result = results[0]
    assert result.completed and result.form is Form.STEADY and result.pain is Pain.NONE
    assert result.level_id == level.id
    assert result.active_seconds == pytest.approx(total, abs=1e-6)
    assert result.total_seconds_held > 0


def test_pause_stops_exercise_time_and_quit_asks_first(
    content: Content, screen: pygame.Surface
) -> None:
    level = content.stage_levels("stabilize")[0]
    results: list[SessionResult] = []
    ctx = _ctx(content)
    scene = PlayerScene(ctx, PlayRequest(level))
    _start(ctx, scene, results)
    for _ in range(240):
        scene.update(STEP)
    before = scene.player.position
    scene.handle(Action(Act.PAUSE))
    ctx.scenes.apply_pending()
    pause = ctx.scenes.top
    assert isinstance(pause, PauseScene)
    for _ in range(600):  # the app only updates the top scene; the level is frozen
        pause.update(STEP)
    assert scene.player.position == before
    pause.draw(screen)
    # Quit asks for confirmation; "no" goes back to the pause menu.
    pause.handle(Action(Act.SHORTCUT, text="q"))
    ctx.scenes.apply_pending()
    confirm = ctx.scenes.top
    assert isinstance(confirm, ConfirmScene)
    confirm.handle(Action(Act.SHORTCUT, text="y"))
    ctx.scenes.apply_pending()
    ctx.scenes.apply_pending()
    check = ctx.scenes.top
    assert isinstance(check, CheckInScene) and not check.completed
    check.handle(Action(Act.DOWN))  # the first move
    check.handle(Action(Act.SHORTCUT, text="2"))  # a bit wobbly
    check.handle(Action(Act.SHORTCUT, text="9"))  # sharp pain
    check.handle(Action(Act.PREV))
    check.handle(Action(Act.PREV))  # round to "Save these answers"
    check.handle(Action(Act.CONFIRM))  # sharp pain: advice first
    assert check.step == "advice"
    check.draw(screen)
    assert SHARP_PAIN_ADVICE
    check.handle(Action(Act.CONFIRM))
    ctx.scenes.apply_pending()
    result = results[0]
    assert not result.completed
    assert result.pain is Pain.SHARP and result.form is Form.WOBBLY
    first = result.ratings[0]
    assert (first.form, first.pain) == (Form.WOBBLY, Pain.SHARP)
    assert all(r.pain is Pain.NONE for r in result.ratings[1:])
    assert result.active_seconds == pytest.approx(before, abs=1e-6)


def test_time_scale_runs_the_session_faster_but_records_exercise_time(
    content: Content, screen: pygame.Surface
) -> None:
    level = content.stage_levels("stabilize")[0]
    results: list[SessionResult] = []
    ctx = _ctx(content, time_scale=20.0)
    scene = PlayerScene(ctx, PlayRequest(level))
    _start(ctx, scene, results)
    total = scene.timeline.total
    used = _run(ctx, scene, screen, limit=total)
    assert used == pytest.approx(total / 20.0, abs=2 * STEP)
    assert [e.t for e in scene.log] == [e.t for e in scene.timeline.events]


def test_the_player_screen_redraws_about_30_times_a_second(content: Content) -> None:
    level = content.stage_levels("stabilize")[0]
    ctx = _ctx(content)
    scene = PlayerScene(ctx, PlayRequest(level))
    _start(ctx, scene)
    draws = 0
    for _ in range(120 * 10):  # ten seconds of logic steps
        scene.dirty = False
        scene.update(STEP)
        draws += scene.dirty
    # 30 per second, plus at most one extra for each event second (ticks, breaths)
    assert 300 <= draws <= 300 + 3 * 10


@pytest.mark.parametrize("jump_hours", [-24, -1, 30], ids=["back-a-day", "back-an-hour", "ahead"])
def test_a_wall_clock_changed_mid_level_still_records_a_sane_session(
    content: Content, screen: pygame.Surface, jump_hours: int
) -> None:
    """The player finishes a level after the computer's clock was changed during it."""
    level = content.stage_levels("stabilize")[0]
    results: list[SessionResult] = []
    zone = timezone(timedelta(hours=2))
    ctx = AppContext(
        Theme(assets_dir() / "fonts"),
        SceneStack(),
        FakeClock(start_utc=datetime(2026, 3, 10, 7, 0, tzinfo=timezone.utc), tz=zone),
        content,
    )
    clock = ctx.clock
    assert isinstance(clock, FakeClock)
    scene = PlayerScene(ctx, PlayRequest(level))
    _start(ctx, scene, results)
    for _ in range(int(60 / STEP)):  # a minute in, the clock is changed
        scene.update(STEP)
        clock.advance(STEP)
    clock.utc = clock.utc + timedelta(hours=jump_hours)
    _run(ctx, scene, screen, limit=scene.timeline.total + 5)
    check = ctx.scenes.top
    assert isinstance(check, CheckInScene)
    check.handle(Action(Act.CONFIRM))
    check.handle(Action(Act.CONFIRM))
    ctx.scenes.apply_pending()

    (result,) = results
    assert result.ended_at == clock.now_utc()
    assert result.local_date == clock.local_now().date()
    assert result.utc_offset_minutes == 120
    played = (result.ended_at - result.started_at).total_seconds()
    assert played == pytest.approx(scene.timeline.total, abs=1.0)
