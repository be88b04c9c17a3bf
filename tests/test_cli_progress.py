"""``stats`` and ``export`` on real save folders: output, JSON keys, CSV rows and refusals."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from game.cli.main import main
from game.content import load_content
from game.content.model import Content
from game.progress import HISTORY_COLUMNS, xp_for
from game.session.result import ExerciseResult, Form, Pain, SessionResult, Side
from game.store import open_store

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def _result(level_id: str, day: date, *, pain: Pain = Pain.NONE) -> SessionResult:
    start = datetime(day.year, day.month, day.day, 8, 0, tzinfo=timezone.utc)
    return SessionResult(
        level_id=level_id,
        local_date=day,
        started_at=start,
        ended_at=start + timedelta(minutes=10),
        utc_offset_minutes=0,
        exercises=(
            ExerciseResult("pelvic_tilt", Side.BOTH, seconds_held=40.0, reps=8),
            ExerciseResult("side_plank_bent_knee", Side.LEFT, seconds_held=20.0),
            ExerciseResult("side_plank_bent_knee", Side.RIGHT, seconds_held=18.5),
        ),
        form=Form.STEADY,
        pain=pain,
        daily=True,
    )


def _make_save(
    folder: Path, content: Content, names: tuple[str, ...] = ("Ana",), *, master: bool = False
) -> None:
    """Three stage-1 levels on three days; with ``master``, the first level is then
    played in full on as many more days as mastering it takes."""
    store = open_store(folder, now=lambda: NOW)
    try:
        for name in names:
            pid = store.create_profile(name).id
            levels = [lv.id for lv in content.stage_levels("stabilize")[:3]]
            for i, lid in enumerate(levels):
                r = _result(lid, date(2026, 2, 20) + timedelta(days=i))
                store.record_session(pid, r, xp_for(r, content))
            first = content.stage_levels("stabilize")[0]
            moves = dict.fromkeys(s.exercise for s in first.all_steps())
            work = tuple(ExerciseResult(m, seconds_held=40.0, reps=8) for m in moves)
            for i in range(content.stages["stabilize"].mastery_days if master else 0):
                r = replace(
                    _result(first.id, date(2026, 2, 23) + timedelta(days=i)), exercises=work
                )
                store.record_session(pid, r, xp_for(r, content))
            store.set_last_profile_id(pid)
    finally:
        store.close()


def test_stats_prints_an_aligned_block(
    tmp_path: Path, content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_save(tmp_path, content, master=True)
    assert main(["stats", "--saves", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for label in ("XP", "Player level", "Streak", "Streak freezes", "Weekly goal", "Badges"):
        assert f"  {label} " in out
    assert "Open stages" in out and "Mastered levels" in out
    assert "Find your neutral" in out  # a mastered level, by name
    starts = set()
    for label in ("XP", "Player level", "Weekly goal", "Mastered levels"):
        line = next(ln for ln in out.splitlines() if ln.startswith(f"  {label} "))
        rest = line[2 + len(label) :]
        starts.add(2 + len(label) + len(rest) - len(rest.lstrip()))
    assert len(starts) == 1, "the values line up in one column"


def test_stats_json_has_every_key(
    tmp_path: Path, content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_save(tmp_path, content, master=True)
    assert main(["stats", "--json", "--saves", str(tmp_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    expected = {"profile", "xp", "player_level", "streak", "weekly_goal", "badges"}
    assert expected | {"open_stages", "mastered_levels"} <= set(data)
    assert data["profile"] == "Ana"
    assert data["xp"] > 0
    assert set(data["streak"]) >= {"current", "best", "freezes_held"}
    assert set(data["weekly_goal"]) == {"done", "goal"}
    assert data["mastered_levels"][0] == "stabilize_01"
    assert any(b["earned_on"] == "2026-02-20" for b in data["badges"])


def test_export_writes_one_row_per_exercise_and_side(
    tmp_path: Path, content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_save(tmp_path, content)
    out = tmp_path / "share" / "history.csv"
    assert main(["export", "--out", str(out), "--saves", str(tmp_path)]) == 0
    assert "9 rows" in capsys.readouterr().out
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert tuple(rows[0]) == HISTORY_COLUMNS
    assert len(rows) == 9  # three sessions, three exercise-sides each
    first = rows[:3]
    assert {r["date"] for r in first} == {"2026-02-20"}
    assert [r["side"] for r in first] == ["both", "left", "right"]
    assert [float(r["seconds_held"]) for r in first] == [40.0, 20.0, 18.5]
    assert first[0]["reps"] == "8"
    assert first[0]["form"] == "steady" and first[0]["pain"] == "none"


def test_several_profiles_use_the_last_one_and_say_so(
    tmp_path: Path, content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_save(tmp_path, content, names=("Ana", "Ben"))
    assert main(["stats", "--json", "--saves", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["profile"] == "Ben"
    assert "Ben" in captured.err and "--profile" in captured.err
    assert main(["stats", "--json", "--profile", "ana", "--saves", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out)["profile"] == "Ana"
    assert main(["stats", "--profile", "Zoe", "--saves", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Zoe" in err and "Ana" in err


def test_no_save_and_no_profile_are_clear_refusals(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "none"
    assert main(["stats", "--saves", str(empty)]) == 1
    assert "play the game once" in capsys.readouterr().err
    assert not empty.exists(), "a read command never creates a save"
    open_store(tmp_path, now=lambda: NOW).close()  # a save with no profile in it
    assert main(["export", "--out", str(tmp_path / "x.csv"), "--saves", str(tmp_path)]) == 1
    assert "no player profile" in capsys.readouterr().err.lower()
    assert not (tmp_path / "x.csv").exists()


def _folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_stats_and_export_read_the_last_save_while_a_game_holds_the_folder(
    tmp_path: Path, content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_save(tmp_path / "saves", content)
    saves = tmp_path / "saves"
    assert main(["stats", "--json", "--saves", str(saves)]) == 0
    unlocked = json.loads(capsys.readouterr().out)
    game = open_store(saves, now=lambda: NOW)  # the game holds the folder
    try:
        before = _folder_bytes(saves)
        assert main(["stats", "--json", "--saves", str(saves)]) == 0
        captured = capsys.readouterr()
        assert json.loads(captured.out) == unlocked
        (note,) = captured.err.strip().splitlines()
        stamp = datetime.fromisoformat(json.loads(before["spinequest.json"])["saved_at"])
        assert "Spine Quest is open" in note
        assert f"as of its last save, {stamp:%Y-%m-%d %H:%M} UTC" in note
        out = tmp_path / "history.csv"
        assert main(["export", "--out", str(out), "--saves", str(saves)]) == 0
        assert "as of its last save" in capsys.readouterr().err
        with out.open(newline="", encoding="utf-8") as fh:
            assert len(list(csv.DictReader(fh))) == 9
        assert main(["stats", "--saves", str(saves)]) == 0
        assert "Ana" in capsys.readouterr().out
        assert _folder_bytes(saves) == before, "nothing in the folder was written"
        assert not (saves / "quarantine").exists()
        # The game still owns the folder and goes on saving.
        game.update_settings(1, volume=0.5)
    finally:
        game.close()
    assert main(["stats", "--saves", str(saves)]) == 0, "the lock was released"


def test_while_a_game_holds_a_damaged_save_stats_read_the_backup_and_move_nothing(
    tmp_path: Path, content: Content, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_save(tmp_path, content)
    game = open_store(tmp_path, now=lambda: NOW)
    try:
        (tmp_path / "spinequest.json").write_bytes(b'{"schema_version": 1, "prof')
        before = _folder_bytes(tmp_path)
        assert main(["stats", "--json", "--saves", str(tmp_path)]) == 0
        captured = capsys.readouterr()
        assert json.loads(captured.out)["profile"] == "Ana"
        assert "cut short" in captured.err and "showing the backup" in captured.err
        assert _folder_bytes(tmp_path) == before
        (tmp_path / "spinequest.json.bak").write_bytes(b"")
        assert main(["stats", "--saves", str(tmp_path)]) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert "could not be read" in err[-1] and len(err) == 1
    finally:
        game.close()
