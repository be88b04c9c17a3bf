"""The first run's pages as the player reads them: their words and their layout.

Each page is drawn on one card (``CARD``); the scene in
:mod:`game.ui.scenes.first_run` draws the buttons and fields over it and
decides what happens when one is chosen.
"""

from __future__ import annotations

import pygame

from game.content.vocabulary import EQUIPMENT
from game.session.breath import BreathPacer
from game.ui.theme import Theme
from game.ui.widgets.buttons import checkbox_height, draw_checkbox
from game.ui.widgets.hud import breath_pacer, progress_bar
from game.ui.widgets.text import blit_paragraph, blit_text

CARD = pygame.Rect(120, 88, 1040, 578)
INTRO_PACER = BreathPacer(inhale=2.0, ratio=2.0)
INTRO_BREATHS = 10
INTRO_SECONDS = INTRO_PACER.seconds_for(INTRO_BREATHS)  # 60 s at 2 s in, 4 s out

SAFETY_POINTS: tuple[str, ...] = (
    "Check with your doctor first if you have a spinal injury, are recovering from "
    "recent surgery, or are pregnant. Start only once they say it is fine for you.",
    "Stop at once if you feel a sharp or shooting pain. Warm, working muscles are "
    "expected; pain that stabs is not.",
    "When your form slips (your back sags or twists, or you hold your breath) take the "
    "easier version or rest. Quality first, always.",
    "This game teaches exercises. It is not medical advice and does not replace someone "
    "who can examine you.",
)
BREATH_TEACHING = (
    "Breathe in through your nose while the circle grows. Breathe out through your "
    "mouth while it shrinks, twice as long as the in-breath. Keep your shoulders "
    "quiet. Every level uses this rhythm."
)
EQUIPMENT_NOTE = (
    "Tick what you own. Levels that need something you do not have use another move. "
    "You can change this later in Settings."
)


def equipment_cell(theme: Theme, index: int) -> pygame.Rect:
    """Where equipment item ``index`` goes: two columns of four, the mat first."""
    step = round(theme.px("body") * 1.3)
    lines = len(theme.wrap(EQUIPMENT_NOTE, CARD.width - 112))
    top = CARD.top + 36 + theme.px("heading") + 24 + lines * step + 18
    col, row = divmod(index, 4)
    width = (CARD.width - 112 - 20) // 2
    labels = [EQUIPMENT["mat"] + " (always needed)", *EQUIPMENT.values()]
    room = (CARD.bottom - 84 - 16 - top) // 4 - 8  # four rows above the buttons
    row_h = max(48, min(checkbox_height(theme, labels, width), room))
    return pygame.Rect(CARD.left + 56 + col * (width + 20), top + row * (row_h + 8), width, row_h)


def heading(surface: pygame.Surface, theme: Theme, text: str) -> int:
    """The page's heading on the card; returns where the text under it starts."""
    blit_text(surface, theme, text, (CARD.left + 56, CARD.top + 36), role="heading", bold=True)
    return CARD.top + 36 + theme.px("heading") + 24


def draw_name(surface: pygame.Surface, theme: Theme, *, adding: bool, error: str) -> None:
    """Welcome (or add a player), what the name is for, and what is wrong with it."""
    c = theme.c
    title = "Add a player" if adding else "Welcome to Spine Quest"
    y = heading(surface, theme, title)
    blit_paragraph(
        surface,
        theme,
        "What should we call you? The name keeps your progress apart from anyone "
        "else who plays on this computer. Type it, then press Enter.",
        pygame.Rect(CARD.left + 56, y, CARD.width - 112, 110),
        color=c.text_dim,
    )
    if error:
        blit_paragraph(
            surface,
            theme,
            error,
            pygame.Rect(CARD.left + 56, 412, CARD.width - 112, 60),
            color=c.danger,
        )


def draw_safety(surface: pygame.Surface, theme: Theme) -> None:
    """The four safety points, each behind a warning dot."""
    c = theme.c
    y = heading(surface, theme, "Before you start")
    width = CARD.width - 130
    for point in SAFETY_POINTS:
        pygame.draw.circle(surface, c.warn, (CARD.left + 66, y + theme.px("body") // 2 + 2), 6)
        rect = pygame.Rect(CARD.left + 88, y, width, 120)
        y = blit_paragraph(surface, theme, point, rect, spacing=1.22) + 10
    if y < CARD.bottom - 124:  # only when the larger text leaves room for it
        blit_text(
            surface,
            theme,
            'Press "I understand" to continue.',
            (CARD.left + 56, CARD.bottom - 124),
            role="small",
            color=c.text_dim,
        )


def draw_equipment(surface: pygame.Surface, theme: Theme) -> None:
    """What the list is for, and the mat, ticked for good (the rest are buttons)."""
    c = theme.c
    y = heading(surface, theme, "What do you have at home?")
    blit_paragraph(
        surface,
        theme,
        EQUIPMENT_NOTE,
        pygame.Rect(CARD.left + 56, y, CARD.width - 112, 60),
        color=c.text_dim,
    )
    mat = equipment_cell(theme, 0)
    draw_checkbox(
        surface,
        theme,
        mat,
        EQUIPMENT["mat"] + " (always needed)",
        ticked=True,
        focused=False,
        fixed=True,
    )


def draw_breath(surface: pygame.Surface, theme: Theme, t: float) -> None:
    """The pacer ``t`` seconds into the breathing minute, with the breaths counted."""
    c = theme.c
    y = heading(surface, theme, "One minute of breathing")
    blit_paragraph(
        surface,
        theme,
        BREATH_TEACHING,
        pygame.Rect(CARD.left + 56, y, 360, CARD.bottom - 100 - y),
        color=c.text_dim,
    )
    state = INTRO_PACER.phase_at(t)
    if t >= INTRO_SECONDS:
        state = INTRO_PACER.phase_at(INTRO_SECONDS - 1e-6)
    phase_end = (state.index * INTRO_PACER.cycle) + (
        INTRO_PACER.inhale if state.phase.value == "in" else INTRO_PACER.cycle
    )
    center = (CARD.left + 640, CARD.top + 220)
    breath_pacer(surface, theme, center, 125, state, max(0.0, phase_end - t))
    x = CARD.right - 220
    count = min(INTRO_BREATHS, state.index + 1)
    blit_text(
        surface, theme, "BREATH", (x, CARD.top + 130), role="small", color=c.accent, bold=True
    )
    blit_text(
        surface,
        theme,
        f"{count} of {INTRO_BREATHS}",
        (x, CARD.top + 156),
        role="heading",
        bold=True,
    )
    bar = pygame.Rect(x, CARD.top + 170 + theme.px("heading"), 170, 12)
    progress_bar(surface, bar, t / INTRO_SECONDS, c.inhale, c.bg_bottom)
    left = max(0, round(INTRO_SECONDS - t))
    note = "Well done!" if t >= INTRO_SECONDS else f"{left} s left"
    blit_text(
        surface,
        theme,
        note,
        (x, bar.bottom + 14),
        role="body",
        color=c.good if left == 0 else c.text_dim,
    )
