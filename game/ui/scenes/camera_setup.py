"""Camera set-up: choose the camera, see the picture as in a mirror, check the framing.

The preview is the same small grayscale picture the stillness meter uses, so
what the player sees is what is measured. A live stillness bar under it shows
the meter at work: keep still and it fills, wave and it drops. Nothing is
kept: each picture replaces the last and is gone when the screen closes.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.motion.meter import MotionMeter
from game.motion.thresholds import load_thresholds
from game.player.settings import PlayerSettings
from game.ui.camera.feed import CameraFeed, frame_to_surface
from game.ui.camera.providers import provider_for
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.widgets.buttons import draw_button
from game.ui.widgets.hud import progress_bar
from game.ui.widgets.text import begin_screen, blit_paragraph, blit_text, panel

PRIVACY = "Frames are compared in memory and thrown away; nothing is stored or sent."
PREVIEW = pygame.Rect(80, 112, 576, 432)
SIDE = pygame.Rect(690, 112, 510, 432)
BACK = pygame.Rect(1060, 34, 140, 50)

#: Where to put the camera, by the kind of position a level starts in.
FRAMING: tuple[tuple[str, str], ...] = (
    (
        "Floor moves",
        "Set the camera at floor height, side-on to your mat and two to three metres "
        "away. Your whole body, head to heels, should fit in the picture with a little "
        "room on each side.",
    ),
    (
        "Kneeling and child's pose",
        "Camera side-on at about hip height. Keep your head, hips, knees and feet in "
        "view, and leave room for an arm reaching forward.",
    ),
    (
        "Standing and seated",
        "Camera side-on at waist height, far enough back that you are seen from head "
        "to feet, with the chair or box in view too.",
    ),
    (
        "Bench or foam roller",
        "Side-on, low, with the whole bench or roller in the picture as well as you: "
        "it is the still point the meter compares you with.",
    ),
)


class CameraSetupScene(Scene[None]):
    animated = True

    def __init__(
        self,
        ctx: AppContext,
        settings: PlayerSettings,
        apply: Callable[[PlayerSettings], None],
    ) -> None:
        super().__init__(ctx)
        self.settings = settings
        self.apply = apply
        self.provider = ctx.cameras or provider_for(ctx.content)
        self.names: list[str] = []
        self.index = 0
        self.feed: CameraFeed | None = None
        self.framing = 0
        self.meter = MotionMeter(load_thresholds())
        self.picture: pygame.Surface | None = None
        self._shown: object = None
        self._seen = 0
        self.failed = ""

    # Life cycle -------------------------------------------------------------
    def enter(self) -> None:
        try:
            self.names = self.provider.names()
        except Exception:  # a broken backend reads as no camera
            self.names = []
        device = self.settings.camera_device
        self.index = self.names.index(device) if device in self.names else 0
        self._open()

    def exit(self) -> None:
        self._close()

    def _open(self) -> None:
        self._close()
        self.picture, self.failed = None, ""
        if not self.names:
            return
        try:
            source = self.provider.open(self.names[self.index])
        except Exception as exc:
            source, self.failed = None, str(exc) or type(exc).__name__
        if source is None:
            self.failed = self.failed or "the camera could not be opened"
            return
        self.feed = CameraFeed(source, block=self.meter.t.block)
        self.meter = MotionMeter(load_thresholds())
        self._seen = 0

    def _close(self) -> None:
        if self.feed is not None:
            self.feed.close()
            self.feed = None

    # Logic ----------------------------------------------------------------------
    def update(self, dt: float) -> None:
        feed = self.feed
        if feed is None:
            return
        if feed.lost:
            self.failed = feed.error or "the camera stopped sending pictures"
            self._close()
            self.dirty = True
            return
        taken = feed.take()
        if taken is None:
            return
        frame, image = taken
        self._seen += 1
        if self._seen <= self.meter.t.calibration_frames:
            self.meter.calibrate(image)
        else:
            self.meter.feed(image, self._seen / 10.0, count=False)
        gray = frame_to_surface(frame)
        mirrored = pygame.transform.flip(gray, True, False)  # like a looking glass
        self.picture = pygame.transform.scale(mirrored, PREVIEW.inflate(-16, -16).size)
        self.dirty = True

    def handle(self, action: Action) -> None:
        kind = action.kind
        if kind is Act.BACK or (kind is Act.CLICK and BACK.collidepoint(action.pos)):
            self.ctx.scenes.pop()
            return
        if kind in (Act.LEFT, Act.RIGHT) and len(self.names) > 1:
            self.index = (self.index + (1 if kind is Act.RIGHT else -1)) % len(self.names)
            self._choose(self.names[self.index])
            self._open()
        elif kind in (Act.UP, Act.DOWN, Act.PREV, Act.NEXT):
            step = -1 if kind in (Act.UP, Act.PREV) else 1
            self.framing = (self.framing + step) % len(FRAMING)
        elif kind in (Act.CONFIRM, Act.PAUSE):
            self._set(self.settings.with_changes(camera=not self.settings.camera))
        else:
            return
        self.dirty = True

    def _choose(self, name: str) -> None:
        self._set(self.settings.with_changes(camera_device=name))

    def _set(self, new: PlayerSettings) -> None:
        self.settings = new
        self.apply(new)

    # Drawing -------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme, c = self.ctx.theme, self.ctx.theme.c
        w, h = begin_screen(surface, theme, "Camera set-up", (80, 36))
        draw_button(surface, theme, BACK, "Back", focused=False)
        self._draw_preview(surface)
        panel(surface, theme, SIDE)
        x, y = SIDE.left + 24, SIDE.top + 18
        on = self.settings.camera
        blit_text(surface, theme, "Stillness meter", (x, y), role="label", bold=True)
        blit_text(
            surface, theme, "On" if on else "Off", (SIDE.right - 24, y), role="label",
            bold=True, color=c.good if on else c.text_dim, anchor="topright",
        )  # fmt: skip
        y += theme.px("label") + 16
        title, advice = FRAMING[self.framing]
        blit_text(surface, theme, f"Framing: {title}", (x, y), role="body", color=c.accent)
        y += theme.px("body") + 8
        below = blit_paragraph(
            surface, theme, advice, pygame.Rect(x, y, SIDE.width - 48, 180), role="body"
        )
        y = max(below, y + 4 * theme.px("body")) + 20
        fits = 2 * round(theme.px("body") * 1.3) + 28  # two lines and the margins
        box = pygame.Rect(x - 8, y, SIDE.width - 32, min(SIDE.bottom - y - 16, fits))
        panel(surface, theme, box, color=c.bg_bottom, edge=c.inhale)
        blit_paragraph(surface, theme, PRIVACY, box.inflate(-24, -20), role="body", color=c.text)
        keys = (
            "Left/Right camera  \u00b7  Up/Down framing  \u00b7  "
            "Enter meter on/off  \u00b7  Esc back"
        )
        blit_text(
            surface, theme, keys, (w // 2, h - 10), role="small", color=c.text_dim,
            anchor="midbottom",
        )  # fmt: skip

    def _draw_preview(self, surface: pygame.Surface) -> None:
        theme, c = self.ctx.theme, self.ctx.theme.c
        panel(surface, theme, PREVIEW, color=c.bg_bottom)
        inner = PREVIEW.inflate(-16, -16)
        if self.picture is not None:
            surface.blit(self.picture, inner.topleft)
        else:
            if not self.names:
                words = (
                    "No camera found. The game plays as usual without one; "
                    "plug a camera in and open this screen again."
                )
            elif self.failed:
                words = f"The camera is not sending pictures ({self.failed})."
            else:
                words = "Waiting for the first picture..."
            blit_paragraph(surface, theme, words, inner.inflate(-60, -160), role="body")
        y = PREVIEW.bottom + 14
        name = self.names[self.index] if self.names else "no camera"
        arrows = len(self.names) > 1
        label = f"\u25c0  {name}  \u25b6" if arrows else name
        blit_text(surface, theme, label, (PREVIEW.left, y), role="body", bold=True)
        if self.feed is not None and self._seen > self.meter.t.calibration_frames:
            bar = pygame.Rect(PREVIEW.left, y + theme.px("body") + 16, 360, 12)
            frac = min(1.0, max(0.0, self.meter.stillness))
            col = c.good if frac >= 0.75 else c.warn if frac >= 0.45 else c.danger
            progress_bar(surface, bar, frac, col, c.panel_edge)
            blit_text(
                surface, theme, "stillness: keep still and the bar fills",
                (bar.right + 14, bar.centery), role="small", color=c.text_dim,
                anchor="midleft",
            )  # fmt: skip
