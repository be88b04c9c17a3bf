"""Easing curves between keyframes, looked up by the name an animation gives.

Every curve maps 0 to 0 and 1 to 1 and never goes backwards, so a move eased
between two poses never overshoots either one (tests check this).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from types import MappingProxyType

Easing = Callable[[float], float]


def _linear(t: float) -> float:
    return t


def _smooth(t: float) -> float:
    return t * t * (3.0 - 2.0 * t)


def _smoother(t: float) -> float:
    return t * t * t * (t * (6.0 * t - 15.0) + 10.0)


def _sine(t: float) -> float:
    return 0.5 - 0.5 * math.cos(math.pi * t)


def _ease_in(t: float) -> float:
    return t * t


def _ease_out(t: float) -> float:
    return 1.0 - (1.0 - t) * (1.0 - t)


#: Easing curves by name, as an animation's ``easing`` field names them.
EASINGS: Mapping[str, Easing] = MappingProxyType(
    {
        "linear": _linear,
        "smooth": _smooth,
        "smoother": _smoother,
        "sine": _sine,
        "ease_in": _ease_in,
        "ease_out": _ease_out,
    }
)


def ease(name: str, t: float) -> float:
    """Apply the named curve to ``t`` clamped to 0..1 (unknown names are linear)."""
    t = 0.0 if t < 0.0 else 1.0 if t > 1.0 else t
    return EASINGS.get(name, _linear)(t)
