"""The stillness meter in a played level: frames to reports, the bar, and no camera at all."""

from __future__ import annotations

import dataclasses

import pygame
import pytest
from harness import Harness

from game.content.model import Content, Level
from game.motion.fake import FakeCamera
from game.motion.frames import Frame
from game.motion.report import prefill_form
from game.player.settings import PlayerSettings
from game.session.phases import PhaseKind
from game.session.result import Form, SessionResult
from game.ui.camera.feed import CameraFeed
from game.ui.camera.practice import Look, breath_at, render_frame
from game.ui.camera.stillness import LOST_NOTICE, NO_CAMERA_NOTICE, SETTLE_CUE, StillnessWatch
from game.ui.scenes.checkin import CheckInScene
from game.ui.scenes.player_layout import STILL_AREA
from game.ui.scenes.player_scene import PlayerScene, PlayRequest

DT = 0.1  # one logic step per camera frame: ten a second, as the real feed


class Ticks:
    """A clock for the feed that the test moves on."""

    def __init__(self) -> None:
        self.t = 0.0

    def monotonic(self) -> float:
        return self.t


def _level(content: Content) -> Level:
    return content.stage_levels("stabilize")[0]


def _frames(content: Content, wobble: bool) -> list[Frame]:
    ex = content.exercises["glute_bridge_hold"]
    out = []
    for i in range(60):
        t = i / 10
        u = 0.6 if wobble and i % 20 >= 10 else 1.0  # hips up and down every second
        out.append(render_frame(ex, Look(u=u, breath=breath_at(t)), noise=1.0))
    return out


def _play(
    h: Harness,
    scene: PlayerScene,
    *,
    ticks: Ticks | None = None,
    results: list[SessionResult] | None = None,
) -> list[str]:
    """Play to the check-in, a camera picture before each frame; returns every caption."""
    h.push(scene, on_result=None if results is None else results.append)
    captions: list[str] = []

    def picture() -> None:
        if ticks is not None and scene.watch is not None:
            ticks.t += DT
            scene.watch.feed.step()

    picture()
    for n, _ in enumerate(h.frames(2000.0, frame=DT), start=1):
        if scene.caption and (not captions or captions[-1] != scene.caption):
            captions.append(scene.caption)
        if n % 97 == 0:
            h.draw()
        if h.top is not scene:
            break
        picture()
    return captions


def _finish(h: Harness) -> None:
    assert isinstance(h.top, CheckInScene)
    h.press("return")


def _watched(
    h: Harness, frames: list[Frame], loop: bool = True
) -> tuple[PlayerScene, Ticks, list[SessionResult]]:
    scene = PlayerScene(h.ctx, PlayRequest(_level(h.content)))
    ticks = Ticks()
    feed = CameraFeed(FakeCamera(frames, loop=loop), block=4, clock=ticks, start=False)  # type: ignore[arg-type]
    scene.watch = StillnessWatch(feed)
    return scene, ticks, []


def test_a_still_player_gets_steady_reports_for_every_hold(
    harness: Harness, content: Content
) -> None:
    scene, ticks, results = _watched(harness, _frames(content, wobble=False))
    captions = _play(harness, scene, ticks=ticks, results=results)
    holds = {
        p.exercise_id
        for p in scene.timeline.phases
        if p.kind in (PhaseKind.HOLD, PhaseKind.TOP_HOLD)
    }
    reports = scene.motion_reports
    assert {r.exercise_id for r in reports} == holds
    assert all(r.form is Form.STEADY for r in reports), [
        (r.exercise_id, r.steadiness) for r in reports
    ]
    assert SETTLE_CUE not in captions
    _finish(harness)
    (result,) = results
    assert result.motion == reports
    assert result.form is Form.STEADY  # the player's own answer, stored beside
    # What the check-in can pre-fill each move with.
    assert prefill_form(result.motion, "glute_bridge_hold") is Form.STEADY


def test_a_wobbling_player_gets_a_cue_and_wobbly_or_lost_holds(
    harness: Harness, content: Content
) -> None:
    scene, ticks, _ = _watched(harness, _frames(content, wobble=True))
    captions = _play(harness, scene, ticks=ticks)
    assert SETTLE_CUE in captions
    assert scene.motion_reports
    long_holds = {p.exercise_id for p in scene.timeline.phases if p.kind is PhaseKind.HOLD}
    held = [r for r in scene.motion_reports if r.exercise_id in long_holds]
    assert held and all(r.form is not Form.STEADY for r in held)
    assert all(r.wobbles for r in held)
    mean = sum(r.steadiness for r in scene.motion_reports) / len(scene.motion_reports)
    assert mean < 0.7


def test_a_camera_that_stops_mid_level_is_told_once_and_the_level_plays_on(
    harness: Harness, content: Content
) -> None:
    frames = _frames(content, wobble=False) * 3  # 18 s of pictures, then the camera is gone
    scene, ticks, results = _watched(harness, frames, loop=False)
    captions = _play(harness, scene, ticks=ticks, results=results)
    assert captions.count(LOST_NOTICE) == 1
    assert scene.player.completed
    _finish(harness)
    assert results and results[0].completed


@pytest.fixture()
def no_devices(monkeypatch: pytest.MonkeyPatch) -> None:
    """``pygame.camera`` present and working, with nothing plugged in."""
    import pygame.camera

    monkeypatch.setattr(pygame.camera, "init", lambda *a, **k: None)
    monkeypatch.setattr(pygame.camera, "list_cameras", lambda: [])
    monkeypatch.delenv("SPINE_QUEST_FAKE_CAMERA", raising=False)


@pytest.mark.usefixtures("no_devices")
def test_with_no_camera_the_level_starts_says_so_once_and_plays_as_before(
    harness: Harness, content: Content
) -> None:
    results: list[SessionResult] = []
    settings = PlayerSettings(camera=True)
    scene = PlayerScene(harness.ctx, PlayRequest(_level(content)), settings=settings)
    assert scene.watch is None
    captions = _play(harness, scene, results=results)
    assert captions.count(NO_CAMERA_NOTICE) == 1
    _finish(harness)
    (result,) = results
    assert result.completed and result.motion == ()
    plain = PlayerScene(harness.ctx, PlayRequest(_level(content)))
    assert scene.timeline == plain.timeline


def test_the_bar_and_the_camera_light_show_only_while_frames_are_read(
    harness: Harness, content: Content
) -> None:
    scene, ticks, _ = _watched(harness, _frames(content, wobble=False))
    harness.push(scene)
    watch = scene.watch
    assert watch is not None

    def a_frame_with_a_picture() -> None:
        ticks.t += DT
        watch.feed.step()
        harness.frame(DT)

    while scene.player.phase.kind is not PhaseKind.HOLD:
        a_frame_with_a_picture()
    for _ in range(20):
        a_frame_with_a_picture()
    screen = harness.draw()
    with_bar = screen.subsurface(STILL_AREA).copy()
    off = PlayerScene(harness.ctx, PlayRequest(_level(content)))  # the same, with no camera
    off.player = scene.player
    off.draw(screen)
    without = screen.subsurface(STILL_AREA).copy()
    assert pygame.image.tobytes(with_bar, "RGB") != pygame.image.tobytes(without, "RGB")
    assert scene.watch is not None and scene.watch.showing and scene.watch.stillness > 0.75
    assert dataclasses.is_dataclass(scene.watch.meter.last)


def test_the_check_in_is_pre_filled_from_what_the_camera_measured_and_both_are_kept(
    harness: Harness, content: Content
) -> None:
    scene, ticks, results = _watched(harness, _frames(content, wobble=True))
    _play(harness, scene, ticks=ticks, results=results)
    check = harness.top
    assert isinstance(check, CheckInScene)
    measured = {m.exercise_id: m.measured for m in check.moves if m.measured is not None}
    assert measured and any(f is not Form.STEADY for f in measured.values())
    for eid, seen in measured.items():
        assert check.answers[eid][0] is seen  # pre-filled with the camera's reading
    harness.draw()
    harness.press("return")  # the player says "all good" anyway
    (result,) = results
    rated = {r.exercise_id: r for r in result.ratings}
    for eid, seen in measured.items():
        assert rated[eid].form is Form.STEADY and rated[eid].measured_form is seen
    wobbled = [r for r in rated.values() if r.measured_form not in (None, Form.STEADY)]
    assert wobbled and not any(r.all_good for r in wobbled)  # so the dose does not grow
