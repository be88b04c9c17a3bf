"""What the player screen looks like: the guide, timers, pacer and words.

The picture is split into fixed areas (see the ``*_AREA`` rectangles), each
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
from typing import TYPE_CHECKING

import pygame

from game.content.model import Exercise
from game.content.vocabulary import MUSCLES
from game.session.guide import guide_side, set_offset
from game.session.phases import PhaseKind
from game.session.result import Side
from game.ui.figure.focus import inset_rect
from game.ui.scenes.regions import GuideView, Regions
from game.ui.widgets.hud import breath_amount, breath_pacer, pacer_radius, progress_bar, ring
from game.ui.widgets.text import (
    blit_fitted,
    blit_paragraph,
    blit_text,
    blit_title,
    line_step,
    panel,
    title_layout,
)

if TYPE_CHECKING:
    from game.ui.scenes.player_scene import PlayerScene

STAGE_RECT = pygame.Rect(32, 100, 780, 500)
SIDE_RECT = pygame.Rect(836, 22, 420, 676)
GUIDE_RECT = STAGE_RECT.inflate(-16, -16)
PROGRESS_BAR = pygame.Rect(32, 74, 780, 12)

# The areas redrawn on their own; they must not overlap one another.
TIME_LEFT_AREA = pygame.Rect(616, 12, 200, 34)  # "mm:ss left" at any text size
PROGRESS_AREA = PROGRESS_BAR.inflate(4, 4)
WORDS_AREA = pygame.Rect(24, STAGE_RECT.bottom + 4, 804, 716 - STAGE_RECT.bottom - 4)
_PANEL_X = SIDE_RECT.left + 10
_PANEL_W = SIDE_RECT.width - 20
RING_AREA = pygame.Rect(_PANEL_X, SIDE_RECT.top + 28, _PANEL_W, 234)
INFO_AREA = pygame.Rect(_PANEL_X, RING_AREA.bottom, _PANEL_W, 46)
PACER_AREA = pygame.Rect(_PANEL_X, INFO_AREA.bottom, _PANEL_W, 246)
NEXT_AREA = pygame.Rect(_PANEL_X, PACER_AREA.bottom, _PANEL_W, SIDE_RECT.bottom - 4 - 576)
#: The camera's strip at the top of the side panel: the camera-on light and the stillness bar.
STILL_AREA = pygame.Rect(_PANEL_X, SIDE_RECT.top + 3, _PANEL_W, RING_AREA.top - SIDE_RECT.top - 3)
#: The bar moves in this many steps.
STILL_STEPS = 40

RING_CENTER = (SIDE_RECT.centerx, SIDE_RECT.top + 130)
PACER_CENTER = (SIDE_RECT.centerx, SIDE_RECT.top + 392)
PACER_RADIUS = 70
#: The ring is drawn in this many steps per turn (about one pixel of its edge).
RING_STEPS = 600

#: Phases that show a countdown ring rather than a rep counter.
TIMED = frozenset(
    {
        PhaseKind.GET_READY,
        PhaseKind.HOLD,
        PhaseKind.FLOW,
        PhaseKind.REST,
        PhaseKind.SWITCH_SIDES,
        PhaseKind.DEMO,
        PhaseKind.SETUP,
        PhaseKind.RELEASE,
    }
)


def stage_text_width(ex: Exercise | None) -> int:
    """How wide the move's name and muscles may run: up to a magnified inset, if any."""
    x = STAGE_RECT.left + 18
    right = STAGE_RECT.right - 18
    anim = ex.animation if ex is not None else None
    if anim is not None and anim.focus is not None and anim.focus.inset > 0.0:
        right = inset_rect(GUIDE_RECT).left - 12
    return right - x


class PlayerView:
    """Draws a :class:`PlayerScene`, incrementally where it can."""

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
    def draw(self, surface: pygame.Surface, scene: PlayerScene) -> None:
        static = self._static_layer(surface.get_size(), scene)
        where = (id(surface), surface.get_size())
        if where != self._surface:
            surface.blit(static, (0, 0))
            self.regions.forget()
            self.guide.forget()
            self._stage_words = None
            self._surface = where
        painted = self._draw_stage(surface, static, scene)
        painted += self._draw_top(surface, static, scene)
        painted += self._draw_words(surface, static, scene)
        painted += self._draw_side_panel(surface, static, scene)
        painted += self._draw_stillness(surface, static, scene)
        self.last_painted = painted

    def _draw_top(self, surface: pygame.Surface, static: pygame.Surface, scene: PlayerScene) -> int:
        theme, player = scene.ctx.theme, scene.player
        c = theme.c
        width = round(PROGRESS_BAR.width * min(1.0, max(0.0, player.progress)))
        left = _mmss(max(0.0, scene.timeline.total - player.position)) + " left"
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
        self, surface: pygame.Surface, static: pygame.Surface, scene: PlayerScene
    ) -> int:
        theme, player = scene.ctx.theme, scene.player
        ex = scene.exercise()
        words = self._stage_text(scene, ex)
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
        breath = 0.0 if scene.reduced_motion else breath_amount(player.breath())
        shown = guide_side(ex.animation, ex.dose, player.side)
        dirty = self.guide.draw(
            surface,
            static,
            GUIDE_RECT,
            ex,
            scene.guide_u(),
            mirrored=shown.mirrored,
            mirror_camera=shown.mirror_camera,
            shift=set_offset(ex.animation, player.phase.set_number),
            breath=breath,
            glow_muscles=ex.muscles,
            reduced_motion=scene.reduced_motion,
        )
        if dirty is None:
            return 0
        clip = surface.get_clip()
        surface.set_clip(dirty.clip(clip))
        overlay()
        surface.set_clip(clip)
        return 1

    @staticmethod
    def _stage_text(scene: PlayerScene, ex: Exercise | None) -> tuple[str, str] | None:
        if ex is None:
            return None
        side = scene.player.side
        suffix = "" if side is Side.BOTH else f"  \u00b7  {side.value} side"
        muscles = ", ".join(MUSCLES.get(m, m) for m in ex.muscles[:3])
        return ex.name + suffix, muscles

    def _draw_words(
        self, surface: pygame.Surface, static: pygame.Surface, scene: PlayerScene
    ) -> int:
        theme, c = scene.ctx.theme, scene.ctx.theme.c
        player = scene.player
        ex = scene.exercise()
        words = scene.phase_words()
        line: tuple[str, str] = ("", "")
        if scene.caption_left > 0 and scene.caption:
            line = (f"\u266a {scene.caption}", "caption")
        elif ex is not None and ex.cues:
            cue = ex.cues[min(len(ex.cues) - 1, max(0, player.rep_number - 1)) % len(ex.cues)]
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
        self, surface: pygame.Surface, static: pygame.Surface, scene: PlayerScene
    ) -> int:
        theme, c = scene.ctx.theme, scene.ctx.theme.c
        player = scene.player
        phase = player.phase
        x = SIDE_RECT.centerx
        painted = 0

        # Timer ring or rep counter.
        frac = player.time_left / phase.duration if phase.duration > 0 else 0.0
        frac = round(min(1.0, max(0.0, frac)) * RING_STEPS) / RING_STEPS
        below = (x, RING_CENTER[1] + 104)
        if phase.kind in TIMED or phase.reps == 0:
            col = c.accent if phase.kind not in (PhaseKind.REST, PhaseKind.GET_READY) else c.good
            secs = str(max(0, int(player.time_left + 0.999)))
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
        if player.side is not Side.BOTH:
            info.append(f"{player.side.value.capitalize()} side")
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
        state = player.breath()
        pacer = scene.timeline.settings.pacer
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
        nxt_id = player.next_exercise_id
        nxt = scene.content.exercises.get(nxt_id) if nxt_id else None
        name = nxt.name if nxt else "Cool down and finish"
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
        self, surface: pygame.Surface, static: pygame.Surface, scene: PlayerScene
    ) -> int:
        """The camera light and, during holds, lifts and lowers, the stillness bar."""
        watch = scene.watch
        if watch is None or not watch.reading:
            return int(self.regions.paint(surface, static, "still", STILL_AREA, None, lambda: None))
        level = round(min(1.0, max(0.0, watch.stillness)) * STILL_STEPS)
        sig = (watch.showing, level if watch.showing else -1)
        theme, c = scene.ctx.theme, scene.ctx.theme.c

        def draw() -> None:
            area = STILL_AREA
            cy = area.centery
            pygame.draw.circle(surface, c.danger, (area.left + 14, cy), 6)
            label = blit_text(
                surface, theme, "camera", (area.left + 26, cy), role="small",
                color=c.text_dim, anchor="midleft",
            )  # fmt: skip
            if not watch.showing:
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

    def _static_layer(self, size: tuple[int, int], scene: PlayerScene) -> pygame.Surface:
        """Background, panel frames and the level name: drawn once, then reused."""
        theme = scene.ctx.theme
        key = (size, theme.palette_name, theme.text_size, scene.request.level.name)
        if self._static is None or self._static_key != key:
            c = theme.c
            layer = theme.background(size).copy()
            name = scene.request.level.name
            # Beside the time left and above the progress bar; small on two lines if need be.
            width = TIME_LEFT_AREA.left - 32 - 8
            roles = ("heading", "label", "body", "small")
            role, lines = title_layout(theme, name, width, roles)
            high = theme.font(role, True).get_height() + (len(lines) - 1) * line_step(
                theme, role, 1.2
            )
            top = max(4, min(22, PROGRESS_AREA.top - 2 - high))
            blit_title(layer, theme, name, (32, top), width, roles=roles)
            panel(layer, theme, STAGE_RECT, color=c.bg_bottom, edge=c.panel_edge)
            panel(layer, theme, SIDE_RECT)
            self._static, self._static_key = layer, key
            self._surface = None  # the whole screen is redrawn over the new layer
        return self._static


def _mmss(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 60}:{s % 60:02d}"
