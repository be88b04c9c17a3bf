"""Badge conditions as data: every metric, earned dates, progress for locked badges."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from progress_fixtures import BADGE_TARGETS, CONTENT, days, play, rec

from game.content.model import Content
from game.content.vocabulary import BADGE_METRICS
from game.progress.badges import BadgeStatus, ProgressSettings, evaluate_badges, new_badges
from game.progress.history import daily_level_id
from game.progress.metrics import METRIC_SCOPES, METRICS, STAGE_METRICS, check_condition
from game.session.result import ExerciseResult, Form, Pain, Side

D0 = date(2026, 9, 7)  # a Monday
Item = tuple  # type: ignore[type-arg]


def test_metrics_implement_exactly_the_model_table() -> None:
    assert set(METRICS) == set(BADGE_METRICS)
    for name, text in BADGE_METRICS.items():
        wanted = {k.strip() for k in text.split(":", 1)[1].split(",")} if ":" in text else set()
        assert METRIC_SCOPES[name] == wanted, name
    assert {m for m, _, _ in BADGE_TARGETS.values()} == set(METRICS)  # fixture covers all
    assert check_condition("stage_mastered", {"stage": "x"}) == []
    assert check_condition("xp_total", {"stage": "x"})
    assert check_condition("nope", {})


def _status(history: list[Item], badge: str, **settings: int) -> BadgeStatus:
    statuses = evaluate_badges(CONTENT, history, settings or None)
    return next(s for s in statuses if s.badge.id == badge)


def _daily(day: date, **kw: object) -> Item:
    return rec(play(daily_level_id(day, "stabilize_01"), day, daily=True, **kw))  # type: ignore[arg-type]


def _uneven(day: date) -> Item:
    work = (
        ExerciseResult("bird_dog", Side.LEFT, 20.0, 6),
        ExerciseResult("bird_dog", Side.RIGHT, 10.0, 4),
    )
    return rec(play("stabilize_01", day, exercises=work))


def _month(skip: int | None) -> list[Item]:
    feb = days(date(2027, 2, 1), 28)
    return [rec(play("gentle_mat_01", d)) for i, d in enumerate(feb) if i != skip]


S1 = ("stabilize_01", "stabilize_02", "stabilize_03")
Case = tuple[str, Callable[[], list[Item]], Callable[[], list[Item]], date]

CASES: list[Case] = [
    (
        "first_steps",
        lambda: [
            rec(play("stabilize_01", D0, completed=False)),
            rec(play("stabilize_01", D0 + timedelta(days=1))),
        ],
        lambda: [rec(play("stabilize_01", D0, pain=Pain.SHARP))],
        D0 + timedelta(days=1),
    ),
    (
        "explorer",
        lambda: [rec(play(lid, D0 + timedelta(days=i))) for i, lid in enumerate(S1)],
        lambda: [rec(play("stabilize_01", D0 + timedelta(days=i))) for i in range(5)],
        D0 + timedelta(days=2),
    ),
    (
        "master_two",
        lambda: [rec(play(lid, D0 + timedelta(days=i))) for i, lid in enumerate(S1)],
        lambda: [rec(play(lid, D0, form=Form.WOBBLY)) for lid in S1],
        D0 + timedelta(days=1),
    ),
    (
        "stable_base",
        lambda: [rec(play(lid, D0 + timedelta(days=i))) for i, lid in enumerate(S1)],
        lambda: [
            rec(play(lid, D0, pain=Pain.MILD if i else Pain.SHARP)) for i, lid in enumerate(S1)
        ],
        D0 + timedelta(days=2),
    ),
    (
        "on_the_move",
        lambda: [rec(play(lid, D0)) for lid in (*S1, "movement_01")],
        lambda: [rec(play(lid, D0)) for lid in ("movement_01", *S1)],  # played while locked
        D0,
    ),
    (
        "stage_tour",
        lambda: [rec(play(lid, D0, form=Form.WOBBLY)) for lid in S1],
        lambda: [rec(play(lid, D0, form=Form.WOBBLY)) for lid in S1[:2]],
        D0,
    ),
    (
        "daily_three",
        lambda: [_daily(D0 + timedelta(days=i)) for i in (0, 2, 5)],
        lambda: [_daily(D0) for _ in range(3)],
        D0 + timedelta(days=5),
    ),
    (
        "week_streak",
        lambda: [_daily(d) for d in days(D0, 7)],
        lambda: [_daily(d) for d in days(D0, 6)] + [_daily(D0 + timedelta(days=7))],
        D0 + timedelta(days=6),
    ),
    (
        "five_minutes",  # 160 s of work in each session
        lambda: [rec(play("stabilize_01", D0 + timedelta(days=i))) for i in range(2)],
        lambda: [rec(play("stabilize_01", D0, pain=Pain.SHARP)) for _ in range(4)],
        D0 + timedelta(days=1),
    ),
    (
        "breather",  # 32 breaths in each session
        lambda: [rec(play("stabilize_01", D0 + timedelta(days=i))) for i in range(2)],
        lambda: [rec(play("stabilize_01", D0))],
        D0 + timedelta(days=1),
    ),
    (
        "steady_hands",
        lambda: [rec(play("stabilize_01", D0 + timedelta(days=i))) for i in range(3)],
        lambda: [rec(play("stabilize_01", D0, form=Form.WOBBLY)) for _ in range(5)],
        D0 + timedelta(days=2),
    ),
    (
        "weekly_goal",  # four daily days in the week of D0
        lambda: [_daily(D0 + timedelta(days=i)) for i in (0, 2, 4, 6)],
        lambda: [_daily(D0 + timedelta(days=i)) for i in (4, 5, 6, 7)],  # split over two weeks
        D0 + timedelta(days=6),
    ),
    (
        "balanced",
        lambda: [_uneven(D0), rec(play("stabilize_01", D0)), rec(play("stabilize_02", D0))],
        lambda: [_uneven(D0), _uneven(D0), rec(play("stabilize_01", D0))],
        D0,
    ),
    ("full_month", lambda: _month(None), lambda: _month(13), date(2027, 2, 28)),
    (
        "level_five",
        lambda: [(play("stabilize_01", D0), 699), (play("stabilize_01", D0 + timedelta(1)), 1)],
        lambda: [(play("stabilize_01", D0), 699)],
        D0 + timedelta(days=1),
    ),
    (
        "xp_500",
        lambda: [(play("stabilize_01", D0), 250), (play("stabilize_01", D0 + timedelta(3)), 250)],
        lambda: [(play("stabilize_01", D0), 499)],
        D0 + timedelta(days=3),
    ),
]


def test_every_fixture_badge_has_a_case() -> None:
    assert {c[0] for c in CASES} == set(BADGE_TARGETS)


@pytest.mark.parametrize(("badge", "earns", "misses", "on"), CASES, ids=[c[0] for c in CASES])
def test_each_badge_condition(
    badge: str, earns: Callable[[], list[Item]], misses: Callable[[], list[Item]], on: date
) -> None:
    got = _status(earns(), badge)
    assert got.earned_on == on
    assert got.progress == got.target
    missed = _status(misses(), badge)
    assert missed.earned_on is None
    assert missed.progress < missed.target
    assert " of " in missed.text


def test_weekly_goal_badge_follows_the_players_goal() -> None:
    three = [_daily(D0 + timedelta(days=i)) for i in (0, 2, 4)]
    assert _status(three, "weekly_goal").earned_on is None
    assert _status(three, "weekly_goal", weekly_goal=3).earned_on == D0 + timedelta(days=4)
    statuses = evaluate_badges(CONTENT, three, ProgressSettings(weekly_goal=3))
    assert next(s for s in statuses if s.badge.id == "weekly_goal").earned


def test_locked_badges_show_progress_in_their_own_units() -> None:
    history = [rec(play("stabilize_01", D0)), rec(play("stabilize_02", D0, form=Form.WOBBLY))]
    base = _status(history, "stable_base")
    assert (base.progress, base.target) == (1, 3)
    assert base.text == "1 of 3 levels mastered in Stabilize"
    xp = _status(history, "xp_500")
    assert xp.text.endswith("of 500 XP") and 0 < xp.progress < 500


def test_new_badges_lists_what_the_last_session_earned() -> None:
    before_hist = [rec(play("stabilize_01", D0)), rec(play("stabilize_02", D0 + timedelta(1)))]
    before = evaluate_badges(CONTENT, before_hist)
    after = evaluate_badges(
        CONTENT, [*before_hist, rec(play("stabilize_03", D0 + timedelta(days=2)))]
    )
    got = {b.id for b in new_badges(before, after)}
    assert {"stable_base", "stage_tour", "explorer", "steady_hands"} <= got
    assert "first_steps" not in got
    assert new_badges(after, after) == []


def test_badges_keep_their_first_date() -> None:
    history = [rec(play("stabilize_01", D0 + timedelta(days=i))) for i in range(4)]
    assert _status(history, "first_steps").earned_on == D0


def _naive_earned(content: Content, history: list[Item]) -> dict[str, date]:
    """Every badge checked after every session: the rule, without any shortcut."""
    from game.progress.badges import _met
    from game.progress.history import records
    from game.progress.metrics import Tally

    tally = Tally(content)
    earned: dict[str, date] = {}
    for record in records(history):
        tally.add(record)
        for badge in content.badges.values():
            if badge.id not in earned and _met(badge, tally):
                earned[badge.id] = record.day
    return earned


def test_stage_metrics_are_the_stage_scoped_ones() -> None:
    assert {name for name in METRICS if name.startswith("stage_")} == STAGE_METRICS


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 200),
            st.integers(0, 2),
            st.sampled_from(list(Form)),
            st.sampled_from([Pain.NONE, Pain.MILD, Pain.SHARP]),
            st.booleans(),
        ),
        max_size=60,
    )
)
def test_replay_earns_the_same_badges_on_the_same_days_as_checking_every_session(
    plays: list[tuple[int, int, Form, Pain, bool]],
) -> None:
    content = CONTENT
    order = [lv.id for stage in content.ordered_stages() for lv in content.stage_levels(stage.id)]
    start = date(2026, 1, 1)
    history: list[Item] = []
    for step, (day, level, form, pain, daily) in enumerate(sorted(plays)):
        level_id = order[min(len(order) - 1, step // 3 + level)]
        result = play(level_id, start + timedelta(days=day), form=form, pain=pain, daily=daily)
        history.append(rec(result, content))
    got = {s.badge.id: s.earned_on for s in evaluate_badges(content, history) if s.earned_on}
    assert got == _naive_earned(content, history)
