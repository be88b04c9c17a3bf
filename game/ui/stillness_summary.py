"""The level-complete screen's line of measured steadiness, one chip per hold.

Shown only when the camera was on. Each chip names the move (and side), the
share of the hold the camera saw still, and is coloured by the rating that
share earns; the player's own rating is not overwritten, it stands beside.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.content.model import Content
from game.motion.report import MotionReport
from game.session.result import Form, Side
from game.ui.theme import Theme
from game.ui.widgets import blit_text, panel

HEIGHT = 96
_WORD = {Form.STEADY: "steady", Form.WOBBLY: "wobbly", Form.LOST: "lost"}


def chip_text(report: MotionReport, content: Content | None) -> str:
    ex = content.exercises.get(report.exercise_id) if content is not None else None
    name = ex.name if ex is not None else report.exercise_id
    side = "" if report.side is Side.BOTH else f" ({report.side.value})"
    return f"{name}{side}  {report.percent} % {_WORD[report.form]}"


def draw_stillness_summary(
    surface: pygame.Surface,
    theme: Theme,
    rect: pygame.Rect,
    reports: Sequence[MotionReport],
    content: Content | None,
) -> None:
    c = theme.c
    colors = {Form.STEADY: c.good, Form.WOBBLY: c.warn, Form.LOST: c.danger}
    panel(surface, theme, rect)
    x, y = rect.left + 20, rect.top + 10
    blit_text(
        surface, theme, "STILLNESS, AS THE CAMERA SAW IT", (x, y), role="small", color=c.text_dim
    )
    y += round(theme.px("small") * 1.5)
    row_h = theme.px("small") + 14
    for i, report in enumerate(reports):
        text = chip_text(report, content)
        width = theme.font("small").size(text)[0] + 24
        if x + width > rect.right - 16:
            x, y = rect.left + 20, y + row_h + 6
        if y + row_h > rect.bottom - 4:
            rest = len(reports) - i
            blit_text(surface, theme, f"and {rest} more", (x, y), role="small", color=c.text_dim)
            return
        chip = pygame.Rect(x, y, width, row_h)
        pygame.draw.rect(surface, c.bg_bottom, chip, border_radius=row_h // 2)
        pygame.draw.rect(surface, colors[report.form], chip, 2, border_radius=row_h // 2)
        blit_text(surface, theme, text, chip.center, role="small", anchor="center")
        x += width + 10
