"""The level map: the stages as one winding path, the side tracks as a branch.

Every level is a node showing where the player stands: mastered (filled, with
a check), completed, open, or locked (dim, with a lock). Today's level glows.
The side panel tells the focused level's goal, length and equipment, and for a
locked level exactly what opens it. Nothing here can start a locked level:
the gate's answer (``PlayerData.unlocks()``) is the only thing consulted.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.content.model import EQUIPMENT, Level, Stage, Track
from game.player.data import PlayerData
from game.progress import Unlocks
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.scenes.badges_screen import fit_line
from game.ui.theme import Color
from game.ui.widgets.charts import mix
from game.ui.widgets.icons import draw_icon
from game.ui.widgets.text import blit_paragraph, blit_text, panel, screen_header

MAP_LEFT, MAP_RIGHT = 60, 860
PANEL_LEFT = 884
TOP = 104
NODE_R = 24
NODE_STEP = 110
SIDE_STEP = 100
FIRST_X = 282
LABEL_W = FIRST_X - NODE_R - 36 - MAP_LEFT  # the column of stage names, left of the path


class NodeStatus(enum.Enum):
    MASTERED = "Mastered"
    COMPLETED = "Completed, not yet mastered"
    OPEN = "Open"
    LOCKED = "Locked"


@dataclass(frozen=True)
class Node:
    level: Level
    center: tuple[int, int]
    row: int


def status_of(unlocks: Unlocks, level_id: str) -> NodeStatus:
    """How the map shows a level, straight from the unlock rules."""
    if level_id in unlocks.mastered_levels:
        return NodeStatus.MASTERED
    if level_id in unlocks.completed_levels:
        return NodeStatus.COMPLETED
    if unlocks.is_level_open(level_id):
        return NodeStatus.OPEN
    return NodeStatus.LOCKED


def steady_words(have: int, need: int) -> str:
    """Mastery progress in kind words: it takes days, and that is the point."""
    if have == 0:
        return f"Master it with {need} steady days without pain, on different days."
    left = need - have
    more = "one more day" if left == 1 else f"{left} more days"
    return f"{have} of {need} steady days. {more.capitalize()} and it is mastered; no rush."


def level_equipment(level: Level, data: PlayerData) -> list[str]:
    """Equipment named by the level's exercises, in first-use order."""
    seen: dict[str, None] = {}
    for step in level.all_steps():
        ex = data.content.exercises.get(step.exercise)
        for item in ex.equipment if ex is not None else ():
            seen.setdefault(item, None)
    return list(seen)


class LevelMapScene(Scene[None]):
    def __init__(self, ctx: AppContext, data: PlayerData, on_play: Callable[[Level], None]) -> None:
        super().__init__(ctx)
        self.data = data
        self.on_play = on_play
        self.nodes: list[Node] = []
        self.rows: list[tuple[str, list[Stage], int]] = []  # (label, stages, y of the nodes)
        self.unlocks: Unlocks | None = None
        self.today_id: str | None = None
        self.focus_id: str | None = None
        self.refused_id: str | None = None  # a locked level the player tried to play
        self.message = ""
        self._minutes: dict[str, float] = {}

    # Lifecycle -------------------------------------------------------------
    def enter(self) -> None:
        self.refresh()

    def resume(self) -> None:
        self.refresh()
        self.dirty = True

    def refresh(self) -> None:
        self.unlocks = self.data.unlocks()
        try:
            self.today_id = self.data.daily().main_level_id
        except LookupError:
            self.today_id = None
        self._layout()
        ids = [n.level.id for n in self.nodes]
        if self.focus_id not in ids:
            self.focus_id = self.today_id if self.today_id in ids else self._first_open()
        self.refused_id = None
        self.message = ""

    def _first_open(self) -> str | None:
        assert self.unlocks is not None
        for node in self.nodes:
            if status_of(self.unlocks, node.level.id) is NodeStatus.OPEN:
                return node.level.id
        return self.nodes[0].level.id if self.nodes else None

    def _layout(self) -> None:
        """Main stages wind left-right-left; each row starts under the last one's end."""
        content = self.data.content
        stages = content.ordered_stages()
        mains = [s for s in stages if s.track is Track.MAIN]
        sides = [s for s in stages if s.track is Track.SIDE]
        n_rows = len(mains) + (1 if sides else 0)
        row_h = (720 - 36 - TOP) // max(1, n_rows)
        self.nodes, self.rows = [], []
        x = FIRST_X
        for r, stage in enumerate(mains):
            cy = TOP + r * row_h + row_h // 2 - 4
            levels = content.stage_levels(stage.id)
            direction = 1 if r % 2 == 0 else -1
            for i, level in enumerate(levels):
                if i > 0:
                    x += direction * NODE_STEP
                x = max(FIRST_X, min(MAP_RIGHT - NODE_R - 16, x))
                self.nodes.append(Node(level, (x, cy), r))
            self.rows.append((f"{r + 1}", [stage], cy))
        if sides:
            r = len(mains)
            cy = TOP + r * row_h + row_h // 2 + 8
            x = FIRST_X
            for stage in sides:
                for level in content.stage_levels(stage.id):
                    self.nodes.append(Node(level, (x, cy), r))
                    x += SIDE_STEP
                x += SIDE_STEP // 2
            self.rows.append(("Side tracks", sides, cy))

    # Queries ---------------------------------------------------------------
    def node(self, level_id: str | None) -> Node | None:
        return next((n for n in self.nodes if n.level.id == level_id), None)

    def status(self, level_id: str) -> NodeStatus:
        assert self.unlocks is not None
        return status_of(self.unlocks, level_id)

    def planned_minutes(self, level: Level) -> float:
        if level.id not in self._minutes:
            from game.session.timeline import planned_seconds

            try:
                self._minutes[level.id] = planned_seconds(level, self.data.content) / 60.0
            except (KeyError, ValueError, LookupError):
                self._minutes[level.id] = 0.0
        return self._minutes[level.id]

    # Input -----------------------------------------------------------------
    def handle(self, action: Action) -> None:
        kind = action.kind
        if kind is Act.BACK:
            self.ctx.scenes.pop()
            return
        directions = {Act.LEFT: (-1, 0), Act.RIGHT: (1, 0), Act.UP: (0, -1), Act.DOWN: (0, 1)}
        if kind in directions:
            self._move(*directions[kind])
        elif kind in (Act.NEXT, Act.PREV):
            ids = [n.level.id for n in self.nodes]
            if self.focus_id in ids:
                step = 1 if kind is Act.NEXT else -1
                self._focus(ids[(ids.index(self.focus_id) + step) % len(ids)])
        elif kind in (Act.CONFIRM, Act.PAUSE):
            self.select()
        elif kind in (Act.POINT, Act.CLICK):
            hit = self._hit(action.pos)
            if hit is not None:
                self._focus(hit.level.id)
                if kind is Act.CLICK:
                    self.select()

    def _hit(self, pos: tuple[int, int]) -> Node | None:
        for node in self.nodes:
            dx, dy = pos[0] - node.center[0], pos[1] - node.center[1]
            if dx * dx + dy * dy <= (NODE_R + 8) ** 2:
                return node
        return None

    def _focus(self, level_id: str) -> None:
        if level_id != self.focus_id:
            self.focus_id = level_id
            self.refused_id = None
            self.message = ""
            self.dirty = True

    def _move(self, dx: int, dy: int) -> None:
        """Go to the nearest node in that direction (a row's own order does not matter)."""
        here = self.node(self.focus_id)
        if here is None:
            return
        best: tuple[float, Node] | None = None
        for node in self.nodes:
            ox, oy = node.center[0] - here.center[0], node.center[1] - here.center[1]
            along = ox * dx + oy * dy
            if along <= 0 or node is here:
                continue
            across = abs(ox * dy) + abs(oy * dx)
            score = along + 2.5 * across
            if best is None or score < best[0]:
                best = (score, node)
        if best is not None:
            self._focus(best[1].level.id)

    def select(self) -> None:
        """Play the focused level if it is open; a locked one only says why."""
        node = self.node(self.focus_id)
        if node is None or self.unlocks is None:
            return
        if self.unlocks.is_level_open(node.level.id):
            self.on_play(node.level)
            return
        self.refused_id = node.level.id
        self.message = self.unlocks.why_locked(node.level.id) or "This level is not open yet."
        self.dirty = True

    # Drawing ---------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        w, h = surface.get_size()
        surface.blit(theme.background((w, h)), (0, 0))
        screen_header(
            surface, theme, "Your path", "Arrows: choose    Enter: play    Esc: back", MAP_LEFT
        )
        self._draw_rows(surface)
        self._draw_path(surface)
        for node in self.nodes:
            self._draw_node(surface, node)
        self._draw_panel(
            surface, pygame.Rect(PANEL_LEFT, TOP, w - MAP_LEFT - PANEL_LEFT, h - TOP - 36)
        )

    def _draw_rows(self, surface: pygame.Surface) -> None:
        """Stage names in a column left of the path, so no bend of the path crosses them."""
        theme = self.ctx.theme
        c = theme.c
        assert self.unlocks is not None
        line = round(theme.px("small") * 1.25)
        for r, (label, stages, cy) in enumerate(self.rows):
            row_nodes = [n for n in self.nodes if n.row == r]
            if not row_nodes:
                continue
            lines: list[tuple[str, bool, Color]] = []
            if len(stages) == 1:
                stage = stages[0]
                done = sum(1 for n in row_nodes if n.level.id in self.unlocks.mastered_levels)
                is_open = self.unlocks.is_stage_open(stage.id)
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

    def _draw_path(self, surface: pygame.Surface) -> None:
        c = self.ctx.theme.c
        assert self.unlocks is not None
        for a, b in zip(self.nodes, self.nodes[1:], strict=False):
            same_stage = a.level.stage == b.level.stage
            main_turn = (
                a.row != b.row and self.data.content.stages[b.level.stage].track is Track.MAIN
            )
            if not (same_stage or main_turn):
                continue
            reached = self.unlocks.is_level_open(b.level.id)
            col = (
                mix(c.panel_edge, c.accent, 0.55)
                if reached
                else mix(c.panel_edge, c.bg_bottom, 0.3)
            )
            if a.row == b.row:
                pygame.draw.line(surface, col, a.center, b.center, 6)
            else:  # the turn between two rows: a rounded bend at the end of the row
                x = a.center[0]
                mid = (a.center[1] + b.center[1]) // 2
                pygame.draw.line(surface, col, a.center, (x, mid), 6)
                pygame.draw.line(surface, col, (x, mid), (b.center[0], mid), 6)
                pygame.draw.line(surface, col, (b.center[0], mid), b.center, 6)

    def _draw_node(self, surface: pygame.Surface, node: Node) -> None:
        theme = self.ctx.theme
        c = theme.c
        status = self.status(node.level.id)
        cx, cy = node.center
        is_today = node.level.id == self.today_id
        focused = node.level.id == self.focus_id
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

    def _draw_panel(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        theme = self.ctx.theme
        c = theme.c
        panel(surface, theme, rect)
        node = self.node(self.focus_id)
        if node is None:
            return
        level = node.level
        status = self.status(level.id)
        inner = rect.inflate(-40, -40)
        x, y = inner.left, inner.top
        stage = self.data.content.stages[level.stage]
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
        chip = blit_text(
            surface, theme, status.value, (x, y), role="small", color=chip_col, bold=True
        )
        if level.id == self.today_id:
            today_w = theme.font("small").size("Today's level")[0]
            beside = chip.right + 16 + today_w <= inner.right
            spot = (chip.right + 16, y) if beside else (x, chip.bottom + 2)
            today = blit_text(surface, theme, "Today's level", spot, role="small", color=c.accent)
            chip = chip if beside else chip.union(today)
        y = chip.bottom + 6
        if status in (NodeStatus.OPEN, NodeStatus.COMPLETED) and self.unlocks is not None:
            have, need = self.unlocks.steady_progress(level.id)
            if need > 1:
                y = blit_paragraph(
                    surface, theme, steady_words(have, need),
                    pygame.Rect(x, y, inner.width, 60), role="small", color=c.inhale,
                )  # fmt: skip
        y += 8
        y = blit_paragraph(
            surface, theme, level.goal, pygame.Rect(x, y, inner.width, 170), role="body"
        )
        y += 10
        minutes = self.planned_minutes(level)
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
        owned = self.data.settings().equipment | {"mat"}
        kit = [
            EQUIPMENT.get(e, e) + ("" if e in owned else " (not owned)")
            for e in level_equipment(level, self.data)
        ]
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
        bottom = inner.bottom
        if status is NodeStatus.LOCKED:
            why = (
                self.message
                if self.refused_id == level.id
                else (self.unlocks.why_locked(level.id) if self.unlocks else "")
            )
            refused = self.refused_id == level.id
            box = pygame.Rect(x - 8, y, inner.width + 16, bottom - y)
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
            blit_paragraph(surface, theme, why, text_rect, role="small", color=c.text)
        else:
            button = pygame.Rect(x, bottom - 52, inner.width, 52)
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
