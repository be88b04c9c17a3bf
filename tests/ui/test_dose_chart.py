"""The dose chart: each progressing move's dose per day over twelve weeks."""

from __future__ import annotations

import sys
from datetime import timedelta, timezone
from pathlib import Path

import pygame

from game.clock import FakeClock
from game.content import assets_dir
from game.content.model import Content
from game.player.data import PlayerData
from game.progress.dose_history import dose_series
from game.store import memory_store
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import SceneStack
from game.ui.scenes.dose_chart import DoseChartScene
from game.ui.theme import Theme

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "progress"))
from walk_helpers import next_day, play_level


def test_the_chart_follows_the_doses_played(content: Content, screen: pygame.Surface) -> None:
    clock = FakeClock(tz=timezone.utc)
    store = memory_store()
    data = PlayerData(store, content, clock, store.create_profile("Chart").id)
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
    ctx = AppContext(Theme(assets_dir() / "fonts"), SceneStack(), clock, content)
    scene = DoseChartScene(ctx, data)
    ctx.scenes.push(scene)
    ctx.scenes.apply_pending()
    scene.draw(screen)
    scene.handle(Action(Act.BACK))
    ctx.scenes.apply_pending()
    assert ctx.scenes.top is not scene
