"""What the player screen looks like: the guide, timers, pacer and words.

The view draws a :class:`PlayerFrame`, which the player scene builds for each
frame, and reads nothing else of the scene. The picture is split into fixed
areas (the ``*_AREA`` rectangles of :mod:`game.ui.scenes.player_layout`), each
with a signature of exactly what it shows. A frame redraws only the areas
whose signature changed and the part of the guide that moved; everything else
stays on screen from the frame before, over a background layer (gradient,
cards, level name) that is drawn once. During a hold that means the ring and
the pacer, not the whole screen. Anything that might have disturbed the
screen (another scene drawn over it, a new window surface, a theme change)
makes the next frame a full one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.content.model import Exercise
from game.content.vocabulary import MUSCLES
from game.session.breath import BreathPacer, BreathState
from game.session.guide import guide_side, set_offset
from game.session.phases import Phase, PhaseKind
from game.session.result import Side
from game.ui.scenes.player_layout import (
    GUIDE_RECT,
    INFO_AREA,
    NEXT_AREA,
    PACER_AREA,
    PACER_CENTER,
    PACER_RADIUS,
    PROGRESS_AREA,
    PROGRESS_BAR,
    RING_AREA,
    RING_CENTER,
    RING_STEPS,
    SIDE_RECT,
    STAGE_RECT,
    STILL_AREA,
    STILL_STEPS,
    TIME_LEFT_AREA,
    TIMED,
    WORDS_AREA,
    background_layer,
    stage_text_width,
)
from game.ui.scenes.regions import GuideView, Regions
from game.ui.theme import Theme
from game.ui.widgets.hud import breath_amount, breath_pacer, pacer_radius, progress_bar, ring
from game.ui.widgets.text import blit_fitted, blit_paragraph, blit_text, line_step


@dataclass(frozen=True)
class PlayerFrame:
    """What the player screen shows this frame, as the player scene sees it now."""

    level_name: str
    progress: float  # how far through the level, 0..1
    time_left: float  # of the whole level, in seconds
    exercise: Exercise | None  # the move on screen, as its step plays it
    guide_u: float  # where the guide is on the move's path
    phase: Phase
    phase_left: float  # seconds left in the phase
    breath: BreathState
    pacer: BreathPacer
    words: str  # what to do now
    caption: str  # the words of the last cue while they are shown, else ""
    next_name: str | None  # the next move; None when only the end is left
    reduced_motion: bool
    camera_on: bool  # the camera is being read
    stillness: float | None  # the stillness bar's value while it shows, else None


class PlayerView:
    """Draws a :class:`PlayerFrame`, incrementally where it can."""

    def __init__(self) -> None:
        self.regions = Regions()
        self.guide = GuideView()
        self._static: pygame.Surface | None = None
        self._static_key: tuple[object, ...] = ()
        self._surface: tuple[int, tuple[int, int]] | None = None
        self._stage_words: object = None
        #: How many areas the last frame redrew (the tests read it).
        self.last_painted = 0

    def forget(self) -> None:
        """Make the next frame a full one."""
        self._surface = None

    # ------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, theme: Theme, frame: PlayerFrame) -> None:
        static = self._static_layer(surface.get_size(), theme, frame.level_name)
        where = (id(surface), surface.get_size())
        if where != self._surface:
            surface.blit(static, (0, 0))
            self.regions.forget()
            self.guide.forget()
            self._stage_words = None
            self._surface = where
        painted = self._draw_stage(surface, static, theme, frame)
        painted += self._draw_top(surface, static, theme, frame)
        painted += self._draw_words(surface, static, theme, frame)
        painted += self._draw_side_panel(surface, static, theme, frame)
        painted += self._draw_stillness(surface, static, theme, frame)
        self.last_painted = painted

    def _draw_top(
        self, surface: pygame.Surface, static: pygame.Surface, theme: Theme, frame: PlayerFrame
    ) -> int:
        c = theme.c
        width = round(PROGRESS_BAR.width * min(1.0, max(0.0, frame.progress)))
        left = _mmss(max(0.0, frame.time_left)) + " left"
        bar = self.regions.paint(
            surface,
            static,
            "progress",
            PROGRESS_AREA,
            width,
            lambda: progress_bar(
                surface, PROGRESS_BAR, width / PROGRESS_BAR.width, c.accent, c.panel
            ),
        )
        text = self.regions.paint(
            surface,
            static,
            "time_left",
            TIME_LEFT_AREA,
            left,
            lambda: blit_text(
                surface,
                theme,
                left,
                (PROGRESS_BAR.right, 44),
                role="small",
                color=c.text_dim,
                anchor="bottomright",
            ),
        )
        return int(bar) + int(text)

    def _draw_stage(
        self, surface: pygame.Surface, static: pygame.Surface, theme: Theme, frame: PlayerFrame
    ) -> int:
        ex, phase = frame.exercise, frame.phase
        words = self._stage_text(frame)
        if words != self._stage_words:
            self.guide.forget()
            self.regions.drop("stage")
            self._stage_words = words

        def overlay() -> None:
            if words is not None:
                name, muscles = words
                x, y = STAGE_RECT.left + 18, STAGE_RECT.top + 14
                width = stage_text_width(ex)
                blit_fitted(surface, theme, name, (x, y), width, roles=("label", "small"),
                            bold=True)  # fmt: skip
                area = pygame.Rect(x, y + 32, width, 2 * line_step(theme, "small", 1.15))
                blit_paragraph(surface, theme, muscles, area, role="small",
                               color=theme.c.glow, spacing=1.15)  # fmt: skip

        if ex is None or ex.animation is None:
            return int(self.regions.paint(surface, static, "stage", GUIDE_RECT, words, overlay))
        breath = 0.0 if frame.reduced_motion else breath_amount(frame.breath)
        shown = guide_side(ex.animation, ex.dose, phase.side)
        dirty = self.guide.draw(
            surface,
            static,
            GUIDE_RECT,
            ex,
            frame.guide_u,
            mirrored=shown.mirrored,
            mirror_camera=shown.mirror_camera,
            shift=set_offset(ex.animation, phase.set_number),
            breath=breath,
            glow_muscles=ex.muscles,
            reduced_motion=frame.reduced_motion,
        )
        if dirty is None:
            return 0
        clip = surface.get_clip()
        surface.set_clip(dirty.clip(clip))
        overlay()
        surface.set_clip(clip)
        return 1

    @staticmethod
    def _stage_text(frame: PlayerFrame) -> tuple[str, str] | None:
        ex = frame.exercise
        if ex is None:
            return None
        side = frame.phase.side
        suffix = "" if side is Side.BOTH else f"  \u00b7  {side.value} side"
        muscles = ", ".join(MUSCLES.get(m, m) for m in ex.muscles[:3])
        return ex.name + suffix, muscles

    def _draw_words(
        self, surface: pygame.Surface, static: pygame.Surface, theme: Theme, frame: PlayerFrame
    ) -> int:
        c = theme.c
        ex = frame.exercise
        words = frame.words
        line: tuple[str, str] = ("", "")
        if frame.caption:
            line = (f"\u266a {frame.caption}", "caption")
        elif ex is not None and ex.cues:
            rep = frame.phase.rep_number
            cue = ex.cues[min(len(ex.cues) - 1, max(0, rep - 1)) % len(ex.cues)]
            line = (cue, "cue")

        # Long phase words with their breath ("Hips down to the side · breathe
        # out") step down a size rather than run under the side panel.
        fits = theme.font("heading", True).size(words)[0] <= WORDS_AREA.width - 16
        role = "heading" if fits else "label"

        def draw() -> None:
            y = STAGE_RECT.bottom + 16
            blit_text(surface, theme, words, (32, y), role=role, bold=True, color=c.accent)
            text, kind = line
            if kind == "caption":
                blit_text(surface, theme, text, (32, y + 50), role="label", color=c.text)
            elif kind == "cue":
                blit_text(surface, theme, text, (32, y + 50), role="body", color=c.text_dim)

        return int(self.regions.paint(surface, static, "words", WORDS_AREA, (words, line), draw))

    def _draw_side_panel(
        self, surface: pygame.Surface, static: pygame.Surface, theme: Theme, frame: PlayerFrame
    ) -> int:
        c = theme.c
        phase = frame.phase
        x = SIDE_RECT.centerx
        painted = 0

        # Timer ring or rep counter.
        frac = frame.phase_left / phase.duration if phase.duration > 0 else 0.0
        frac = round(min(1.0, max(0.0, frac)) * RING_STEPS) / RING_STEPS
        below = (x, RING_CENTER[1] + 104)
        if phase.kind in TIMED or phase.reps == 0:
            col = c.accent if phase.kind not in (PhaseKind.REST, PhaseKind.GET_READY) else c.good
            secs = str(max(0, int(frame.phase_left + 0.999)))
            label = f"hold for {phase.breaths} breaths" if phase.breaths else "seconds"
            ring_sig: tuple[object, ...] = ("timer", frac, col, secs, label)

            def draw_ring() -> None:
                ring(surface, RING_CENTER, 96, frac, col, c.panel_edge)
                blit_text(
                    surface, theme, secs, RING_CENTER, role="huge", bold=True, anchor="center"
                )
                blit_text(
                    surface, theme, label, below, role="small", color=c.text_dim, anchor="midtop"
                )
        else:
            count = f"{phase.rep_number}/{phase.reps}"
            ring_sig = ("reps", frac, count)

            def draw_ring() -> None:
                ring(surface, RING_CENTER, 96, 1.0 - frac, c.inhale, c.panel_edge, width=8)
                blit_text(
                    surface, theme, count, RING_CENTER, role="title", bold=True, anchor="center"
                )
                blit_text(
                    surface, theme, "reps", below, role="small", color=c.text_dim, anchor="midtop"
                )

        painted += self.regions.paint(surface, static, "ring", RING_AREA, ring_sig, draw_ring)

        # Sets, rounds and sides.
        info = []
        if phase.sets:
            info.append(f"Set {phase.set_number} of {phase.sets}")
        if phase.rounds:
            info.append(f"Round {phase.round_number} of {phase.rounds}")
        if phase.side is not Side.BOTH:
            info.append(f"{phase.side.value.capitalize()} side")
        info_text = "   ".join(info)
        painted += self.regions.paint(
            surface,
            static,
            "info",
            INFO_AREA,
            info_text,
            lambda: blit_text(
                surface, theme, info_text, (x, SIDE_RECT.top + 262), role="body", anchor="midtop"
            ),
        )

        # Breath pacer.
        state = frame.breath
        pacer = frame.pacer
        half = pacer.inhale if state.phase.value == "in" else pacer.exhale
        left = (1.0 - state.fraction) * half
        shown_secs = max(0, math.ceil(left - 1e-6))
        pacer_sig = (state.phase, pacer_radius(PACER_RADIUS, state), shown_secs)
        painted += self.regions.paint(
            surface,
            static,
            "pacer",
            PACER_AREA,
            pacer_sig,
            lambda: breath_pacer(surface, theme, PACER_CENTER, PACER_RADIUS, state, left),
        )

        # Next up, and the keys.
        name = frame.next_name or "Cool down and finish"
        keys = "Space pause \u00b7 \u2190 back \u00b7 \u2192 skip"
        if phase.skippable:
            keys += " \u00b7 S skip rest"

        def draw_next() -> None:
            area = SIDE_RECT
            y = area.bottom - 118
            pygame.draw.line(surface, c.panel_edge, (area.left + 20, y), (area.right - 20, y), 1)
            blit_text(
                surface, theme, "Next", (area.left + 24, y + 12), role="small", color=c.text_dim
            )
            blit_paragraph(
                surface,
                theme,
                name,
                pygame.Rect(area.left + 24, y + 36, area.width - 48, 40),
                role="label",
            )
            blit_text(
                surface,
                theme,
                keys,
                (x, area.bottom - 14),
                role="small",
                color=c.text_dim,
                anchor="midbottom",
            )

        painted += self.regions.paint(surface, static, "next", NEXT_AREA, (name, keys), draw_next)
        return painted

    def _draw_stillness(
        self, surface: pygame.Surface, static: pygame.Surface, theme: Theme, frame: PlayerFrame
    ) -> int:
        """The camera light and, during holds, lifts and lowers, the stillness bar."""
        if not frame.camera_on:
            return int(self.regions.paint(surface, static, "still", STILL_AREA, None, lambda: None))
        showing = frame.stillness is not None
        level = round(min(1.0, max(0.0, frame.stillness or 0.0)) * STILL_STEPS)
        sig = (showing, level if showing else -1)
        c = theme.c

        def draw() -> None:
            area = STILL_AREA
            cy = area.centery
            pygame.draw.circle(surface, c.danger, (area.left + 14, cy), 6)
            label = blit_text(
                surface, theme, "camera", (area.left + 26, cy), role="small",
                color=c.text_dim, anchor="midleft",
            )  # fmt: skip
            if not showing:
                return
            bar = pygame.Rect(label.right + 16, cy - 5, area.right - label.right - 110, 10)
            frac = level / STILL_STEPS
            col = c.good if frac >= 0.75 else c.warn if frac >= 0.45 else c.danger
            progress_bar(surface, bar, frac, col, c.panel_edge)
            blit_text(
                surface, theme, "stillness", (area.right - 8, cy), role="small",
                color=c.text_dim, anchor="midright",
            )  # fmt: skip

        return int(self.regions.paint(surface, static, "still", STILL_AREA, sig, draw))

    def _static_layer(self, size: tuple[int, int], theme: Theme, name: str) -> pygame.Surface:
        """Background, panel frames and the level name: drawn once, then reused."""
        key = (size, theme.palette_name, theme.text_size, name)
        if self._static is None or self._static_key != key:
            layer = background_layer(size, theme, name)
            self._static, self._static_key = layer, key
            self._surface = None  # the whole screen is redrawn over the new layer
        return self._static


def _mmss(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 60}:{s % 60:02d}"
