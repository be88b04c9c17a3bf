"""Anti-aliased filled discs, blitted from a small cache of sprites.

The guide is made of capsules with round ends, so one figure needs about
seventy anti-aliased discs a frame. ``pygame.draw.aacircle`` works them out
pixel by pixel every time (8 to 17 microseconds each at the guide's sizes);
a disc of a given colour and radius is always the same picture, so it is
drawn once onto a transparent sprite and then blitted (under 1 microsecond).

``aacircle`` snaps its centre and radius to whole pixels (it truncates them),
and on a transparent surface filled with the disc's own colour it writes the
edge coverage into the alpha channel. A sprite made that way and blitted at
the truncated centre therefore puts exactly the pixels on screen that
``aacircle`` would have; ``tests/ui/test_discs.py`` checks this pixel by pixel.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

Color = tuple[int, int, int]

#: Sprites kept at most; a guide uses a few dozen (colour, radius) pairs.
CACHE_LIMIT = 512

_SPRITES: dict[tuple[Color, int], pygame.Surface] = {}


def _sprite(color: Color, radius: int) -> pygame.Surface:
    key = (color, radius)
    sprite = _SPRITES.get(key)
    if sprite is None:
        if len(_SPRITES) >= CACHE_LIMIT:
            _SPRITES.clear()
        size = 2 * radius + 3
        sprite = pygame.Surface((size, size), pygame.SRCALPHA)
        sprite.fill((*color, 0))
        pygame.draw.aacircle(sprite, color, (radius + 1, radius + 1), radius)
        _SPRITES[key] = sprite
    return sprite


def aa_disc(surface: pygame.Surface, color: Color, center: Sequence[float], radius: float) -> None:
    """Draw what ``pygame.draw.aacircle(surface, color, center, radius)`` draws."""
    r = int(radius)
    if r < 1:
        pygame.draw.aacircle(surface, color, center, radius)
        return
    sprite = _sprite((color[0], color[1], color[2]), r)
    surface.blit(sprite, (int(center[0]) - r - 1, int(center[1]) - r - 1))


def cached_count() -> int:
    """How many sprites are cached now (the tests read it)."""
    return len(_SPRITES)
