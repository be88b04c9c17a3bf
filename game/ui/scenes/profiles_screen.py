"""Players on this computer: switch, rename, add, delete.

Deleting removes a player's whole history, so it always asks first, and two
things are refused outright rather than confirmed: deleting the player who is
playing now (switch first) and deleting the only player left. A read-only
save shows why and offers only switching, which changes nothing on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.scenes.pause import ConfirmScene
from game.ui.widgets.buttons import draw_button
from game.ui.widgets.text import begin_screen, blit_text, panel
from game.ui.widgets.textfield import TextField, name_problem

if TYPE_CHECKING:
    from game.store import Profile, SaveStore

LIST = pygame.Rect(80, 112, 1120, 470)
BACK = pygame.Rect(1060, 34, 140, 50)
#: Button label and width for each column of a player's row.
COLUMNS: tuple[tuple[str, int], ...] = (("Play as", 180), ("Rename", 176), ("Delete", 164))


@dataclass
class Target:
    row: int  # index into the profile list; len(profiles) is the "Add" row
    col: int
    rect: pygame.Rect
    label: str
    run: Callable[[], None]
    why_not: str = ""  # non-empty: shown instead of acting


class ProfilesScene(Scene[int | None]):
    """Dismissed with the id of the player to switch to, or None to carry on as before."""

    def __init__(
        self,
        ctx: AppContext,
        store: SaveStore,
        current_id: int,
        on_delete: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(ctx)
        self.store = store
        self.current_id = current_id
        self.on_delete = on_delete  # called with the id just before a player is deleted
        self.profiles: list[Profile] = []
        self.focus = 0
        self.top_row = 0
        self.message = ""
        self.renaming: int | None = None
        self.field = TextField()
        self.refresh()

    def refresh(self) -> None:
        self.profiles = sorted(self.store.profiles(), key=lambda p: p.id)
        self.dirty = True

    def wants_text(self) -> bool:
        return self.renaming is not None

    # Layout ----------------------------------------------------------------
    def row_h(self) -> int:
        theme = self.ctx.theme
        return max(76, theme.px("label") + theme.px("small") + 34)

    def visible_rows(self) -> int:
        return max(1, (LIST.height + 12) // (self.row_h() + 12))

    def row_rect(self, row: int) -> pygame.Rect:
        y = LIST.top + (row - self.top_row) * (self.row_h() + 12)
        return pygame.Rect(LIST.left, y, LIST.width, self.row_h())

    def targets(self) -> list[Target]:
        out: list[Target] = []
        ro = self.store.read_only_reason or ""
        alone = len(self.profiles) <= 1
        for row, prof in enumerate(self.profiles):
            if not self.top_row <= row < self.top_row + self.visible_rows() - 1:
                continue
            rect = self.row_rect(row)
            x = rect.right - 18
            rects: list[pygame.Rect] = []
            for _, width in reversed(COLUMNS):
                x -= width
                rects.insert(0, pygame.Rect(x, rect.centery - 25, width, 50))
                x -= 12
            current = prof.id == self.current_id
            delete_why = ro or (
                "You cannot delete the only player." if alone else
                "Switch to another player before deleting this one." if current else ""
            )  # fmt: skip
            out += [
                Target(row, 0, rects[0], "Continue" if current else "Play as",
                       self._switcher(prof.id)),
                Target(row, 1, rects[1], "Rename", self._renamer(prof), ro),
                Target(row, 2, rects[2], "Delete", self._deleter(prof), delete_why),
            ]  # fmt: skip
        add_row = len(self.profiles)
        add = self.row_rect(min(add_row, self.top_row + self.visible_rows() - 1))
        out.append(
            Target(add_row, 0, pygame.Rect(add.left, add.top + 8, 320, 54), "Add a player",
                   self._add, ro)
        )  # fmt: skip
        return out

    def focused(self) -> Target:
        targets = self.targets()
        return targets[min(self.focus, len(targets) - 1)]

    # Actions -------------------------------------------------------------
    def _switcher(self, pid: int) -> Callable[[], None]:
        def switch() -> None:
            if pid == self.current_id:
                self.dismiss(None)
                return
            if not self.store.read_only:
                self.store.set_last_profile_id(pid)
            self.dismiss(pid)

        return switch

    def _renamer(self, prof: Profile) -> Callable[[], None]:
        def rename() -> None:
            self.renaming = prof.id
            self.field = TextField(prof.name)
            self.message = "Type the new name, Enter to keep it, Esc to cancel."

        return rename

    def _finish_rename(self) -> None:
        from game.store import StoreError

        assert self.renaming is not None
        others = [p.name for p in self.profiles if p.id != self.renaming]
        problem = name_problem(self.field.text, others)
        if not problem:
            try:
                self.store.rename_profile(self.renaming, self.field.text.strip())
            except StoreError as exc:
                problem = str(exc)
        if problem:
            self.message = problem
            return
        self.renaming = None
        self.message = ""
        self.refresh()

    def _deleter(self, prof: Profile) -> Callable[[], None]:
        def delete() -> None:
            self.ctx.scenes.push(
                ConfirmScene(
                    self.ctx,
                    f"Delete {prof.name}?",
                    f"All of {prof.name}'s history, badges and settings are removed from "
                    "this computer. This cannot be undone.",
                ),
                on_result=lambda yes: self._delete_answered(prof.id, yes),
            )

        return delete

    def _delete_answered(self, pid: int, yes: bool) -> None:
        allowed = len(self.profiles) > 1 and not self.store.read_only
        if yes and pid != self.current_id and allowed:
            name = next((p.name for p in self.profiles if p.id == pid), "")
            if self.on_delete is not None:
                self.on_delete(pid)
            self.store.delete_profile(pid)
            self.message = f"{name} was deleted."
        self._back_from_dialog()

    def _add(self) -> None:
        from game.ui.scenes.first_run import FirstRunScene

        self.ctx.scenes.push(FirstRunScene(self.ctx, self.store), on_result=self._added)

    def _added(self, pid: int | None) -> None:
        if pid is not None:
            self.dismiss(pid)  # play as the new player
            return
        self._back_from_dialog()

    def _back_from_dialog(self) -> None:
        self.refresh()
        self.focus = min(self.focus, len(self.targets()) - 1)

    # Input ---------------------------------------------------------------
    def handle(self, action: Action) -> None:
        kind = action.kind
        if self.renaming is not None:
            if kind is Act.BACK:
                self.renaming = None
                self.message = ""
            elif kind is Act.CONFIRM:
                self._finish_rename()
            elif not self.field.handle(action):
                return
            self.dirty = True
            return
        targets = self.targets()
        if kind is Act.BACK:
            self.dismiss(None)
        elif kind in (Act.NEXT, Act.RIGHT, Act.PREV, Act.LEFT):
            step = 1 if kind in (Act.NEXT, Act.RIGHT) else -1
            self._move_to((self.focus + step) % len(targets))
        elif kind in (Act.UP, Act.DOWN):
            self._move_row(-1 if kind is Act.UP else 1)
        elif kind in (Act.CONFIRM, Act.PAUSE):
            self._run(self.focused())
        elif kind is Act.SCROLL:
            self._scroll(-action.value)
        elif kind in (Act.POINT, Act.CLICK):
            self._pointer(action, targets)
            return
        else:
            return
        self.dirty = True

    def _run(self, target: Target) -> None:
        if target.why_not:
            self.message = target.why_not
            return
        self.message = ""
        target.run()

    def _move_to(self, index: int) -> None:
        self.focus = index
        self.message = ""

    def _move_row(self, delta: int) -> None:
        """Up/Down: the same button on the next player's row (the Add row has one)."""
        here = self.focused()
        row = max(0, min(len(self.profiles), here.row + delta))
        span = self.visible_rows() - 1  # profile rows on screen; the Add row is always shown
        if row < len(self.profiles):
            if row < self.top_row:
                self.top_row = row
            elif row >= self.top_row + span:
                self.top_row = row - span + 1
        targets = self.targets()
        same = [i for i, t in enumerate(targets) if t.row == row]
        self._move_to(next((i for i in same if targets[i].col == here.col), same[0]))

    def _scroll(self, delta: int) -> None:
        most = max(0, len(self.profiles) - (self.visible_rows() - 1))
        self.top_row = max(0, min(most, self.top_row + delta))
        self.focus = min(self.focus, len(self.targets()) - 1)

    def _pointer(self, action: Action, targets: list[Target]) -> None:
        if action.kind is Act.CLICK and BACK.collidepoint(action.pos):
            self.dismiss(None)
            return
        for i, target in enumerate(targets):
            if target.rect.collidepoint(action.pos):
                if self.focus != i:
                    self.focus = i
                    self.dirty = True
                if action.kind is Act.CLICK:
                    self._run(target)
                    self.dirty = True
                return

    # Drawing -------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        w, h = begin_screen(surface, theme, "Players", (LIST.left, 36))
        draw_button(surface, theme, BACK, "Back", focused=False)
        targets = self.targets()
        focus = min(self.focus, len(targets) - 1)
        shown = {t.row for t in targets}
        for row, prof in enumerate(self.profiles):
            if row in shown:
                self._draw_row(surface, row, prof, targets[focus].row == row)
        for i, t in enumerate(targets):
            draw_button(
                surface,
                theme,
                t.rect,
                t.label,
                focused=i == focus and self.renaming is None,
                enabled=not t.why_not,
            )
        if self.top_row > 0 or len(self.profiles) + 1 > self.top_row + self.visible_rows():
            blit_text(
                surface, theme, "Scroll or use Up/Down for more players",
                (LIST.right, LIST.top - 16), role="small", color=c.text_dim, anchor="bottomright",
            )  # fmt: skip
        note = self.message or self.store.read_only_reason or ""
        if note:
            box = pygame.Rect(LIST.left, LIST.bottom + 20, LIST.width, 56)
            panel(surface, theme, box, edge=c.warn)
            blit_text(
                surface, theme, note, (box.left + 20, box.centery), role="body", color=c.warn,
                anchor="midleft",
            )  # fmt: skip
        hint = (
            "Type the new name  \u00b7  Enter keep  \u00b7  Esc cancel"
            if self.renaming is not None
            else "Up/Down player  \u00b7  Left/Right button  \u00b7  Enter choose  \u00b7  Esc back"
        )
        blit_text(
            surface, theme, hint, (w // 2, h - 10), role="small", color=c.text_dim,
            anchor="midbottom",
        )  # fmt: skip

    def _draw_row(self, surface: pygame.Surface, row: int, prof: Profile, lit: bool) -> None:
        theme = self.ctx.theme
        c = theme.c
        rect = self.row_rect(row)
        current = prof.id == self.current_id
        panel(surface, theme, rect, edge=c.accent if lit else c.panel_edge, width=2 if lit else 1)
        x = rect.left + 24
        if self.renaming == prof.id:
            field = pygame.Rect(x - 6, rect.centery - 26, 520, 52)
            self.field.draw(surface, theme, field, focused=True)
            return
        top = rect.centery - (theme.px("label") + theme.px("small") + 6) // 2
        name = blit_text(surface, theme, prof.name, (x, top), role="label", bold=True)
        if current:
            chip = pygame.Rect(name.right + 14, name.top + 2, 0, 0)
            label = theme.text("playing now", "small", c.accent_text, True)
            chip.size = (label.get_width() + 20, label.get_height() + 6)
            pygame.draw.rect(surface, c.accent, chip, border_radius=chip.height // 2)
            surface.blit(label, label.get_rect(center=chip.center))
        since = f"Player since {prof.created.strftime('%d %B %Y').lstrip('0')}"
        blit_text(surface, theme, since, (x, name.bottom + 6), role="small", color=c.text_dim)
