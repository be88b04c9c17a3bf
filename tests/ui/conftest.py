"""Fixtures the screen tests share: the shipped content and a headless window."""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pytest

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
