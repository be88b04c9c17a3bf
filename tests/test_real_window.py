"""The real game in a real window on a virtual X screen, driven by real key events.

Starts Xvfb, launches ``python -m game`` with a fresh save folder and a fast
session clock, and plays through the first run, today's level, the form and
pain check and the badges screen with xdotool, taking a screenshot at each
step into ``tests/artifacts/real_window/``. Then it checks the save holds the
completed session and the first badge. Skipped where Xvfb or xdotool is
missing; CI installs both.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.xvfb

ARTIFACTS = Path(__file__).resolve().parent / "artifacts" / "real_window"
NEEDED = ("Xvfb", "xdotool", "xwininfo")


def _missing() -> list[str]:
    return [tool for tool in NEEDED if shutil.which(tool) is None]


@pytest.fixture()
def display() -> Iterator[str]:
    missing = _missing()
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (CI installs them)")
    for number in range(91, 120):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            break
    name = f":{number}"
    proc = subprocess.Popen(
        ["Xvfb", name, "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            pytest.skip("Xvfb did not start")
        time.sleep(0.05)
    try:
        yield name
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class Driver:
    """Sends keys to the game window and takes screenshots."""

    def __init__(self, display: str, game: subprocess.Popen[bytes]) -> None:
        self.env = {**os.environ, "DISPLAY": display}
        self.game = game
        self.shots = 0
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for old in ARTIFACTS.glob("*.png"):
            old.unlink()
        self.window = self._find_window()
        # A fresh X server has no input focus; give it to the game window.
        subprocess.run(
            ["xdotool", "windowfocus", "--sync", self.window], env=self.env, check=False,
            capture_output=True, timeout=10,
        )  # fmt: skip

    def _find_window(self) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.game.poll() is not None:
                raise AssertionError(f"the game exited early with code {self.game.returncode}")
            tree = subprocess.run(
                ["xwininfo", "-root", "-tree"], env=self.env, capture_output=True, text=True,
                check=False,
            )  # fmt: skip
            for line in tree.stdout.splitlines():
                if '"Spine Quest"' in line:
                    time.sleep(1.0)  # let the first frame land
                    return line.split()[0]
            time.sleep(0.2)
        raise AssertionError("the game window did not appear")

    def key(self, *keys: str, wait: float = 0.4) -> None:
        for k in keys:
            subprocess.run(["xdotool", "key", "--window", self.window, k], env=self.env, check=True)
            time.sleep(0.12)
        time.sleep(wait)

    def type(self, text: str, wait: float = 0.4) -> None:
        """Type letters as real key presses (``xdotool type`` needs X focus)."""
        keys = [f"shift+{ch.lower()}" if ch.isupper() else ch for ch in text]
        self.key(*keys, wait=wait)

    def shot(self, name: str) -> Path:
        self.shots += 1
        path = ARTIFACTS / f"{self.shots:02d}_{name}.png"
        if shutil.which("import"):
            subprocess.run(
                ["import", "-window", "root", str(path)], env=self.env, check=False,
                capture_output=True,
            )  # fmt: skip
        return path


def _save(saves: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((saves / "spinequest.json").read_text("utf-8"))
    return data


def _table(doc: dict[str, object], name: str) -> list[dict[str, object]]:
    table = doc.get(name, {})
    assert isinstance(table, dict)
    return list(table.values())


def test_first_run_today_level_checkin_and_badges_in_a_real_window(
    display: str, tmp_path: Path
) -> None:
    saves = tmp_path / "saves"
    env = {
        **os.environ,
        "DISPLAY": display,
        "SDL_VIDEODRIVER": "x11",
        "SDL_AUDIODRIVER": "dummy",
    }
    cmd = [sys.executable, "-m", "game", "--saves", str(saves), "--time-scale", "90"]
    game = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        ui = Driver(display, game)
        ui.shot("title")
        ui.key("Return")  # Start
        ui.shot("first_run_name")
        ui.type("Robin")
        ui.key("Return")
        ui.shot("first_run_safety")
        ui.key("Return")  # I understand
        ui.shot("first_run_equipment")
        ui.key("Tab", "Tab", "Tab", "Tab", "Tab", "Tab")  # past the six equipment boxes
        ui.key("Return")  # Continue with just the mat
        ui.shot("first_run_breathing")
        ui.key("Return")  # Skip the breathing intro
        ui.shot("self_test")
        ui.key("Escape")  # skip the starting self-test: moves start at their written doses
        ui.shot("main_menu")
        ui.key("t")  # Today's level
        ui.shot("level_intro")
        ui.key("Return")  # Start
        time.sleep(3)
        ui.shot("playing")
        # Levels last 6 to 15 minutes: at 90x that is at most 10 s of wall time.
        time.sleep(10)
        ui.shot("check_in")
        ui.key("Return")  # every move steady, right, no pain
        ui.shot("level_complete")
        time.sleep(2.0)
        ui.key("Return")  # back to the menu
        ui.key("b")  # badges
        ui.shot("badges")
        ui.key("Escape")
        ui.key("q")  # quit from the main menu
        game.wait(timeout=20)
    finally:
        if game.poll() is None:
            game.kill()
        out, err = game.communicate(timeout=10)
        if game.returncode not in (0, None):
            print(out.decode(), err.decode())
    assert game.returncode == 0, err.decode()
    doc = _save(saves)
    sessions = _table(doc, "sessions")
    assert any(s.get("completed") is True and s.get("daily") is True for s in sessions), sessions
    badges = _table(doc, "badges")
    assert badges, "the first finished level earns a badge"
