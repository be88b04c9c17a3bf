"""Screenshots of the main menu and the player screen on screens of other sizes.

    python scripts/shoot_sizes.py OUT_DIR [WxH ...]     # default 960x540 1280x720 2560x1440

For each size this starts a virtual X screen of that size (Xvfb) with a small
window manager (openbox), opens the real game in a window on a save with one
player, makes it fill the screen with F11 (as a player on a small laptop or a
large monitor would; at 1280x720 the window's title bar would otherwise push
its bottom edge off the screen), and captures the main menu and the player
screen a few seconds into today's level with ImageMagick's ``import``.
Without a window manager X ignores a request to fill the screen, so openbox
is needed: ``apt-get install -y xvfb xdotool x11-utils imagemagick openbox``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NEEDED = ("Xvfb", "openbox", "xdotool", "xwininfo", "import")
SIZES = ("960x540", "1280x720", "2560x1440")


def _free_display() -> str:
    for number in range(70, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            return f":{number}"
    raise SystemExit("no free X display number")


def _wait_for(predicate: object, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(predicate) and predicate():
            return
        time.sleep(0.2)
    raise SystemExit(f"timed out waiting for {what}")


def _window(env: dict[str, str]) -> str:
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True, check=False
    )
    for line in tree.stdout.splitlines():
        if '"Spine Quest"' in line:
            return line.split()[0]
    return ""


def _prepare_save(folder: Path) -> None:
    from game.store import open_store

    with open_store(folder, now=lambda: datetime.now(timezone.utc)) as store:
        store.create_profile("Robin")


def shoot(size: str, out: Path) -> list[Path]:
    """Menu and player screenshots on a virtual screen of ``size``; returns the files."""
    display = _free_display()
    env = {**os.environ, "DISPLAY": display, "SDL_VIDEODRIVER": "x11", "SDL_AUDIODRIVER": "dummy"}
    procs: list[subprocess.Popen[bytes]] = []
    shots: list[Path] = []
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    with tempfile.TemporaryDirectory() as tmp:
        saves = Path(tmp) / "saves"
        _prepare_save(saves)
        try:
            procs.append(
                subprocess.Popen(
                    ["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"], **quiet
                )
            )
            socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
            _wait_for(socket.exists, 10, "Xvfb")
            procs.append(subprocess.Popen(["openbox"], env=env, **quiet))
            time.sleep(1.0)
            game = [sys.executable, "-m", "game", "--saves", str(saves)]
            procs.append(subprocess.Popen(game, env=env, cwd=ROOT, **quiet))
            _wait_for(lambda: bool(_window(env)), 30, "the game window")
            window = _window(env)
            time.sleep(1.5)

            def key(name: str, wait: float) -> None:
                subprocess.run(["xdotool", "key", "--window", window, name], env=env, check=True)
                time.sleep(wait)

            def capture(name: str) -> None:
                path = out / f"{name}_{size}.png"
                subprocess.run(["import", "-window", "root", str(path)], env=env, check=True)
                shots.append(path)

            subprocess.run(
                ["xdotool", "windowfocus", "--sync", window], env=env, check=False, **quiet
            )
            key("F11", 2.0)
            capture("main_menu")
            key("t", 1.5)  # today's level: the intro
            key("Return", 12.0)  # start it and let the guide get going
            capture("player")
        finally:
            for proc in reversed(procs):
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
    return shots


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        print(f"needs {', '.join(missing)}", file=sys.stderr)
        return 1
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for size in argv[1:] or SIZES:
        for path in shoot(size, out):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
