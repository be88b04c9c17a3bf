"""A camera that plays a prepared sequence of frames: tests, benchmarks, demos.

It has the same two calls as the real capture (``poll`` for the newest frame
if one is due, ``close``) and runs on the time it is given, so a test decides
exactly which frame arrives when.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.motion.frames import Frame


class FakeCamera:
    """Plays ``frames`` at ``fps``, looping or stopping at the end."""

    name = "Practice camera (drawn pictures)"

    def __init__(self, frames: Sequence[Frame], fps: float = 10.0, *, loop: bool = True) -> None:
        if not frames:
            raise ValueError("a fake camera needs at least one frame")
        if fps <= 0:
            raise ValueError("fps must be positive")
        self.frames = tuple(frames)
        self.fps = fps
        self.loop = loop
        self._start: float | None = None
        self._served = -1
        self.closed = False
        self.failed = False

    def poll(self, now: float) -> Frame | None:
        """The frame due at ``now`` if it was not served yet, else None."""
        if self.closed:
            return None
        if self._start is None:
            self._start = now
        index = int((now - self._start) * self.fps + 1e-9)
        if index <= self._served:
            return None
        self._served = index
        if index >= len(self.frames):
            if not self.loop:
                self.closed = True
                return None
            index %= len(self.frames)
        return self.frames[index]

    def close(self) -> None:
        self.closed = True
