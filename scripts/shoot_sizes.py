"""Screenshots of the main menu and the player screen on screens of other sizes.

    python scripts/shoot_sizes.py OUT_DIR [WxH ...]     # default 960x540 1280x720 2560x1440
    python scripts/shoot_sizes.py --every-screen OUT_DIR [WxH ...]   # every screen (960x540)
    python scripts/shoot_sizes.py --display :19 ...     # use this X display number

``--every-screen`` plays a new player's whole first day with real key presses
and mouse clicks: title, the four first-run pages, the self-test's first
page, main menu, settings (top and the reminder rows), level map, badges,
progress, players, level intro,
the player screen, pause, the per-move check-in and the results, one
capture each. It also prints the smallest text on screen in physical pixels.

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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NEEDED = ("Xvfb", "openbox", "xdotool", "xwininfo", "import")
SIZES = ("960x540", "1280x720", "2560x1440")


def _free_display(wanted: str = "") -> str:
    if wanted:
        return wanted
    for number in range(70, 120):  # pragma: no branch
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


@dataclass
class Screen:
    """A game running full screen on a virtual screen, driven like a player would."""

    env: dict[str, str]
    window: str
    size: str
    out: Path
    shots: list[Path] = field(default_factory=list)

    def key(self, name: str, wait: float = 0.8) -> None:
        subprocess.run(["xdotool", "key", "--window", self.window, name], env=self.env, check=True)
        time.sleep(wait)

    def type(self, text: str, wait: float = 0.5) -> None:
        subprocess.run(["xdotool", "type", "--delay", "60", text], env=self.env, check=True)
        time.sleep(wait)

    def click(self, logical: tuple[int, int], wait: float = 1.0) -> None:
        """Click where a point of the 1280x720 logical screen is on this screen."""
        width, height = (int(n) for n in self.size.split("x"))
        x, y = round(logical[0] * width / 1280), round(logical[1] * height / 720)
        subprocess.run(
            ["xdotool", "mousemove", str(x), str(y), "click", "1"], env=self.env, check=True
        )
        time.sleep(wait)

    def capture(self, name: str) -> None:
        path = self.out / f"{name}_{self.size}.png"
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=True)
        self.shots.append(path)


@contextmanager
def _running(
    size: str, out: Path, saves: Path, display: str, extra: Sequence[str] = ()
) -> Iterator[Screen]:
    env = {**os.environ, "DISPLAY": display, "SDL_VIDEODRIVER": "x11", "SDL_AUDIODRIVER": "dummy"}
    procs: list[subprocess.Popen[bytes]] = []
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
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
        game = [sys.executable, "-m", "game", "--saves", str(saves), *extra]
        procs.append(subprocess.Popen(game, env=env, cwd=ROOT, **quiet))
        _wait_for(lambda: bool(_window(env)), 30, "the game window")
        window = _window(env)
        time.sleep(1.5)
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=False, **quiet)
        screen = Screen(env, window, size, out)
        screen.key("F11", 2.0)
        yield screen
    finally:
        for proc in reversed(procs):
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def shoot(size: str, out: Path, display: str = "") -> list[Path]:
    """Menu and player screenshots on a virtual screen of ``size``; returns the files."""
    with tempfile.TemporaryDirectory() as tmp:
        saves = Path(tmp) / "saves"
        _prepare_save(saves)
        with _running(size, out, saves, _free_display(display)) as screen:
            screen.capture("main_menu")
            screen.key("t", 1.5)  # today's level: the intro
            screen.key("Return", 12.0)  # start it and let the guide get going
            screen.capture("player")
            return screen.shots


def shoot_every_screen(size: str, out: Path, display: str = "") -> list[Path]:
    """Every screen a new player meets on the first day, one capture each."""
    with tempfile.TemporaryDirectory() as tmp:
        saves = Path(tmp) / "saves"
        extra = ("--time-scale", "40")  # the level takes ~15 s; the screens are the same
        with _running(size, out, saves, _free_display(display), extra) as s:
            s.capture("title")
            s.key("Return")
            s.capture("first_run_1_name")
            s.type("Robin")
            s.key("Return")
            s.capture("first_run_2_safety")
            s.key("Return")
            s.capture("first_run_3_equipment")
            s.click((296, 611))  # Continue
            s.capture("first_run_4_breathing")
            s.key("Return", 1.5)  # Skip
            s.capture("self_test")  # the starting self-test offers itself
            s.key("Escape", 1.5)  # skip it for now
            s.capture("main_menu")
            s.key("s")
            s.capture("settings")
            for _ in range(14):
                s.key("Down", 0.15)
            s.key("Down")  # the last reminder row: every reminder row is in view
            s.capture("settings_reminders")
            for name, key in (
                ("level_map", "m"),
                ("badges", "b"),
                ("progress", "p"),
                ("profiles", "r"),
            ):
                s.key("Escape")
                s.key(key)
                s.capture(name)
            s.key("Escape")
            s.key("t", 1.5)
            s.capture("level_intro")
            s.key("Return", 5.0)
            s.capture("player")
            s.key("space")
            s.capture("pause")
            s.key("r", 14.0)
            s.capture("check_in")  # one row per move
            s.key("Return", 6.0)  # everything steady; let the count-up finish
            s.capture("level_complete")
            return s.shots


def smallest_text(size: str) -> str:
    """The smallest text role's height on a screen of ``size``, in physical pixels."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game.content import assets_dir
    from game.ui.theme import SIZES, Theme

    pygame.init()
    height = int(size.split("x")[1])
    scale = min(int(size.split("x")[0]) / 1280, height / 720)
    theme = Theme(assets_dir() / "fonts")
    role = min(SIZES, key=lambda r: SIZES[r])
    font = theme.font(role)
    ink = font.render("H", True, (255, 255, 255)).get_bounding_rect().height
    return (
        f"{size}: smallest text ('{role}', {theme.px(role)} px logical) is "
        f"{theme.px(role) * scale:.1f} px high (font size), "
        f"line {font.get_height() * scale:.1f} px, capital letters {ink * scale:.1f} px"
    )


def main(argv: list[str]) -> int:
    every = "--every-screen" in argv
    argv = [a for a in argv if a != "--every-screen"]
    display = ""
    if "--display" in argv:
        at = argv.index("--display")
        display = argv[at + 1]
        del argv[at : at + 2]
    if not argv:
        print(__doc__)
        return 2
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        print(f"needs {', '.join(missing)}", file=sys.stderr)
        return 1
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for size in argv[1:] or (("960x540",) if every else SIZES):
        for path in (shoot_every_screen if every else shoot)(size, out, display):
            print(path)
        print(smallest_text(size))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
