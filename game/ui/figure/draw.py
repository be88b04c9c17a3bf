"""Drawing the animated guide: the rig's points as shaded capsules, with props.

``draw_guide`` is the one entry point the scenes call each frame. It asks the
rig for the pose at ``u``, projects it with the exercise's camera and paints
far things first. Framing (zoom and centre) is worked out once per animation,
camera and rectangle and cached, so the figure never jumps while it moves.
Limbs on the side away from the viewer are darker, so a bird dog's reaching
arm and leg read at a glance even in a plain side view.

This module is the figure's front door; the work is done in four pieces:
``body`` (what the figure is made of), ``framing`` (zoom and floor),
``plan`` (pose, projection and painting order) and ``paint`` (drawing a plan).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.model import Exercise
from game.content.model_animation import Animation
from game.rig.library import Subject
from game.ui.figure.body import MUSCLE_LINES, GuideColors
from game.ui.figure.framing import framing
from game.ui.figure.paint import paint_guide
from game.ui.figure.plan import GuideOptions, GuidePlan, plan_guide

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = [
    "MUSCLE_LINES",
    "GuideColors",
    "GuideOptions",
    "GuidePlan",
    "draw_guide",
    "framing",
    "paint_guide",
    "plan_guide",
]


def draw_guide(
    surface: pygame.Surface,
    rect: pygame.Rect | tuple[int, int, int, int],
    subject: Exercise | Subject | Animation,
    u: float,
    *,
    smooth: bool = True,
    **options: Unpack[GuideOptions],
) -> None:
    """Draw the guide for path value ``u`` inside ``rect``.

    ``mirrored`` shows the other side; with ``mirror_camera`` the picture is
    then the exact mirror image of the first side. ``breath`` (0..1, rising on
    the inhale) swells the chest a little; ``reduced_motion`` keeps it still.
    ``camera`` overrides the exercise's own (a name or a :class:`Camera`).
    ``smooth=False`` skips anti-aliasing for about a fifth of the drawing cost.
    The other options are :func:`plan_guide`'s (see :class:`GuideOptions`).
    """
    paint_guide(surface, plan_guide(rect, subject, u, **options), smooth=smooth)
