"""The progression rules stay pure: no pygame, no wall clock, no files."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "game" / "progress"


def test_progress_imports_no_pygame() -> None:
    code = "import sys, game.progress; print('pygame' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=PACKAGE.parents[1],
    )  # fmt: skip
    assert out.stdout.strip() == "False"


def test_no_clock_or_io_in_the_rules() -> None:
    banned = r"\b(datetime\.now|date\.today|time\.time|monotonic|open|utcnow|print)\("
    for path in PACKAGE.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(banned, text), f"{path.name}: {re.search(banned, text)}"
        assert len(text.splitlines()) <= 400, path.name
