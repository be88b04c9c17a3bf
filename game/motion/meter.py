"""The stillness meter: a stream of frames in, a live reading and per-hold reports out.

The caller says what the player is doing (getting ready, holding, anything
else) and hands in each frame with its time in seconds. Getting ready
teaches the meter the camera's noise; a hold compares each frame with the
one before (a jolt) and with the average of the hold's first frames (a
drift). Breathing moves only the chest, slowly, and comes back, so it stays
under both thresholds. Each reading is the median of the last five frames:
one odd frame (a flicker, the light stepping by a gray level) raises two
differences, not three, so it is not a jolt, while a hip drop lasts several
frames and a sinking limb stays away. Leaving the picture is a difference
far above both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.motion.frames import Frame, Prepared, average, difference, prepare
from game.motion.report import MotionReport, Wobble, WobbleKind, measured_form
from game.motion.thresholds import Thresholds
from game.session.result import Side


@dataclass(frozen=True, slots=True)
class FrameMotion:
    """One frame's reading. ``movement`` is 0 when still and 1 at a threshold."""

    jolt: float
    drift: float
    movement: float
    still: bool
    kind: WobbleKind | None


@dataclass
class _Hold:
    exercise_id: str
    side: Side
    start: float
    firsts: list[Prepared] = field(default_factory=list)
    reference: Prepared | None = None
    frames: int = 0
    still: int = 0
    #: (seconds from start, kind) of each unsteady frame.
    unsteady: list[tuple[float, WobbleKind]] = field(default_factory=list)
    last_time: float = 0.0


class MotionMeter:
    """Per-frame motion energy, a noise baseline and steadiness per hold."""

    def __init__(self, thresholds: Thresholds) -> None:
        self.t = thresholds
        self._previous: Prepared | None = None
        self._calibration: list[float] = []
        self.noise = 0.0
        #: The contrast the noise was learnt at; a dimmer picture scales the floor up.
        self._noise_spread = 0.0
        self._spreads: list[float] = []
        self._scale = 1.0
        self._hold: _Hold | None = None
        #: The eased live stillness, 1.0 still to 0.0 moving, for the bar.
        self.stillness = 1.0
        self._bar_time: float | None = None
        self.last: FrameMotion | None = None
        #: The last few raw (jolt, drift) pairs: a one-frame spike is noise, not movement.
        self._recent: list[tuple[float, float]] = []

    @property
    def jolt_limit(self) -> float:
        """Above this frame-to-frame difference a frame is a jolt (at the latest contrast)."""
        return self.noise * self._scale * self.t.noise_factor + self.t.jolt_margin

    @property
    def drift_limit(self) -> float:
        return self.noise * self._scale * self.t.noise_factor + self.t.drift_margin

    @property
    def holding(self) -> bool:
        return self._hold is not None

    def image(self, frame: Frame | Prepared) -> Prepared:
        """A frame shrunk and normalised as the thresholds say (a prepared one as it is)."""
        return frame if isinstance(frame, Prepared) else prepare(frame, self.t.block)

    def calibrate(self, frame: Frame | Prepared) -> None:
        """A get-ready frame: learn the noise floor from frame-to-frame change."""
        image = self.image(frame)
        if self._previous is not None and _same_size(image, self._previous):
            self._calibration.append(difference(image, self._previous))
            del self._calibration[: -self.t.calibration_frames]
            ranked = sorted(self._calibration)
            self.noise = ranked[int(self.t.noise_quantile * (len(ranked) - 1))]
        self._spreads.append(image.spread)
        del self._spreads[: -self.t.calibration_frames]
        self._noise_spread = _median(self._spreads)
        self._previous = image

    def begin_hold(self, exercise_id: str, side: Side, now: float) -> None:
        """Start measuring a hold (any unfinished one is dropped)."""
        self._hold = _Hold(exercise_id, side, now)
        self._recent.clear()

    def rebase(self) -> None:
        """The hold goes on from a new position (the next rep's top hold): a new reference."""
        if self._hold is not None:
            self._hold.reference = None
            self._hold.firsts = []
            self._recent.clear()

    def feed(
        self, frame: Frame | Prepared, now: float, *, count: bool = True
    ) -> FrameMotion | None:
        """A frame: the live reading, counted into the open hold when ``count``.

        Uncounted frames (a lift, a lower, no hold open) move only the live bar.
        """
        image = self.image(frame)
        previous, self._previous = self._previous, image
        if self._noise_spread > 0:
            self._scale = max(1.0, self._noise_spread / max(image.spread, 1e-6))
        hold = self._hold if count else None
        if hold is not None and hold.reference is None:
            hold.firsts.append(image)
            if len(hold.firsts) >= self.t.reference_frames:
                hold.reference = average(hold.firsts)
        if previous is None or not _same_size(image, previous):
            return None
        reference = hold.reference if hold is not None else None
        self._recent.append(
            (
                difference(image, previous),
                difference(image, reference) if reference is not None else 0.0,
            )
        )
        del self._recent[:-_MEDIAN_OF]
        jolt = _median([j for j, _ in self._recent])
        drift = _median([d for _, d in self._recent])
        kind: WobbleKind | None = None
        if drift > self.t.out_of_view:
            kind = WobbleKind.OUT_OF_VIEW
        elif jolt > self.jolt_limit:
            kind = WobbleKind.JOLT
        elif drift > self.drift_limit:
            kind = WobbleKind.DRIFT
        movement = max(jolt / self.jolt_limit, drift / self.drift_limit)
        reading = FrameMotion(jolt, drift, movement, kind is None, kind)
        self.last = reading
        self._ease_bar(movement, now)
        if hold is not None:
            hold.frames += 1
            hold.last_time = now
            if kind is None:
                hold.still += 1
            else:
                hold.unsteady.append((max(0.0, now - hold.start), kind))
        return reading

    def end_hold(self, now: float) -> MotionReport | None:
        """Finish the hold: its report, or None when too few frames were seen."""
        hold, self._hold = self._hold, None
        if hold is None or hold.frames < self.t.min_frames:
            return None
        share = hold.still / hold.frames
        return MotionReport(
            exercise_id=hold.exercise_id,
            side=hold.side,
            seconds=round(max(0.0, now - hold.start), 2),
            frames=hold.frames,
            steadiness=round(share, 3),
            form=measured_form(share, self.t.steady_share, self.t.wobbly_share),
            wobbles=_merge(hold.unsteady, self.t.merge_seconds),
        )

    def cancel_hold(self) -> None:
        self._hold = None

    def _ease_bar(self, movement: float, now: float) -> None:
        # Full while comfortably under the thresholds, empty half past them.
        target = min(1.0, max(0.0, 1.5 - movement))
        dt = 0.1 if self._bar_time is None else max(0.0, now - self._bar_time)
        self._bar_time = now
        k = 1.0 if self.t.bar_seconds <= 0 else min(1.0, dt / self.t.bar_seconds)
        self.stillness += (target - self.stillness) * k


#: Readings are the median of this many frames: a hip drop lasts several, a flicker one.
_MEDIAN_OF = 5


def _median(values: list[float]) -> float:
    return sorted(values)[(len(values) - 1) // 2]


def _same_size(a: Prepared, b: Prepared) -> bool:
    return a.width == b.width and a.height == b.height


_RANK = {WobbleKind.OUT_OF_VIEW: 0, WobbleKind.JOLT: 1, WobbleKind.DRIFT: 2}


def _merge(marks: list[tuple[float, WobbleKind]], gap: float) -> tuple[Wobble, ...]:
    """Unsteady frames close together become one wobble, named by its worst kind."""
    out: list[list[object]] = []
    for at, kind in marks:
        if out and at - float(out[-1][1]) <= gap:  # type: ignore[arg-type]
            out[-1][1] = at
            if _RANK[kind] < _RANK[out[-1][2]]:  # type: ignore[index]
                out[-1][2] = kind
        else:
            out.append([at, at, kind])
    return tuple(Wobble(round(float(s), 2), round(float(e), 2), k) for s, e, k in out)  # type: ignore[arg-type]
