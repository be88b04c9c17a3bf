"""The player screen drawn incrementally is, pixel for pixel, the full redraw.

The player view redraws only the areas whose values changed and the part of
the guide that moved. These tests play levels and compare every frame with a
second scene in the same state that redraws everything, so an area drawn
outside its rectangle, a missing signature value or a guide bound that is
too small shows up as a pixel difference at the frame where it happens.
"""

from __future__ import annotations

import random

import pygame
import pytest
from harness import Harness, MakeHarness

from game.content.model import Content, Level
from game.content.vocabulary import MUSCLES
from game.session.phases import PhaseKind
from game.ui.figure.draw import draw_guide
from game.ui.scene import Scene
from game.ui.scenes.player_layout import (
    INFO_AREA,
    NEXT_AREA,
    PACER_AREA,
    PROGRESS_AREA,
    RING_AREA,
    STILL_AREA,
    TIME_LEFT_AREA,
    WORDS_AREA,
)
from game.ui.scenes.player_scene import PlayerScene, PlayRequest
from game.ui.scenes.regions import GuideView
from game.ui.theme import Theme
from game.ui.widgets.discs import aa_disc

STEP = 1 / 120


def _pair(h: Harness, level: Level) -> tuple[PlayerScene, PlayerScene]:
    """Two scenes in the same state: one on top of the app's stack, one never on it."""
    shown = h.push(PlayerScene(h.ctx, PlayRequest(level)))
    reference = PlayerScene(h.ctx, PlayRequest(level))
    return shown, reference


def _same_frames(
    h: Harness, shown: PlayerScene, reference: PlayerScene, seconds: float, step: float
) -> set[PhaseKind]:
    """Draw both scenes every ``step`` seconds; assert equal pixels; return phases seen."""
    full = pygame.Surface(h.screen.get_size())
    seen: set[PhaseKind] = set()
    t = 0.0
    while t < seconds and not shown.player.finished:
        h.step(step)  # the app steps the scene on top of its stack
        for _ in range(round(step / STEP)):
            reference.update(STEP)
        screen = h.draw()
        reference.draw(full)  # not on the stack: always a full frame
        seen.add(shown.player.phase.kind)
        same = pygame.image.tobytes(screen, "RGB") == pygame.image.tobytes(full, "RGB")
        assert same, f"frame at {t:.2f} s ({shown.player.phase.kind.name}) differs"
        t += step
    return seen


def test_incremental_frames_equal_full_frames_through_holds_and_rests(harness: Harness) -> None:
    level = harness.content.stage_levels("stabilize")[0]
    shown, reference = _pair(harness, level)
    seen = _same_frames(harness, shown, reference, seconds=150, step=1 / 6)
    assert {PhaseKind.HOLD, PhaseKind.REST, PhaseKind.SETUP} <= seen


def test_incremental_frames_equal_full_frames_through_lifts_and_lowers(harness: Harness) -> None:
    level = harness.content.stage_levels("movement")[0]
    shown, reference = _pair(harness, level)
    seen = _same_frames(harness, shown, reference, seconds=120, step=1 / 6)
    assert {PhaseKind.LIFT, PhaseKind.LOWER} <= seen


@pytest.mark.parametrize(("palette", "text_size"), [("high_contrast", "large")])
def test_incremental_frames_equal_full_frames_with_large_text(
    make_harness: MakeHarness, palette: str, text_size: str
) -> None:
    h = make_harness(palette=palette, text_size=text_size)
    level = h.content.stage_levels("integrate")[0]
    shown, reference = _pair(h, level)
    _same_frames(h, shown, reference, seconds=60, step=1 / 4)


def test_a_hold_frame_redraws_only_what_moves(harness: Harness) -> None:
    level = harness.content.stage_levels("stabilize")[0]
    shown, _ = _pair(harness, level)
    harness.run_until(lambda: shown.player.phase.kind is PhaseKind.HOLD, limit=300)
    harness.draw()
    painted = []
    for _ in range(30):
        harness.step(2 * STEP)
        harness.draw()
        painted.append(shown.view.last_painted)
    # The ring and the pacer change in a hold; the guide, words and panel do not.
    assert max(painted) <= 4
    assert sum(painted) / len(painted) <= 2.5


class _Dialog(Scene):
    """Something drawn over the level (and drawing nothing itself)."""

    transparent = True


def test_a_scene_drawn_under_another_redraws_fully(harness: Harness) -> None:
    level = harness.content.stage_levels("stabilize")[0]
    shown, _ = _pair(harness, level)
    harness.step()
    screen = harness.draw()
    screen.fill((255, 0, 255))  # as if a dialog had been drawn over it
    harness.push(_Dialog(harness.ctx))
    harness.draw()
    assert shown.view.last_painted >= 7, "every area is painted again"
    assert screen.get_at((640, 30))[:3] != (255, 0, 255)
    harness.ctx.scenes.pop()
    harness.settle()
    harness.draw()
    screen.fill((255, 0, 255))  # the window lost its picture
    harness.expose()
    harness.draw()
    assert shown.view.last_painted >= 7
    assert screen.get_at((640, 30))[:3] != (255, 0, 255)


def test_the_areas_never_overlap() -> None:
    areas = [
        TIME_LEFT_AREA,
        PROGRESS_AREA,
        WORDS_AREA,
        RING_AREA,
        INFO_AREA,
        PACER_AREA,
        NEXT_AREA,
        STILL_AREA,
    ]
    for i, a in enumerate(areas):
        assert a.clip(pygame.Rect(0, 0, 1280, 720)) == a
        for b in areas[i + 1 :]:
            assert not a.colliderect(b), (a, b)


def test_the_guide_drawn_by_parts_equals_the_guide_drawn_whole(
    content: Content, screen: pygame.Surface
) -> None:
    rng = random.Random(7)
    rect = pygame.Rect(40, 108, 764, 484)
    background = pygame.Surface(screen.get_size())
    background.fill((20, 30, 44))
    whole = pygame.Surface(screen.get_size())
    for ex in content.exercises.values():
        view = GuideView()
        screen.blit(background, (0, 0))
        mirrored = rng.random() < 0.5
        u = rng.random()
        for _ in range(6):
            u = min(1.0, max(0.0, u + rng.uniform(-0.3, 0.3)))
            breath = rng.random()
            view.draw(
                screen,
                background,
                rect,
                ex,
                u,
                mirrored=mirrored,
                breath=breath,
                glow_muscles=ex.muscles,
            )
            whole.blit(background, (0, 0))
            quantized = round(breath * 16) / 16
            draw_guide(
                whole, rect, ex, u, mirrored=mirrored, breath=quantized, glow_muscles=ex.muscles
            )
            same = pygame.image.tobytes(screen, "RGB") == pygame.image.tobytes(whole, "RGB")
            assert same, f"{ex.id} at u={u:.3f}"


def test_cached_discs_match_aacircle(screen: pygame.Surface) -> None:
    rng = random.Random(3)
    for _ in range(200):
        base = pygame.Surface((120, 120))
        for _ in range(12):
            color = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
            base.fill(color, (rng.randrange(120), rng.randrange(120), 30, 30))
        a, b = base.copy(), base.copy()
        center = (rng.uniform(-30, 150), rng.uniform(-30, 150))
        radius = rng.uniform(0, 40)
        color = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        pygame.draw.aacircle(a, color, center, radius)
        aa_disc(b, color, center, radius)
        pa, pb = pygame.image.tobytes(a, "RGB"), pygame.image.tobytes(b, "RGB")
        worst = max(abs(x - y) for x, y in zip(pa, pb, strict=True))
        assert worst <= 2, (center, radius)  # alpha blending rounds by a level or two


def test_every_phase_phrase_with_its_breath_stays_inside_the_words_area() -> None:
    import pygame

    from game.content import assets_dir, load_content
    from game.ui.scenes.player_layout import WORDS_AREA
    from game.ui.theme import TEXT_SCALES

    pygame.font.init()
    content = load_content()
    phrases = {w for e in content.exercises.values() for w in (e.phases.out, e.phases.back)}
    for size in TEXT_SCALES:
        theme = Theme(assets_dir() / "fonts", text_size=size)
        for words in phrases:
            text = f"{words} \\u00b7 breathe out"
            widest = min(theme.font(r, True).size(text)[0] for r in ("heading", "label"))
            assert 32 + widest <= WORDS_AREA.right, (size, words)


@pytest.mark.parametrize("size", ["normal", "large"])
def test_a_moves_name_and_muscles_never_run_under_its_inset(content: Content, size: str) -> None:
    """The magnified box sits in the guide's top right corner; the words beside it
    stop short of it, the muscles taking a second line when they need one."""
    from game.content import assets_dir
    from game.ui.figure.focus import inset_rect
    from game.ui.scenes.player_layout import GUIDE_RECT, STAGE_RECT, stage_text_width

    theme = Theme(assets_dir() / "fonts", text_size=size)
    box = inset_rect(GUIDE_RECT)
    insets = [
        ex
        for ex in content.exercises.values()
        if ex.animation is not None and ex.animation.focus and ex.animation.focus.inset > 0
    ]
    assert insets
    for ex in insets:
        width = stage_text_width(ex)
        assert STAGE_RECT.left + 18 + width <= box.left - 12
        muscles = ", ".join(MUSCLES.get(m, m) for m in ex.muscles[:3])
        assert len(theme.wrap(muscles, width, "small", False)) <= 2, ex.id
