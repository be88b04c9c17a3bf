"""Synthetic camera sequences rendered from the game's own guide figure.

Each sequence is what a 160x120 grayscale webcam at 10 fps would see of a
player copying the guide: a room behind, the figure on its mat, and one thing
that happens during the hold (nothing, breathing, a hip drop, a limb drift,
the light changing, sensor noise, the player walking out of the picture).
Every sequence starts with three seconds of getting ready, for the meter's
noise calibration.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from game.content import load_content
from game.content.model import Content, Exercise
from game.motion.frames import Frame
from game.ui.camera.practice import Look, breath_at, render_frame

FPS = 10
READY_SECONDS = 3.0
HOLD_SECONDS = 12.0

_content: Content | None = None


def content() -> Content:
    global _content
    if _content is None:
        _content = load_content()
    return _content


@dataclass(frozen=True)
class Sequence:
    name: str
    exercise: str
    ready: tuple[Frame, ...]
    hold: tuple[Frame, ...]
    verdict: str  # what a physio watching would say: steady, wobbly or lost


def render(ex: Exercise, look: Look, noise: float, rng: random.Random) -> Frame:
    return render_frame(ex, look, noise=noise, rng=rng)


def _breath(t: float) -> float:
    return breath_at(t)


def build(
    name: str,
    exercise: str,
    look_at: Callable[[float], Look],
    verdict: str,
    *,
    noise: float = 1.5,
    seed: int = 7,
) -> Sequence:
    """Three seconds of getting ready (settling in), then the hold as ``look_at`` says."""
    ex = content().exercises[exercise]
    rng = random.Random(seed)
    ready = []
    for i in range(int(READY_SECONDS * FPS)):
        t = i / FPS
        settle = max(0.0, 1.0 - t / 1.5)  # the first second and a half moves into position
        ready.append(render(ex, Look(u=1.0 - 0.3 * settle), noise, rng))
    hold = [render(ex, look_at(i / FPS), noise, rng) for i in range(int(HOLD_SECONDS * FPS))]
    return Sequence(name, exercise, tuple(ready), tuple(hold), verdict)


def _hip_drop(t: float) -> Look:
    # Bridge held, then at 5 s the hips sink over half a second and stay low for 4 s.
    if 5.0 <= t < 5.5:
        return Look(u=1.0 - 0.5 * (t - 5.0) / 0.5, breath=_breath(t))
    if 5.5 <= t < 9.5:
        return Look(u=0.5, breath=_breath(t))
    return Look(u=1.0, breath=_breath(t))


def _limb_drift(t: float) -> Look:
    # Bird dog: arm and leg sink slowly from the fourth second on.
    return Look(u=1.0 - 0.45 * max(0.0, t - 4.0) / 8.0, breath=_breath(t))


def _leaves(t: float) -> Look:
    # Gets up at 6 s, walks out of the picture in two seconds, stays away.
    if t < 6.0:
        return Look(breath=_breath(t))
    if t < 8.0:
        return Look(dx=(t - 6.0) / 2.0)
    return Look(empty=True)


def _light(t: float) -> Look:
    # A cloud: the room darkens to 60 % over eight seconds, the player stays still.
    return Look(light=1.0 - 0.4 * min(1.0, t / 8.0))


SEQUENCES: dict[str, Callable[[], Sequence]] = {
    "still hold": lambda: build("still hold", "glute_bridge_hold", lambda t: Look(), "steady"),
    "hold with breathing": lambda: build(
        "hold with breathing",
        "glute_bridge_hold",
        lambda t: Look(breath=_breath(t)),
        "steady",
    ),
    "light change": lambda: build("light change", "glute_bridge_hold", _light, "steady"),
    "sensor noise": lambda: build(
        "sensor noise",
        "glute_bridge_hold",
        lambda t: Look(breath=_breath(t)),
        "steady",
        noise=6.0,
    ),
    "hip drop": lambda: build("hip drop", "glute_bridge_hold", _hip_drop, "wobbly"),
    "limb drift": lambda: build("limb drift", "bird_dog", _limb_drift, "wobbly"),
    "leaves the frame": lambda: build("leaves the frame", "glute_bridge_hold", _leaves, "lost"),
}


def sequence(name: str) -> Sequence:
    return SEQUENCES[name]()
