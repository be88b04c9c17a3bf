"""Stats for the command line and the CSV rows for a physiotherapist."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

from progress_fixtures import CONTENT, play, rec

from game.progress.history import daily_level_id, records
from game.progress.stats import HISTORY_COLUMNS, history_rows, player_stats, stats_to_json
from game.session.result import ExerciseResult, Form, Pain, Side

TODAY = date(2026, 8, 20)  # a Thursday


def _history() -> list[tuple]:  # type: ignore[type-arg]
    out = []
    for i, lid in enumerate(("stabilize_01", "stabilize_02", "stabilize_03")):
        day = TODAY - timedelta(days=2 - i)
        out.append(rec(play(daily_level_id(day, lid), day, daily=True, minutes=12)))
    out.append(rec(play("stabilize_01", TODAY - timedelta(days=300))))  # outside the heatmap
    out.append(rec(play("desk_reset_01", TODAY, form=Form.WOBBLY, pain=Pain.SHARP)))
    return out


def test_player_stats_numbers() -> None:
    history = _history()
    stats = player_stats(CONTENT, history, TODAY, weekly_goal=3)
    assert stats.xp_total == sum(xp for _, xp in history)
    assert stats.player_level.level >= 2
    assert (stats.streak.current, stats.streak.week_days_done, stats.streak.weekly_goal) == (
        3,
        3,
        3,
    )
    assert stats.open_stages == ("stabilize", "movement", "desk_reset", "gentle_mat")
    assert stats.mastered_levels == ("stabilize_01", "stabilize_02", "stabilize_03")
    assert {b.badge.id for b in stats.earned} >= {"first_steps", "stable_base", "daily_three"}
    assert len(stats.badges) == len(CONTENT.badges)
    assert len(stats.sessions_per_week) == 8
    assert stats.sessions_per_week[-1] == (date(2026, 8, 17), 4)
    assert sum(n for _, n in stats.sessions_per_week) == 4
    assert min(stats.heatmap) >= TODAY - timedelta(days=183)
    assert abs(stats.heatmap[TODAY - timedelta(days=1)] - 12 * 0.8) < 1e-9
    # Sharp pain adds no hold time.
    sharp = history[-1][0]
    assert stats.hold_seconds == sum(r.total_seconds_held for r, _ in history if r is not sharp)


def test_stats_from_records_equal_stats_from_the_history() -> None:
    """``PlayerData`` hands over the records its replay made; they count the same."""
    history = _history()
    assert player_stats(CONTENT, records(history), TODAY, 3) == player_stats(
        CONTENT, history, TODAY, 3
    )


def test_stats_json_is_plain_data() -> None:
    data = stats_to_json(player_stats(CONTENT, _history(), TODAY))
    text = json.dumps(data)
    again = json.loads(text)
    for key in ("xp", "player_level", "streak", "weekly_goal", "badges", "open_stages"):
        assert key in again
    assert again["streak"]["freezes_held"] == 0
    assert again["weekly_goal"] == {"done": 3, "goal": 4}
    earned = [b for b in again["badges"] if b["earned_on"]]
    assert earned and all(date.fromisoformat(b["earned_on"]) <= TODAY for b in earned)
    assert player_stats(CONTENT, [], TODAY).xp_total == 0


def test_history_rows_for_the_csv_export() -> None:
    work = (
        ExerciseResult("side_plank", Side.LEFT, 19.5, 0),
        ExerciseResult("side_plank", Side.RIGHT, 17.25, 0),
        ExerciseResult("bird_dog", Side.BOTH, 0, 0, skipped=True),
    )
    history = [
        rec(play("stabilize_02", TODAY, exercises=work, pain=Pain.MILD)),
        rec(play("stabilize_01", TODAY, exercises=())),
    ]
    rows = history_rows(history)
    assert [tuple(r) for r in rows] == [HISTORY_COLUMNS] * 4
    assert rows[0]["date"] == TODAY.isoformat() and rows[0]["level"] == "stabilize_02"
    assert (rows[0]["side"], rows[0]["seconds_held"], rows[1]["seconds_held"]) == (
        "left",
        19.5,
        17.2,
    )
    assert rows[0]["pain"] == "mild" and rows[0]["form"] == "steady"
    assert rows[2]["skipped"] is True
    assert rows[3]["exercise"] == "" and rows[3]["level"] == "stabilize_01"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HISTORY_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    assert out.getvalue().splitlines()[0] == ",".join(HISTORY_COLUMNS)
