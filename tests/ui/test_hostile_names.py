"""Every screen that shows a player's name draws even a name the store would refuse.

The store refuses control characters in names when saving and loading, but
the screens do not rely on that: every text goes through the theme's fonts,
which draw a replacement mark instead of raising (a NUL once stopped the main
menu from opening at all). These tests slip hostile names past the store and
draw every screen that shows one, at both text sizes.
"""

from __future__ import annotations

import pygame
import pytest
from harness import MakeHarness

import game.store.store as store_module
from game.content import assets_dir
from game.player.data import PlayerData
from game.ui.scenes.main_menu import MainMenuScene
from game.ui.scenes.pause import ConfirmScene
from game.ui.scenes.profiles_screen import ProfilesScene
from game.ui.scenes.settings_screen import SettingsScene
from game.ui.theme import TEXT_SCALES, Theme, printable
from game.ui.widgets.text import blit_fitted, blit_paragraph

HOSTILE = [
    "An\x00a",
    "\x00" * 24,
    "Ana\x1b[2J",
    "A\r\nna\t",
    "Ana\x7f\x85\x9f",
    "A\ud800na\udfff",
    "A\u2028na",
    "\u202eanA",
    "x" * 60,
]


@pytest.mark.parametrize("size", sorted(TEXT_SCALES))
@pytest.mark.parametrize("name", HOSTILE, ids=[ascii(n)[:24] for n in HOSTILE])
def test_screens_that_show_a_name_draw_a_hostile_one(
    make_harness: MakeHarness, monkeypatch: pytest.MonkeyPatch, name: str, size: str
) -> None:
    h = make_harness(text_size=size)
    store = h.store
    monkeypatch.setattr(store_module, "_check_name", lambda given: given)
    hostile = store.create_profile(name).id
    other = store.create_profile("Bo").id
    monkeypatch.undo()
    data = PlayerData(store, h.content, h.clock, hostile)

    h.push(MainMenuScene(h.ctx, data))
    h.draw()
    settings = h.push(SettingsScene(h.ctx, data))
    h.draw()
    h.press("escape")
    assert h.top is not settings

    # The list with the hostile player as current and as the other one, renaming, deleting.
    for current in (hostile, other):
        profiles = h.push(ProfilesScene(h.ctx, store, current))
        h.draw()
        for col in (1, 2):  # rename, then delete: the hostile player is the first row
            while profiles.focused().row != 0:
                h.press("down")
            while profiles.focused().col != col:
                h.press("right")
            h.press("return")
            h.draw()
            if col == 2 and current == other:  # the current player is not deleted from here
                assert isinstance(h.top, ConfirmScene)
            h.press("escape")
            h.draw()
        h.press("escape")
        assert h.top is not profiles


def test_every_drawing_helper_measures_and_draws_through_the_safe_fonts(
    screen: pygame.Surface,
) -> None:
    theme = Theme(assets_dir() / "fonts")
    for text in HOSTILE:
        assert theme.text(text).get_width() > 0
        assert theme.font("body").size(text)[0] > 0
        assert theme.wrap(f"Hello {text} and welcome", 120)
        blit_fitted(screen, theme, text, (10, 10), 80)
        blit_paragraph(screen, theme, text * 3, pygame.Rect(0, 0, 200, 40))


def test_printable_keeps_ordinary_text_and_marks_what_cannot_be_drawn() -> None:
    for fine in ("Ana", "Zoë", "李小龍", "Ana 🙂", "\u202eanA", ""):
        assert printable(fine) == fine
    assert printable("An\x00a") == "An\ufffda"
    assert printable("A\r\nna\t") == "A  na "
    assert printable("A\ud800na") == "A\ufffdna"
