"""The dose chart: each progressing move's dose per day over twelve weeks."""

from __future__ import annotations

import sys
from datetime import timedelta, timezone
from pathlib import Path

from harness import MakeHarness

from game.clock import FakeClock
from game.progress.dose_history import dose_series
from game.ui.scenes.dose_chart import DoseChartScene

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "progress"))
from walk_helpers import next_day, play_level


def test_the_chart_follows_the_doses_played(make_harness: MakeHarness) -> None:
    h = make_harness(clock=FakeClock(tz=timezone.utc))
    clock, content = h.clock, h.content
    data = h.player("Chart")
    level = content.levels["stabilize_01"]
    for _ in range(4):
        play_level(data, clock, level)
        next_day(clock)
    data.record_rest_day()  # a rest day plays no move
    series = dose_series(content, data.history(), data.today())
    glute = [amount for _day, amount in series["glute_bridge_hold"]]
    assert glute == [10.0, 10.0, 15.0, 15.0]
    assert len(series["glute_bridge_hold"]) == 4
    old = dose_series(content, data.history(), data.today() + timedelta(weeks=13))
    assert old == {}, "older than twelve weeks: off the chart"
    scene = h.push(DoseChartScene(h.ctx, data))
    h.draw()
    h.press("escape")
    assert h.top is not scene
