"""The self-test screen: two holds stopped by a key or a minute, a pain question, doses."""

from __future__ import annotations

from datetime import timezone

from harness import MakeHarness

from game.clock import FakeClock
from game.session.result import Pain
from game.ui.scenes.self_test import SelfTestScene


def test_two_holds_and_a_question_save_a_self_test(make_harness: MakeHarness) -> None:
    h = make_harness(clock=FakeClock(tz=timezone.utc))
    data = h.player("Tess")
    scene = h.push(SelfTestScene(h.ctx, data))
    h.draw()
    h.press("return")  # begin
    h.step(25.0, frame=1 / 30)  # 25 s of the plank, then form breaks
    h.draw()
    h.press("space")
    h.step(70.0, frame=1 / 30)  # the dead bug hold runs out at a minute on its own
    assert scene.step == "pain" and round(scene.held[0]) == 25 and scene.held[1] == 60
    h.draw()
    h.press("1")
    h.draw()
    saved = data.history()[-1][0]
    assert saved.level_id == "self-test" and saved.pain is Pain.NONE
    assert data.doses()["side_plank"].amount == 10.0  # 25 s: the written dose
    h.press("return")
    assert h.top is not scene
