"""The meter on hand-made frames and the fake camera's timing."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from game.motion.fake import FakeCamera
from game.motion.frames import Frame
from game.motion.meter import FrameMotion, MotionMeter
from game.motion.report import WobbleKind
from game.motion.thresholds import Thresholds
from game.session.result import Form, Side


def _frame(x: int, w: int = 80, h: int = 60) -> Frame:
    """A dark square at column ``x`` on a gray wall."""
    return Frame(
        w,
        h,
        bytes(40 if x <= c < x + 16 and 20 <= r < 44 else 160 for r in range(h) for c in range(w)),
    )


T = Thresholds(block=2, min_frames=5)


def _meter() -> MotionMeter:
    meter = MotionMeter(T)
    for _ in range(6):
        meter.calibrate(_frame(30))
    return meter


def _feed(
    meter: MotionMeter, xs: Iterable[int], start: float = 0.0, *, count: bool = True
) -> list[FrameMotion | None]:
    """Frames with the square at each column of ``xs``, a tenth of a second apart."""
    return [meter.feed(_frame(x), start + i / 10, count=count) for i, x in enumerate(xs)]


def test_a_still_hold_is_steady_with_no_wobbles() -> None:
    meter = _meter()
    meter.begin_hold("plank", Side.BOTH, 0.0)
    for reading in _feed(meter, [30] * 30):
        assert reading is not None and reading.still
    report = meter.end_hold(3.0)
    assert report is not None
    assert (report.steadiness, report.form, report.wobbles, report.frames) == (
        1.0,
        Form.STEADY,
        (),
        30,
    )
    assert report.seconds == 3.0 and meter.stillness > 0.9


def test_a_jump_is_a_jolt_and_a_wobble_moment_with_its_time() -> None:
    meter = _meter()
    meter.begin_hold("plank", Side.LEFT, 10.0)
    _feed(meter, [30] * 20 + [40] * 20, 10.0)  # the body shifts at 2 s and stays shifted
    report = meter.end_hold(14.0)
    assert report is not None and report.side is Side.LEFT
    assert report.steadiness < 0.85
    first = report.wobbles[0]
    assert 2.0 <= first.start <= 2.3
    assert {w.kind for w in report.wobbles} & {
        WobbleKind.JOLT,
        WobbleKind.DRIFT,
        WobbleKind.OUT_OF_VIEW,
    }
    assert meter.stillness < 0.9 or report.wobbles[-1].kind is not WobbleKind.JOLT


def test_a_one_frame_flicker_is_not_a_wobble() -> None:
    meter = _meter()
    meter.begin_hold("plank", Side.BOTH, 0.0)
    _feed(meter, [60 if i == 12 else 30 for i in range(30)])
    report = meter.end_hold(3.0)
    assert report is not None and report.wobbles == () and report.steadiness == 1.0


def test_too_few_frames_give_no_verdict_and_uncounted_frames_do_not_count() -> None:
    meter = _meter()
    meter.begin_hold("plank", Side.BOTH, 0.0)
    _feed(meter, [30] * 3)
    _feed(meter, [30 + i % 2 * 20 for i in range(20)], 1.0, count=False)  # a lift: bar only
    assert meter.end_hold(4.0) is None
    assert meter.end_hold(4.0) is None  # nothing open any more


def test_rebase_takes_a_new_reference_for_the_next_top_hold() -> None:
    meter = _meter()
    meter.begin_hold("bridge", Side.BOTH, 0.0)
    _feed(meter, [30] * 10)
    _feed(meter, [30 + 2 * i for i in range(5)], 1.0, count=False)
    meter.rebase()
    _feed(meter, [38] * 10, 2.0)
    report = meter.end_hold(3.0)
    assert report is not None and report.frames == 20
    assert report.form is Form.STEADY


def test_the_fake_camera_serves_each_frame_once_at_its_rate() -> None:
    frames = [_frame(x) for x in (0, 10, 20)]
    cam = FakeCamera(frames, fps=10.0, loop=False)
    assert cam.poll(5.0) is frames[0]
    assert cam.poll(5.05) is None
    assert cam.poll(5.25) is frames[2]  # late: the newest due frame, none queued up
    assert cam.poll(5.5) is None and cam.closed
    looping = FakeCamera(frames, fps=10.0)
    served = [looping.poll(t / 10) for t in range(7)]
    assert served == [frames[i % 3] for i in range(7)]
    with pytest.raises(ValueError):
        FakeCamera([], fps=10)
