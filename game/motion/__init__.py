"""Measured stillness from a camera: frame differences in, steadiness per hold out.

Pure (no pygame, no clock): frames and their times are handed in. Nothing here
keeps a frame longer than the comparison needs, and nothing is written anywhere.

The modules: ``frames`` (shrink, blur, normalise, compare), ``meter`` (noise
calibration, per-frame readings, per-hold reports), ``thresholds`` (the data
file), ``report`` (the result type and the rules that read it) and ``fake``
(a camera that plays prepared frames). Only the report's names are gathered
here: the save store reads them, and importing the rest would load the YAML
reader before the game's first frame.
"""

from game.motion.report import (
    MotionReport,
    Wobble,
    WobbleKind,
    measured_form,
    prefill_form,
)

__all__ = [
    "MotionReport",
    "Wobble",
    "WobbleKind",
    "measured_form",
    "prefill_form",
]
