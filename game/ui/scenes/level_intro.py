"""Before a level: what it holds, what it needs, what to watch out for.

One card per exercise with the guide looping the move, its cues, target
muscles and equipment; the level's goal, planned length, equipment and safety
notes; and a start button. Missing equipment is named, with the substitute the
level will play instead.
"""

from __future__ import annotations

import pygame

from game.content.model import Content, Exercise, Level
from game.content.vocabulary import EQUIPMENT, MUSCLES
from game.session.fit import compile_for_player, played_doses
from game.session.resolve import MissingEquipment, Substitution
from game.session.settings import SessionSettings
from game.ui.context import AppContext
from game.ui.figure.draw import draw_guide
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.widgets.dose_text import dose_words
from game.ui.widgets.text import (
    begin_screen,
    blit_fitted,
    blit_paragraph,
    blit_text,
    blit_title,
    line_step,
    panel,
)

GENERAL_SAFETY = (
    "Stop at once if you feel a sharp pain. If you cannot keep the form, "
    "take the easier version or rest."
)
DEMO_LOOP_SECONDS = 4.0


def level_exercises(level: Level, content: Content) -> list[Exercise]:
    """Each exercise of the level once, in playing order."""
    seen: dict[str, Exercise] = {}
    for step in level.all_steps():
        ex = content.exercises.get(step.exercise)
        if ex is not None and ex.id not in seen:
            seen[ex.id] = ex
    return list(seen.values())


#: The move buttons' column, and the room for their labels.
CHIP_TOP, CHIP_BOTTOM = 150, 625
CHIP_TEXT_WIDTH = 300 - 24
CHIP_SPACING = 1.1


class LevelIntroScene(Scene[bool]):
    """Dismissed with True when the player starts the level, False on Esc."""

    animated = True

    def __init__(
        self,
        ctx: AppContext,
        level: Level,
        settings: SessionSettings,
        *,
        reduced_motion: bool = False,
        subtitle: str = "",
    ) -> None:
        super().__init__(ctx)
        assert ctx.content is not None
        self.content = ctx.content
        self.level = level
        self.reduced_motion = reduced_motion
        self.subtitle = subtitle
        timeline = compile_for_player(level, self.content, settings)
        self.minutes = timeline.total / 60.0
        #: Each move's dose today, in words: the player's own, shortened to fit.
        self.doses = {
            eid: dose_words(self.content.exercises[eid].dose.kind, sets, amount)
            for eid, (sets, amount) in played_doses(level, self.content, timeline.settings).items()
            if eid in self.content.exercises
        }
        self.substitutions = timeline.substitutions
        self.missing = timeline.missing_equipment
        # What will actually be played (substitutes and easier versions in
        # place); a level nothing of which can be played still lists its moves.
        # An easier or harder version is shown as played: its own name, words and moves.
        played = {
            (ex.id, ex.name): ex for ex in (timeline.played[s.step_index] for s in timeline.slots)
        }
        self.exercises = list(played.values()) or level_exercises(level, self.content)
        self.focus = 0  # which card; len(exercises) = the start button
        self.t = 0.0
        self._since = 0.0

    @property
    def on_start_button(self) -> bool:
        return self.focus == len(self.exercises)

    def equipment(self) -> list[str]:
        needed: set[str] = set()
        for ex in self.exercises:
            needed.update(ex.equipment)
        return [EQUIPMENT.get(e, e) for e in sorted(needed)]

    def handle(self, action: Action) -> None:
        n = len(self.exercises)
        kind = action.kind
        if kind is Act.BACK:
            self.dismiss(False)
            return
        if kind in (Act.RIGHT, Act.DOWN, Act.NEXT):
            self.focus = min(n, self.focus + 1)
        elif kind in (Act.LEFT, Act.UP, Act.PREV):
            self.focus = max(0, self.focus - 1)
        elif (
            kind is Act.CONFIRM
            or (kind is Act.PAUSE and self.on_start_button)
            or (kind is Act.SHORTCUT and action.text == "s")
        ):
            self.dismiss(True)
        elif kind in (Act.CLICK, Act.POINT):
            if self._start_rect().collidepoint(action.pos):
                self.focus = n
                if kind is Act.CLICK:
                    self.dismiss(True)
            else:
                for i, rect in enumerate(self._chip_rects()):
                    if rect.collidepoint(action.pos):
                        self.focus = i
        self.dirty = True

    def update(self, dt: float) -> None:
        self.t += dt
        self._since += dt
        if self._since >= 1 / 30:  # the looping demo needs no more than 30 fps
            self._since = 0.0
            self.dirty = True

    # Layout --------------------------------------------------------------
    def _start_rect(self) -> pygame.Rect:
        return pygame.Rect(960, 640, 280, 56)

    def _chip_label(self, index: int) -> str:
        return f"{index + 1}. {self.exercises[index].name}"

    def _chip_rects(self) -> list[pygame.Rect]:
        """One button per move. A name too long for one line (large text) gets
        a second line, in order, while the column has room; any name still too
        long ends in an ellipsis (the card beside it shows it whole)."""
        theme = self.ctx.theme
        extra = line_step(theme, "small", CHIP_SPACING)
        spare = CHIP_BOTTOM - CHIP_TOP - 40 * len(self.exercises)
        out = []
        y = CHIP_TOP
        for i in range(len(self.exercises)):
            height = 34
            wide = len(theme.wrap(self._chip_label(i), CHIP_TEXT_WIDTH, "small", True)) > 1
            if wide and spare >= extra:
                height, spare = height + extra, spare - extra
            out.append(pygame.Rect(40, y, 300, height))
            y += height + 6
        return out

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        w, h = begin_screen(surface, theme)
        title = blit_title(surface, theme, self.level.name, (40, 24), w - 80)
        # Large text may not fit the goal on one line: a smaller size first,
        # then an ellipsis, never past the edge or over the cards below.
        sub = f"{self.minutes:.0f} minutes  \u00b7  {self.level.goal}"
        line = blit_fitted(
            surface,
            theme,
            sub,
            (40, max(74, title.bottom - 2)),
            w - 80,
            roles=("body", "small"),
            color=c.text_dim,
        )
        if self.subtitle:
            y = max(104, line.bottom)
            blit_fitted(
                surface, theme, self.subtitle, (40, y), w - 80, roles=("small",), color=c.accent
            )

        # Left column: the exercises in order.
        for i, rect in enumerate(self._chip_rects()):
            focused = i == self.focus
            panel(
                surface,
                theme,
                rect,
                color=c.accent if focused else c.panel,
                edge=c.accent if focused else c.panel_edge,
                radius=10,
            )
            color = c.accent_text if focused else c.text
            label = self._chip_label(i)
            wraps = len(theme.wrap(label, CHIP_TEXT_WIDTH, "small", focused)) > 1
            if rect.height == 34 or not wraps:
                blit_fitted(
                    surface,
                    theme,
                    label,
                    (rect.left + 12, rect.centery),
                    CHIP_TEXT_WIDTH,
                    roles=("small",),
                    color=color,
                    bold=focused,
                    anchor="midleft",
                )
            else:
                step = line_step(theme, "small", CHIP_SPACING)
                top = rect.centery - step + (step - theme.font("small").get_height()) // 2
                text = pygame.Rect(rect.left + 12, top, CHIP_TEXT_WIDTH, 2 * step)
                blit_paragraph(
                    surface,
                    theme,
                    label,
                    text,
                    role="small",
                    color=color,
                    bold=focused,
                    spacing=CHIP_SPACING,
                )

        # Centre: the focused exercise card, or the level's summary on the start button.
        card = pygame.Rect(360, 140, 880, 480)
        panel(surface, theme, card)
        if self.on_start_button or not self.exercises:
            self._draw_summary(surface, card)
        else:
            self._draw_card(surface, card, self.exercises[self.focus])

        start = self._start_rect()
        focused = self.on_start_button
        panel(surface, theme, start, color=c.accent if focused else c.panel, edge=c.accent)
        blit_text(
            surface,
            theme,
            "Start  \u25b6",
            start.center,
            role="label",
            bold=True,
            color=c.accent_text if focused else c.accent,
            anchor="center",
        )
        blit_text(
            surface,
            theme,
            "\u2190 \u2192 look through the moves   Enter start   Esc back",
            (40, h - 44),
            role="small",
            color=c.text_dim,
        )

    def _draw_card(self, surface: pygame.Surface, card: pygame.Rect, ex: Exercise) -> None:
        theme = self.ctx.theme
        c = theme.c
        guide = pygame.Rect(card.left + 16, card.top + 16, 400, card.height - 32)
        pygame.draw.rect(surface, c.bg_bottom, guide, border_radius=10)
        if ex.animation is not None:
            phase = (self.t % DEMO_LOOP_SECONDS) / DEMO_LOOP_SECONDS
            u = 0.0 if self.reduced_motion else 1.0 - abs(2.0 * phase - 1.0)
            if self.reduced_motion:
                u = 1.0 if phase > 0.5 else 0.0
            draw_guide(
                surface, guide, ex, u, glow_muscles=ex.muscles, reduced_motion=self.reduced_motion
            )
        x = guide.right + 24
        width = card.right - x - 20
        title = blit_title(surface, theme, ex.name, (x, card.top + 18), width)
        y = max(card.top + 70, title.bottom + 10)
        dose = self.doses.get(ex.id, "")
        if dose:
            today = f"Today: {dose}"
            shown = blit_fitted(
                surface, theme, today, (x, y - 6), width, roles=("body", "small"),
                color=c.accent, bold=True,
            )  # fmt: skip
            y = shown.bottom + 6
        step = line_step(theme, "small")

        def height(text: str, lines: int = 99) -> int:
            return min(lines, len(theme.wrap(text, width, "small"))) * step

        muscles = "Works: " + ", ".join(MUSCLES.get(m, m) for m in ex.muscles)
        kit = "You need: " + (", ".join(EQUIPMENT.get(e, e) for e in ex.equipment) or "Nothing")
        warning = "\u26a0 " + ex.safety[0] if ex.safety else ""
        note_h = height(warning, 3) if warning else 0
        note = pygame.Rect(x, card.bottom - 14 - note_h, width, note_h)
        # The summary, the muscles, the kit and the safety note always show;
        # cues fill the room left (the player screen shows every cue again).
        limit = note.top - 6
        tail = height(muscles, 3) + height(kit, 2) + 8
        summary = pygame.Rect(x, y, width, max(step, min(6 * step, limit - tail - y)))
        y = blit_paragraph(surface, theme, ex.summary, summary, role="small", color=c.text_dim)
        y += 8
        for i, cue in enumerate(ex.cues[:5]):
            line = f"{i + 1}. {cue}"
            if y + height(line, 3) + 4 + tail > limit:
                break
            cue_rect = pygame.Rect(x, y, width, 3 * step)
            y = blit_paragraph(surface, theme, line, cue_rect, role="small") + 4
        y += 6
        y = blit_paragraph(
            surface, theme, muscles, pygame.Rect(x, y, width, 3 * step), role="small", color=c.glow
        )
        kit_rect = pygame.Rect(x, y + 2, width, 2 * step)
        blit_paragraph(surface, theme, kit, kit_rect, role="small", color=c.inhale)
        if warning:
            blit_paragraph(surface, theme, warning, note, role="small", color=c.warn)

    def _draw_summary(self, surface: pygame.Surface, card: pygame.Rect) -> None:
        theme = self.ctx.theme
        c = theme.c
        x, width = card.left + 30, card.width - 60
        small, body = line_step(theme, "small"), line_step(theme, "body")

        def height(text: str, role: str, step: int, lines: int) -> int:
            return min(lines, len(theme.wrap(text, width, role))) * step

        kit = ", ".join(self.equipment()) or "Nothing but space"
        swaps = [_substitution_text(sub, self.content) for sub in self.substitutions]
        swaps += [_missing_text(miss, self.content) for miss in self.missing]
        notes = ["\u2022 " + note for note in safety_notes(self.level.safety)]
        # The safety notes always show whole: the level's intro gives up its
        # last lines first when large text leaves too little room.
        below = 36 + height(kit, "body", body, 2) + 6
        below += sum(height(line, "small", small, 2) + 4 for line in swaps) + 8
        below += 36 + sum(height(note, "small", small, 3) + 4 for note in notes)
        y = card.top + 24
        if self.level.intro:
            room = min(5 * small, card.bottom - 12 - below - 10 - y)
            intro = pygame.Rect(x, y, width, room)
            y = blit_paragraph(surface, theme, self.level.intro, intro, role="small") + 10
        blit_text(surface, theme, "You need", (x, y), role="label", bold=True)
        y += 36
        kit_rect = pygame.Rect(x, y, width, 2 * body)
        y = blit_paragraph(surface, theme, kit, kit_rect, role="body", color=c.inhale) + 6
        for line in swaps:
            swap_rect = pygame.Rect(x, y, width, 2 * small)
            y = blit_paragraph(surface, theme, line, swap_rect, role="small", color=c.warn) + 4
        y += 8
        blit_text(surface, theme, "Safety", (x, y), role="label", bold=True, color=c.warn)
        y += 36
        for note in notes:
            note_rect = pygame.Rect(x, y, width, 3 * small)
            y = blit_paragraph(surface, theme, note, note_rect, role="small") + 4


def safety_notes(level_notes: tuple[str, ...] | list[str]) -> list[str]:
    """The level's own notes, then the general rule, without saying anything twice."""
    general = GENERAL_SAFETY.casefold()
    own = [n for n in level_notes if n.strip().rstrip(".").casefold() not in general]
    return [*own, GENERAL_SAFETY]


def _substitution_text(sub: Substitution, content: Content) -> str:
    a = content.exercises.get(sub.original)
    b = content.exercises.get(sub.replacement)
    kit = EQUIPMENT.get(sub.equipment, sub.equipment).lower()
    if a is not None and b is not None:
        return f"No {kit}: {b.name} replaces {a.name}."
    return f"No {kit}: {sub.replacement} replaces {sub.original}."


def _missing_text(miss: MissingEquipment, content: Content) -> str:
    ex = content.exercises.get(miss.exercise_id)
    kit = ", ".join(EQUIPMENT.get(e, e).lower() for e in miss.equipment)
    name = ex.name if ex is not None else miss.exercise_id
    return f"{name} needs {kit}, which is not in your equipment list."
