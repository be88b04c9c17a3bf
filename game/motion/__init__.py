"""Measured stillness from a camera: frame differences in, steadiness per hold out.

Pure (no pygame, no clock): frames and their times are handed in. Nothing here
keeps a frame longer than the comparison needs, and nothing is written anywhere.
"""

from game.motion.fake import FakeCamera
from game.motion.frames import Frame, Prepared, difference, prepare
from game.motion.meter import FrameMotion, MotionMeter
from game.motion.report import (
    MotionReport,
    Wobble,
    counts_as_steady,
    measured_form,
    prefill_form,
)
from game.motion.thresholds import Thresholds, load_thresholds

__all__ = [
    "FakeCamera",
    "Frame",
    "FrameMotion",
    "MotionMeter",
    "MotionReport",
    "Prepared",
    "Thresholds",
    "Wobble",
    "counts_as_steady",
    "difference",
    "load_thresholds",
    "measured_form",
    "prefill_form",
    "prepare",
]
