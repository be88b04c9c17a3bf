"""Render the player scene at chosen moments to PNG files (headless).

Usage: python scripts/shoot_player.py OUT_DIR [LEVEL_ID]
Writes player_inhale.png and player_exhale.png: the same exercise, one during a
breath in and one during a breath out, for the README and for review.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from game.clock import FakeClock
from game.content import assets_dir, load_content
from game.session.breath import BreathPhase
from game.session.phases import PhaseKind
from game.ui.context import AppContext
from game.ui.scene import SceneStack
from game.ui.scenes.player_scene import PlayerScene, PlayRequest
from game.ui.theme import Theme

STEP = 1 / 120


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    content = load_content()
    level_id = sys.argv[2] if len(sys.argv) > 2 else content.stage_levels("stabilize")[0].id
    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode((1280, 720))
    ctx = AppContext(Theme(assets_dir() / "fonts"), SceneStack(), FakeClock(), content)
    scene = PlayerScene(ctx, PlayRequest(content.levels[level_id]))
    wanted = {BreathPhase.IN: "player_inhale.png", BreathPhase.OUT: "player_exhale.png"}
    t = 0.0
    while wanted and t < 900:
        scene.update(STEP)
        t += STEP
        p = scene.player
        b = p.breath()
        if p.phase.kind in (PhaseKind.HOLD, PhaseKind.LIFT, PhaseKind.LOWER, PhaseKind.FLOW) and (
            0.55 < b.fraction < 0.65 and b.phase in wanted and t > 20
        ):
            scene.draw(screen)
            pygame.image.save(screen, out / wanted.pop(b.phase))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
