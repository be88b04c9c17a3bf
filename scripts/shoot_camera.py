"""Render the camera set-up screen and the player screen with the stillness bar (headless).

Usage: python scripts/shoot_camera.py OUT_DIR

No camera is needed: both screens read the practice camera (pictures drawn
from the guide figure, played by ``FakeCamera``), stepped by hand so the
pictures are the same on every run. Writes camera_setup.png,
player_camera.png and level_complete_camera.png (the whole level played on,
ten readings a second, and recorded on a scratch save). To see the same
screens live in a window, start the game with ``SPINE_QUEST_FAKE_CAMERA=1``
and turn the meter on in Settings.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pygame

from game.clock import FakeClock
from game.content import assets_dir, load_content
from game.player.data import PlayerData
from game.player.settings import PlayerSettings
from game.session.phases import PhaseKind
from game.session.result import SessionResult
from game.store import memory_store
from game.ui.camera.feed import CameraFeed
from game.ui.camera.providers import PracticeCamera
from game.ui.camera.stillness import StillnessWatch
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import SceneStack
from game.ui.scenes.camera_setup import CameraSetupScene
from game.ui.scenes.level_complete import LevelCompleteScene
from game.ui.scenes.player_scene import PlayerScene, PlayRequest
from game.ui.theme import Theme


class Ticks:
    def __init__(self) -> None:
        self.t = 0.0

    def monotonic(self) -> float:
        return self.t


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode((1280, 720))
    content = load_content()
    practice = PracticeCamera(content)

    def ctx() -> AppContext:
        made = AppContext(Theme(assets_dir() / "fonts"), SceneStack(), FakeClock(), content)
        made.cameras = practice
        return made

    def hand_fed() -> tuple[CameraFeed, Ticks]:
        ticks = Ticks()
        source = practice.open("")
        assert source is not None
        return CameraFeed(source, block=4, clock=ticks, start=False), ticks

    # The set-up screen, after two seconds of pictures.
    setup_ctx = ctx()
    setup = CameraSetupScene(setup_ctx, PlayerSettings(camera=True), lambda s: None)
    setup_ctx.scenes.push(setup)
    setup_ctx.scenes.apply_pending()
    assert setup.feed is not None
    setup.feed.close()
    setup.feed, ticks = hand_fed()
    for _ in range(20):
        ticks.t += 0.1
        setup.feed.step()
        setup.update(0.1)
    setup.draw(screen)
    pygame.image.save(screen, out / "camera_setup.png")
    setup.exit()

    # The player screen, four seconds into the first timed hold.
    play_ctx = ctx()
    level = content.stage_levels("stabilize")[0]
    scene = PlayerScene(play_ctx, PlayRequest(level))
    feed, ticks = hand_fed()
    scene.watch = StillnessWatch(feed)
    results: list[SessionResult] = []
    play_ctx.scenes.push(scene, on_result=results.append)
    play_ctx.scenes.apply_pending()
    held = 0.0
    while held < 4.0:
        ticks.t += 0.1
        feed.step()
        scene.update(0.1)
        if scene.player.phase.kind is PhaseKind.HOLD:
            held += 0.1
    scene.draw(screen)
    pygame.image.save(screen, out / "player_camera.png")

    # The level-complete screen: the rest of the level at ten readings a second.
    while play_ctx.scenes.top is scene:
        ticks.t += 0.1
        feed.step()
        scene.update(0.1)
        play_ctx.scenes.apply_pending()
    check = play_ctx.scenes.top
    assert check is not None
    check.handle(Action(Act.CONFIRM))
    check.handle(Action(Act.CONFIRM))
    play_ctx.scenes.apply_pending()
    store = memory_store()
    data = PlayerData(store, content, play_ctx.clock, store.create_profile("Robin").id)
    done = LevelCompleteScene(play_ctx, data.record(results[0]), reduced_motion=True)
    done.enter()
    done.draw(screen)
    pygame.image.save(screen, out / "level_complete_camera.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
