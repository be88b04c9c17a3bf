"""The first run: a name, the safety notice, the equipment owned, and one minute of breathing.

Nothing is saved until the last page, so a player who stops half way leaves no
half-made profile behind. The safety notice must be accepted with its own
button; nothing else moves past it. The breathing minute runs the real pacer
on logic time from ``update``, so it teaches exactly the rhythm the levels use.
The same scene adds a second player later, from the profiles screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.content.vocabulary import EQUIPMENT
from game.player.settings import PlayerSettings
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.scenes.first_run_pages import (
    CARD,
    INTRO_SECONDS,
    draw_breath,
    draw_equipment,
    draw_name,
    draw_safety,
    equipment_cell,
)
from game.ui.widgets.buttons import draw_button, draw_checkbox
from game.ui.widgets.text import begin_screen, blit_text, panel
from game.ui.widgets.textfield import TextField, name_problem

if TYPE_CHECKING:
    from game.store import SaveStore

PAGES = ("name", "safety", "equipment", "breath")
PAGE_TITLES = ("Your name", "Safety", "Equipment", "Breathing")


@dataclass
class Target:
    """Something on the page that can take focus and be activated."""

    name: str
    rect: pygame.Rect
    label: str
    run: Callable[[], None]


class FirstRunScene(Scene[int | None]):
    """Dismissed with the new profile's id, or None when adding a player is cancelled."""

    def __init__(self, ctx: AppContext, store: SaveStore) -> None:
        super().__init__(ctx)
        self.store = store
        self.adding = bool(store.profiles())  # a second player: page 1 can be cancelled
        self.page = 0
        self.field = TextField(placeholder="Your name")
        self.error = ""
        self.safety_accepted = False
        self.equipment: set[str] = {"mat"}
        self.breath_t = 0.0
        self.focus = 0
        self.finished_pid: int | None = None

    # Pages and focus -----------------------------------------------------
    @property
    def page_name(self) -> str:
        return PAGES[self.page]

    def _go(self, page: int) -> None:
        self.page = page
        self.focus = 0
        self.error = ""
        if self.page_name == "breath":
            self.breath_t = 0.0
        self.animated = self.page_name == "breath"
        self.dirty = True

    def wants_text(self) -> bool:
        return self.page_name == "name" and self.focus == 0

    def targets(self) -> list[Target]:
        """The focusable things on the current page, with where they are drawn."""
        bottom = CARD.bottom - 84
        if self.page_name == "name":
            out = [Target("field", pygame.Rect(CARD.left + 56, 330, 560, 64), "", self._submit)]
            out.append(
                Target(
                    "continue",
                    pygame.Rect(CARD.left + 56, bottom, 240, 58),
                    "Continue",
                    self._submit,
                )
            )
            if self.adding:
                out.append(
                    Target(
                        "cancel",
                        pygame.Rect(CARD.left + 316, bottom, 200, 58),
                        "Cancel",
                        self._cancel,
                    )
                )
            return out
        if self.page_name == "safety":
            return [
                Target(
                    "accept",
                    pygame.Rect(CARD.left + 56, bottom, 280, 58),
                    "I understand",
                    self._accept,
                ),
                Target("back", pygame.Rect(CARD.left + 356, bottom, 160, 58), "Back", self._back),
            ]
        if self.page_name == "equipment":
            out = []
            names = [k for k in EQUIPMENT if k != "mat"]
            for i, key in enumerate(names, start=1):
                out.append(
                    Target(
                        key, equipment_cell(self.ctx.theme, i), EQUIPMENT[key], self._toggler(key)
                    )
                )
            out.append(
                Target(
                    "continue",
                    pygame.Rect(CARD.left + 56, bottom, 240, 58),
                    "Continue",
                    self._to_breath,
                )
            )
            out.append(
                Target("back", pygame.Rect(CARD.left + 316, bottom, 160, 58), "Back", self._back)
            )
            return out
        done = self.breath_t >= INTRO_SECONDS
        label = "Done" if done else "Skip"
        return [
            Target(
                "done" if done else "skip",
                pygame.Rect(CARD.right - 236, bottom, 180, 58),
                label,
                lambda: self._finish(done),
            ),
            Target("back", pygame.Rect(CARD.right - 436, bottom, 180, 58), "Back", self._back),
        ]

    # Steps ---------------------------------------------------------------
    def _taken(self) -> list[str]:
        return [p.name for p in self.store.profiles()]

    def _submit(self) -> None:
        if self.store.read_only:
            self.error = self.store.read_only_reason or "The save is read-only."
        else:
            self.error = name_problem(self.field.text, self._taken())
        if self.error:
            self.focus = 0
            self.dirty = True
            return
        self._go(1)

    def _cancel(self) -> None:
        self.dismiss(None)

    def _accept(self) -> None:
        self.safety_accepted = True
        self._go(2)

    def _back(self) -> None:
        if self.page > 0:
            self._go(self.page - 1)

    def _toggler(self, key: str) -> Callable[[], None]:
        def toggle() -> None:
            self.equipment ^= {key}
            self.equipment |= {"mat"}
            self.dirty = True

        return toggle

    def _to_breath(self) -> None:
        self._go(3)

    def _finish(self, intro_done: bool) -> None:
        """Save everything at once, then hand the new profile's id to the caller."""
        from game.store import StoreError

        if self.finished_pid is not None or not self.safety_accepted:
            return
        try:
            profile = self.store.create_profile(self.field.text.strip())
            surface = pygame.display.get_surface()
            settings = PlayerSettings(
                equipment=frozenset(self.equipment),
                safety_accepted=True,
                breathing_intro_done=intro_done,
                # F11 during the first run is the player's choice: keep it.
                fullscreen=bool(surface is not None and surface.get_flags() & pygame.FULLSCREEN),
            )
            self.store.update_settings(profile.id, **settings.to_dict())
            self.store.set_last_profile_id(profile.id)
        except StoreError as exc:
            self._go(0)
            self.error = str(exc)
            return
        self.finished_pid = profile.id
        self.dismiss(profile.id)

    # Input ---------------------------------------------------------------
    def handle(self, action: Action) -> None:
        kind = action.kind
        targets = self.targets()
        if kind is Act.BACK:
            if self.page == 0:
                if self.adding:
                    self._cancel()
                return
            self._back()
            return
        if self.wants_text() and self.field.handle(action):
            self.error = ""
            self.dirty = True
            return
        if kind in (Act.DOWN, Act.NEXT, Act.RIGHT, Act.UP, Act.PREV, Act.LEFT):
            step = 1 if kind in (Act.DOWN, Act.NEXT, Act.RIGHT) else -1
            self.focus = (self.focus + step) % len(targets)
            self.dirty = True
            return
        if kind in (Act.CONFIRM, Act.PAUSE):
            if kind is Act.PAUSE and self.wants_text():
                return  # a space typed into the name arrives as TEXT, not here
            targets[min(self.focus, len(targets) - 1)].run()
            self.dirty = True
            return
        if kind in (Act.POINT, Act.CLICK):
            for i, target in enumerate(targets):
                if target.rect.collidepoint(action.pos):
                    if self.focus != i:
                        self.focus = i
                        self.dirty = True
                    if kind is Act.CLICK and target.name != "field":
                        target.run()
                        self.dirty = True
                    return

    def update(self, dt: float) -> None:
        if self.page_name == "breath" and self.breath_t < INTRO_SECONDS:
            self.breath_t = min(INTRO_SECONDS, self.breath_t + dt)
            self.dirty = True

    # Drawing -------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        w, h = begin_screen(surface, theme)
        self._draw_steps(surface)
        panel(surface, theme, CARD)
        self._draw_page(surface)
        targets = self.targets()
        for i, target in enumerate(targets):
            if target.name in EQUIPMENT:
                draw_checkbox(
                    surface,
                    theme,
                    target.rect,
                    target.label,
                    ticked=target.name in self.equipment,
                    focused=i == self.focus,
                )
            elif target.name == "field":
                self.field.draw(surface, theme, target.rect, focused=i == self.focus)
            else:
                draw_button(surface, theme, target.rect, target.label, focused=i == self.focus)
        blit_text(
            surface,
            theme,
            "Tab or arrows to move, Enter to choose, Esc to go back",
            (w // 2, h - 20),
            role="small",
            color=c.text_dim,
            anchor="midbottom",
        )

    def _draw_steps(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        x0, gap = 200, 240
        y = 52
        for i, title in enumerate(PAGE_TITLES):
            x = x0 + gap * i
            done, here = i < self.page, i == self.page
            col = c.accent if here else (c.good if done else c.locked)
            pygame.draw.circle(surface, c.bg_bottom, (x, y), 16)
            pygame.draw.circle(surface, col, (x, y), 16 if here else 12, 0 if (here or done) else 3)
            r = blit_text(
                surface,
                theme,
                title,
                (x + 24, y),
                role="small",
                color=col if here else c.text_dim,
                bold=here,
                anchor="midleft",
            )
            if i < len(PAGE_TITLES) - 1 and r.right + 12 < x + gap - 24:
                pygame.draw.line(surface, c.panel_edge, (r.right + 12, y), (x + gap - 24, y), 3)

    def _draw_page(self, surface: pygame.Surface) -> None:
        """The card's words for the page shown (the buttons are drawn over them)."""
        theme = self.ctx.theme
        pages: dict[str, Callable[[], None]] = {
            "name": lambda: draw_name(surface, theme, adding=self.adding, error=self.error),
            "safety": lambda: draw_safety(surface, theme),
            "equipment": lambda: draw_equipment(surface, theme),
            "breath": lambda: draw_breath(surface, theme, self.breath_t),
        }
        pages[self.page_name]()
