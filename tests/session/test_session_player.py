"""Playing a timeline: events, pause, skip, back, restart, quit and results."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from session_builders import content, exercise, flow, hold, level, reps, step

from game.clock import FakeClock
from game.content.model import Tempo
from game.content.model_animation import AnimationMode
from game.session.breath import BreathPhase
from game.session.events import (
    BreatheOut,
    Event,
    ExerciseSkipped,
    ExerciseStarted,
    Jumped,
    LevelCompleted,
    Paused,
    PhaseStarted,
    Quit,
    RepDone,
    RestStarted,
    Resumed,
    SwitchSides,
    Tick,
)
from game.session.outcome import build_result
from game.session.phases import PhaseKind, Timeline
from game.session.player import SessionPlayer
from game.session.result import Form, Pain, SessionResult, Side
from game.session.settings import SessionSettings
from game.session.timeline import compile_level

NO_INTRO = SessionSettings(get_ready_seconds=0.0, demo_seconds=0.0)


def sample(settings: SessionSettings = NO_INTRO) -> Timeline:
    """a: 2 reps a side, alternating, 6 s each (0-26 s); rest 20 s; b: 10 s hold
    each side (46-78 s); rest 15 s; c: 12 s flow (93-105 s)."""
    c = content(
        [
            exercise("a", reps(2, Tempo(2, 1, 3, 0), setup_seconds=2.0, alternate=True)),
            exercise("b", hold(10, each_side=True, setup_seconds=2.0, switch_seconds=4.0)),
            exercise("c", flow(12)),
        ]
    )
    return compile_level(level([step("a", 20), step("b", 15)], cooldown=[step("c")]), c, settings)


def play(player: SessionPlayer, seconds: float, dt: float = 0.1) -> list[Event]:
    out: list[Event] = []
    for _ in range(round(seconds / dt)):
        out.extend(player.update(dt))
    return out


def run_to_end(player: SessionPlayer, dt: float = 0.25) -> list[Event]:
    out: list[Event] = []
    while not player.finished:
        out.extend(player.update(dt))
    return out


def test_plays_every_scheduled_event_once_in_order() -> None:
    tl = sample(SessionSettings())
    events = run_to_end(SessionPlayer(tl), dt=0.37)
    assert events == list(tl.events)
    assert isinstance(events[-1], LevelCompleted) and events[-1].t == tl.total
    kinds = {type(e) for e in events}
    assert {PhaseStarted, ExerciseStarted, Tick, RepDone, SwitchSides, RestStarted} <= kinds


def test_one_huge_update_still_emits_everything_with_exact_times() -> None:
    tl = sample()
    player = SessionPlayer(tl)
    events = player.update(10_000.0)
    assert events == list(tl.events)
    assert player.finished and player.completed
    assert player.elapsed_exercise_seconds == tl.total


def test_state_queries_follow_the_phase() -> None:
    tl = sample()
    player = SessionPlayer(tl)
    player.update(2.0 + 2.0 + 0.5)  # setup, lift, half a second into the top hold
    assert player.phase.kind is PhaseKind.TOP_HOLD
    assert player.time_left == pytest.approx(0.5)
    assert (player.current_exercise_id, player.next_exercise_id) == ("a", "b")
    assert (player.side, player.set_number, player.rep_number) == (Side.LEFT, 1, 1)
    assert player.guide_u() == 1.0
    assert 0 < player.progress < 1
    player.update(0.5 + 1.5)  # halfway down
    assert player.phase.kind is PhaseKind.LOWER
    assert player.guide_u(eased=False) == pytest.approx(0.5)
    assert player.guide_u() == pytest.approx(0.5)


def test_flow_guide_rises_with_the_breath_in() -> None:
    c = content([exercise("rock", flow(12))])
    player = SessionPlayer(compile_level(level([step("rock")]), c, NO_INTRO))
    player.update(1.0)
    b = player.breath()
    assert b.phase is BreathPhase.IN and b.fraction == pytest.approx(0.5)
    assert player.guide_u() == pytest.approx(0.5)
    player.update(1.0)
    assert player.guide_u() == pytest.approx(1.0)
    player.update(2.0)  # halfway through the breath out
    assert player.breath().phase is BreathPhase.OUT
    assert player.guide_u() == pytest.approx(0.5)


def test_a_loop_flow_takes_a_whole_breath_for_each_half_at_an_even_pace() -> None:
    c = content([exercise("cat", flow(12), mode=AnimationMode.LOOP)])
    player = SessionPlayer(compile_level(level([step("cat")]), c, NO_INTRO))
    cycle = player.timeline.pacer.cycle  # 6 s: 2 in, 4 out
    for t in (1.0, 2.0, 4.0, 6.0, 9.0):
        player.update(t - player.position)
        assert player.guide_u() == pytest.approx((t / (2 * cycle)) % 1.0), t


def test_pause_excludes_paused_time_exactly() -> None:
    tl = sample()
    player = SessionPlayer(tl)
    play(player, 3.0)
    player.pause()
    assert isinstance(player.update(0.1)[0], Paused)
    before = (player.position, player.elapsed_exercise_seconds)
    assert play(player, 30.0) == []
    assert (player.position, player.elapsed_exercise_seconds) == before
    player.resume()
    assert isinstance(player.update(0.0)[0], Resumed)
    run_to_end(player)
    assert player.elapsed_exercise_seconds == pytest.approx(tl.total)


def test_skip_a_rest_ends_just_the_rest() -> None:
    tl = sample()
    player = SessionPlayer(tl)
    events = player.update(27.0)  # into the rest before b
    assert player.phase.kind is PhaseKind.REST and player.phase.skippable
    assert any(isinstance(e, RestStarted) for e in events)
    player.skip()
    events = player.update(0.0)
    assert isinstance(events[0], Jumped)
    assert player.phase.kind is PhaseKind.SETUP and player.current_exercise_id == "b"
    assert any(isinstance(e, ExerciseStarted) and e.exercise_id == "b" for e in events)
    assert not any(r.skipped for r in player.exercise_results())


def test_skip_an_exercise_marks_it_skipped_and_keeps_the_rest_cue() -> None:
    tl = sample()
    player = SessionPlayer(tl)
    player.update(51.0)  # 3 s into b's first hold
    assert player.phase.kind is PhaseKind.HOLD
    player.skip()
    events = player.update(0.0)
    assert any(isinstance(e, ExerciseSkipped) and e.exercise_id == "b" for e in events)
    assert player.phase.kind is PhaseKind.REST and player.phase.next_exercise_id == "c"
    assert not any(isinstance(e, RepDone | SwitchSides) for e in events)
    run_to_end(player)
    results = {(r.exercise_id, r.side): r for r in player.exercise_results()}
    assert results[("b", Side.LEFT)].skipped and results[("b", Side.RIGHT)].skipped
    assert results[("b", Side.LEFT)].seconds_held == pytest.approx(3.0)
    assert results[("b", Side.RIGHT)].seconds_held == 0.0
    assert not results[("a", Side.LEFT)].skipped
    assert player.completed


def test_skip_during_the_intro_skips_only_the_intro_phase() -> None:
    player = SessionPlayer(sample(SessionSettings()))
    player.skip()
    player.update(0.0)
    assert player.phase.kind is PhaseKind.GET_READY
    player.skip()
    player.update(0.0)
    assert player.phase.kind is PhaseKind.SETUP and player.phase.starts_exercise


def test_back_goes_to_the_previous_exercise_and_replaces_its_work() -> None:
    tl = sample()
    player = SessionPlayer(tl)
    play(player, 49.0)  # in b
    player.back()
    player.update(0.0)
    assert player.current_exercise_id == "a" and player.phase.starts_exercise
    run_to_end(player)
    res = {(r.exercise_id, r.side): r for r in player.exercise_results()}
    assert res[("a", Side.LEFT)].reps == 2  # not 4: the redo replaces the first go
    assert res[("a", Side.LEFT)].seconds_held == pytest.approx(12.0)
    assert player.elapsed_exercise_seconds == pytest.approx(49.0 + tl.total)


def test_back_from_a_rest_goes_to_the_exercise_just_done() -> None:
    player = SessionPlayer(sample())
    play(player, 27.0)
    assert player.phase.kind is PhaseKind.REST
    player.back()
    player.update(0.0)
    assert player.current_exercise_id == "a"
    player.back()  # at the first exercise: start it again
    player.update(0.0)
    assert player.current_exercise_id == "a" and player.position == 0.0


def test_restart_exercise_and_quit() -> None:
    tl = sample()
    player = SessionPlayer(tl)
    play(player, 52.0)
    player.restart_exercise()
    player.update(0.0)
    assert player.current_exercise_id == "b" and player.position == 46.0
    play(player, 1.0)
    player.quit()
    events = player.update(1.0)
    assert isinstance(events[-1], Quit)
    assert player.finished and not player.completed
    assert player.update(5.0) == []
    ids = [r.exercise_id for r in player.exercise_results()]
    assert "c" not in ids  # never reached


def test_result_counts_time_under_tension_reps_and_breaths() -> None:
    tl = sample()
    player = SessionPlayer(tl)
    run_to_end(player)
    res = {(r.exercise_id, r.side): r for r in player.exercise_results()}
    # a: per rep lift 2 + hold 1 + lower 3 = 6 s under tension, 2 reps a side
    assert res[("a", Side.LEFT)].seconds_held == pytest.approx(12.0)
    assert res[("a", Side.LEFT)].reps == 2 and res[("a", Side.RIGHT)].reps == 2
    assert res[("b", Side.RIGHT)].seconds_held == pytest.approx(10.0)
    assert res[("c", Side.BOTH)].seconds_held == 0.0  # a flow is movement, not a hold
    outs = sum(1 for e in tl.events if isinstance(e, BreatheOut) and tl[e.phase_index].is_work)
    assert sum(r.breaths for r in res.values()) == outs
    start = datetime(2024, 5, 1, 7, 0, tzinfo=timezone.utc)
    result = player.result(Form.STEADY, Pain.NONE, start, start + timedelta(minutes=2), 60,
                           date(2024, 5, 1))  # fmt: skip
    assert result.completed and result.active_seconds == pytest.approx(tl.total)
    assert result.total_reps == 4 and result.level_id == "test_level"


def test_build_result_uses_the_clock_for_instants_and_day() -> None:
    tz = timezone(timedelta(hours=-5))
    clock = FakeClock(start_utc=datetime(2024, 5, 2, 4, 58, tzinfo=timezone.utc), tz=tz)
    player = SessionPlayer(sample(), clock)
    while not player.finished:
        clock.advance(0.5)
        player.update(0.5)
    result = build_result(player, Form.WOBBLY, Pain.MILD, clock, daily=True)
    assert result.started_at == datetime(2024, 5, 2, 4, 58, tzinfo=timezone.utc)
    assert result.ended_at - result.started_at == timedelta(seconds=sample().total)
    assert result.local_date == date(2024, 5, 1) and result.utc_offset_minutes == -300
    assert (result.form, result.pain, result.daily) == (Form.WOBBLY, Pain.MILD, True)
    easy = SessionPlayer(sample(SessionSettings(prefer_easier=True)), clock)
    assert build_result(easy, Form.STEADY, Pain.NONE, clock).variant == "easier"


def test_skipping_the_last_exercise_completes_the_level() -> None:
    tl = sample()
    player = SessionPlayer(tl)
    player.update(95.0)  # in the closing flow
    assert player.current_exercise_id == "c"
    player.skip()
    events = player.update(0.0)
    assert isinstance(events[-1], LevelCompleted) and player.completed
    res = {r.exercise_id: r for r in player.exercise_results()}
    assert res["c"].skipped and not res["a"].skipped
    assert player.elapsed_exercise_seconds == pytest.approx(95.0)


def test_commands_after_the_end_do_nothing() -> None:
    player = SessionPlayer(sample())
    player.update(1_000.0)
    for command in (player.skip, player.back, player.restart_exercise, player.pause, player.quit):
        command()
    assert player.update(1.0) == [] and player.completed


def _played_with(clock: FakeClock, change: Callable[[FakeClock], None]) -> SessionResult:
    """Play ``sample()`` to its end on ``clock``, applying ``change`` half-way."""
    player = SessionPlayer(sample(), clock)
    half = sample().total / 2
    done = 0.0
    changed = False
    while not player.finished:
        clock.advance(0.5)
        player.update(0.5)
        done += 0.5
        if not changed and done >= half:
            change(clock)
            changed = True
    return build_result(player, Form.STEADY, Pain.NONE, clock)


def _set_back_a_day(clock: FakeClock) -> None:
    clock.utc = clock.utc - timedelta(days=1)


def _jump_ahead_two_days(clock: FakeClock) -> None:
    clock.utc = clock.utc + timedelta(days=2)


def _fly_to_tokyo(clock: FakeClock) -> None:
    clock.tz = ZoneInfo("Asia/Tokyo")


@pytest.mark.parametrize(
    ("change", "start_utc", "zone"),
    [
        (_set_back_a_day, datetime(2024, 5, 2, 0, 1, tzinfo=timezone.utc), "UTC"),
        (_jump_ahead_two_days, datetime(2024, 5, 2, 9, 0, tzinfo=timezone.utc), "UTC"),
        (_fly_to_tokyo, datetime(2024, 5, 2, 9, 0, tzinfo=timezone.utc), "Europe/Berlin"),
        # 02:00-03:00 local does not exist on 31 March 2024 in Berlin (DST gap).
        (lambda c: None, datetime(2024, 3, 31, 0, 59, 30, tzinfo=timezone.utc), "Europe/Berlin"),
    ],
    ids=["set-back-a-day", "jump-ahead", "zone-change", "dst-gap"],
)
def test_the_result_builder_takes_whatever_a_clock_does(
    change: Callable[[FakeClock], None], start_utc: datetime, zone: str
) -> None:
    clock = FakeClock(start_utc=start_utc, tz=ZoneInfo(zone))
    result = _played_with(clock, change)
    assert result.ended_at == clock.now_utc()
    assert result.local_date == clock.local_now().date()
    offset = clock.local_now().utcoffset()
    assert offset is not None
    assert result.utc_offset_minutes == offset.total_seconds() // 60
    # The start is the true length of the play before the end, whatever the wall did.
    assert (result.ended_at - result.started_at).total_seconds() == pytest.approx(sample().total)


def test_the_player_records_an_end_before_its_start_as_a_zero_length_play() -> None:
    player = SessionPlayer(sample())
    end = datetime(2024, 5, 1, 7, 0, tzinfo=timezone.utc)
    result = player.result(
        Form.STEADY, Pain.NONE, end + timedelta(hours=5), end, 24 * 60, date(2024, 5, 1)
    )
    assert result.started_at == result.ended_at == end
    assert result.utc_offset_minutes == 16 * 60  # held to the widest offset any zone uses
