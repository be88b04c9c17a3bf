"""The end-of-level check-in, one row per move: form, effort and pain.

Each move's answers decide how its dose moves next time and whether the level
counts toward mastery, so they are asked per move, plainly. A good day should
take no effort: everything starts as "steady, right, no pain" and Enter on the
first button saves it in one key press. Any other answer is one click, or
arrows and Enter, away. Sharp pain anywhere leads to a clear
stop-and-seek-advice message before anything else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pygame

from game.session.ratings import Effort, worst_form, worst_pain
from game.session.result import Form, Pain
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.widgets.text import begin_screen, blit_fitted, blit_paragraph, blit_text, panel

FORM_CHOICES: tuple[tuple[Form, str], ...] = (
    (Form.STEADY, "Steady"),
    (Form.WOBBLY, "Wobbly"),
    (Form.LOST, "Lost it"),
)
EFFORT_CHOICES: tuple[tuple[Effort, str], ...] = (
    (Effort.EASY, "Too easy"),
    (Effort.RIGHT, "Right"),
    (Effort.HARD, "Too hard"),
)
PAIN_CHOICES: tuple[tuple[Pain, str], ...] = (
    (Pain.NONE, "No pain"),
    (Pain.MILD, "Mild"),
    (Pain.SHARP, "Sharp"),
)
GROUPS = ("form", "effort", "pain")
SHARP_PAIN_ADVICE = (
    "Stop exercising for today. Sharp pain is a signal, not something to push through. "
    "If it does not settle, or comes back the next time, talk to a physiotherapist or "
    "a doctor before you continue. Next time the game offers easier versions of these moves."
)
ALL_GOOD = (Form.STEADY, Effort.RIGHT, Pain.NONE)
#: Choices drawn in the warning colour (wobbly, too hard, mild) and the danger one.
_WARN_COLS = frozenset({1, 5, 7})
_DANGER_COLS = frozenset({2, 8})


@dataclass(frozen=True)
class CheckInMove:
    """One row: the move's id, its name and the dose it was played at, in words."""

    exercise_id: str
    name: str
    dose: str = ""
    #: What the camera measured for this move, if it was on: it pre-fills the form.
    measured: Form | None = None


@dataclass(frozen=True)
class CheckInAnswer:
    """The level-wide form and pain (the worst move's) and each move's answers."""

    form: Form
    pain: Pain
    moves: dict[str, tuple[Form, Effort, Pain]] = field(default_factory=dict)


class CheckInScene(Scene[CheckInAnswer]):
    """One row per move, with three choices for each of form, effort and pain.

    Focus rows: 0 is "All good", 1..n the moves, n + 1 "Save these answers".
    On a move row, Left and Right move between the nine choices and Enter
    picks one; digits 1-9 pick the focused row's choices directly.
    """

    MARGIN = 56
    ROW_H = 50

    def __init__(
        self, ctx: AppContext, *, completed: bool = True, moves: Sequence[CheckInMove] = ()
    ) -> None:
        super().__init__(ctx)
        self.completed = completed
        self.moves = list(moves)
        self.answers: dict[str, list[object]] = {
            m.exercise_id: [m.measured or ALL_GOOD[0], *ALL_GOOD[1:]] for m in self.moves
        }
        self.step = "rate"  # rate -> (advice) -> done
        self.row = 0
        self.col = 0  # 0..8 on a move row: group * 3 + choice

    # -- answers --------------------------------------------------------------
    def _answer(self) -> CheckInAnswer:
        moves = {eid: (Form(a[0]), Effort(a[1]), Pain(a[2])) for eid, a in self.answers.items()}
        form = worst_form([m[0] for m in moves.values()])
        pain = worst_pain([m[2] for m in moves.values()])
        return CheckInAnswer(form, pain, moves)

    def all_good(self) -> None:
        for eid in self.answers:
            self.answers[eid] = list(ALL_GOOD)
        self.save()

    def pick(self, move_index: int, col: int) -> None:
        """Choose option ``col % 3`` of group ``col // 3`` for one move."""
        eid = self.moves[move_index].exercise_id
        group, choice = divmod(col, 3)
        table = (FORM_CHOICES, EFFORT_CHOICES, PAIN_CHOICES)[group]
        self.answers[eid][group] = table[choice][0]
        self.dirty = True

    def save(self) -> None:
        if self._answer().pain is Pain.SHARP:
            self.step = "advice"
            self.dirty = True
            return
        self._done()

    def _done(self) -> None:
        self.step = "done"
        self.dismiss(self._answer())

    # -- input ----------------------------------------------------------------
    @property
    def _last_row(self) -> int:
        return len(self.moves) + 1

    def handle(self, action: Action) -> None:
        kind = action.kind
        self.dirty = True
        if self.step == "advice":
            if kind in (Act.CONFIRM, Act.PAUSE, Act.CLICK, Act.BACK):
                self._done()
            return
        if self.step != "rate":
            return
        if kind in (Act.UP, Act.PREV):
            self.row = (self.row - 1) % (self._last_row + 1)
        elif kind in (Act.DOWN, Act.NEXT):
            self.row = (self.row + 1) % (self._last_row + 1)
        elif kind is Act.LEFT and self._on_move():
            self.col = (self.col - 1) % 9
        elif kind is Act.RIGHT and self._on_move():
            self.col = (self.col + 1) % 9
        elif kind in (Act.CONFIRM, Act.PAUSE):
            self._press()
        elif kind is Act.SHORTCUT and action.text.isdigit() and self._on_move():
            digit = int(action.text)
            if 1 <= digit <= 9:
                self.col = digit - 1
                self.pick(self.row - 1, self.col)
        elif kind is Act.SHORTCUT and action.text.lower() == "g":
            self.all_good()
        elif kind in (Act.POINT, Act.CLICK):
            self._mouse(action)

    def _on_move(self) -> bool:
        return 1 <= self.row <= len(self.moves)

    def _press(self) -> None:
        if self.row == 0:
            self.all_good()
        elif self.row == self._last_row:
            self.save()
        else:
            self.pick(self.row - 1, self.col)

    def _mouse(self, action: Action) -> None:
        for (row, col), rect in self.hit_boxes(self.ctx.size).items():
            if rect.collidepoint(action.pos):
                self.row, self.col = row, max(col, 0)
                if action.kind is Act.CLICK:
                    self._press()
                return

    # -- layout ---------------------------------------------------------------
    def _layout(self, size: tuple[int, int]) -> tuple[int, int, int, int, int]:
        """Name column width, chip width, table top, row height and bottom button top."""
        w, h = size
        m = self.MARGIN
        chip = max(70, min(120, (w - 2 * m - 300) // 9 - 6))
        name_w = w - 2 * m - 9 * (chip + 6) - 2 * 18
        top = 232
        row_h = max(38, min(self.ROW_H, (h - top - 110) // max(1, len(self.moves))))
        return name_w, chip, top, row_h, top + row_h * len(self.moves) + 14

    def hit_boxes(self, size: tuple[int, int]) -> dict[tuple[int, int], pygame.Rect]:
        """``(row, col) -> rect`` of everything clickable; col -1 for the two buttons."""
        w, _h = size
        m = self.MARGIN
        name_w, chip, top, row_h, bottom = self._layout(size)
        boxes = {(0, -1): pygame.Rect(m, 128, w - 2 * m, 56)}
        for r in range(len(self.moves)):
            y = top + r * row_h
            for col in range(9):
                group, choice = divmod(col, 3)
                x = m + name_w + group * (3 * (chip + 6) + 18) + choice * (chip + 6)
                boxes[(r + 1, col)] = pygame.Rect(x, y + 4, chip, row_h - 8)
        boxes[(self._last_row, -1)] = pygame.Rect(w - m - 360, bottom, 360, 48)
        return boxes

    # -- drawing --------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        m = self.MARGIN
        title = "Level complete: how did each move go?" if self.completed else "Level stopped"
        w, h = begin_screen(surface, theme, title, (m, 40), color=c.accent)
        if self.step == "advice":
            self._draw_advice(surface, w)
            return
        blit_fitted(
            surface, theme,  # one line under the title
            "Your answers set each move's dose next time. Steady days without pain master a level.",
            (m, 92), w - 2 * m, roles=("body", "small"), color=c.text_dim,
        )  # fmt: skip
        boxes = self.hit_boxes((w, h))
        self._button(surface, boxes[(0, -1)], "Everything steady, right, no pain", "Enter", 0)
        name_w, chip, top, row_h, _bottom = self._layout((w, h))
        for group, label in enumerate(("Form", "Effort", "Pain")):
            x = m + name_w + group * (3 * (chip + 6) + 18)
            blit_text(surface, theme, label, (x, top - 30), role="small", bold=True)
        # One text size for every move name, so the rows read as one list.
        fits = all(theme.font("body").size(mv.name)[0] <= name_w - 110 for mv in self.moves)
        role = "body" if fits else "small"
        for r, move in enumerate(self.moves):
            y = top + r * row_h
            if self.row == r + 1:
                pygame.draw.rect(
                    surface, c.panel, pygame.Rect(m - 8, y, w - 2 * m + 16, row_h), border_radius=8
                )
            info = move.dose
            if move.measured is not None:
                seen = dict(FORM_CHOICES)[move.measured].lower()
                info = f"{info} \u00b7 camera: {seen}" if info else f"camera: {seen}"
            dose_w = theme.font("small").size(info)[0] + 10 if info else 0
            name = blit_fitted(
                surface, theme, move.name, (m, y + row_h // 2), name_w - 12 - dose_w,
                roles=(role,), anchor="midleft",
            )  # fmt: skip
            blit_text(surface, theme, info, (name.right + 10, y + row_h // 2),
                      role="small", color=c.text_dim, anchor="midleft")  # fmt: skip
            answer = self.answers[move.exercise_id]
            for col in range(9):
                group, choice = divmod(col, 3)
                table = (FORM_CHOICES, EFFORT_CHOICES, PAIN_CHOICES)[group]
                value, label = table[choice]
                self._chip(surface, boxes[(r + 1, col)], label, answer[group] == value, r + 1, col)
        self._button(surface, boxes[(self._last_row, -1)], "Save these answers", "", self._last_row)
        blit_text(
            surface, theme,
            "Enter: all good. Arrows choose, Enter picks, or click. 1-9 on a row.",
            (m, h - 22), role="small", color=c.text_dim, anchor="bottomleft",
        )  # fmt: skip

    def _button(
        self, surface: pygame.Surface, rect: pygame.Rect, label: str, key: str, row: int
    ) -> None:
        theme = self.ctx.theme
        c = theme.c
        focused = self.row == row
        if focused:
            pygame.draw.rect(surface, c.accent, rect.inflate(8, 8), 3, border_radius=16)
        panel(surface, theme, rect, color=c.accent if focused else None, edge=c.accent)
        fg = c.accent_text if focused else c.text
        blit_text(surface, theme, label, (rect.left + 20, rect.centery), role="label",
                  color=fg, bold=True, anchor="midleft")  # fmt: skip
        if key:
            blit_text(surface, theme, key, (rect.right - 18, rect.centery), role="small",
                      color=fg, anchor="midright")  # fmt: skip

    def _chip(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect,
        label: str,
        chosen: bool,
        row: int,
        col: int,
    ) -> None:
        theme = self.ctx.theme
        c = theme.c
        color = c.panel
        if chosen:
            color = c.danger if col in _DANGER_COLS else c.warn if col in _WARN_COLS else c.good
        pygame.draw.rect(surface, color, rect, border_radius=10)
        if self.row == row and self.col == col:
            pygame.draw.rect(surface, c.accent, rect.inflate(6, 6), 3, border_radius=12)
        fg = c.accent_text if chosen else c.text_dim
        bold = chosen and theme.font("small", True).size(label)[0] <= rect.width - 8
        blit_fitted(
            surface, theme, label, rect.center, rect.width - 8, roles=("small",),
            color=fg, bold=bold, anchor="center",
        )  # fmt: skip

    def _draw_advice(self, surface: pygame.Surface, w: int) -> None:
        theme = self.ctx.theme
        c = theme.c
        box = pygame.Rect(140, 180, w - 280, 300)
        panel(surface, theme, box, edge=c.danger, width=3)
        blit_text(surface, theme, "Please stop here", (box.left + 30, box.top + 26),
                  role="heading", bold=True, color=c.danger)  # fmt: skip
        blit_paragraph(
            surface, theme, SHARP_PAIN_ADVICE,
            pygame.Rect(box.left + 30, box.top + 90, box.width - 60, 180), role="label",
        )  # fmt: skip
        blit_text(surface, theme, "Press Enter to continue", (w // 2, box.bottom + 40),
                  role="body", color=c.text_dim, anchor="midtop")  # fmt: skip
