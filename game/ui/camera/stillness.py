"""The stillness meter during a level: which frames calibrate, which count, what is said.

The player scene owns one :class:`StillnessWatch` while the camera is on. Each
logic step it picks up the newest reading from the camera feed (never waiting
for the camera), and by the phase being played decides what the frame is for:
getting ready teaches the meter the camera's noise, holds and top holds count
towards the move's steadiness, lifts and lowers move only the live bar. A
move's holds (sets, the top hold of each rep) make one report, each with a new
reference pose, and a new move or side starts the next.
"""

from __future__ import annotations

from game.motion.meter import MotionMeter
from game.motion.report import MotionReport, WobbleKind
from game.motion.thresholds import load_thresholds
from game.session.phases import PhaseKind
from game.session.player import SessionPlayer
from game.session.result import Side
from game.ui.camera.feed import CameraFeed
from game.ui.camera.providers import CameraProvider

HOLDS = frozenset({PhaseKind.HOLD, PhaseKind.TOP_HOLD})
#: Phases between a move's holds: the live bar shows, nothing is counted or ended.
BETWEEN = frozenset({PhaseKind.LIFT, PhaseKind.LOWER, PhaseKind.REP_PAUSE, PhaseKind.SETUP})
CALIBRATE = frozenset({PhaseKind.GET_READY})
SETTLE_CUE = "Settle, and breathe out slowly"
VIEW_CUE = "Move back into the camera's view"
LOST_NOTICE = "The camera stopped; the level goes on without the stillness meter."
#: At most one gentle cue in this many seconds of play.
CUE_EVERY = 8.0


class StillnessWatch:
    """Feeds camera readings into a :class:`MotionMeter` by what the player is doing."""

    def __init__(self, feed: CameraFeed) -> None:
        self.feed = feed
        self.meter = MotionMeter(load_thresholds())
        self.reports: list[MotionReport] = []
        self.showing = False  # the bar is meaningful now (a hold, a lift or a lower)
        self.lost = False
        self._phase_index = -1
        self._key: tuple[str, Side] | None = None
        self._last_cue = -CUE_EVERY

    @property
    def reading(self) -> bool:
        """Frames are being read (for the camera-on indicator)."""
        return not self.lost

    @property
    def stillness(self) -> float:
        return self.meter.stillness

    def update(self, player: SessionPlayer) -> str | None:
        """Take the newest reading, if any; returns words to show the player, or None."""
        if self.lost:
            return None
        if self.feed.lost:
            self.lost = True
            self.showing = False
            self._end(player.position)
            return LOST_NOTICE
        phase = player.phase
        if phase.index != self._phase_index:
            self._phase_index = phase.index
            self._enter(phase.kind, phase.exercise_id, player.side, player.position)
        taken = self.feed.take()
        if taken is None or player.paused:
            return None
        _, image = taken
        kind = phase.kind
        if kind in CALIBRATE:
            self.meter.calibrate(image)
            self.showing = False
            return None
        counted = kind in HOLDS
        self.showing = counted or kind in BETWEEN
        now = player.position
        reading = self.meter.feed(image, now, count=counted and self.meter.holding)
        if reading is None or reading.still or not counted:
            return None
        if now - self._last_cue < CUE_EVERY:
            return None
        self._last_cue = now
        return VIEW_CUE if reading.kind is WobbleKind.OUT_OF_VIEW else SETTLE_CUE

    def finish(self, now: float) -> tuple[MotionReport, ...]:
        """End any open hold and stop the camera; the reports of the whole level."""
        self._end(now)
        self.close()
        return tuple(self.reports)

    def close(self) -> None:
        self.feed.close()

    def _enter(self, kind: PhaseKind, exercise_id: str | None, side: Side, now: float) -> None:
        key = (exercise_id, side) if exercise_id else None
        if kind in HOLDS and key is not None:
            if self.meter.holding and key == self._key:
                self.meter.rebase()
            else:
                self._end(now)
                self.meter.begin_hold(key[0], key[1], now)
                self._key = key
        elif kind not in BETWEEN or key != self._key:
            self._end(now)

    def _end(self, now: float) -> None:
        if self.meter.holding:
            report = self.meter.end_hold(now)
            if report is not None:
                self.reports.append(report)
        self._key = None


NO_CAMERA_NOTICE = "No camera found; the level plays on without the stillness meter."


def open_watch(
    provider: CameraProvider, device: str, *, fps: float = 10.0
) -> tuple[StillnessWatch | None, str | None]:
    """A watch on the chosen camera, or None and the words to say once why not."""
    try:
        source = provider.open(device)
    except Exception:  # a broken camera backend is no reason to stop the level
        source = None
    if source is None:
        return None, NO_CAMERA_NOTICE
    feed = CameraFeed(source, block=load_thresholds().block, fps=fps)
    return StillnessWatch(feed), None
