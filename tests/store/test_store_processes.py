"""Real processes: a second game is refused, and a killed game never breaks the save."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_helpers import fixed_now, make_result

from game.store import BACKUP_NAME, SAVE_NAME, SaveLocked, open_store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WRITER = HERE / "store_crash_writer.py"
KILL_RUNS = 120


def _spawn(mode: str, folder: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(HERE)]))
    return subprocess.Popen(
        [sys.executable, str(WRITER), mode, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _ready(child: subprocess.Popen[str]) -> int:
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.startswith("ready"), f"child did not start: {line!r} {child.stderr}"
    return int(line.split()[1])


def test_second_game_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    first = _spawn("hold", folder)
    try:
        _ready(first)
        with pytest.raises(SaveLocked) as caught:
            open_store(folder, now=fixed_now)
        message = str(caught.value)
        assert str(folder) in message and "already using" in message
        assert str(first.pid) in message

        second = subprocess.run(
            [sys.executable, str(WRITER), "open", str(folder)],
            capture_output=True,
            text=True,
            env=dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(HERE)])),
            timeout=60,
        )
        assert second.returncode == 3
        assert "already using the save folder" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        first.kill()
        first.communicate()
    # The first game died without closing: its lock does not block the next start.
    with open_store(folder, now=fixed_now) as store:
        assert store.notices == []


def test_lock_is_released_on_close_and_refused_within_one_process(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    with open_store(folder, now=fixed_now), pytest.raises(SaveLocked):
        open_store(folder, now=fixed_now)
    with open_store(folder, now=fixed_now) as again:
        again.create_profile("Ana")


def _sessions_in(data: bytes) -> list[str]:
    document = json.loads(data)
    records = sorted(document["sessions"].items(), key=lambda item: int(item[0]))
    return [record["level_id"] for _, record in records]


@pytest.mark.slow
def test_sigkill_while_saving_never_leaves_an_unreadable_save(tmp_path: Path) -> None:
    """Kill a saving game at random moments; the save always holds the old or new state."""
    folder = tmp_path / "saves"
    with open_store(folder, now=fixed_now) as store:
        pid = store.create_profile("Ana").id
        for n in range(150):
            store.record_session(pid, make_result(n), n % 100)
    rng = random.Random(20261121)
    unreadable: list[str] = []
    landed_unacknowledged = 0
    saves_seen = []
    for run in range(KILL_RUNS):
        child = _spawn("write", folder)
        before = _ready(child)
        time.sleep(rng.uniform(0.0, 0.04))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        # Read through the text buffer: _ready's readline may already hold later lines,
        # which communicate(), reading the pipe itself, would never see.
        assert child.stdout is not None
        out = child.stdout.read()
        child.communicate(timeout=60)
        assert child.returncode == -signal.SIGKILL
        acknowledged = max([before, *(int(line) for line in out.split())])
        saves_seen.append(acknowledged - before)
        try:
            held = _sessions_in((folder / SAVE_NAME).read_bytes())
            _sessions_in((folder / BACKUP_NAME).read_bytes())
        except (ValueError, KeyError) as exc:
            unreadable.append(f"run {run}: {exc}")
            continue
        # Either the state the child last confirmed, or the one it was writing.
        assert len(held) in (acknowledged, acknowledged + 1), (run, len(held), acknowledged)
        assert held == [f"level-{n}" for n in range(len(held))]
        landed_unacknowledged += len(held) == acknowledged + 1
    assert unreadable == [], unreadable
    # The kills landed while saving, not only before the first save.
    assert sum(1 for saved in saves_seen if saved > 0) >= KILL_RUNS // 4
    with open_store(folder, now=fixed_now) as store:
        assert store.notices == []
        assert len(store.sessions(1)) >= 150 + sum(saves_seen)
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    print(
        f"\n{KILL_RUNS} SIGKILL runs, {len(unreadable)} unreadable, "
        f"{sum(saves_seen)} confirmed saves, {landed_unacknowledged} killed after the rename"
    )
