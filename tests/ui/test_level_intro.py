"""The level intro shows each move's text whole, and says each safety rule once."""

from __future__ import annotations

import itertools

import pygame
import pytest
from harness import Harness, MakeHarness

import game.ui.scenes.level_intro as level_intro
import game.ui.widgets.text as widgets
from game.content import assets_dir
from game.session.timeline import SessionSettings
from game.ui.scenes.level_intro import GENERAL_SAFETY, LevelIntroScene, safety_notes
from game.ui.theme import Theme
from game.ui.widgets.text import blit_paragraph


def _shortened(h: Harness, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every line the intro had to end with an ellipsis, over every level and card."""
    cut: list[str] = []
    real = widgets._ellipsized

    def spy(*args: object) -> str:
        line = real(*args)  # type: ignore[arg-type]
        cut.append(line)
        return line

    monkeypatch.setattr(widgets, "_ellipsized", spy)
    for level in h.content.levels.values():
        scene = h.push(LevelIntroScene(h.ctx, level, SessionSettings()))
        for focus in range(len(scene.exercises) + 1):
            scene.focus = focus
            h.draw()
        h.press("escape")
        assert h.top is None
    return cut


def test_no_intro_text_is_cut_at_normal_text_size(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _shortened(harness, monkeypatch) == []


def test_safety_notes_are_never_cut_even_at_large_text_size(
    make_harness: MakeHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    cut = _shortened(make_harness(text_size="large"), monkeypatch)
    assert not [line for line in cut if line.startswith("\u2022")]


def test_a_paragraph_that_does_not_fit_ends_with_an_ellipsis(screen: pygame.Surface) -> None:
    theme = Theme(assets_dir() / "fonts")
    text = "one two three four five six seven eight nine ten " * 6
    step = round(theme.px("small") * 1.3)
    lines: list[str] = []
    real = widgets.blit_text

    def record(surface: pygame.Surface, theme: Theme, line: str, *args: object, **kw: object):  # type: ignore[no-untyped-def]
        lines.append(line)
        return real(surface, theme, line, *args, **kw)  # type: ignore[arg-type]

    widgets.blit_text = record  # type: ignore[assignment]
    try:
        bottom = blit_paragraph(screen, theme, text, pygame.Rect(0, 0, 200, 2 * step), role="small")
    finally:
        widgets.blit_text = real
    assert len(lines) == 2
    assert lines[-1].endswith("\u2026")
    assert bottom == 2 * step
    assert theme.font("small").size(lines[-1])[0] <= 200


def test_safety_rules_are_said_once() -> None:
    notes = safety_notes(["Stop at once if you feel a sharp pain.", "Keep the lift small."])
    assert notes == ["Keep the lift small.", GENERAL_SAFETY]
    assert safety_notes([]) == [GENERAL_SAFETY]


@pytest.mark.parametrize("text_size", ["normal", "large"])
def test_every_line_stays_on_screen_and_every_move_name_in_its_button(
    make_harness: MakeHarness, monkeypatch: pytest.MonkeyPatch, text_size: str
) -> None:
    """Long goals, daily-level reasons and move names at any text size."""
    drawn: list[tuple[str, pygame.Rect]] = []
    real = widgets.blit_text

    def record(surface: pygame.Surface, theme: Theme, line: str, *args: object, **kw: object):  # type: ignore[no-untyped-def]
        rect = real(surface, theme, line, *args, **kw)  # type: ignore[arg-type]
        drawn.append((line, rect))
        return rect

    monkeypatch.setattr(widgets, "blit_text", record)
    monkeypatch.setattr(level_intro, "blit_text", record)
    reason = "Next to master in Master stabilization: 'Bird dog basics'. " * 2
    h = make_harness(text_size=text_size)
    width = h.screen.get_width()
    for level in h.content.levels.values():
        scene = h.push(LevelIntroScene(h.ctx, level, SessionSettings(), subtitle=reason))
        chips = scene._chip_rects()
        assert chips[-1].bottom <= level_intro.CHIP_BOTTOM
        drawn.clear()
        h.draw()
        h.press("escape")
        for line, rect in drawn:
            assert rect.left >= 0 and rect.right <= width - 30, (level.id, line)
        header = [rect for _, rect in drawn if rect.bottom <= chips[0].top]
        assert all(a.bottom <= b.top + 2 for a, b in itertools.pairwise(header)), level.id
        assert header[-1].bottom <= 140, level.id  # the cards start there
        column = [
            (line, r) for line, r in drawn if r.left < 360 and chips[0].top - 4 <= r.top < 625
        ]
        for line, rect in column:
            assert any(chip.contains(rect) for chip in chips), (level.id, line)
        for i in range(len(chips)):
            assert any(line.startswith(f"{i + 1}. ") for line, _ in column), (level.id, i)
