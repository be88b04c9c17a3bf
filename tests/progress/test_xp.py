"""XP for a session and the player-level curve."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st
from progress_fixtures import CONTENT, play

from game.progress.xp import (
    COMPLETION_BONUS,
    DAILY_BONUS,
    EFFORT_CAP,
    LEVEL_THRESHOLDS,
    STEADY_FORM_BONUS,
    effort_xp,
    level_for_xp,
    step_xp,
    threshold,
    xp_for,
)
from game.session.result import ExerciseResult, Form, Pain, Side

DAY = date(2026, 5, 4)
FIRST_TWENTY = (
    0, 100, 250, 450, 700, 1000, 1350, 1750, 2200, 2700,
    3250, 3850, 4500, 5200, 5950, 6750, 7600, 8500, 9450, 10450,
)  # fmt: skip


def test_first_twenty_thresholds_match_the_documented_table() -> None:
    assert LEVEL_THRESHOLDS[:20] == FIRST_TWENTY
    assert tuple(threshold(n) for n in range(1, 21)) == FIRST_TWENTY
    import game.progress.xp as xp_module

    doc = xp_module.__doc__ or ""
    for value in FIRST_TWENTY[1:]:
        assert f" {value}" in doc


def test_curve_keeps_a_next_level_within_reach() -> None:
    assert step_xp(1) == 100
    assert step_xp(29) == step_xp(500) == 1500
    assert threshold(30) - threshold(29) == 1500


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=5000))
def test_level_boundaries(n: int) -> None:
    assert level_for_xp(threshold(n)).level == n
    assert level_for_xp(threshold(n)).xp_into_level == 0
    if n > 1:
        below = level_for_xp(threshold(n) - 1)
        assert below.level == n - 1
        assert below.xp_to_next == 1


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=2**53 - 1))
def test_level_for_xp_is_consistent(total: int) -> None:
    lvl = level_for_xp(total)
    assert threshold(lvl.level) + lvl.xp_into_level == total
    assert 0 <= lvl.xp_into_level < lvl.xp_for_next == step_xp(lvl.level)
    assert 0.0 <= lvl.fraction < 1.0


def _work(seconds: float, reps: int, skipped: bool = False) -> tuple[ExerciseResult, ...]:
    return (ExerciseResult("bird_dog", Side.BOTH, seconds, reps, skipped=skipped),)


def test_effort_counts_tension_reps_and_holds() -> None:
    reps_only = play("stabilize_01", DAY, exercises=_work(50, 10), completed=False)
    assert xp_for(reps_only, CONTENT) == round(0.2 * 50 + 0.5 * 10)
    hold = play(
        "stabilize_01", DAY, completed=False, exercises=(ExerciseResult("dead_bug", Side.BOTH, 20),)
    )
    assert xp_for(hold, CONTENT) == 4 + 2  # 20 s under tension, one hold completed


def test_skipped_work_earns_nothing() -> None:
    skipped = play("stabilize_01", DAY, exercises=_work(300, 40, skipped=True), completed=False)
    assert xp_for(skipped, CONTENT) == 0


def test_bonuses_for_completion_steady_form_and_daily() -> None:
    work = _work(50, 10)
    base = round(0.2 * 50 + 0.5 * 10)
    wobbly = play("stabilize_01", DAY, exercises=work, form=Form.WOBBLY)
    steady = play("stabilize_01", DAY, exercises=work)
    daily = play("stabilize_01", DAY, exercises=work, daily=True)
    assert xp_for(wobbly, CONTENT) == base + COMPLETION_BONUS
    assert xp_for(steady, CONTENT) == base + COMPLETION_BONUS + STEADY_FORM_BONUS
    assert xp_for(daily, CONTENT) == base + COMPLETION_BONUS + STEADY_FORM_BONUS + DAILY_BONUS


def test_sharp_pain_keeps_effort_but_no_bonus() -> None:
    hurt = play("stabilize_01", DAY, exercises=_work(50, 10), pain=Pain.SHARP, daily=True)
    assert xp_for(hurt, CONTENT) == effort_xp(hurt, CONTENT) == 15


def test_effort_is_capped() -> None:
    long = play("stabilize_01", DAY, exercises=_work(100_000, 10_000), completed=False)
    assert xp_for(long, CONTENT) == EFFORT_CAP


def test_a_typical_daily_level_earns_about_140() -> None:
    work = tuple(ExerciseResult("bird_dog", Side.BOTH, 30, 5) for _ in range(8)) + tuple(
        ExerciseResult("dead_bug", Side.BOTH, 10) for _ in range(6)
    )
    session = play("stabilize_01", DAY, exercises=work, daily=True)
    assert 120 <= xp_for(session, CONTENT) <= 160


@settings(deadline=None)
@given(
    st.lists(st.tuples(st.floats(0, 600), st.integers(0, 50), st.booleans()), max_size=12),
    st.sampled_from(list(Form)),
    st.sampled_from(list(Pain)),
    st.booleans(),
    st.booleans(),
)
def test_xp_is_never_negative_and_more_work_never_earns_less(
    work: list[tuple[float, int, bool]], form: Form, pain: Pain, completed: bool, daily: bool
) -> None:
    results = tuple(ExerciseResult("bird_dog", Side.BOTH, s, r, skipped=k) for s, r, k in work)
    kw = {"form": form, "pain": pain, "completed": completed, "daily": daily}
    session = play("stabilize_01", DAY, exercises=results, **kw)  # type: ignore[arg-type]
    more = play("stabilize_01", DAY, exercises=(*results, ExerciseResult("bird_dog", reps=4)), **kw)  # type: ignore[arg-type]
    assert 0 <= xp_for(session, CONTENT) <= xp_for(more, CONTENT)
    if pain is Pain.SHARP or not completed:
        assert xp_for(session, CONTENT) == effort_xp(session, CONTENT)
