"""Blending two colours: the one mix every screen, chart, icon and the guide use."""

from __future__ import annotations

import math
from collections.abc import Callable

from game.ui.theme import Color


def mix(a: Color, b: Color, t: float, *, floor: bool = False) -> Color:
    """Blend two colours, ``t`` from 0 (a) to 1 (b), clamped to that range.

    Each channel is rounded to the nearest whole number, or down with
    ``floor``: the guide figure has always been shaded that way, and its
    pictures (contact sheets, screenshots) stay as they are.
    """
    t = max(0.0, min(1.0, t))
    whole: Callable[[float], int] = math.floor if floor else round
    return (
        whole(a[0] + (b[0] - a[0]) * t),
        whole(a[1] + (b[1] - a[1]) * t),
        whole(a[2] + (b[2] - a[2]) * t),
    )
