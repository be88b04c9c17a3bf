"""The end-of-level check: how still did the spine stay, and did anything hurt?

Both answers decide progress (a level is mastered only with steady form and at
most mild discomfort), so they are asked plainly, one at a time, and sharp pain
always leads to a clear stop-and-seek-advice message before anything else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.session.result import Form, Pain
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.widgets import Menu, MenuItem, blit_paragraph, blit_text, panel

FORM_CHOICES: tuple[tuple[Form, str, str], ...] = (
    (Form.STEADY, "Steady", "My back stayed still and I kept control"),
    (Form.WOBBLY, "A bit wobbly", "It shifted now and then"),
    (Form.LOST, "I lost it", "I could not keep the position"),
)
PAIN_CHOICES: tuple[tuple[Pain, str, str], ...] = (
    (Pain.NONE, "No pain", "Only the effort of working muscles"),
    (Pain.MILD, "Mild discomfort", "Something niggled, but it was not sharp"),
    (Pain.SHARP, "Sharp pain", "A sharp or shooting pain at any point"),
)
SHARP_PAIN_ADVICE = (
    "Stop exercising for today. Sharp pain is a signal, not something to push through. "
    "If it does not settle, or comes back the next time, talk to a physiotherapist or "
    "a doctor before you continue. Next time the game offers easier versions of these moves."
)


@dataclass(frozen=True)
class CheckInAnswer:
    form: Form
    pain: Pain


class CheckInScene(Scene):
    """Two questions, then (for sharp pain) the advice; pops a CheckInAnswer."""

    def __init__(self, ctx: AppContext, *, completed: bool = True) -> None:
        super().__init__(ctx)
        self.completed = completed
        self.step = "form"  # form -> pain -> (advice) -> done
        self.form: Form | None = None
        self.pain: Pain | None = None
        self.menu = self._form_menu()

    def _form_menu(self) -> Menu:
        items = [
            MenuItem(label, self._form_picker(form), hint=hint, key=str(i + 1))
            for i, (form, label, hint) in enumerate(FORM_CHOICES)
        ]
        return Menu(items, top_left=(140, 300), width=380)

    def _pain_menu(self) -> Menu:
        items = [
            MenuItem(label, self._pain_picker(pain), hint=hint, key=str(i + 1))
            for i, (pain, label, hint) in enumerate(PAIN_CHOICES)
        ]
        return Menu(items, top_left=(140, 300), width=380)

    def _form_picker(self, form: Form) -> Callable[[], None]:
        return lambda: self._pick_form(form)

    def _pain_picker(self, pain: Pain) -> Callable[[], None]:
        return lambda: self._pick_pain(pain)

    def _pick_form(self, form: Form) -> None:
        self.form = form
        self.step = "pain"
        self.menu = self._pain_menu()

    def _pick_pain(self, pain: Pain) -> None:
        self.pain = pain
        if pain is Pain.SHARP:
            self.step = "advice"
        else:
            self._done()

    def _done(self) -> None:
        assert self.form is not None and self.pain is not None
        self.step = "done"
        self.ctx.scenes.pop(CheckInAnswer(self.form, self.pain))

    def handle(self, action: Action) -> None:
        if self.step == "advice":
            if action.kind in (Act.CONFIRM, Act.PAUSE, Act.CLICK, Act.BACK):
                self._done()
            return
        if action.kind is Act.BACK and self.step == "pain":
            self.step = "form"
            self.menu = self._form_menu()
        elif self.menu.handle(action):
            pass
        self.dirty = True

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        w, h = surface.get_size()
        surface.blit(theme.background((w, h)), (0, 0))
        title = "Level complete" if self.completed else "Level stopped"
        blit_text(surface, theme, title, (140, 70), role="title", bold=True, color=c.accent)
        if self.step == "advice":
            box = pygame.Rect(140, 220, w - 280, 300)
            panel(surface, theme, box, edge=c.danger, width=3)
            blit_text(
                surface,
                theme,
                "Please stop here",
                (box.left + 30, box.top + 26),
                role="heading",
                bold=True,
                color=c.danger,
            )
            blit_paragraph(
                surface,
                theme,
                SHARP_PAIN_ADVICE,
                pygame.Rect(box.left + 30, box.top + 90, box.width - 60, 180),
                role="label",
            )
            blit_text(
                surface,
                theme,
                "Press Enter to continue",
                (w // 2, box.bottom + 40),
                role="body",
                color=c.text_dim,
                anchor="midtop",
            )
            return
        question = "Did your spine stay still?" if self.step == "form" else "Did anything hurt?"
        blit_text(surface, theme, question, (140, 190), role="heading", bold=True)
        sub = (
            "Be honest: the next stage opens only when your form holds."
            if self.step == "form"
            else "Mild muscle effort is normal; pain in a joint or a sharp twinge is not."
        )
        blit_text(surface, theme, sub, (140, 244), role="body", color=c.text_dim)
        self.menu.draw(surface, theme)
        blit_text(
            surface,
            theme,
            "Choose with 1-3, arrows + Enter, or the mouse",
            (w // 2, h - 40),
            role="small",
            color=c.text_dim,
            anchor="midbottom",
        )
