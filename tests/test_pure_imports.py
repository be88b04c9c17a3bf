"""The pure core never imports pygame (design rule 1).

Each package is imported in a fresh interpreter, so a pygame import pulled in
by any test or by another package in this process cannot hide a leak.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PURE = (
    "game.content",
    "game.content.loader",
    "game.rig",
    "game.session",
    "game.progress",
    "game.store",
    "game.clock",
    "game.motion",
)


def _present(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


@pytest.mark.parametrize("module", PURE)
def test_pure_module_does_not_import_pygame(module: str) -> None:
    if not _present(module):
        pytest.skip(f"{module} does not exist yet")
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        "leaked = sorted(m for m in sys.modules if m == 'pygame' or m.startswith('pygame.'))\n"
        "print(','.join(leaked))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", f"{module} imports {done.stdout.strip()}"


def test_all_pure_packages_together_and_loading_content_stay_pygame_free() -> None:
    present = [m for m in PURE if _present(m)]
    assert "game.content" in present
    code = (
        "import importlib, sys\n"
        f"for name in {present!r}:\n"
        "    importlib.import_module(name)\n"
        "from game.content import check_paths, levels_dir\n"
        "check_paths([levels_dir()])\n"
        "print('pygame' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
