"""Every title stays inside its box: each level's name (and its daily form) at both text sizes.

"Daily level: Small lifts face down" once ran past the right edge of the main
menu's Today card. Titles now share one rule (``widgets.title_layout``: the
big size when it fits, else smaller on up to two lines). These tests draw the
real screens with every shipped level name and check where each text went.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TypeVar

import pygame
import pytest
from harness import Harness, MakeHarness

import game.ui.scenes.level_complete as level_complete
import game.ui.scenes.level_intro as level_intro
import game.ui.scenes.main_menu as main_menu
import game.ui.scenes.pause as pause
import game.ui.scenes.player_view as player_view
import game.ui.widgets.text as widgets
from game.content import assets_dir
from game.content.model import Content, Level
from game.session.timeline import SessionSettings
from game.ui.scene import Scene
from game.ui.scenes.level_intro import LevelIntroScene
from game.ui.scenes.main_menu import MainMenuScene
from game.ui.scenes.pause import PauseScene
from game.ui.scenes.player_layout import PROGRESS_AREA, TIME_LEFT_AREA
from game.ui.scenes.player_scene import PlayerScene, PlayRequest
from game.ui.theme import TEXT_SCALES, Theme
from game.ui.widgets.text import title_layout

SIZES = sorted(TEXT_SCALES)
S = TypeVar("S", bound=Scene)
TODAY_CARD = pygame.Rect(560, 56, 680, 600)  # as main_menu draws it
CARD_PADDING = 32
PAUSE_CARD = pygame.Rect(400, 130, 480, 470)  # as pause draws it

Blits = list[tuple[str, pygame.Rect]]


@pytest.fixture()
def blits(monkeypatch: pytest.MonkeyPatch) -> Iterator[Blits]:
    """Every line of text the screens draw, with where it went."""
    seen: Blits = []
    real = widgets.blit_text

    def record(surface: pygame.Surface, theme: Theme, text: str, pos: tuple[int, int],
               **kw: object) -> pygame.Rect:  # fmt: skip
        rect = real(surface, theme, text, pos, **kw)  # type: ignore[arg-type]
        seen.append((text, rect))
        return rect

    for module in (widgets, main_menu, level_intro, pause, player_view, level_complete):
        monkeypatch.setattr(module, "blit_text", record)
    yield seen


def _names(content: Content) -> list[str]:
    """Every level name as a title can show it, daily form included."""
    names = [level.name for level in content.levels.values()]
    return names + [f"Daily level: {name}" for name in names]


def _alone(h: Harness, scene: S) -> S:
    """``scene`` as the only screen on the stack, drawn."""
    h.ctx.scenes.reset(scene)
    h.settle()
    h.draw()
    return scene


def _title_lines(blits: Blits, title: str) -> list[tuple[str, pygame.Rect]]:
    """The drawn lines that make up ``title`` (its words in order, maybe cut with an ellipsis)."""
    words = title.split()
    found = []
    for text, rect in blits:
        parts = text.rstrip("\u2026").split()
        if parts and any(parts == words[i : i + len(parts)] for i in range(len(words))):
            found.append((text, rect))
    return found


@pytest.mark.parametrize("size", SIZES)
def test_every_level_name_fits_the_today_card(
    make_harness: MakeHarness, blits: Blits, size: str
) -> None:
    h = make_harness(text_size=size)
    scene = h.push(MainMenuScene(h.ctx, h.player("Ana")))
    plan = scene.plan
    assert plan is not None
    inside = TODAY_CARD.inflate(-2 * CARD_PADDING, 0)
    for name in _names(h.content):
        scene.plan = dataclasses.replace(plan, level=dataclasses.replace(plan.level, name=name))
        blits.clear()
        h.draw()
        lines = _title_lines(blits, name)
        assert lines, name
        assert " ".join(t for t, _ in lines).startswith(name.split()[0])
        for text, rect in blits:
            if rect.left >= TODAY_CARD.left and rect.top < TODAY_CARD.bottom:
                assert rect.right <= inside.right, f"{text!r} ({name!r}, {size}) leaves the card"
        below = max(r.bottom for _, r in lines)
        assert all(r.top >= below for t, r in blits if t.endswith("minutes")), "no overlap"


def _with_name(level: Level, name: str) -> Level:
    return dataclasses.replace(level, name=name)


@pytest.mark.parametrize("size", SIZES)
def test_every_level_and_move_name_fits_the_level_intro(
    make_harness: MakeHarness, blits: Blits, size: str
) -> None:
    h = make_harness(text_size=size)
    right = h.screen.get_width() - 40  # the intro's margin; its cards end there too
    levels = list(h.content.levels.values())
    for level in levels:
        for name in (level.name, f"Daily level: {level.name}"):
            blits.clear()
            _alone(h, LevelIntroScene(h.ctx, _with_name(level, name), SessionSettings()))
            assert _title_lines(blits, name), name
            for text, rect in blits:
                assert rect.right <= right, f"{text!r} ({name!r}, {size}) leaves the screen"
    # Each move's name on the intro's card, once per move.
    scene = _alone(h, LevelIntroScene(h.ctx, levels[0], SessionSettings()))
    for exercise in h.content.exercises.values():
        scene.exercises[0] = exercise
        scene.focus = 0
        blits.clear()
        h.draw()
        assert _title_lines(blits, exercise.name), exercise.name
        for text, rect in blits:
            assert rect.right <= right, f"{text!r} ({exercise.name!r}, {size}) leaves the card"


@pytest.mark.parametrize("size", SIZES)
def test_every_level_name_fits_the_player_and_pause_screens(
    make_harness: MakeHarness, blits: Blits, size: str
) -> None:
    h = make_harness(text_size=size)
    level = next(iter(h.content.levels.values()))
    for name in _names(h.content):
        blits.clear()
        _alone(h, PlayerScene(h.ctx, PlayRequest(_with_name(level, name))))
        lines = _title_lines(blits, name)
        assert lines, name
        for text, rect in lines:
            assert rect.right <= TIME_LEFT_AREA.left, f"{text!r} runs into time left"
            assert rect.bottom <= PROGRESS_AREA.top, f"{text!r} runs into the bar"
        blits.clear()
        _alone(h, PauseScene(h.ctx, name))
        (line,) = _title_lines(blits, name)
        assert PAUSE_CARD.contains(line[1]), f"{line[0]!r} ({size}) leaves the pause card"


@pytest.mark.parametrize("size", SIZES)
def test_the_title_rule_itself(content: Content, screen: pygame.Surface, size: str) -> None:
    theme = Theme(assets_dir() / "fonts", text_size=size)
    for name in _names(content):
        for width in (200, 400, 616):
            role, lines = title_layout(theme, name, width)
            assert 1 <= len(lines) <= 2 and role in ("heading", "label")
            if len(lines) == 2:
                assert role == "label"
            for line in lines:
                assert theme.font(role, True).size(line)[0] <= width, (name, width, line)
            if role == "heading":
                assert lines == [name]
            elif not lines[-1].endswith("\u2026"):
                assert " ".join(lines) == name, "wrapped, nothing lost"


@pytest.mark.parametrize("size", SIZES)
def test_a_word_wider_than_its_box_is_broken_not_left_to_run_over(
    screen: pygame.Surface, size: str
) -> None:
    """A notice naming a quarantined file once ran past the dialog's edge."""
    theme = Theme(assets_dir() / "fonts", text_size=size)
    path = "/home/someone/.local/share/spine-quest/quarantine-2/spinequest.json.20261202T125020Z"
    text = f"Your save file was set aside as {path}; your progress was restored."
    for width in (180, 320, 600):
        lines = theme.wrap(text, width)
        assert all(theme.font("body").size(line)[0] <= width for line in lines), lines
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    lines = theme.wrap(path, 600)
    assert lines[0].endswith("/"), "broken after a folder name when one fits"
