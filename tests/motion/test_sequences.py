"""The meter on camera sequences rendered from the guide figure: verdicts and order.

Each sequence is run twice: through the pure shrink (``prepare`` in Python)
and through the game's path (pygame's scaler in the feed, then ``prepare``).
"""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pytest

from game.motion.frames import Frame, Prepared, prepare
from game.motion.meter import MotionMeter
from game.motion.report import MotionReport, WobbleKind
from game.motion.thresholds import load_thresholds
from game.session.result import Side
from game.ui.camera.feed import shrink
from tests.motion.sequences import FPS, SEQUENCES, Sequence

_cache: dict[str, Sequence] = {}


def _sequence(name: str) -> Sequence:
    if name not in _cache:
        pygame.display.init()
        _cache[name] = SEQUENCES[name]()
    return _cache[name]


def _pure(frame: Frame) -> Prepared:
    return prepare(frame, load_thresholds().block)


def _game(frame: Frame) -> Prepared:
    return prepare(shrink(frame, load_thresholds().block), 1)


PATHS: dict[str, Callable[[Frame], Prepared]] = {"pure": _pure, "game": _game}


def measure(seq: Sequence, path: Callable[[Frame], Prepared]) -> MotionReport:
    meter = MotionMeter(load_thresholds())
    for frame in seq.ready:
        meter.calibrate(path(frame))
    meter.begin_hold(seq.exercise, Side.BOTH, 0.0)
    for i, frame in enumerate(seq.hold):
        meter.feed(path(frame), i / FPS)
    report = meter.end_hold(len(seq.hold) / FPS)
    assert report is not None
    return report


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("name", SEQUENCES)
def test_each_sequence_gets_the_verdict_a_watcher_would_give(name: str, path: str) -> None:
    seq = _sequence(name)
    report = measure(seq, PATHS[path])
    assert report.form.value == seq.verdict, f"{name}: {report.steadiness:.2f}"


@pytest.mark.parametrize("path", PATHS)
def test_the_scores_put_the_sequences_in_order(path: str) -> None:
    score = {name: measure(_sequence(name), PATHS[path]).steadiness for name in SEQUENCES}
    calm = ("still hold", "hold with breathing", "light change", "sensor noise")
    shaky = ("hip drop", "limb drift")
    assert min(score[n] for n in calm) > max(score[n] for n in shaky) + 0.15
    assert min(score[n] for n in shaky) > score["leaves the frame"]
    assert score["still hold"] >= score["hold with breathing"] - 0.01


def test_the_wobble_moments_say_when_and_what() -> None:
    drop = measure(_sequence("hip drop"), _pure)
    assert drop.wobbles and 4.8 <= drop.wobbles[0].start <= 6.0  # the hips sink at 5 s
    drift = measure(_sequence("limb drift"), _pure)
    assert drift.wobbles[0].kind is WobbleKind.DRIFT and drift.wobbles[0].start > 5.0
    gone = measure(_sequence("leaves the frame"), _pure)
    assert gone.wobbles[-1].kind is WobbleKind.OUT_OF_VIEW
    assert gone.wobbles[-1].end >= 11.5
    assert measure(_sequence("hold with breathing"), _pure).wobbles == ()


def score_table() -> str:
    """The table for the docs: ``python -m tests.motion.test_sequences``."""
    lines = ["| sequence | steadiness (pure) | steadiness (game path) | verdict | expected |"]
    lines.append("|---|---|---|---|---|")
    for name in SEQUENCES:
        seq = _sequence(name)
        pure, game = measure(seq, _pure), measure(seq, _game)
        lines.append(
            f"| {name} | {pure.percent} % | {game.percent} % | {game.form.value} | {seq.verdict} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(score_table())
