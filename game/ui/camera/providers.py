"""Which cameras there are and how one is opened: the system's, or the practice one.

The game asks a provider rather than ``pygame.camera`` directly, so a machine
with no camera can still show the set-up screen and the stillness meter: set
``SPINE_QUEST_FAKE_CAMERA=1`` and the only camera offered is a practice one
that plays pictures drawn from the guide figure (a breathing hold with one
wobble). Without it, and with no camera attached, the game plays as it
always has.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Protocol

from game.motion.fake import FakeCamera
from game.ui.camera.feed import FrameSource, PygameCamera, camera_names

if TYPE_CHECKING:
    from game.content.model import Content

FAKE_ENV = "SPINE_QUEST_FAKE_CAMERA"
PRACTICE = FakeCamera.name
#: The exercise the practice camera shows.
PRACTICE_EXERCISE = "glute_bridge_hold"


class CameraProvider(Protocol):
    def names(self) -> list[str]: ...
    def open(self, name: str) -> FrameSource | None: ...


class SystemCameras:
    """The cameras ``pygame.camera`` finds."""

    def names(self) -> list[str]:
        return camera_names()

    def open(self, name: str) -> FrameSource | None:
        names = self.names()
        if not names:
            return None
        return PygameCamera(name if name in names else names[0])


class PracticeCamera:
    """One camera, playing guide-figure pictures; the frames are drawn once, when first opened."""

    def __init__(self, content: Content | None) -> None:
        self.content = content
        self._frames: list[object] | None = None

    def names(self) -> list[str]:
        return [PRACTICE] if self.content is not None else []

    def open(self, name: str) -> FrameSource | None:
        from game.ui.camera.practice import demo_frames

        if self.content is None:
            return None
        exercise = self.content.exercises.get(PRACTICE_EXERCISE)
        if exercise is None:
            exercise = next(e for e in self.content.exercises.values() if e.animation)
        if self._frames is None:
            self._frames = list(demo_frames(exercise))
        return FakeCamera(self._frames)  # type: ignore[arg-type]


def provider_for(content: Content | None) -> CameraProvider:
    """The practice camera when the developer option is set, else the system's."""
    if os.environ.get(FAKE_ENV, "") not in ("", "0"):
        return PracticeCamera(content)
    return SystemCameras()
