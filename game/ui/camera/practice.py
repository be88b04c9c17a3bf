"""Camera pictures drawn from the guide figure, for a machine with no camera.

The set-up screen, the benchmark and the tests need a camera that shows a
person holding still, breathing, wobbling or walking away. This draws what a
webcam would see: a plain room and the game's own guide figure in the pose,
as a 160x120 grayscale frame.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import pygame

from game.content.model import Exercise
from game.motion.frames import Frame
from game.ui.camera.feed import surface_to_frame
from game.ui.figure.draw import draw_guide

RENDER = (320, 240)


@dataclass(frozen=True)
class Look:
    """What the camera sees at one instant."""

    u: float = 1.0
    breath: float = 0.0
    dx: float = 0.0  # the figure's shift, as a share of the picture's width
    light: float = 1.0  # brightness gain of the whole room
    empty: bool = False  # nobody in the picture


def breath_at(t: float, inhale: float = 2.0, exhale: float = 4.0) -> float:
    """The pacer's shape: 0 to 1 over the breath in, back to 0 over the breath out."""
    cycle = t % (inhale + exhale)
    return cycle / inhale if cycle < inhale else 1.0 - (cycle - inhale) / exhale


def _room(surface: pygame.Surface, light: float) -> None:
    """A wall, a door and a shelf, so the picture has edges like a real room."""

    def shade(v: int) -> tuple[int, int, int]:
        g = max(0, min(255, round(v * light)))
        return (g, g, g)

    w, h = surface.get_size()
    surface.fill(shade(120))
    pygame.draw.rect(surface, shade(90), (int(w * 0.78), int(h * 0.1), int(w * 0.14), int(h * 0.6)))
    pygame.draw.rect(surface, shade(160), (int(w * 0.05), int(h * 0.18), int(w * 0.25), 6))


def render_frame(
    exercise: Exercise, look: Look, *, noise: float = 0.0, rng: random.Random | None = None
) -> Frame:
    """One camera frame of ``exercise`` as ``look`` says, with optional sensor noise."""
    picture = pygame.Surface(RENDER)
    _room(picture, look.light)
    if not look.empty:
        figure = pygame.Surface(RENDER, pygame.SRCALPHA)
        draw_guide(figure, figure.get_rect(), exercise, look.u, breath=look.breath)
        if look.light != 1.0:
            g = max(0, min(255, round(255 * look.light)))
            figure.fill((g, g, g, 255), special_flags=pygame.BLEND_RGBA_MULT)
        picture.blit(figure, (round(look.dx * RENDER[0]), 0))
    frame = surface_to_frame(picture)
    if noise <= 0:
        return frame
    gauss = (rng or random.Random(0)).gauss
    noisy = bytes(max(0, min(255, round(p + gauss(0.0, noise)))) for p in frame.pixels)
    return Frame(frame.width, frame.height, noisy)


def demo_frames(exercise: Exercise, seconds: float = 12.0, fps: float = 10.0) -> list[Frame]:
    """A loop for the practice camera: a breathing hold with one wobble in the middle."""
    rng = random.Random(11)
    frames = []
    for i in range(int(seconds * fps)):
        t = i / fps
        u = 0.75 if seconds * 0.5 <= t < seconds * 0.5 + 1.5 else 1.0
        frames.append(render_frame(exercise, Look(u=u, breath=breath_at(t)), noise=1.5, rng=rng))
    return frames
