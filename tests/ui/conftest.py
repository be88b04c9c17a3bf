"""Fixtures the screen tests share: the shipped content, a headless window, the harness."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pygame
import pytest
from harness import Harness, MakeHarness

from game.content import load_content
from game.content.model import Content


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


@pytest.fixture()
def screen() -> Iterator[pygame.Surface]:
    """A 1280x720 window on SDL's dummy driver, closed after the test."""
    pygame.display.init()
    pygame.font.init()
    yield pygame.display.set_mode((1280, 720))
    pygame.display.quit()


@pytest.fixture()
def make_harness(content: Content) -> Iterator[MakeHarness]:
    """Make the one harness of a test, with options (a clock, a text size...)."""
    made: list[Harness] = []

    def make(**options: Any) -> Harness:
        assert not made, "one app, one window per test"
        made.append(Harness(content, **options))
        return made[0]

    yield make
    for harness in made:
        harness.close()


@pytest.fixture()
def harness(make_harness: MakeHarness) -> Harness:
    """The real app, headless: a fake clock, an in-memory save, no sound."""
    return make_harness()
