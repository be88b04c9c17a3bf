"""The guide's demonstration of an exercise: keyframes, props, framing, and how a rep walks them.

Field names match the keys under an exercise's ``animation:`` one to one (see
docs/level-format.md); ``game.content.schema_animation`` reads them and
``game.rig`` turns them into poses on screen.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass


class AnimationMode(str, enum.Enum):
    """How a rep walks the keyframe path (see :class:`Animation`)."""

    THERE_AND_BACK = "there_and_back"  # lift walks 0 -> 1, lower walks 1 -> 0
    LOOP = "loop"  # lift walks 0 -> 0.5, lower walks 0.5 -> 1 (e.g. cat, then cow)


@dataclass(frozen=True)
class Keyframe:
    """One pose on an exercise's path.

    ``at`` is the pose's place on the path, 0 (start position) to 1. ``pose``
    maps joint names (see ``game.content.vocabulary.JOINTS``) to three angles in
    degrees (the meaning of each axis is documented by the rig). Joints left
    out keep their neutral angle. ``root`` places the pelvis: position in
    metres (x forward, y up, z to the figure's left) and rotation in degrees
    (pitch, yaw, roll). ``contacts`` names body points that must rest on the
    floor at this keyframe; tests check them.
    """

    at: float
    pose: Mapping[str, tuple[float, float, float]]
    root_pos: tuple[float, float, float] = (0.0, 0.0, 0.0)
    root_rot: tuple[float, float, float] = (0.0, 0.0, 0.0)
    contacts: tuple[str, ...] = ()
    name: str = ""


@dataclass(frozen=True)
class Prop:
    """Equipment drawn beside the guide, placed in the world or held by a hand."""

    kind: str
    pos: tuple[float, float, float] = (0.0, 0.0, 0.0)
    attach: str | None = None  # a body point such as "hand_r"; pos is then an offset
    size: float = 1.0


@dataclass(frozen=True)
class Focus:
    """Where the guide's camera looks: the move's key point and how close.

    ``point`` is the body point that carries the move (the one whose travel
    the words and the readability checks are measured on). ``zoom`` above 1
    frames the camera closer on it; ``inset`` adds a magnified box around it
    for moves too small to read even then.
    """

    point: str
    zoom: float = 1.0
    inset: float = 0.0  # magnification of the inset box; 0 for none


@dataclass(frozen=True)
class Animation:
    """The guide's demonstration of one exercise.

    The session drives it with a path position ``u`` in 0..1: a rep's lift walks
    the path forward, its lower walks back (or on, for LOOP); a hold walks to 1
    during set-up and stays there. The other side is the exact mirror.
    """

    camera: str
    keyframes: tuple[Keyframe, ...]
    mode: AnimationMode = AnimationMode.THERE_AND_BACK
    props: tuple[Prop, ...] = ()
    easing: str = "smooth"  # name from the rig's easing table
    # -- how the guide is shown (framing and sides) --
    side: str | None = None  # the side the keyframes show ("left"/"right"); sided moves
    focus: Focus | None = None
    reverse_even_sets: bool = False  # a loop flow walks backward on sets 2, 4... (bicycle)
    #: Metres the body moves against the world props after each set (the foam
    #: roller working one segment higher every set).
    set_shift: tuple[float, float, float] = (0.0, 0.0, 0.0)
