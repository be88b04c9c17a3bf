"""Start-up: the title card is on screen before the heavy parts load, and nothing else changes.

The level files, the sound and the first screen load behind the card; these
tests check the order, that loading problems are still told the same way, and
that a closed window or a locked save folder ends the start cleanly.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

import game.content
from game.cli import launch
from game.clock import MonotonicClock
from game.content import ContentError, Problem, assets_dir
from game.store import open_store
from game.ui.loop import App
from game.ui.scene import Scene
from game.ui.scenes.recovery_screen import RecoveryScene
from game.ui.scenes.splash import READY_LINE, Splash
from game.ui.scenes.title import TitleScene
from game.ui.theme import Theme, fill_gradient

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def order(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What happened, in order: 'flip' for each presented frame, 'load' for load_content."""
    seen: list[str] = []
    real_flip = pygame.display.flip
    real_load = game.content.load_content

    def flip() -> None:
        seen.append("flip")
        real_flip()

    def load(folder: Path | None = None) -> object:
        seen.append("load")
        return real_load(folder)

    monkeypatch.setattr(pygame.display, "flip", flip)
    monkeypatch.setattr(game.content, "load_content", load)
    return seen


@pytest.fixture()
def first_scene(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Stop at the first screen: what it is and the notices it would show."""
    caught: dict[str, object] = {}

    def run(self: App, first: Scene) -> int:
        caught["scene"] = first
        caught["notices"] = list(self.ctx.notices)
        return 0

    monkeypatch.setattr(App, "run", run)
    return caught


def test_the_first_frame_is_presented_before_the_levels_load(
    order: list[str], tmp_path: Path
) -> None:
    assert launch.play(saves_dir=tmp_path, max_frames=3) == 0
    assert order[0] == "flip", order
    assert order.count("load") == 1
    assert "flip" in order[order.index("load") :], "the first screen is drawn after loading"


def test_nothing_heavy_is_imported_before_the_first_frame(tmp_path: Path) -> None:
    code = (
        "import json, os, sys\n"
        "import pygame\n"
        "real = pygame.display.flip\n"
        "def first():\n"
        "    real()\n"
        "    print(json.dumps(sorted(sys.modules)), flush=True)\n"
        "    os._exit(0)\n"
        "pygame.display.flip = first\n"
        "from game.cli.main import main\n"
        f"main(['--saves', {str(tmp_path)!r}])\n"
    )
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60, check=True,
    )  # fmt: skip
    loaded = set(json.loads(run.stdout.strip().splitlines()[-1]))
    assert "game.ui.scenes.splash" in loaded
    assert (tmp_path / "spinequest.lock").exists(), "the folder is locked before the window"
    heavy = {
        "yaml",
        "game.content.loader",
        "game.content.model",
        "game.audio.player",
        "game.player.data",
        "game.progress",
        "game.ui.widgets.text",
        "game.ui.scenes.title",
        "game.ui.scenes.main_menu",
        "game.cli.guide",
        "game.cli.progress",
        "game.cli.remind",
    }
    assert not heavy & loaded, sorted(heavy & loaded)


def test_a_level_file_problem_is_still_told_on_the_title(
    order: list[str], first_scene: dict[str, object], monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:  # fmt: skip
    def broken(folder: Path | None = None) -> object:
        order.append("load")
        raise ContentError([Problem("levels/x.yaml", 3, 1, "unknown key 'colour'", "remove it")])

    monkeypatch.setattr(game.content, "load_content", broken)
    assert launch.play(saves_dir=tmp_path) == 0
    assert order[:2] == ["flip", "load"]
    scene = first_scene["scene"]
    assert isinstance(scene, TitleScene)
    assert [item.label for item in scene.menu.items] == ["Quit"]
    assert first_scene["notices"] == [
        "1 problem(s) in the level files; run 'python -m game check' for details."
    ]


def test_an_unreadable_save_still_opens_the_recovery_screen(
    order: list[str], first_scene: dict[str, object], tmp_path: Path
) -> None:
    (tmp_path / "spinequest.json").write_text("{ not json", "utf-8")
    assert launch.play(saves_dir=tmp_path) == 0
    assert order[0] == "flip"
    assert isinstance(first_scene["scene"], RecoveryScene)
    assert (tmp_path / "spinequest.json").read_text("utf-8") == "{ not json", "left untouched"


def test_a_locked_folder_is_refused_before_any_window(
    order: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    held = open_store(tmp_path, now=MonotonicClock().now_utc)
    try:
        assert launch.play(saves_dir=tmp_path) == 1
    finally:
        held.close()
    assert order == [], "no frame and no loading"
    assert "Another copy of Spine Quest" in capsys.readouterr().err


def test_closing_the_window_while_loading_ends_at_once(
    order: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real_flip = pygame.display.flip

    def flip_then_close() -> None:
        real_flip()
        pygame.event.post(pygame.event.Event(pygame.QUIT))

    monkeypatch.setattr(pygame.display, "flip", flip_then_close)
    assert launch.play(saves_dir=tmp_path) == 0
    assert "load" not in order
    assert not pygame.display.get_init(), "the window was closed"
    open_store(tmp_path, now=MonotonicClock().now_utc).close()  # the lock was let go


def test_the_card_draws_the_name_and_keeps_keys_for_later() -> None:
    pygame.display.init()
    pygame.font.init()
    try:
        screen = pygame.display.set_mode((1280, 720))
        theme = Theme(assets_dir() / "fonts")
        splash = Splash(screen, theme)
        splash.show()
        assert screen.get_at((0, 0))[:3] == theme.c.bg_top
        assert screen.get_at((0, 719))[:3] == theme.c.bg_bottom
        line = theme.text(READY_LINE, "label", theme.c.text_dim)
        assert line.get_width() > 100
        colours = {screen.get_at((x, y))[:3] for x in range(100, 700) for y in range(160, 260, 4)}
        assert theme.c.accent in colours, "QUEST in the accent colour"
        pygame.event.clear()
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0))
        assert splash.pump(), "a key does not close the game"
        assert not pygame.event.peek(pygame.KEYDOWN), "keys pressed while loading are dropped"
        pygame.event.post(pygame.event.Event(pygame.QUIT))
        assert not splash.pump()
        assert splash.closed
    finally:
        pygame.display.quit()


def test_the_gradient_in_bands_is_one_colour_per_row_as_drawn_row_by_row() -> None:
    """Drawn in bands for speed, but pixel for pixel a row-by-row gradient."""
    pygame.display.init()
    try:
        pygame.display.set_mode((1280, 720))
        for palette in ("normal", "high_contrast"):
            theme = Theme(None, palette=palette)
            top, bottom = theme.c.bg_top, theme.c.bg_bottom
            for size in ((1280, 720), (300, 7), (5, 1)):
                card = pygame.Surface(size)
                fill_gradient(card, top, bottom)
                w, h = size
                for y in range(h):
                    t = y / max(1, h - 1)
                    row = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
                    for x in (0, w // 2, w - 1):
                        assert tuple(card.get_at((x, y)))[:3] == row, (palette, size, y)
            assert theme.background((1280, 720)).get_at((0, 719))[:3] == bottom
    finally:
        pygame.display.quit()
