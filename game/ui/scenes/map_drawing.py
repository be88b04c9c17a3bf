"""Drawing the level map: stage names, the path, its nodes and the side panel.

Everything is read off the scene (its nodes, statuses and the words it works
out for the focused level); nothing here changes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.ui.scenes.map_layout import (
    LABEL_W,
    MAP_LEFT,
    NODE_R,
    PANEL_LEFT,
    TOP,
    Node,
    NodeStatus,
)
from game.ui.theme import Color
from game.ui.widgets.colour import mix
from game.ui.widgets.icons import draw_icon
from game.ui.widgets.text import (
    begin_screen,
    blit_paragraph,
    blit_text,
    fit_line,
    panel,
    screen_header,
)

if TYPE_CHECKING:
    from game.ui.scenes.level_map import LevelMapScene


def draw_level_map(surface: pygame.Surface, scene: LevelMapScene) -> None:
    theme = scene.ctx.theme
    w, h = begin_screen(surface, theme)
    screen_header(
        surface, theme, "Your path", "Arrows: choose    Enter: play    Esc: back", MAP_LEFT
    )
    _draw_rows(surface, scene)
    _draw_path(surface, scene)
    for node in scene.nodes:
        _draw_node(surface, scene, node)
    side = pygame.Rect(PANEL_LEFT, TOP, w - MAP_LEFT - PANEL_LEFT, h - TOP - 36)
    _draw_panel(surface, scene, side)


def _draw_rows(surface: pygame.Surface, scene: LevelMapScene) -> None:
    """Stage names in a column left of the path, so no bend of the path crosses them."""
    theme = scene.ctx.theme
    c = theme.c
    assert scene.unlocks is not None
    line = round(theme.px("small") * 1.25)
    for r, (label, stages, cy) in enumerate(scene.rows):
        row_nodes = [n for n in scene.nodes if n.row == r]
        if not row_nodes:
            continue
        lines: list[tuple[str, bool, Color]] = []
        if len(stages) == 1:
            stage = stages[0]
            done = sum(1 for n in row_nodes if n.level.id in scene.unlocks.mastered_levels)
            is_open = scene.unlocks.is_stage_open(stage.id)
            name_col = c.text if is_open else c.locked
            names = theme.wrap(f"{label}  {stage.name}", LABEL_W, "small", bold=True)
            if len(names) > 3:
                names = [
                    *names[:2],
                    fit_line(theme, " ".join(names[2:]), LABEL_W, "small", True),
                ]
            lines += [(n, True, name_col) for n in names]
            note = f"{done} of {len(row_nodes)} mastered" if is_open else "locked"
            lines.append((note, False, c.good if done == len(row_nodes) else c.text_dim))
        else:
            lines.append((label, True, c.text))
            lines.append(("always open", False, c.text_dim))
            for stage in stages:
                group = [n for n in row_nodes if n.level.stage == stage.id]
                if group:
                    left = group[0].center[0] - NODE_R
                    blit_text(
                        surface,
                        theme,
                        stage.name,
                        (left, cy - NODE_R - 12),
                        role="small",
                        bold=True,
                        anchor="bottomleft",
                    )
        y = cy - len(lines) * line // 2
        for text, bold, col in lines:
            blit_text(surface, theme, text, (MAP_LEFT, y), role="small", bold=bold, color=col)
            y += line


def _draw_path(surface: pygame.Surface, scene: LevelMapScene) -> None:
    c = scene.ctx.theme.c
    assert scene.unlocks is not None
    for a, b in scene.links:
        reached = scene.unlocks.is_level_open(b.level.id)
        col = mix(c.panel_edge, c.accent, 0.55) if reached else mix(c.panel_edge, c.bg_bottom, 0.3)
        if a.row == b.row:
            pygame.draw.line(surface, col, a.center, b.center, 6)
        else:  # the turn between two rows: a rounded bend at the end of the row
            x = a.center[0]
            mid = (a.center[1] + b.center[1]) // 2
            pygame.draw.line(surface, col, a.center, (x, mid), 6)
            pygame.draw.line(surface, col, (x, mid), (b.center[0], mid), 6)
            pygame.draw.line(surface, col, (b.center[0], mid), b.center, 6)


def _draw_node(surface: pygame.Surface, scene: LevelMapScene, node: Node) -> None:
    theme = scene.ctx.theme
    c = theme.c
    status = scene.status(node.level.id)
    cx, cy = node.center
    is_today = node.level.id == scene.today_id
    focused = node.level.id == scene.focus_id
    if is_today:
        glow = pygame.Surface((NODE_R * 6, NODE_R * 6), pygame.SRCALPHA)
        for k, alpha in ((3.0, 40), (2.3, 70), (1.7, 110)):
            pygame.draw.circle(
                glow, (*c.accent, alpha), (NODE_R * 3, NODE_R * 3), round(NODE_R * k / 1.5)
            )
        surface.blit(glow, (cx - NODE_R * 3, cy - NODE_R * 3))
    fills: dict[NodeStatus, tuple[Color, Color, Color]] = {
        NodeStatus.MASTERED: (c.good, c.good, c.accent_text),
        NodeStatus.COMPLETED: (mix(c.panel, c.inhale, 0.45), c.inhale, c.text),
        NodeStatus.OPEN: (c.panel, c.accent, c.text),
        NodeStatus.LOCKED: (mix(c.panel, c.bg_bottom, 0.5), c.locked, c.locked),
    }
    fill, ring, ink = fills[status]
    pygame.draw.circle(surface, fill, (cx, cy), NODE_R)
    pygame.draw.circle(surface, ring, (cx, cy), NODE_R, 3)
    if status is NodeStatus.MASTERED:
        draw_icon(surface, "check", (cx, cy), 30, ink)
    elif status is NodeStatus.LOCKED:
        draw_icon(surface, "lock", (cx + 3, cy), 28, ink)
    else:
        blit_text(
            surface,
            theme,
            str(node.level.order + 1),
            (cx, cy),
            role="body",
            bold=True,
            color=ink,
            anchor="center",
        )
    if focused:
        pygame.draw.circle(surface, c.accent, (cx, cy), NODE_R + 8, 4)
    if is_today:
        tag = theme.text("Today", "small", c.accent_text, bold=True)
        pill = tag.get_rect(midtop=(cx, cy + NODE_R + 10)).inflate(14, 4)
        pygame.draw.rect(surface, c.accent, pill, border_radius=pill.height // 2)
        surface.blit(tag, tag.get_rect(center=pill.center))


def _draw_panel(surface: pygame.Surface, scene: LevelMapScene, rect: pygame.Rect) -> None:
    """The focused level: its stage, name, status, goal, length and equipment, then
    what opens it (locked) or the button that plays it."""
    theme = scene.ctx.theme
    c = theme.c
    panel(surface, theme, rect)
    node = scene.node(scene.focus_id)
    if node is None:
        return
    level = node.level
    status = scene.status(level.id)
    inner = rect.inflate(-40, -40)
    x, y = inner.left, inner.top
    stage = scene.data.content.stages[level.stage]
    stage_line = fit_line(theme, stage.name.upper(), inner.width, "small")
    blit_text(surface, theme, stage_line, (x, y), role="small", color=c.text_dim)
    y += round(theme.px("small") * 1.5)
    y = blit_paragraph(
        surface, theme, level.name, pygame.Rect(x, y, inner.width, 80), role="label", bold=True
    )
    y += 6
    chip_col = {
        NodeStatus.MASTERED: c.good,
        NodeStatus.COMPLETED: c.inhale,
        NodeStatus.OPEN: c.accent,
        NodeStatus.LOCKED: c.locked,
    }[status]
    chip = blit_text(surface, theme, status.value, (x, y), role="small", color=chip_col, bold=True)
    if level.id == scene.today_id:
        today_w = theme.font("small").size("Today's level")[0]
        beside = chip.right + 16 + today_w <= inner.right
        spot = (chip.right + 16, y) if beside else (x, chip.bottom + 2)
        today = blit_text(surface, theme, "Today's level", spot, role="small", color=c.accent)
        chip = chip if beside else chip.union(today)
    y = chip.bottom + 6
    mastery = scene.mastery_words(level.id)
    if mastery:
        y = blit_paragraph(
            surface, theme, mastery,
            pygame.Rect(x, y, inner.width, 60), role="small", color=c.inhale,
        )  # fmt: skip
    y += 8
    y = blit_paragraph(surface, theme, level.goal, pygame.Rect(x, y, inner.width, 170), role="body")
    y += 10
    minutes = scene.planned_minutes(level)
    if minutes > 0:
        draw_icon(surface, "clock", (x + 10, y + theme.px("small") // 2 + 2), 20, c.text_dim)
        blit_text(
            surface,
            theme,
            f"About {minutes:.0f} minutes",
            (x + 28, y),
            role="small",
            color=c.text,
        )
        y += round(theme.px("small") * 1.5)
    kit = scene.needs(level)
    if kit:
        y = blit_paragraph(
            surface,
            theme,
            "Needs: " + ", ".join(kit),
            pygame.Rect(x, y, inner.width, 60),
            role="small",
            color=c.text_dim,
        )
    y += 14
    if status is NodeStatus.LOCKED:
        box = pygame.Rect(x - 8, y, inner.width + 16, inner.bottom - y)
        _draw_lock_box(surface, scene, level.id, box)
    else:
        button = pygame.Rect(x, inner.bottom - 52, inner.width, 52)
        panel(surface, theme, button, color=c.accent, edge=c.accent)
        verb = "Play again" if status is NodeStatus.MASTERED else "Play"
        blit_text(
            surface,
            theme,
            verb,
            button.center,
            role="body",
            bold=True,
            color=c.accent_text,
            anchor="center",
        )


def _draw_lock_box(
    surface: pygame.Surface, scene: LevelMapScene, level_id: str, box: pygame.Rect
) -> None:
    """What opens a locked level; in the warning colour once the player tried it."""
    theme = scene.ctx.theme
    c = theme.c
    refused = scene.refused_id == level_id
    panel(
        surface,
        theme,
        box,
        color=mix(c.panel, c.bg_bottom, 0.4),
        edge=c.warn if refused else c.panel_edge,
        width=3 if refused else 2,
    )
    head = "Not open yet" if refused else "How to open it"
    blit_text(
        surface,
        theme,
        head,
        (box.left + 12, box.top + 10),
        role="small",
        bold=True,
        color=c.warn if refused else c.text,
    )
    text_rect = pygame.Rect(
        box.left + 12,
        box.top + 14 + theme.px("small") + 6,
        box.width - 24,
        box.height - theme.px("small") - 30,
    )
    why = scene.lock_words(level_id)
    blit_paragraph(surface, theme, why, text_rect, role="small", color=c.text)
