"""Capture off the drawing path, the set-up screen and the camera settings."""

from __future__ import annotations

import threading

import pygame
import pytest
from harness import Harness

from game.content.model import Content
from game.motion.fake import FakeCamera
from game.motion.frames import Frame
from game.motion.report import MotionReport
from game.player.settings import PlayerSettings
from game.session.result import Form, Side
from game.ui.camera import providers as cameras_module
from game.ui.camera.feed import (
    CameraFeed,
    PygameCamera,
    camera_names,
    frame_to_surface,
    surface_to_frame,
)
from game.ui.camera.providers import PracticeCamera, SystemCameras, provider_for
from game.ui.scene import Scene
from game.ui.scenes.camera_setup import PREVIEW, PRIVACY, CameraSetupScene
from game.ui.scenes.stillness_summary import by_move, chip_text
from game.ui.theme import Theme


class Ticks:
    def __init__(self) -> None:
        self.t = 0.0

    def monotonic(self) -> float:
        return self.t


def _half(bright_left: bool = True) -> Frame:
    """160x120, bright on the left half, dark on the right."""
    row = bytes([230] * 80 + [20] * 80) if bright_left else bytes([20] * 80 + [230] * 80)
    return Frame(160, 120, row * 120)


def test_a_picture_becomes_a_small_gray_frame_and_back(screen: pygame.Surface) -> None:
    picture = pygame.Surface((320, 240))
    picture.fill((200, 40, 40))
    pygame.draw.rect(picture, (255, 255, 255), (0, 0, 160, 240))
    frame = surface_to_frame(picture)
    assert (frame.width, frame.height) == (160, 120)
    assert frame.pixels[0] > 240 and frame.pixels[159] < 120
    back = frame_to_surface(frame)
    assert back.get_size() == (160, 120) and back.get_at((0, 0))[:3] == (frame.pixels[0],) * 3


def test_the_feed_hands_out_only_the_newest_frame_once() -> None:
    ticks = Ticks()
    frames = [_half(), _half(False)]
    feed = CameraFeed(FakeCamera(frames), block=4, clock=ticks, start=False)  # type: ignore[arg-type]
    assert feed.take() is None
    assert feed.step()
    ticks.t = 0.1
    assert feed.step()  # a second picture before the game took the first: only the newest waits
    taken = feed.take()
    assert taken is not None and taken[0] is frames[1]
    assert taken[1].width == 40 and taken[1].height == 30
    assert feed.take() is None and feed.preview() is frames[1]
    assert not feed.lost
    feed.close()
    assert not feed.lost  # closed on purpose is not lost


def test_a_failing_camera_is_reported_lost_not_raised() -> None:
    class Broken:
        name = "broken"
        closed = False

        def poll(self, now: float) -> Frame | None:
            raise OSError("device unplugged")

        def close(self) -> None:
            self.closed = True

    feed = CameraFeed(Broken(), block=4)
    feed._thread.join(timeout=5)
    assert feed.lost and "unplugged" in feed.error


def test_reading_happens_in_its_own_thread() -> None:
    seen: list[str] = []

    class Slow:
        name = "slow"
        closed = False

        def poll(self, now: float) -> Frame | None:
            seen.append(threading.current_thread().name)
            self.closed = True
            return _half()

        def close(self) -> None:
            self.closed = True

    feed = CameraFeed(Slow(), block=4)
    feed._thread.join(timeout=5)
    assert seen == ["camera"] and threading.current_thread().name != "camera"


def test_a_pygame_camera_is_opened_lazily_and_stopped_on_close(screen: pygame.Surface) -> None:
    events: list[str] = []

    class Device:
        def get_image(self) -> pygame.Surface:
            events.append("image")
            return pygame.Surface((320, 240))

        def stop(self) -> None:
            events.append("stop")

    cam = PygameCamera("/dev/video0", opener=lambda name: events.append(name) or Device())
    assert events == []
    frame = cam.poll(0.0)
    assert frame is not None and frame.width == 160
    cam.close()
    assert events == ["/dev/video0", "image", "stop"] and cam.poll(1.0) is None


def test_no_devices_means_no_camera(monkeypatch: pytest.MonkeyPatch) -> None:
    import pygame.camera

    monkeypatch.setattr(pygame.camera, "init", lambda *a, **k: None)
    monkeypatch.setattr(pygame.camera, "list_cameras", lambda: [])
    assert camera_names() == []
    assert SystemCameras().open("") is None

    def boom(*args: object, **kw: object) -> None:
        raise RuntimeError("no backend")

    monkeypatch.setattr(pygame.camera, "init", boom)
    assert camera_names() == []


def test_the_developer_option_offers_the_practice_camera(
    monkeypatch: pytest.MonkeyPatch, content: Content
) -> None:
    monkeypatch.delenv(cameras_module.FAKE_ENV, raising=False)
    assert isinstance(provider_for(content), SystemCameras)
    monkeypatch.setenv(cameras_module.FAKE_ENV, "1")
    provider = provider_for(content)
    assert isinstance(provider, PracticeCamera)
    assert provider.names() == [FakeCamera.name]


def test_camera_settings_are_off_by_default_and_clamped() -> None:
    assert PlayerSettings().camera is False and PlayerSettings().camera_device == ""
    odd = PlayerSettings.from_dict({"camera": "yes", "camera_device": 7})
    assert odd.camera is False and odd.camera_device == ""
    chosen = PlayerSettings.from_dict({"camera": True, "camera_device": "/dev/video2"})
    assert chosen.to_dict()["camera"] is True
    assert PlayerSettings.from_dict(chosen.to_dict()) == chosen


def _setup(
    h: Harness, provider: object, settings: PlayerSettings
) -> tuple[CameraSetupScene, list[PlayerSettings]]:
    h.ctx.cameras = provider  # type: ignore[assignment]
    saved: list[PlayerSettings] = []
    h.push(Scene(h.ctx))
    scene = h.push(CameraSetupScene(h.ctx, settings, saved.append))
    return scene, saved


class Two:
    """Two cameras that each show a still picture, without a thread."""

    def names(self) -> list[str]:
        return ["front", "side"]

    def open(self, name: str) -> FakeCamera:
        return FakeCamera([_half(name == "front")])


def test_the_setup_preview_is_mirrored_and_the_choice_is_saved(harness: Harness) -> None:
    scene, saved = _setup(harness, Two(), PlayerSettings(camera_device="front"))
    assert scene.feed is not None and scene.names == ["front", "side"]
    scene.feed.close()  # the same camera, driven by hand instead of by its thread
    scene.feed = CameraFeed(Two().open("front"), block=4, clock=Ticks(), start=False)
    assert scene.feed.step()
    harness.step(0.1)
    assert scene.picture is not None
    screen = harness.draw()
    inner = PREVIEW.inflate(-16, -16)
    left = screen.get_at((inner.left + 20, inner.centery))
    right = screen.get_at((inner.right - 20, inner.centery))
    assert left[0] < 60 and right[0] > 200  # bright on the camera's left shows on the right
    harness.press("right")
    assert saved[-1].camera_device == "side"
    harness.press("return")
    assert saved[-1].camera is True
    harness.press("escape")
    assert harness.top is not scene
    assert scene.feed is None  # nothing keeps reading after the screen closes


def test_the_setup_screen_without_a_camera_says_so(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    words: list[str] = []
    import game.ui.scenes.camera_setup as setup_module

    real = setup_module.blit_paragraph

    def spy(surface: pygame.Surface, theme: Theme, text: str, *a: object, **k: object) -> int:
        words.append(text)
        return real(surface, theme, text, *a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(setup_module, "blit_paragraph", spy)

    class NoneHere:
        def names(self) -> list[str]:
            return []

        def open(self, name: str) -> None:
            return None

    scene, _ = _setup(harness, NoneHere(), PlayerSettings())
    harness.draw()
    assert scene.feed is None
    assert any(w.startswith("No camera found") for w in words)
    assert PRIVACY in words


def test_the_summary_lists_each_hold_by_move(content: Content) -> None:
    left = MotionReport("glute_bridge_hold", Side.LEFT, 30.0, 300, 0.874, Form.STEADY)
    wobbly = MotionReport("glute_bridge_hold", Side.LEFT, 30.0, 300, 0.6, Form.WOBBLY)
    other = MotionReport("dead_bug_hold", Side.BOTH, 30.0, 300, 1.0, Form.STEADY)
    groups = by_move([left, other, wobbly])
    assert groups == [[left, wobbly], [other]]
    assert chip_text(groups[0], content) == "Glute bridge hold (left)  87 \u00b7 60 %  wobbly"
    assert chip_text(groups[1], content) == "Dead bug hold  100 %  steady"
