"""Hand-edited saves that once stopped the game and ``stats`` from starting at all.

Each test damages a real save folder the way a hostile tester did, then runs
the real commands: ``stats`` must end with one clear line (exit 1) or work from
the backup, and the game must start (a few frames, headless) on the main menu
or the recovery screen. No traceback, and the damaged file is never lost.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from game.cli import launch
from game.cli.main import main
from game.content import load_content
from game.progress import xp_for
from game.session.result import ExerciseResult, Form, SessionResult, Side
from game.store import BACKUP_NAME, SAVE_NAME, open_store
from game.ui.loop import App
from game.ui.scene import Scene
from game.ui.scenes.main_menu import MainMenuScene
from game.ui.scenes.recovery_screen import RecoveryScene

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
#: A whole number well inside a float's range; two of them added are not.
HUGE = 10**308


def _make_save(folder: Path) -> None:
    """A profile with three sessions, so both the save and its backup exist."""
    content = load_content()
    with open_store(folder, now=lambda: NOW) as store:
        pid = store.create_profile("Ana").id
        for n, level in enumerate(content.stage_levels("stabilize")[:3]):
            start = datetime(2026, 2, 20 + n, 8, 0, tzinfo=timezone.utc)
            result = SessionResult(
                level_id=level.id,
                local_date=date(2026, 2, 20 + n),
                started_at=start,
                ended_at=start + timedelta(minutes=10),
                utc_offset_minutes=0,
                exercises=(
                    ExerciseResult("pelvic_tilt", Side.BOTH, seconds_held=40.0, reps=8),
                    ExerciseResult("dead_bug", Side.BOTH, seconds_held=30.0, reps=6),
                ),
                form=Form.STEADY,
            )
            store.record_session(pid, result, xp_for(result, content))
        store.set_last_profile_id(pid)


def _edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    document = json.loads(path.read_bytes())
    change(document)
    path.write_text(json.dumps(document), "utf-8")


def _huge_holds(document: dict[str, Any]) -> None:
    for record in document["sessions"].values():
        for exercise in record["exercises"]:
            exercise[2] = HUGE


def _nul_name(document: dict[str, Any]) -> None:
    document["profiles"]["1"]["name"] = "An\x00a"


def _first_screen(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Run the real start-up, then let the first screen draw a few frames."""
    seen: dict[str, Any] = {}
    real_run = App.run

    def run(self: App, first: Scene) -> int:
        seen["scene"] = first
        seen["notices"] = list(self.ctx.notices)
        return real_run(self, first)

    monkeypatch.setattr(App, "run", run)
    return seen


@pytest.mark.parametrize(("change", "words"), [(_huge_holds, "seconds_held"), (_nul_name, "name")])
def test_a_bad_value_in_both_files_is_told_not_a_traceback(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    change: Callable[[dict[str, Any]], None],
    words: str,
) -> None:
    _make_save(tmp_path)
    for name in (SAVE_NAME, BACKUP_NAME):
        _edit(tmp_path / name, change)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}

    assert main(["stats", "--saves", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "could not be read" in err and words in err
    assert "Nothing has been deleted" in err

    seen = _first_screen(monkeypatch)
    assert launch.play(saves_dir=tmp_path, max_frames=4) == 0
    assert isinstance(seen["scene"], RecoveryScene)
    assert words in seen["scene"].message
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert {k: v for k, v in after.items() if k != "spinequest.lock"} == {
        k: v for k, v in before.items() if k != "spinequest.lock"
    }


@pytest.mark.parametrize(("change", "words"), [(_huge_holds, "seconds_held"), (_nul_name, "name")])
def test_a_bad_value_in_the_save_alone_restores_the_backup_and_says_so(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    change: Callable[[dict[str, Any]], None],
    words: str,
) -> None:
    _make_save(tmp_path)
    _edit(tmp_path / SAVE_NAME, change)
    damaged = (tmp_path / SAVE_NAME).read_bytes()
    copy = tmp_path.parent / f"{tmp_path.name}-copy"
    shutil.copytree(tmp_path, copy)
    assert main(["stats", "--saves", str(copy)]) == 0
    told = capsys.readouterr().err
    assert words in told and "set aside" in told and "restored" in told
    seen = _first_screen(monkeypatch)
    assert launch.play(saves_dir=tmp_path, max_frames=4) == 0
    assert isinstance(seen["scene"], MainMenuScene)
    (notice,) = seen["notices"]
    assert words in notice and "set aside" in notice and "restored" in notice
    assert [p.read_bytes() for p in (tmp_path / "quarantine").iterdir()] == [damaged]
    assert main(["stats", "--json", "--saves", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out)["profile"] == "Ana"


def test_a_file_named_quarantine_does_not_stop_the_game_or_stats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _make_save(tmp_path)
    (tmp_path / "quarantine").write_text("in the way", "utf-8")
    (tmp_path / SAVE_NAME).write_bytes(b'{"schema_version": 1, "prof')
    assert main(["stats", "--saves", str(tmp_path)]) == 0
    assert "Ana" in capsys.readouterr().out
    assert (tmp_path / "quarantine-2").is_dir()

    (tmp_path / SAVE_NAME).write_bytes(b"{")
    seen = _first_screen(monkeypatch)
    assert launch.play(saves_dir=tmp_path, max_frames=4) == 0
    assert isinstance(seen["scene"], MainMenuScene)
    (notice,) = seen["notices"]
    assert "quarantine-2" in notice and "not a folder" in notice
    assert sorted(p.read_bytes() for p in (tmp_path / "quarantine-2").iterdir()) == [
        b"{",
        b'{"schema_version": 1, "prof',
    ]
