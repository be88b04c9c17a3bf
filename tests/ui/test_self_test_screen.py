"""The self-test screen: two holds stopped by a key or a minute, a pain question, doses."""

from __future__ import annotations

from datetime import timezone

import pygame

from game.clock import FakeClock
from game.content import assets_dir
from game.content.model import Content
from game.player.data import PlayerData
from game.session.result import Pain
from game.store import memory_store
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import SceneStack
from game.ui.scenes.self_test import SelfTestScene
from game.ui.theme import Theme


def test_two_holds_and_a_question_save_a_self_test(
    content: Content, screen: pygame.Surface
) -> None:
    clock = FakeClock(tz=timezone.utc)
    store = memory_store()
    data = PlayerData(store, content, clock, store.create_profile("Tess").id)
    ctx = AppContext(Theme(assets_dir() / "fonts"), SceneStack(), clock, content)
    scene = SelfTestScene(ctx, data)
    ctx.scenes.push(scene)
    ctx.scenes.apply_pending()
    scene.draw(screen)
    scene.handle(Action(Act.CONFIRM))  # begin
    for _ in range(25 * 30):  # 25 s of the plank, then form breaks
        scene.update(1 / 30)
    scene.draw(screen)
    scene.handle(Action(Act.PAUSE))
    for _ in range(70 * 30):  # the dead bug hold runs out at a minute on its own
        scene.update(1 / 30)
    assert scene.step == "pain" and round(scene.held[0]) == 25 and scene.held[1] == 60
    scene.draw(screen)
    scene.handle(Action(Act.SHORTCUT, text="1"))
    scene.draw(screen)
    saved = data.history()[-1][0]
    assert saved.level_id == "self-test" and saved.pain is Pain.NONE
    assert data.doses()["side_plank"].amount == 10.0  # 25 s: the written dose
    scene.handle(Action(Act.CONFIRM))
    ctx.scenes.apply_pending()
    assert ctx.scenes.top is not scene
