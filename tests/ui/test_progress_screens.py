"""The progression screens, headless: the map and its gate, badges, progress, level complete."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from harness import Harness, MakeHarness

from game.clock import FakeClock
from game.content.model import Content, Level
from game.player.data import Outcome, PlayerData
from game.progress import daily_level_id
from game.session.result import ExerciseResult, Form, Pain, SessionResult, Side
from game.store import memory_store
from game.ui.scene import Scene
from game.ui.scenes.badges_screen import BadgesScene
from game.ui.scenes.level_complete import LevelCompleteScene
from game.ui.scenes.level_map import LevelMapScene, NodeStatus
from game.ui.scenes.progress_screen import ProgressScene, weekly_totals
from game.ui.widgets.charts import HeatmapGrid, heat_level

START = datetime(2026, 2, 2, 7, 30, tzinfo=timezone.utc)


def _play(data: PlayerData, clock: FakeClock, *, form: Form = Form.STEADY,
          pain: Pain = Pain.NONE) -> Outcome:  # fmt: skip
    plan = data.daily()
    start = clock.now_utc()
    exercises = tuple(
        ExerciseResult(s.exercise, Side.BOTH, seconds_held=30.0, reps=6, breaths=5)
        for s in plan.level.all_steps()
    )
    result = SessionResult(
        level_id=daily_level_id(data.today(), plan.main_level_id),
        local_date=data.today(),
        started_at=start,
        ended_at=start + timedelta(minutes=10),
        utc_offset_minutes=0,
        exercises=exercises,
        form=form,
        pain=pain,
        completed=pain is not Pain.SHARP,
        daily=True,
        active_seconds=480.0,
    )
    return data.record(result)


def _player(content: Content, days: int) -> tuple[PlayerData, FakeClock, list[Outcome]]:
    clock = FakeClock(start_utc=START)
    store = memory_store(now=clock.now_utc)
    data = PlayerData(store, content, clock, store.create_profile("Ana").id)
    outcomes = []
    for day in range(days):
        if day % 9 != 4:  # a rest day now and then
            form = Form.WOBBLY if day % 3 == 1 else Form.STEADY
            outcomes.append(_play(data, clock, form=form))
        clock.advance(24 * 3600)
    return data, clock, outcomes


@pytest.fixture(scope="module")
def month(content: Content) -> tuple[PlayerData, FakeClock, list[Outcome]]:
    return _player(content, 30)


def _harness(make: MakeHarness, clock: FakeClock, text_size: str = "normal") -> Harness:
    """The app at the player's time, on a clock of its own: the screens read the
    player's data, and the shared month of play is never moved on."""
    return make(clock=FakeClock(start_utc=clock.utc), text_size=text_size)


# ---------------------------------------------------------------------------
# Level map
# ---------------------------------------------------------------------------


def test_map_statuses_match_the_unlock_rules(make_harness: MakeHarness, month) -> None:  # type: ignore[no-untyped-def]
    data, clock, _ = month
    h = _harness(make_harness, clock)
    scene = h.push(LevelMapScene(h.ctx, data, on_play=lambda lv: None))
    unlocks = data.unlocks()
    assert {n.level.id for n in scene.nodes} == set(h.content.levels)
    for node in scene.nodes:
        status = scene.status(node.level.id)
        lid = node.level.id
        if lid in unlocks.mastered_levels:
            assert status is NodeStatus.MASTERED
        elif lid in unlocks.completed_levels:
            assert status is NodeStatus.COMPLETED
        elif unlocks.is_level_open(lid):
            assert status is NodeStatus.OPEN
        else:
            assert status is NodeStatus.LOCKED
    statuses = {scene.status(n.level.id) for n in scene.nodes}
    assert {NodeStatus.MASTERED, NodeStatus.OPEN, NodeStatus.LOCKED} <= statuses
    assert scene.today_id == data.daily().main_level_id
    assert scene.focus_id == scene.today_id, "the map opens on today's level"


def test_locked_levels_refuse_and_say_why(make_harness: MakeHarness) -> None:
    h = make_harness(clock=FakeClock(start_utc=START))
    data = h.player("New")
    played: list[Level] = []
    scene = h.push(LevelMapScene(h.ctx, data, on_play=played.append))
    locked = [n.level.id for n in scene.nodes if scene.status(n.level.id) is NodeStatus.LOCKED]
    assert "full_body_04" in locked and "stabilize_02" in locked
    for lid in locked:  # every way of choosing a locked node starts nothing
        scene.focus_id = lid
        h.press("return")
        assert played == []
        assert scene.refused_id == lid
        assert scene.message == data.unlocks().why_locked(lid) != ""
        node = scene.node(lid)
        assert node is not None
        h.click(node.center)
        assert played == []
    h.draw()  # the refusal panel draws
    scene.focus_id = "stabilize_01"
    h.press("return")
    assert [lv.id for lv in played] == ["stabilize_01"]


def test_map_keyboard_moves_between_nodes_and_back_pops(make_harness: MakeHarness, month) -> None:  # type: ignore[no-untyped-def]
    data, clock, _ = month
    h = _harness(make_harness, clock)
    scene = h.push(LevelMapScene(h.ctx, data, on_play=lambda lv: None))
    scene.focus_id = "stabilize_01"
    h.press("right")
    assert scene.focus_id == "stabilize_02"
    h.press("down")
    assert scene.focus_id is not None and scene.focus_id.startswith("movement_")
    h.press("escape")
    assert len(h.ctx.scenes) == 0


def test_map_layout_joins_the_main_stages_into_one_path(content: Content) -> None:
    from game.content.model import Track
    from game.ui.scenes.map_layout import NODE_R, lay_out, nearest, node_at, path_links

    nodes, rows = lay_out(content)
    links = path_links(nodes, content)
    stages = content.ordered_stages()
    mains = [s.id for s in stages if s.track is Track.MAIN]
    main_levels = sum(len(content.stage_levels(s)) for s in mains)
    side_joins = sum(len(content.stage_levels(s.id)) - 1 for s in stages if s.id not in mains)
    assert len(links) == (main_levels - 1) + side_joins  # no line into or between side tracks
    assert len(rows) == len(mains) + 1 and len({n.center for n in nodes}) == len(nodes)
    first = nodes[0]
    assert node_at(nodes, (first.center[0] + NODE_R, first.center[1])) is first
    assert node_at(nodes, (0, 0)) is None
    right = nearest(nodes, first, 1, 0)
    assert right is not None and right.row == first.row and right.center[0] > first.center[0]
    assert nearest(nodes, first, 0, -1) is None  # nothing above the first row


# ---------------------------------------------------------------------------
# Badges
# ---------------------------------------------------------------------------


def test_badges_list_every_badge_with_date_or_progress(make_harness: MakeHarness, month) -> None:  # type: ignore[no-untyped-def]
    data, clock, _ = month
    h = _harness(make_harness, clock)
    scene = h.push(BadgesScene(h.ctx, data))
    assert [s.badge.id for s in scene.statuses] == list(h.content.badges)
    earned = [s for s in scene.statuses if s.earned]
    locked = [s for s in scene.statuses if not s.earned]
    assert earned and locked
    assert all(s.earned_on is not None and s.earned_on <= data.today() for s in earned)
    assert all(0 <= s.progress < s.target and s.text for s in locked)
    for _ in range(len(scene.statuses)):
        h.press("down")
        h.press("right")
        card = scene.card_rect(scene.focus)
        assert scene.viewport().contains(card), "the focused card is scrolled into view"
    assert scene.focus == len(scene.statuses) - 1
    h.draw()


# ---------------------------------------------------------------------------
# Progress
# ---------------------------------------------------------------------------


def test_progress_numbers_and_heatmap(make_harness: MakeHarness, month) -> None:  # type: ignore[no-untyped-def]
    data, clock, _ = month
    h = _harness(make_harness, clock)
    scene = h.push(ProgressScene(h.ctx, data))
    h.draw()
    assert scene.stats is not None and scene.stats.xp_total > 0
    assert len(scene.weeks) == 12 and sum(w.sessions for w in scene.weeks) == len(data.history())
    assert set(scene.cells) == set(scene.grid.days())
    h.press("left")  # a week back
    assert scene.focus_day == data.today() - timedelta(days=7)
    assert scene.focus_text().startswith((data.today() - timedelta(days=7)).isoformat())
    static = scene._static
    h.draw()
    assert scene._static is static, "moving the cursor reuses the cached picture"


def test_heatmap_grid_is_monday_first_weeks_as_columns() -> None:
    grid = HeatmapGrid.ending(date(2026, 3, 4), 183)  # a Wednesday
    assert grid.first_monday.weekday() == 0
    assert grid.cell_of(date(2026, 3, 4)) == (grid.weeks - 1, 2)
    assert grid.day_at(grid.weeks - 1, 3) is None  # tomorrow is not drawn
    assert grid.cell_of(date(2026, 3, 5)) is None
    assert (heat_level(0), heat_level(3), heat_level(30)) == (0, 1, 4)


def test_weekly_totals_put_sessions_in_their_week(content: Content, month) -> None:  # type: ignore[no-untyped-def]
    data, _, _ = month
    weeks = weekly_totals((r for r, _ in data.history()), data.today())
    assert weeks[-1].monday.weekday() == 0 and weeks[-1].monday <= data.today()
    held = sum(r.total_seconds_held for r, _ in data.history()) / 60
    assert sum(w.hold_minutes for w in weeks) == pytest.approx(held)


# ---------------------------------------------------------------------------
# Level complete
# ---------------------------------------------------------------------------


def _rich_outcome(outcomes: list[Outcome]) -> Outcome:
    return next(o for o in outcomes if o.new_badges and o.level_after.level > o.level_before.level)


def test_level_complete_counts_up_on_logic_time(make_harness: MakeHarness, month) -> None:  # type: ignore[no-untyped-def]
    _data, clock, outcomes = month
    outcome = _rich_outcome(outcomes)
    done: list[bool] = []
    h = _harness(make_harness, clock)
    scene = h.push(LevelCompleteScene(h.ctx, outcome), on_result=lambda _: done.append(True))
    assert scene.shown_xp == outcome.xp_total_before and scene.animated
    h.step(0.5)
    assert outcome.xp_total_before < scene.shown_xp < outcome.xp_total_after
    h.draw()
    h.step(scene.total + 2 / 60, frame=1 / 60)
    assert scene.finished and not scene.animated
    assert scene.shown_xp == outcome.xp_total_after
    assert scene.badges_shown == len(outcome.new_badges)
    assert scene.streak_shown == outcome.streak_after.current
    assert scene.level_up_shown
    h.draw()
    h.press("return", "escape", together=True)
    assert done == [True], "continue is called once"


def test_reduced_motion_shows_the_end_at_once(make_harness: MakeHarness, month) -> None:  # type: ignore[no-untyped-def]
    _data, clock, outcomes = month
    outcome = _rich_outcome(outcomes)
    h = _harness(make_harness, clock)
    scene = h.push(LevelCompleteScene(h.ctx, outcome, reduced_motion=True))
    assert scene.finished and not scene.animated
    assert scene.shown_xp == outcome.xp_total_after
    assert scene.badges_shown == len(outcome.new_badges)


def test_sharp_pain_advice_is_shown_from_the_first_frame(
    make_harness: MakeHarness, content: Content
) -> None:
    data, clock, _ = _player(content, 2)
    outcome = _play(data, clock, pain=Pain.SHARP)
    assert outcome.pain_advice
    h = _harness(make_harness, clock)
    h.push(LevelCompleteScene(h.ctx, outcome))
    h.draw()
    warn = h.ctx.theme.c.warn
    edge = [h.screen.get_at((x, 141))[:3] for x in range(80, 1200, 40)]
    assert warn in edge, "the warning panel is on screen before any animation"


# ---------------------------------------------------------------------------
# Every screen draws at both text sizes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("text_size", ["normal", "large"])
def test_every_screen_draws(make_harness: MakeHarness, month, text_size: str) -> None:  # type: ignore[no-untyped-def]
    data, clock, outcomes = month
    h = _harness(make_harness, clock, text_size)
    ctx = h.ctx
    scenes: list[Scene] = [
        LevelMapScene(ctx, data, on_play=lambda lv: None),
        BadgesScene(ctx, data),
        ProgressScene(ctx, data),
        LevelCompleteScene(ctx, _rich_outcome(outcomes)),
    ]
    for scene in scenes:
        h.push(scene)
        h.step(0.7)
        h.screen.fill((0, 0, 0))
        screen = h.draw()
        colours = {screen.get_at((x, y))[:3] for x in range(0, 1280, 64) for y in range(0, 720, 48)}
        assert len(colours) > 8, type(scene).__name__


def test_screens_read_their_numbers_again_on_return(
    make_harness: MakeHarness, content: Content
) -> None:
    from game.ui.scenes.main_menu import MainMenuScene

    data, clock, _ = _player(content, 0)
    h = make_harness(clock=clock)
    ctx = h.ctx
    views = {
        "map": (LevelMapScene(ctx, data, on_play=lambda lv: None),
                lambda s: len(s.unlocks.completed_levels)),
        "badges": (BadgesScene(ctx, data), lambda s: sum(b.progress for b in s.statuses)),
        "progress": (ProgressScene(ctx, data), lambda s: s.stats.xp_total),
        "menu": (MainMenuScene(ctx, data), lambda s: s.stats.streak.current),
    }  # fmt: skip
    for name, (scene, number) in views.items():
        h.push(scene)
        before = number(scene)
        _play(data, clock)
        above: Scene[None] = h.push(Scene(ctx))  # a level played above the screen, say
        above.dismiss(None)
        h.settle()
        assert ctx.scenes.top is scene and number(scene) > before, name
        clock.advance(24 * 3600)
