"""Where a move's key point goes: the facts its words and framing are checked against.

An exercise names the body point that carries its move (``focus.point``).
This module measures that point along the path, so tests can hold the data
to what the guide really shows: "Hinge down" must move the key point down,
"Turn to the side" must turn the trunk, and the side the voice announces
must be the side whose limb moves.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from game.content.model_animation import Animation, AnimationMode
from game.rig.pose import pose_at, solve
from game.rig.vec import Vec3

__all__ = [
    "DIRECTIONS",
    "WORD_DIRECTIONS",
    "directions",
    "displacement",
    "key_point",
    "top_u",
    "trunk_turn",
    "word_direction",
    "working_side",
]

#: The ways a move can go, as its words name them.
DIRECTIONS: tuple[str, ...] = ("up", "down", "turn", "reach")

#: Words that say which way a move goes; the first one found in a phrase counts.
WORD_DIRECTIONS: Mapping[str, str] = {
    "lift": "up",
    "raise": "up",
    "curl": "up",
    "peel": "up",
    "row": "up",
    "rise": "up",
    "up": "up",
    "lower": "down",
    "hinge": "down",
    "drop": "down",
    "sink": "down",
    "flatten": "down",
    "press": "down",
    "down": "down",
    "turn": "turn",
    "twist": "turn",
    "rotate": "turn",
    "reach": "reach",
    "lean": "reach",
    "slide": "reach",
    "draw": "reach",
    "squeeze": "reach",
}

#: A direction counts when it is at least this share of the largest movement.
_SHARE = 0.4
#: A trunk turn of at least this many degrees is a turn.
_TURN_DEGREES = 15.0


def key_point(animation: Animation) -> str | None:
    """The body point that carries the move, if the animation names one."""
    return animation.focus.point if animation.focus is not None else None


def top_u(animation: Animation, reach: float = 1.0) -> float:
    """The path value at the end of the out phase (the top of a rep)."""
    return 0.5 if animation.mode is AnimationMode.LOOP else reach


def _points(animation: Animation, u: float, mirrored: bool) -> dict[str, Vec3]:
    return solve(pose_at(animation, u, mirrored))


def displacement(
    animation: Animation, point: str, u1: float | None = None, mirrored: bool = False
) -> Vec3:
    """How far ``point`` moves (metres, world axes) from the start to ``u1`` (the top)."""
    end = top_u(animation) if u1 is None else u1
    a, b = _points(animation, 0.0, mirrored)[point], _points(animation, end, mirrored)[point]
    return (b[0] - a[0], b[1] - a[1], b[2] - a[2])


def _shoulder_yaw(points: Mapping[str, Vec3]) -> float:
    left, right = points["shoulder_l"], points["shoulder_r"]
    return math.degrees(math.atan2(left[0] - right[0], left[2] - right[2]))


def trunk_turn(animation: Animation, u1: float | None = None, mirrored: bool = False) -> float:
    """Degrees the shoulders turn from the start to ``u1``; positive is to the right."""
    end = top_u(animation) if u1 is None else u1
    a = _shoulder_yaw(_points(animation, 0.0, mirrored))
    b = _shoulder_yaw(_points(animation, end, mirrored))
    return (b - a + 180.0) % 360.0 - 180.0


def directions(animation: Animation, point: str) -> frozenset[str]:
    """Every way the key point really goes on the way out (see ``DIRECTIONS``)."""
    dx, dy, dz = displacement(animation, point)
    flat = math.hypot(dx, dz)
    biggest = max(abs(dy), flat)
    found: set[str] = set()
    if biggest > 0.0:
        if dy >= _SHARE * biggest:
            found.add("up")
        if -dy >= _SHARE * biggest:
            found.add("down")
        if flat >= _SHARE * biggest:
            found.add("reach")
        if abs(dz) >= _SHARE * biggest:
            found.add("turn")
    if abs(trunk_turn(animation)) >= _TURN_DEGREES:
        found.add("turn")
    return frozenset(found)


def word_direction(words: str) -> str | None:
    """The direction a phrase names ("Hinge down" -> "down"), or None."""
    for word in words.lower().replace("-", " ").split():
        if word in WORD_DIRECTIONS:
            return WORD_DIRECTIONS[word]
    return None


def _travel(animation: Animation, point: str, mirrored: bool) -> float:
    return math.dist((0.0, 0.0, 0.0), displacement(animation, point, mirrored=mirrored))


def _twin(point: str) -> str:
    return point[:-2] + ("_r" if point.endswith("_l") else "_l")


def working_side(animation: Animation, mirrored: bool, turn_words: bool) -> str:
    """Which side ("left" or "right") a frame of the move works, as the picture shows it.

    In order: a turn works the side the chest turns to; a limb that moves
    clearly more than its twin works its own side; a move that travels
    sideways (a hip shift, a knee drop) works the side it travels to; a held
    side-lying move works the side that is lower, the one it rests on. The
    figure's left is +z.
    """
    point = key_point(animation) or "pelvis"
    if turn_words:
        return "right" if trunk_turn(animation, mirrored=mirrored) > 0 else "left"
    sided = point.endswith(("_l", "_r"))
    if sided:
        mine, other = (
            _travel(animation, point, mirrored),
            _travel(animation, _twin(point), mirrored),
        )
        if max(mine, other) > 0.02 and max(mine, other) >= 1.3 * min(mine, other):
            moving = point if mine > other else _twin(point)
            return "left" if moving.endswith("_l") else "right"
    dz = displacement(animation, point, mirrored=mirrored)[2]
    if abs(dz) > 0.03 or not sided:
        return "left" if dz > 0 else "right"
    pts = _points(animation, top_u(animation), mirrored)
    lower = point if pts[point][1] < pts[_twin(point)][1] else _twin(point)
    return "left" if lower.endswith("_l") else "right"
