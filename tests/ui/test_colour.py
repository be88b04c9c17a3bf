"""The one colour blend: rounded for screens, rounded down for the guide figure."""

from __future__ import annotations

from game.ui.widgets.colour import mix


def test_mix_rounds_clamps_and_floors() -> None:
    white, grey = (255, 255, 255), (170, 170, 170)
    assert mix(white, grey, 0.3) == (230, 230, 230)  # about 229.5: up, or down with floor
    assert mix(white, grey, 0.3, floor=True) == (229, 229, 229)
    assert mix(white, grey, -1.0) == white and mix(white, grey, 2.0) == grey
    assert mix((0, 10, 20), (10, 20, 30), 0.5) == (5, 15, 25)
