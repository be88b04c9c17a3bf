"""Redrawing only what changed: screen areas with a signature, and the guide.

A busy screen such as the player's changes a little every frame: the ring
shrinks, the pacer breathes, the guide moves through a lift. Redrawing all of
it every frame costs several times what the changes do. Here each area is
drawn again only when the values it shows (its *signature*) differ from the
ones on screen, after the background under it is put back from a cached
static layer. Whoever owns the screen calls :meth:`Regions.forget` (and
:meth:`GuideView.forget`) whenever the screen may no longer hold its last
frame: a new surface, another scene drawn over it, a theme change.

``tests/ui/test_player_view.py`` plays whole levels and checks, frame by
frame, that the incremental picture is pixel for pixel the full redraw.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from game.content.model import Exercise
from game.content.model_animation import Animation
from game.ui.figure.draw import GuideColors, paint_guide, plan_guide

_MISSING = object()

#: The chest rise is drawn in this many steps per breath; at the guide's size
#: one step moves the chest outline by about a seventh of a pixel.
BREATH_STEPS = 16


class Regions:
    """Named screen rectangles, each redrawn only when its signature changes."""

    def __init__(self) -> None:
        self._shown: dict[str, object] = {}

    def forget(self) -> None:
        """The screen no longer holds what was drawn: redraw every area next time."""
        self._shown.clear()

    def drop(self, name: str) -> None:
        """Forget one area: it is drawn again the next time it is painted."""
        self._shown.pop(name, None)

    def paint(
        self,
        surface: pygame.Surface,
        background: pygame.Surface,
        name: str,
        rect: pygame.Rect,
        signature: object,
        draw: Callable[[], object],
    ) -> bool:
        """Restore ``rect`` and call ``draw`` (clipped to it) if ``signature`` is new."""
        if self._shown.get(name, _MISSING) == signature:
            return False
        surface.blit(background, rect, rect)
        clip = surface.get_clip()
        surface.set_clip(rect.clip(clip))
        try:
            draw()
        finally:
            surface.set_clip(clip)
        self._shown[name] = signature
        return True


class GuideView:
    """The guide, redrawn over the smallest rectangle its change covers."""

    def __init__(self) -> None:
        self._inputs: object = _MISSING
        self._stage: object = _MISSING
        self._bounds: pygame.Rect | None = None

    def forget(self) -> None:
        self._inputs = _MISSING
        self._stage = _MISSING
        self._bounds = None

    def draw(
        self,
        surface: pygame.Surface,
        background: pygame.Surface,
        rect: pygame.Rect,
        exercise: Exercise,
        u: float,
        *,
        mirrored: bool,
        breath: float,
        glow_muscles: Sequence[str],
        colors: GuideColors | None = None,
        reduced_motion: bool = False,
        mirror_camera: bool = True,
        shift: tuple[float, float, float] = (0.0, 0.0, 0.0),
    ) -> pygame.Rect | None:
        """Bring the guide on ``surface`` up to date; returns the area redrawn, if any."""
        anim: Animation | None = exercise.animation
        if anim is None:
            return None
        breath = round(max(0.0, min(1.0, breath)) * BREATH_STEPS) / BREATH_STEPS
        stage = (id(anim), mirrored, mirror_camera, shift, tuple(rect), colors)
        inputs = (stage, u, breath, tuple(glow_muscles), reduced_motion)
        if inputs == self._inputs:
            return None
        plan = plan_guide(
            rect,
            anim,
            u,
            mirrored=mirrored,
            breath=breath,
            glow_muscles=glow_muscles,
            colors=colors,
            reduced_motion=reduced_motion,
            mirror_camera=mirror_camera,
            shift=shift,
        )
        if stage != self._stage or self._bounds is None:
            dirty = pygame.Rect(rect)
        else:
            dirty = plan.bounds.union(self._bounds).clip(rect)
        surface.blit(background, dirty, dirty)
        clip = surface.get_clip()
        surface.set_clip(dirty.clip(clip))
        try:
            paint_guide(surface, plan)
        finally:
            surface.set_clip(clip)
        self._inputs, self._stage, self._bounds = inputs, stage, plan.bounds
        return dirty
