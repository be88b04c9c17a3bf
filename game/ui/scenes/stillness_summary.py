"""The level-complete screen's line of measured steadiness: each hold, by move.

Shown only when the camera was on. One chip per move (and side) names it and
lists the share of each of its holds the camera saw still, coloured by the
least steady of them; the player's own rating is not overwritten, it stands
beside.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.content.model import Content
from game.motion.report import MotionReport
from game.session.result import Form, Side
from game.ui.theme import Theme
from game.ui.widgets.text import blit_text, panel

HEIGHT = 118
_WORD = {Form.STEADY: "steady", Form.WOBBLY: "wobbly", Form.LOST: "lost"}
_ORDER = (Form.STEADY, Form.WOBBLY, Form.LOST)


def by_move(reports: Sequence[MotionReport]) -> list[list[MotionReport]]:
    """The reports grouped by move and side, in the order first played."""
    groups: dict[tuple[str, Side], list[MotionReport]] = {}
    for report in reports:
        groups.setdefault((report.exercise_id, report.side), []).append(report)
    return list(groups.values())


def worst(group: Sequence[MotionReport]) -> Form:
    return max((r.form for r in group), key=_ORDER.index)


def chip_text(group: Sequence[MotionReport], content: Content | None) -> str:
    first = group[0]
    ex = content.exercises.get(first.exercise_id) if content is not None else None
    name = ex.name if ex is not None else first.exercise_id
    side = "" if first.side is Side.BOTH else f" ({first.side.value})"
    shares = " \u00b7 ".join(str(r.percent) for r in group)
    return f"{name}{side}  {shares} %  {_WORD[worst(group)]}"


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
    groups = by_move(reports)
    for i, group in enumerate(groups):
        text = chip_text(group, content)
        width = theme.font("small").size(text)[0] + 24
        if x + width > rect.right - 16:
            x, y = rect.left + 20, y + row_h + 6
        if y + row_h > rect.bottom - 4:
            rest = len(groups) - i
            blit_text(
                surface, theme, f"and {rest} more moves", (x, y), role="small", color=c.text_dim
            )
            return
        chip = pygame.Rect(x, y, width, row_h)
        pygame.draw.rect(surface, c.bg_bottom, chip, border_radius=row_h // 2)
        pygame.draw.rect(surface, colors[worst(group)], chip, 2, border_radius=row_h // 2)
        blit_text(surface, theme, text, chip.center, role="small", anchor="center")
        x += width + 10
