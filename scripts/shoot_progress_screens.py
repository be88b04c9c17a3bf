"""Render the progression screens to PNG files, headless, with a month of play.

    python scripts/shoot_progress_screens.py [OUT_DIR] [--large]

Writes level_map.png, badges.png, progress.png and level_complete.png (into
docs/screens/ by default). The history is made by recording results through
PlayerData, the same way the game does, so the pictures show real rules.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from game.clock import FakeClock
from game.content import assets_dir, load_content
from game.content.model import Content
from game.player.data import Outcome, PlayerData
from game.progress import daily_level_id
from game.session.result import ExerciseResult, Form, Pain, SessionResult, Side
from game.store import memory_store
from game.ui.context import LOGICAL_SIZE, AppContext
from game.ui.scene import Scene, SceneStack
from game.ui.theme import Theme

START = datetime(2026, 2, 2, 7, 30, tzinfo=timezone.utc)
SKIPPED_DAYS = {5, 6, 13, 21}
#: Days the spine wobbled: the level counts as finished but not mastered.
WOBBLY_DAYS = {1, 3, 4, 8, 9, 11, 15, 16, 18, 19, 22, 24, 25, 26, 28}


def played_result(
    data: PlayerData, clock: FakeClock, *, form: Form = Form.STEADY, pain: Pain = Pain.NONE
) -> SessionResult:
    """Today's daily level, played through with believable numbers."""
    plan = data.daily()
    content = data.content
    exercises: list[ExerciseResult] = []
    for i, step in enumerate(plan.level.all_steps()):
        ex = content.exercises[step.exercise]
        held = 20.0 + (i * 7) % 25
        reps = ex.dose.reps or 0
        sides = (Side.LEFT, Side.RIGHT) if ex.dose.each_side else (Side.BOTH,)
        for side in sides:
            exercises.append(ExerciseResult(ex.id, side, held, reps, breaths=int(held / 6)))
    start = clock.now_utc()
    minutes = plan.planned_minutes
    return SessionResult(
        level_id=daily_level_id(data.today(), plan.main_level_id),
        local_date=data.today(),
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        utc_offset_minutes=0,
        exercises=tuple(exercises),
        form=form,
        pain=pain,
        completed=pain is not Pain.SHARP,
        daily=True,
        active_seconds=minutes * 60 * 0.8,
    )


def month_of_play(content: Content, days: int = 30) -> tuple[PlayerData, FakeClock, Outcome]:
    """A player who played most days for a month.

    Returns the outcome worth showing on the level-complete screen: the latest
    one that earned badges, preferring one that also reached a new level.
    """
    clock = FakeClock(start_utc=START)
    store = memory_store(now=clock.now_utc)
    pid = store.create_profile("Ana").id
    data = PlayerData(store, content, clock, pid)
    outcomes: list[Outcome] = []
    for day in range(days + 1):
        if day not in SKIPPED_DAYS:
            form = Form.WOBBLY if day in WOBBLY_DAYS else Form.STEADY
            outcomes.append(data.record(played_result(data, clock, form=form)))
        if day < days:
            clock.advance(24 * 3600)

    def worth(o: Outcome) -> tuple[bool, bool]:
        return bool(o.new_badges), o.level_after.level > o.level_before.level

    best = max(reversed(outcomes), key=worth)
    return data, clock, best


def make_ctx(content: Content, clock: FakeClock, text_size: str = "normal") -> AppContext:
    theme = Theme(assets_dir() / "fonts", text_size=text_size)
    return AppContext(theme=theme, scenes=SceneStack(), clock=clock, content=content)


def shoot(scene: Scene, path: Path, settle: float = 0.0) -> None:
    scene.enter()
    t = 0.0
    while t < settle:
        scene.update(1 / 60)
        t += 1 / 60
    surface = pygame.display.get_surface()
    scene.draw(surface)
    pygame.image.save(surface, str(path))
    print("wrote", path)


def main(argv: list[str]) -> int:
    from game.ui.scenes.badges_screen import BadgesScene
    from game.ui.scenes.level_complete import LevelCompleteScene
    from game.ui.scenes.level_map import LevelMapScene
    from game.ui.scenes.progress_screen import ProgressScene

    large = "--large" in argv
    args = [a for a in argv if not a.startswith("--")]
    out = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "docs" / "screens"
    out.mkdir(parents=True, exist_ok=True)
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode(LOGICAL_SIZE)
    content = load_content()
    data, clock, outcome = month_of_play(content)
    ctx = make_ctx(content, clock, "large" if large else "normal")
    suffix = "_large" if large else ""
    shoot(LevelMapScene(ctx, data, on_play=lambda level: None), out / f"level_map{suffix}.png")
    shoot(BadgesScene(ctx, data), out / f"badges{suffix}.png")
    shoot(ProgressScene(ctx, data), out / f"progress{suffix}.png")
    done = LevelCompleteScene(ctx, outcome)
    shoot(done, out / f"level_complete{suffix}.png", settle=30.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
