"""The daily level: stable all day, new the next, 8-15 minutes, owned equipment only."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from progress_fixtures import CONTENT, days, play, rec

from game.content.model import Level, Superset, Variant
from game.progress.daily import MAX_SECONDS, MIN_SECONDS, DailyPlan, daily_plan
from game.progress.duration import planned_seconds
from game.progress.history import parse_daily_level_id, records
from game.progress.unlocks import compute_unlocks, replay
from game.session.result import Pain

D0 = date(2026, 10, 5)
NOTHING: frozenset[str] = frozenset()
ALL = frozenset({"foam_roller", "box_or_chair", "bar", "dumbbell", "roman_chair", "medicine_ball"})
S1 = ("stabilize_01", "stabilize_02", "stabilize_03")


def _exercises(level: Level) -> list[str]:
    return [s.exercise for s in level.all_steps()]


def _check_playable(plan: DailyPlan, owned: frozenset[str]) -> None:
    level = plan.level
    assert parse_daily_level_id(level.id) is not None
    assert parse_daily_level_id(level.id)[1] == plan.main_level_id  # type: ignore[index]
    assert MIN_SECONDS <= plan.planned_seconds <= MAX_SECONDS
    assert plan.planned_seconds == planned_seconds(level, CONTENT)
    assert 8 <= plan.planned_minutes <= 15
    assert level.main and level.warmup and level.cooldown
    for ex_id in _exercises(level):
        ex = CONTENT.exercises[ex_id]
        assert set(ex.equipment) <= owned | {"mat"}, ex_id
    assert plan.warmup == tuple(s.exercise for s in level.warmup)
    assert plan.reason


def test_the_plan_is_the_same_all_day() -> None:
    history = [rec(play("stabilize_01", D0 - timedelta(days=1)))]
    first = daily_plan(CONTENT, history, D0, NOTHING, "ada")
    assert daily_plan(CONTENT, history, D0, NOTHING, "ada") == first
    # Playing during the day (the daily itself, or free play) does not reshuffle it.
    later = [*history, rec(play(first.level.id, D0, daily=True)), rec(play("stabilize_02", D0))]
    assert daily_plan(CONTENT, later, D0, NOTHING, "ada") == first
    assert first.main_level_id == "stabilize_02" and not first.review


def test_the_plan_changes_from_day_to_day() -> None:
    plans = [daily_plan(CONTENT, [], d, ALL, "ada") for d in days(D0, 30)]
    for a, b in itertools.pairwise(plans):
        assert (a.warmup, a.cooldown, a.main_level_id) != (b.warmup, b.cooldown, b.main_level_id)
        assert a.level.id != b.level.id
    assert len({p.warmup for p in plans}) > 5
    others = [daily_plan(CONTENT, [], d, ALL, "bob") for d in days(D0, 30)]
    assert others != plans  # each player gets their own sequence


def test_plans_respect_owned_equipment_and_substitute() -> None:
    history = [rec(play(lid, D0 - timedelta(days=9 - i))) for i, lid in enumerate(S1)]
    history += [
        rec(play(lid, D0 - timedelta(days=5 - i)))
        for i, lid in enumerate(("movement_01", "movement_02", "integrate_01"))
    ]
    for owned in (NOTHING, ALL, frozenset({"foam_roller"}), frozenset({"dumbbell"})):
        for day in days(D0, 6):
            plan = daily_plan(CONTENT, history, day, owned, "ada")
            _check_playable(plan, owned)
            assert plan.main_level_id == "full_body_01"
            main = plan.level.main[0]
            assert isinstance(main, Superset)
            wanted = "romanian_deadlift" if "dumbbell" in owned else "glute_bridge_hold"
            assert main.steps[0].exercise == wanted


def test_fresh_profile_gets_the_first_level() -> None:
    plan = daily_plan(CONTENT, [], D0, NOTHING, "ada")
    assert plan.main_level_id == "stabilize_01"
    assert "Next to master" in plan.reason
    assert "bicycle" not in _exercises(plan.level)  # a dynamic move never warms up


def test_a_review_when_everything_open_is_mastered() -> None:
    order = [*S1, "movement_01", "movement_02", "integrate_01", "full_body_01"]
    history = [rec(play(lid, D0 - timedelta(days=10 - i))) for i, lid in enumerate(order)]
    plans = [daily_plan(CONTENT, history, d, ALL, "ada") for d in days(D0, 10)]
    assert all(p.review and "review" in p.reason.lower() for p in plans)
    assert all(p.main_level_id == "full_body_01" for p in plans)


def test_after_sharp_pain_the_daily_is_easier() -> None:
    history = [rec(play(lid, D0 - timedelta(days=3))) for lid in S1[:2]]
    history.append(rec(play("stabilize_03", D0 - timedelta(days=1), pain=Pain.SHARP)))
    plan = daily_plan(CONTENT, history, D0, NOTHING, "ada")
    assert plan.main_level_id == "stabilize_02" and plan.easier
    assert "sharp pain" in plan.reason
    variants = {s.exercise: s.variant for s in plan.level.main if not isinstance(s, Superset)}
    assert variants["side_plank"] is Variant.EASIER  # it was in the painful level


def test_sharp_pain_today_turns_todays_moves_easier_at_once() -> None:
    history = [rec(play("stabilize_01", D0 - timedelta(days=1)))]
    before = daily_plan(CONTENT, history, D0, NOTHING, "ada")
    assert not before.easier
    hurt = [*history, rec(play(before.level.id, D0, daily=True, pain=Pain.SHARP))]
    after = daily_plan(CONTENT, hurt, D0, NOTHING, "ada")
    assert after.easier and after.main_level_id == before.main_level_id


def test_finishing_the_daily_masters_its_level() -> None:
    plan = daily_plan(CONTENT, [], D0, NOTHING, "ada")
    u = compute_unlocks(CONTENT, [rec(play(plan.level.id, D0, daily=True))])
    assert plan.main_level_id in u.mastered_levels


@settings(max_examples=25, deadline=None)
@given(
    st.dates(date(2024, 1, 1), date(2030, 12, 31)),
    st.text(max_size=8),
    st.sets(st.sampled_from(sorted(ALL))),
    st.integers(0, 7),
)
def test_every_plan_is_playable(day: date, seed: str, owned: set[str], progress: int) -> None:
    order = [*S1, "movement_01", "movement_02", "integrate_01", "full_body_01"][:progress]
    history = [rec(play(lid, day - timedelta(days=20 - i))) for i, lid in enumerate(order)]
    _check_playable(daily_plan(CONTENT, history, day, frozenset(owned), seed), frozenset(owned))


def test_a_clock_set_back_keeps_later_sessions_in_the_plan() -> None:
    history = [rec(play("stabilize_01", D0 + timedelta(days=1)))]  # dated "tomorrow"
    plan = daily_plan(CONTENT, history, D0, NOTHING, "ada")
    assert plan.main_level_id == "stabilize_02"


def test_a_fresh_player_is_not_told_moves_were_made_easier() -> None:
    """Levels may write easier variants on purpose; only pain makes a plan 'easier'."""
    from datetime import date

    from game.content import load_content
    from game.progress import daily_plan

    content = load_content()
    plan = daily_plan(content, [], date(2026, 11, 21), frozenset({"mat"}), "p1")
    assert not plan.easier
    assert "easier" not in plan.reason


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(-6, 1), st.integers(0, 6), st.sampled_from(list(Pain))),
        max_size=12,
    )
)
def test_a_state_the_caller_already_has_gives_the_same_plan(
    plays: list[tuple[int, int, Pain]],
) -> None:
    """With today's sessions (before and after sharp pain), later ones, and none."""
    order = [*S1, "movement_01", "movement_02", "integrate_01", "full_body_01"]
    history = [
        rec(play(order[level], D0 + timedelta(days=shift), pain=pain))
        for shift, level, pain in plays
    ]
    state = replay(CONTENT, records(history))
    assert daily_plan(CONTENT, history, D0, ALL, "ada", state=state) == daily_plan(
        CONTENT, history, D0, ALL, "ada"
    )
