"""Reading a camera off the drawing path, and turning pictures into motion frames.

A :class:`CameraFeed` runs one daemon thread that asks its source for a
picture about ten times a second, keeps it as a 160x120 grayscale frame (for
the set-up preview), shrinks it once more with pygame's own C scaler and
normalises it for the stillness meter. The game's loop only picks up the
newest result, so a slow or stuck camera never holds up a frame. A picture
lives in memory until the next one replaces it; nothing is written or sent.

Sources are ``pygame.camera`` (:class:`PygameCamera`, part of pygame-ce) or
a :class:`game.motion.FakeCamera` playing prepared frames.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Protocol

import pygame

from game.clock import Clock, MonotonicClock
from game.motion.frames import Frame, Prepared, prepare

SIZE = (160, 120)
FPS = 10.0
_GRAYS = [(i, i, i) for i in range(256)]


class FrameSource(Protocol):
    """What a feed reads: ``poll`` may block (it runs in the feed's thread)."""

    name: str
    closed: bool

    def poll(self, now: float) -> Frame | None: ...
    def close(self) -> None: ...


def surface_to_frame(surface: pygame.Surface, size: tuple[int, int] = SIZE) -> Frame:
    """A picture of any size as a small grayscale frame (one byte per pixel)."""
    if surface.get_bitsize() < 24:
        surface = _rgb(surface)
    small = surface if surface.get_size() == size else pygame.transform.smoothscale(surface, size)
    gray = pygame.transform.grayscale(small)
    return Frame(size[0], size[1], pygame.image.tobytes(gray, "RGB")[::3])


def frame_to_surface(frame: Frame) -> pygame.Surface:
    """A frame as a 24-bit gray picture (pygame's C code does the palette lookup)."""
    indexed = pygame.image.frombytes(frame.pixels, (frame.width, frame.height), "P")
    indexed.set_palette(_GRAYS)
    return _rgb(indexed)


def shrink(frame: Frame, block: int) -> Frame:
    """``frame`` averaged down by ``block``, in C: what ``prepare`` does in Python, faster."""
    if block == 1:
        return frame
    size = (frame.width // block, frame.height // block)
    return surface_to_frame(frame_to_surface(frame), size)


def _rgb(surface: pygame.Surface) -> pygame.Surface:
    out = pygame.Surface(surface.get_size(), 0, 24)
    out.blit(surface, (0, 0))
    return out


class CameraFeed:
    """A source read in a background thread; ``take`` hands out the newest reading."""

    def __init__(
        self,
        source: FrameSource,
        *,
        block: int,
        fps: float = FPS,
        clock: Clock | None = None,
        start: bool = True,
    ) -> None:
        self.source = source
        self.block = block
        self._period = 1.0 / fps
        self._clock = clock or MonotonicClock()
        self._lock = threading.Lock()
        self._latest: tuple[Frame, Prepared] | None = None
        self._preview: Frame | None = None
        self._stop = threading.Event()
        self.error = ""
        self.frames_read = 0
        self._thread = threading.Thread(target=self._run, name="camera", daemon=True)
        if start:
            self._thread.start()

    @property
    def lost(self) -> bool:
        """The source stopped or failed while the feed still wanted frames."""
        return bool(self.error) or (self.source.closed and not self._stop.is_set())

    def take(self) -> tuple[Frame, Prepared] | None:
        """The newest reading not yet handed out, or None (never waits on the camera)."""
        with self._lock:
            latest, self._latest = self._latest, None
        return latest

    def preview(self) -> Frame | None:
        """The newest picture, whether or not it was taken (for the set-up screen)."""
        with self._lock:
            return self._preview

    def step(self) -> bool:
        """Read one picture now (the thread's body; tests call it directly)."""
        frame = self.source.poll(self._clock.monotonic())
        if frame is None:
            return False
        image = prepare(shrink(frame, self.block), 1)
        with self._lock:
            self._latest = (frame, image)
            self._preview = frame
            self.frames_read += 1
        return True

    def close(self) -> None:
        self._stop.set()
        self.source.close()

    def _run(self) -> None:
        try:
            while not self._stop.is_set() and not self.source.closed:
                self.step()
                self._stop.wait(self._period)
        except Exception as exc:  # a camera unplugged mid-read, a driver error
            self.error = str(exc) or type(exc).__name__


class PygameCamera:
    """A webcam through ``pygame.camera``; opened lazily in the feed's thread."""

    def __init__(self, device: str, opener: Callable[[str], object] | None = None) -> None:
        self.name = device
        self.closed = False
        self._opener = opener or _open_pygame_camera
        self._camera: object | None = None

    def poll(self, now: float) -> Frame | None:
        if self.closed:
            return None
        if self._camera is None:
            self._camera = self._opener(self.name)
        picture = self._camera.get_image()  # type: ignore[attr-defined]
        return surface_to_frame(picture)

    def close(self) -> None:
        self.closed = True
        camera, self._camera = self._camera, None
        if camera is not None:
            with contextlib.suppress(Exception):  # already gone with the device
                camera.stop()  # type: ignore[attr-defined]


def camera_names() -> list[str]:
    """The cameras the system offers; empty when there are none or no backend works."""
    try:
        import pygame.camera as cam

        cam.init()
        return [str(name) for name in cam.list_cameras()]
    except Exception:  # any backend failure means: no camera
        return []


def _open_pygame_camera(device: str) -> object:
    import pygame.camera as cam

    cam.init()
    camera = cam.Camera(device, (320, 240))
    camera.start()
    return camera
