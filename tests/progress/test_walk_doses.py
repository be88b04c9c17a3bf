"""Thirty days of real play on the shipped levels: doses grow, mastery takes days.

Each day the player plays today's level through the session player at their
own doses and rates every move "steady, right, no pain", except on day 9, when
the dead bug hold is "too hard", and day 11, when it is "lost it". The
test prints the day-by-day doses of three moves and the day the second stage
opens, and checks the rules the doses and the gate follow.
"""

from __future__ import annotations

import itertools

import pytest
from walk_helpers import new_player, next_day, play_level

from game.content import load_content
from game.progress.doses import ladder
from game.session.ratings import Effort
from game.session.result import Form, Pain

WATCHED = ("dead_bug_hold", "side_plank", "glute_bridge_hold")
SPECIAL = {
    9: {"dead_bug_hold": (Form.STEADY, Effort.HARD, Pain.NONE)},
    11: {"dead_bug_hold": (Form.LOST, Effort.RIGHT, Pain.NONE)},
}


@pytest.fixture(scope="module")
def walk() -> dict[str, object]:
    content = load_content()
    data, clock = new_player(content, "Walker")
    table: list[tuple[int, str, dict[str, float], float]] = []
    stage2_day: int | None = None
    minutes: list[float] = []
    for day in range(1, 31):
        plan = data.daily()
        doses = {e: r.amount for e, r in data.doses().items() if e in WATCHED}
        _outcome, length = play_level(data, clock, plan.level, SPECIAL.get(day), daily=True)
        minutes.append(length)
        table.append((day, plan.main_level_id, doses, length))
        if stage2_day is None and data.unlocks().is_stage_open("movement"):
            stage2_day = day
        next_day(clock)
    lines = ["day  level          " + "  ".join(f"{w:>17}" for w in WATCHED) + "  minutes"]
    for day, lid, doses, length in table:
        cells = "  ".join(f"{doses.get(w, 0):>17g}" for w in WATCHED)
        lines.append(f"{day:>3}  {lid:<14} {cells}  {length:5.1f}")
    lines.append(f"stage 2 (movement) opens after day {stage2_day}")
    print("\n".join(lines))
    return {"table": table, "stage2": stage2_day, "minutes": minutes, "content": content}


def test_stage_two_opens_only_after_three_steady_days_per_stage_one_level(walk) -> None:  # type: ignore[no-untyped-def]
    # Six levels, three different good days each: the 18th day at the earliest.
    # Day 11's "lost it" on the dead bug hold cost its level (stabilize_04) a day.
    assert walk["stage2"] == 19


def test_doses_grow_after_two_good_days_and_stay_in_range(walk) -> None:  # type: ignore[no-untyped-def]
    content = walk["content"]
    table = walk["table"]
    for move in WATCHED:
        rungs = [r.amount for r in ladder(content.exercises[move])]
        seen = [doses[move] for _, _, doses, _ in table]
        assert all(rungs[0] <= v <= rungs[-1] for v in seen), move
        assert seen[-1] > seen[0], f"{move} never grew: {seen}"
        steps = [b - a for a, b in itertools.pairwise(seen) if b != a]
        assert all(abs(s) <= max(abs(rungs[1] - rungs[0]), 1) + 1e-9 for s in steps), (move, steps)


def test_too_hard_holds_and_lost_it_steps_down(walk) -> None:  # type: ignore[no-untyped-def]
    table = walk["table"]
    dead_bug = [doses["dead_bug_hold"] for _, _, doses, _ in table]
    # "Too hard" on day 9 holds it; "lost it" on day 11 steps it down one rung.
    assert dead_bug[9] == dead_bug[8]
    assert dead_bug[11] == dead_bug[10] - 5  # its step is 5 s


def test_every_day_lasts_six_to_fifteen_minutes(walk) -> None:  # type: ignore[no-untyped-def]
    assert all(6.0 <= m <= 15.0 for m in walk["minutes"]), walk["minutes"]


def test_the_outcome_says_what_moves_next_time() -> None:
    content = load_content()
    data, clock = new_player(content, "Next")
    level = content.levels["stabilize_01"]
    first, _ = play_level(data, clock, level)
    assert all(before == after for _, before, after in first.dose_changes)
    assert first.steady_days == (1, 3)
    next_day(clock)
    hard = {"head_lift": (Form.STEADY, Effort.HARD, Pain.NONE)}
    second, _ = play_level(data, clock, level, hard)
    moved = {eid: (b.amount, a.amount) for eid, b, a in second.dose_changes}
    assert moved["glute_bridge_hold"] == (10.0, 15.0)
    assert moved["head_lift"] == (10.0, 10.0), "too hard holds the dose"
    assert second.steady_days == (2, 3)
    settings = data.session_settings(level)
    assert ("glute_bridge_hold", 15.0, None) in settings.doses


def test_the_export_and_stats_carry_each_moves_rating_and_dose() -> None:
    from game.progress.stats import HISTORY_COLUMNS, history_rows, stats_to_json

    content = load_content()
    data, clock = new_player(content, "Physio")
    level = content.levels["stabilize_05"]
    answers = {"side_plank": (Form.WOBBLY, Effort.HARD, Pain.MILD)}
    play_level(data, clock, level, answers)
    rows = history_rows(data.history())
    assert {"effort", "sets", "dose", "done_share", "measured_form"} <= set(HISTORY_COLUMNS)
    plank = [r for r in rows if r["exercise"] == "side_plank"]
    assert plank and all(
        (r["form"], r["effort"], r["pain"], r["sets"], r["dose"], r["done_share"])
        == ("wobbly", "hard", "mild", 2, 10.0, 1.0)
        for r in plank
    )
    other = next(r for r in rows if r["exercise"] == "glute_bridge_hold")
    assert (other["form"], other["effort"], other["pain"]) == ("steady", "right", "none")
    facts = stats_to_json(data.stats())
    assert facts["doses"]["side_plank"] == 10.0
    assert facts["steady_days"] == {}
