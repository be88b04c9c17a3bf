"""The import contracts in pyproject.toml cover the whole package.

`lint-imports` (import-linter, a dev dependency, run by CI) checks every import
of every submodule against the contracts; these tests make sure no module of
the game is left out of them, and run the linter itself where it is installed.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = (ROOT / "pyproject.toml").read_text("utf-8")

#: The pure core of the design: no pygame, no screens, no start-up code.
PURE = (
    "game.clock",
    "game.content",
    "game.rig",
    "game.session",
    "game.progress",
    "game.store",
    "game.settings",
    "game.playerdata",
    "game.reminders",
    "game.reminder_install",
    "game.motion",
)


def _list(key: str) -> list[str]:
    found = re.search(rf"^{key} = \[(.*?)\]", PYPROJECT, flags=re.S | re.M)
    assert found is not None, f"no {key} in pyproject.toml"
    return re.findall(r'"([^"]+)"', found.group(1))


def _top_level_modules() -> set[str]:
    names = set()
    for path in (ROOT / "game").iterdir():
        if path.is_dir() and (path / "__init__.py").exists():
            names.add(f"game.{path.name}")
        elif path.suffix == ".py" and path.stem != "__init__":
            names.add(f"game.{path.stem}")
    return names


def test_every_module_of_the_game_sits_in_a_layer() -> None:
    layered = {m.strip() for layer in _list("layers") for m in re.split(r"[|:]", layer)}
    assert _top_level_modules() == layered


def test_the_pure_core_is_forbidden_pygame_and_the_screens() -> None:
    assert set(_list("source_modules")) == set(PURE)
    forbidden = set(_list("forbidden_modules"))
    assert {"pygame", "game.ui", "game.app", "game.launch", "game.audio"} <= forbidden


LINT = Path(sys.executable).parent / "lint-imports"


@pytest.mark.skipif(not LINT.exists(), reason="import-linter (a dev dependency) not installed")
def test_the_contracts_hold() -> None:
    done = subprocess.run(
        [str(LINT)], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
