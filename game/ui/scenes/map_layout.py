"""The level map's nodes: where each sits on the path, what it shows, and moving
between them.

Main stages wind left-right-left, each row starting under the last one's end;
the side tracks share one row at the bottom. Positions are plain numbers in
the 1280x720 logical screen, so the layout is worked out once per refresh and
tested without drawing anything.
"""

from __future__ import annotations

import enum
import itertools
from dataclasses import dataclass

from game.content.model import Content, Level, Stage, Track
from game.progress import Unlocks

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


def status_of(unlocks: Unlocks, level_id: str) -> NodeStatus:
    """How the map shows a level, straight from the unlock rules."""
    if level_id in unlocks.mastered_levels:
        return NodeStatus.MASTERED
    if level_id in unlocks.completed_levels:
        return NodeStatus.COMPLETED
    if unlocks.is_level_open(level_id):
        return NodeStatus.OPEN
    return NodeStatus.LOCKED


@dataclass(frozen=True)
class Node:
    level: Level
    center: tuple[int, int]
    row: int


#: One row of the map: its label, its stages (one, or the side tracks) and the y of its nodes.
Row = tuple[str, list[Stage], int]


def lay_out(content: Content) -> tuple[list[Node], list[Row]]:
    """Every level's node and every row, main stages first, the side tracks last."""
    stages = content.ordered_stages()
    mains = [s for s in stages if s.track is Track.MAIN]
    sides = [s for s in stages if s.track is Track.SIDE]
    n_rows = len(mains) + (1 if sides else 0)
    row_h = (720 - 36 - TOP) // max(1, n_rows)
    nodes: list[Node] = []
    rows: list[Row] = []
    x = FIRST_X
    for r, stage in enumerate(mains):
        cy = TOP + r * row_h + row_h // 2 - 4
        levels = content.stage_levels(stage.id)
        direction = 1 if r % 2 == 0 else -1
        for i, level in enumerate(levels):
            if i > 0:
                x += direction * NODE_STEP
            x = max(FIRST_X, min(MAP_RIGHT - NODE_R - 16, x))
            nodes.append(Node(level, (x, cy), r))
        rows.append((f"{r + 1}", [stage], cy))
    if sides:
        r = len(mains)
        cy = TOP + r * row_h + row_h // 2 + 8
        x = FIRST_X
        for stage in sides:
            for level in content.stage_levels(stage.id):
                nodes.append(Node(level, (x, cy), r))
                x += SIDE_STEP
            x += SIDE_STEP // 2
        rows.append(("Side tracks", sides, cy))
    return nodes, rows


def path_links(nodes: list[Node], content: Content) -> list[tuple[Node, Node]]:
    """The pairs of neighbouring nodes the path joins: within a stage, and the
    turn from one main stage's row into the next (side tracks stand apart)."""
    links = []
    for a, b in itertools.pairwise(nodes):
        same_stage = a.level.stage == b.level.stage
        main_turn = a.row != b.row and content.stages[b.level.stage].track is Track.MAIN
        if same_stage or main_turn:
            links.append((a, b))
    return links


def node_at(nodes: list[Node], pos: tuple[int, int]) -> Node | None:
    """The node under a pointer, with a little room around its circle."""
    for node in nodes:
        dx, dy = pos[0] - node.center[0], pos[1] - node.center[1]
        if dx * dx + dy * dy <= (NODE_R + 8) ** 2:
            return node
    return None


def nearest(nodes: list[Node], here: Node, dx: int, dy: int) -> Node | None:
    """The nearest node in direction (dx, dy) from ``here`` (a row's own order does not matter)."""
    best: tuple[float, Node] | None = None
    for node in nodes:
        ox, oy = node.center[0] - here.center[0], node.center[1] - here.center[1]
        along = ox * dx + oy * dy
        if along <= 0 or node is here:
            continue
        across = abs(ox * dy) + abs(oy * dx)
        score = along + 2.5 * across
        if best is None or score < best[0]:
            best = (score, node)
    return best[1] if best is not None else None
