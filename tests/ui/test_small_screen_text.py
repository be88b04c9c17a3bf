"""Text that must stay whole on a 960x540 screen: names are never cut, cards cut
between sentences, and checkbox rows have room for a two-line name."""

from __future__ import annotations

from typing import Any

import pygame
import pytest
from harness import MakeHarness

from game.content import assets_dir
from game.content.vocabulary import EQUIPMENT
from game.ui.scenes import badges_screen
from game.ui.scenes.first_run_pages import equipment_cell
from game.ui.theme import Theme
from game.ui.widgets.buttons import CHECKBOX_PAD
from game.ui.widgets.text import summary_lines


def _theme(text_size: str = "normal") -> Theme:
    return Theme(assets_dir() / "fonts", text_size=text_size)


@pytest.mark.usefixtures("screen")
def test_summary_lines_cut_between_sentences() -> None:
    theme = _theme()
    text = "You finished it. The hardest part is starting, and you have done it well today."
    width = theme.font("small").size("You finished it. The hardest")[0]
    lines = summary_lines(theme, text, width, 2)
    assert " ".join(lines) == "You finished it."
    assert summary_lines(theme, "Short one.", 400, 2) == ["Short one."]


@pytest.mark.usefixtures("screen")
def test_summary_lines_mark_a_first_sentence_that_is_too_long() -> None:
    theme = _theme()
    text = "one two three four five six seven eight nine ten eleven twelve thirteen."
    width = theme.font("small").size("one two three")[0]
    lines = summary_lines(theme, text, width, 2)
    assert len(lines) == 2 and lines[-1].endswith("\u2026")
    assert all(theme.font("small").size(line)[0] <= width for line in lines)


@pytest.mark.parametrize("text_size", ["normal", "large"])
def test_badge_cards_show_every_name_whole(
    make_harness: MakeHarness, monkeypatch: pytest.MonkeyPatch, text_size: str
) -> None:
    drawn: list[str] = []
    real = badges_screen.blit_text

    def spy(surface: pygame.Surface, theme: Theme, text: str, *a: Any, **kw: Any) -> pygame.Rect:
        drawn.append(text)
        return real(surface, theme, text, *a, **kw)

    monkeypatch.setattr(badges_screen, "blit_text", spy)
    monkeypatch.setattr("game.ui.widgets.text.blit_text", spy)
    h = make_harness(text_size=text_size)
    scene = h.push(badges_screen.BadgesScene(h.ctx, h.player("Ana")))
    assert len(scene.statuses) == len(h.content.badges) > 0
    surface = pygame.Surface((1280, 720))
    for i, status in enumerate(scene.statuses):
        drawn.clear()
        scene._draw_card(surface, scene.card_rect(i), status, focused=False)
        assert status.badge.name in " ".join(drawn), status.badge.id
        assert not any(t.endswith("\u2026") and t[:-1] in status.badge.name for t in drawn)


def test_equipment_rows_fit_a_two_line_name(screen: pygame.Surface) -> None:
    theme = _theme()
    two_lines = round(theme.px("small") * 1.2) + theme.font("small", True).get_height()
    cells = [equipment_cell(theme, i) for i in range(len(EQUIPMENT))]
    assert all(cell.height >= two_lines + 2 * CHECKBOX_PAD for cell in cells)
    assert max(cell.bottom for cell in cells) < 666 - 84 - 8  # above the buttons
