"""The level map: the stages as one winding path, the side tracks as a branch.

Every level is a node showing where the player stands: mastered (filled, with
a check), completed, open, or locked (dim, with a lock). Today's level glows.
The side panel tells the focused level's goal, length and equipment, and for a
locked level exactly what opens it. Nothing here can start a locked level:
the gate's answer (``PlayerData.unlocks()``) is the only thing consulted.

The scene keeps the state and answers questions; where the nodes sit is
``map_layout`` and the picture is ``map_drawing``.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.content.model import Level
from game.content.vocabulary import EQUIPMENT
from game.player.data import PlayerData
from game.progress import Unlocks
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scenes.map_drawing import draw_level_map
from game.ui.scenes.map_layout import (
    Node,
    NodeStatus,
    Row,
    lay_out,
    nearest,
    node_at,
    path_links,
    status_of,
)
from game.ui.scenes.refreshing import RefreshingScene

__all__ = ["LevelMapScene", "NodeStatus", "level_equipment", "steady_words"]


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


class LevelMapScene(RefreshingScene):
    def __init__(self, ctx: AppContext, data: PlayerData, on_play: Callable[[Level], None]) -> None:
        super().__init__(ctx)
        self.data = data
        self.on_play = on_play
        self.nodes: list[Node] = []
        self.rows: list[Row] = []
        self.links: list[tuple[Node, Node]] = []  # neighbours the path joins
        self.unlocks: Unlocks | None = None
        self.today_id: str | None = None
        self.focus_id: str | None = None
        self.refused_id: str | None = None  # a locked level the player tried to play
        self.message = ""
        self._minutes: dict[str, float] = {}

    # Lifecycle -------------------------------------------------------------
    def refresh(self) -> None:
        self.unlocks = self.data.unlocks()
        try:
            self.today_id = self.data.daily().main_level_id
        except LookupError:
            self.today_id = None
        self.nodes, self.rows = lay_out(self.data.content)
        self.links = path_links(self.nodes, self.data.content)
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

    def mastery_words(self, level_id: str) -> str:
        """How far an open level is toward mastery; empty where that says nothing."""
        if self.unlocks is None or self.status(level_id) not in (
            NodeStatus.OPEN,
            NodeStatus.COMPLETED,
        ):
            return ""
        have, need = self.unlocks.steady_progress(level_id)
        return steady_words(have, need) if need > 1 else ""

    def needs(self, level: Level) -> list[str]:
        """The level's equipment by name, marking what the player does not own."""
        owned = self.data.settings().equipment | {"mat"}
        return [
            EQUIPMENT.get(e, e) + ("" if e in owned else " (not owned)")
            for e in level_equipment(level, self.data)
        ]

    def lock_words(self, level_id: str) -> str:
        """What opens a locked level: the refusal's words if the player just tried it."""
        if self.refused_id == level_id:
            return self.message
        return self.unlocks.why_locked(level_id) if self.unlocks else ""

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
            hit = node_at(self.nodes, action.pos)
            if hit is not None:
                self._focus(hit.level.id)
                if kind is Act.CLICK:
                    self.select()

    def _focus(self, level_id: str) -> None:
        if level_id != self.focus_id:
            self.focus_id = level_id
            self.refused_id = None
            self.message = ""
            self.dirty = True

    def _move(self, dx: int, dy: int) -> None:
        """Go to the nearest node in that direction."""
        here = self.node(self.focus_id)
        if here is None:
            return
        best = nearest(self.nodes, here, dx, dy)
        if best is not None:
            self._focus(best.level.id)

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
        draw_level_map(surface, self)
