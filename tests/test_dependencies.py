"""Both ends of every dependency range are tested: the oldest pins match pyproject."""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = (ROOT / "pyproject.toml").read_text("utf-8")
OLDEST = ROOT / "constraints" / "oldest.txt"


def _section(name: str) -> str:
    """The text of one ``name = [...]`` list in pyproject.toml."""
    found = re.search(rf"^{re.escape(name)} = \[(.*?)\]", PYPROJECT, flags=re.S | re.M)
    assert found is not None, f"pyproject.toml has no {name} list"
    return found.group(1)


def _release(version: str) -> tuple[int, ...]:
    """``"6.0"`` and ``"6.0.0"`` are the same release."""
    parts = [int(p) for p in version.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def _lower_bounds(text: str) -> dict[str, tuple[int, ...]]:
    found = re.findall(r'"([A-Za-z0-9_.-]+)>=([0-9.]+)"', text)
    return {name.lower(): _release(version) for name, version in found}


def test_oldest_constraints_pin_every_lower_bound_of_the_game_and_its_tests() -> None:
    wanted = _lower_bounds(_section("dependencies")) | _lower_bounds(_section("test"))
    pins = {
        name.lower(): _release(version)
        for name, version in re.findall(
            r"^([A-Za-z0-9_.-]+)==([0-9.]+)$", OLDEST.read_text("utf-8"), flags=re.M
        )
    }
    assert wanted, "no lower bounds found in pyproject.toml"
    assert pins == wanted


def test_ci_runs_the_suite_under_the_oldest_constraints() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "-c constraints/oldest.txt" in ci
    assert ci.count("-m pytest") >= 2


@pytest.mark.parametrize("width", [3, 7])
def test_pygame_draws_wide_antialiased_lines(width: int) -> None:
    """The guide's limbs are wide anti-aliased lines; pygame-ce below 2.5.3
    took the width for a deprecated 'blend' flag and drew them one pixel wide."""
    surface = pygame.Surface((60, 60))
    pygame.draw.aaline(surface, (255, 255, 255), (10, 30), (50, 30), width)
    rows = {y for y in range(60) for x in range(60) if surface.get_at((x, y))[0] > 0}
    assert len(rows) >= width
