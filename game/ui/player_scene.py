"""Playing a level: the guide in the centre, timers, breath pacer, cues in words.

The scene owns a :class:`SessionPlayer` and feeds it fixed logic steps (times
the ``--time-scale`` factor). Every event the player emits is turned into
sound through one table and shown as words, so nothing is sound-only. When the
level ends, or the player quits it, the form and pain check follows, then the
result is recorded and the level-complete screen shows what changed.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import pygame

from game.audio import cue_text
from game.clock import local_date, utc_offset_minutes
from game.content.model import MUSCLES, Exercise, Level
from game.session.events import (
    BreatheIn,
    BreatheOut,
    Event,
    LevelCompleted,
    PhaseStarted,
    RepDone,
    SwitchSides,
    Tick,
)
from game.session.phases import PhaseKind
from game.session.player import SessionPlayer
from game.session.result import Form, Pain, SessionResult, Side
from game.session.timeline import compile_level
from game.settings import PlayerSettings
from game.ui.checkin import CheckInAnswer, CheckInScene
from game.ui.context import AppContext
from game.ui.figure import draw_guide
from game.ui.hud import breath_amount, breath_pacer, progress_bar, ring
from game.ui.input import Act, Action
from game.ui.pause import PauseChoice, PauseScene
from game.ui.scene import Scene
from game.ui.widgets import blit_paragraph, blit_text, panel

#: What the player is asked to do in each phase, in words.
PHASE_WORDS: Mapping[PhaseKind, str] = MappingProxyType(
    {
        PhaseKind.DEMO: "Watch the guide first",
        PhaseKind.GET_READY: "Get into position",
        PhaseKind.SETUP: "Move into position",
        PhaseKind.HOLD: "Hold, and keep breathing",
        PhaseKind.RELEASE: "Release slowly",
        PhaseKind.LIFT: "Lift",
        PhaseKind.TOP_HOLD: "Hold it there",
        PhaseKind.LOWER: "Lower slowly",
        PhaseKind.REP_PAUSE: "Reset",
        PhaseKind.FLOW: "Move gently with your breath",
        PhaseKind.SWITCH_SIDES: "Switch sides",
        PhaseKind.REST: "Rest",
        PhaseKind.DONE: "Well done",
    }
)

#: Tones that mark events, beside any spoken cue the event carries.
TONE_FOR: Mapping[type[Event], str] = MappingProxyType(
    {BreatheIn: "tone_inhale", BreatheOut: "tone_exhale"}
)

#: Phases that show a countdown ring rather than a rep counter.
TIMED = frozenset(
    {
        PhaseKind.GET_READY,
        PhaseKind.HOLD,
        PhaseKind.FLOW,
        PhaseKind.REST,
        PhaseKind.SWITCH_SIDES,
        PhaseKind.DEMO,
        PhaseKind.SETUP,
        PhaseKind.RELEASE,
    }
)

CAPTION_SECONDS = 2.5
STAGE_RECT = pygame.Rect(32, 100, 780, 500)
SIDE_RECT = pygame.Rect(836, 22, 420, 676)
#: The guide and timers redraw this often; events (a new phase, a breath, a
#: rep) redraw at once. 30 per second keeps the motion smooth at half the cost.
DRAW_RATE = 30.0


@dataclass(frozen=True)
class PlayRequest:
    """What to play and how the result is to be recorded."""

    level: Level
    daily: bool = False
    prefer_easier: bool = False


class PlayerScene(Scene):
    animated = True

    def __init__(
        self,
        ctx: AppContext,
        request: PlayRequest,
        *,
        on_finished: Callable[[SessionResult], None] | None = None,
        reduced_motion: bool = False,
        settings: PlayerSettings | None = None,
    ) -> None:
        super().__init__(ctx)
        assert ctx.content is not None
        self.request = request
        self.content = ctx.content
        self.settings = settings or PlayerSettings()
        self.timeline = compile_level(
            request.level,
            ctx.content,
            self.settings.session_settings(prefer_easier=request.prefer_easier),
        )
        self.player = SessionPlayer(self.timeline, ctx.clock)
        self.started_at = ctx.clock.now_utc()
        self.on_finished = on_finished
        self.reduced_motion = reduced_motion or self.settings.reduced_motion
        self.log: list[Event] = []  # every event, in order (tests read it)
        self.caption = ""
        self.caption_left = 0.0
        self.reps_done = 0
        self._handed_off = False
        self._since_draw = 0.0
        self._static: pygame.Surface | None = None
        self._static_key: tuple[object, ...] = ()

    # ------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self._handed_off:
            return
        events = self.player.update(dt * self.ctx.time_scale)
        for event in events:
            self._on_event(event)
        if self.caption_left > 0:
            self.caption_left -= dt
        if self.player.finished:
            self._finish()
        self._since_draw += dt
        if events or self._since_draw >= 1.0 / DRAW_RATE:
            self._since_draw = 0.0
            self.dirty = True

    def _on_event(self, event: Event) -> None:
        self.log.append(event)
        audio = self.ctx.audio
        tone = TONE_FOR.get(type(event))
        if isinstance(event, Tick) and event.countdown:
            tone = "tone_count"
        if isinstance(event, PhaseStarted) and event.phase.kind is PhaseKind.REST:
            tone = "tone_phase_end"
        if isinstance(event, RepDone):
            self.reps_done += 1
        spoken = [c for c in event.cues if c not in ("inhale", "exhale")]
        if audio is not None:
            if tone:
                audio.play(tone)
            for cue in spoken:
                audio.play(cue)
        words = [self._cue_words(c) for c in spoken]
        if isinstance(event, SwitchSides):
            words.append(f"Switch to the {event.to_side.value} side")
        if isinstance(event, LevelCompleted):
            words.append("Level complete")
        words = [w for w in words if w]
        if words:
            self.caption = " \u00b7 ".join(words)
            self.caption_left = CAPTION_SECONDS

    def _cue_words(self, cue: str) -> str:
        return cue_text(cue, self.content)

    def _finish(self) -> None:
        """Hand over to the form and pain check, once."""
        self._handed_off = True
        self.ctx.scenes.push(CheckInScene(self.ctx, completed=self.player.completed))

    def resume(self, result: object = None) -> None:
        super().resume(result)
        if isinstance(result, CheckInAnswer):
            self._record(result.form, result.pain)
        elif result is PauseChoice.RESTART:
            self.player.restart_exercise()
            self.player.resume()
        elif result is PauseChoice.SKIP:
            self.player.resume()
            self.player.skip()
        elif result is PauseChoice.QUIT:
            self.player.quit()
            self._finish()
        elif self.player.paused and not self._handed_off:
            self.player.resume()

    def _record(self, form: Form, pain: Pain) -> None:
        clock = self.ctx.clock
        result = self.player.result(
            form=form,
            pain=pain,
            started_at=self.started_at,
            ended_at=max(clock.now_utc(), self.started_at),
            utc_offset_minutes=utc_offset_minutes(clock),
            local_date=local_date(clock),
            daily=self.request.daily,
        )
        if self.on_finished is not None:
            self.on_finished(result)
        else:
            self.ctx.scenes.pop(result)

    def handle(self, action: Action) -> None:
        if self._handed_off:
            return
        if action.kind in (Act.BACK, Act.PAUSE):
            self.player.pause()
            self.ctx.scenes.push(PauseScene(self.ctx, self.request.level.name))
        elif action.kind is Act.RIGHT or self._skips_rest(action):
            self.player.skip()
        elif action.kind is Act.LEFT:
            self.player.back()
        self.dirty = True

    def _skips_rest(self, action: Action) -> bool:
        """S skips a rest (or another skippable pause), and nothing else."""
        is_s = action.kind is Act.SHORTCUT and action.text == "s"
        return is_s and self.player.phase.skippable

    # ------------------------------------------------------------------
    def exercise(self) -> Exercise | None:
        ex_id = self.player.phase.exercise_id or self.player.next_exercise_id
        return self.content.exercises.get(ex_id) if ex_id else None

    def guide_u(self) -> float:
        u = self.player.guide_u()
        ex = self.exercise()
        if not self.reduced_motion or ex is None or ex.animation is None:
            return u
        # Reduced motion: show the nearest key pose, never the moves in between.
        ats = [k.at for k in ex.animation.keyframes]
        i = bisect.bisect_left(ats, u)
        near = [ats[j] for j in (i - 1, i) if 0 <= j < len(ats)]
        return min(near, key=lambda a: abs(a - u)) if near else u

    def draw(self, surface: pygame.Surface) -> None:
        theme = self.ctx.theme
        c = theme.c
        surface.blit(self._static_layer(surface.get_size()), (0, 0))
        player = self.player
        phase = player.phase
        ex = self.exercise()

        # Top bar: progress through the level.
        bar = pygame.Rect(32, 74, 780, 12)
        progress_bar(surface, bar, player.progress, c.accent, c.panel)
        total = self.timeline.total
        left = max(0.0, total - player.position)
        blit_text(
            surface,
            theme,
            f"{_mmss(left)} left",
            (bar.right, 44),
            role="small",
            color=c.text_dim,
            anchor="bottomright",
        )

        # The guide.
        stage = STAGE_RECT
        if ex is not None and ex.animation is not None:
            breath = 0.0 if self.reduced_motion else breath_amount(player.breath())
            draw_guide(
                surface,
                stage.inflate(-16, -16),
                ex,
                self.guide_u(),
                mirrored=player.side is Side.LEFT,
                breath=breath,
                glow_muscles=ex.muscles,
                reduced_motion=self.reduced_motion,
            )
        if ex is not None:
            side = "" if player.side is Side.BOTH else f"  \u00b7  {player.side.value} side"
            blit_text(
                surface,
                theme,
                ex.name + side,
                (stage.left + 18, stage.top + 14),
                role="label",
                bold=True,
            )
            muscles = ", ".join(self._muscle_names(ex))
            blit_text(
                surface,
                theme,
                muscles,
                (stage.left + 18, stage.top + 46),
                role="small",
                color=c.glow,
            )

        # What to do now, in words, and the latest cue as a caption.
        words = PHASE_WORDS.get(phase.kind, "")
        if phase.kind is PhaseKind.REST and phase.next_exercise_id:
            nxt = self.content.exercises.get(phase.next_exercise_id)
            words = f"Rest. Next: {nxt.name}" if nxt else words
        blit_text(
            surface,
            theme,
            words,
            (32, stage.bottom + 16),
            role="heading",
            bold=True,
            color=c.accent,
        )
        if self.caption_left > 0 and self.caption:
            blit_text(
                surface,
                theme,
                f"\u266a {self.caption}",
                (32, stage.bottom + 66),
                role="label",
                color=c.text,
            )
        elif ex is not None and ex.cues:
            cue = ex.cues[min(len(ex.cues) - 1, max(0, player.rep_number - 1)) % len(ex.cues)]
            blit_text(surface, theme, cue, (32, stage.bottom + 66), role="body", color=c.text_dim)

        self._draw_side_panel(surface, SIDE_RECT)

    def _draw_side_panel(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        theme = self.ctx.theme
        c = theme.c
        player = self.player
        phase = player.phase
        x = area.centerx
        # Timer ring or rep counter.
        center = (x, area.top + 130)
        frac = player.time_left / phase.duration if phase.duration > 0 else 0.0
        if phase.kind in TIMED or phase.reps == 0:
            col = c.accent if phase.kind not in (PhaseKind.REST, PhaseKind.GET_READY) else c.good
            ring(surface, center, 96, frac, col, c.panel_edge)
            secs = max(0, int(player.time_left + 0.999))
            blit_text(surface, theme, str(secs), center, role="huge", bold=True, anchor="center")
            label = "seconds"
            if phase.breaths:
                label = f"hold for {phase.breaths} breaths"
            blit_text(
                surface,
                theme,
                label,
                (x, center[1] + 104),
                role="small",
                color=c.text_dim,
                anchor="midtop",
            )
        else:
            ring(surface, center, 96, 1.0 - frac, c.inhale, c.panel_edge, width=8)
            blit_text(
                surface,
                theme,
                f"{phase.rep_number}/{phase.reps}",
                center,
                role="title",
                bold=True,
                anchor="center",
            )
            blit_text(
                surface,
                theme,
                "reps",
                (x, center[1] + 104),
                role="small",
                color=c.text_dim,
                anchor="midtop",
            )
        # Sets and sides.
        info = []
        if phase.sets:
            info.append(f"Set {phase.set_number} of {phase.sets}")
        if phase.rounds:
            info.append(f"Round {phase.round_number} of {phase.rounds}")
        if player.side is not Side.BOTH:
            info.append(f"{player.side.value.capitalize()} side")
        blit_text(
            surface, theme, "   ".join(info), (x, area.top + 262), role="body", anchor="midtop"
        )
        # Breath pacer.
        pacer = self.timeline.settings.pacer
        half = pacer.inhale if player.breath().phase.value == "in" else pacer.exhale
        left = (1.0 - player.breath().fraction) * half
        breath_pacer(surface, theme, (x, area.top + 392), 70, player.breath(), left)
        # Next up.
        nxt_id = player.next_exercise_id
        nxt = self.content.exercises.get(nxt_id) if nxt_id else None
        y = area.bottom - 118
        pygame.draw.line(surface, c.panel_edge, (area.left + 20, y), (area.right - 20, y), 1)
        blit_text(surface, theme, "Next", (area.left + 24, y + 12), role="small", color=c.text_dim)
        blit_paragraph(
            surface,
            theme,
            nxt.name if nxt else "Cool down and finish",
            pygame.Rect(area.left + 24, y + 36, area.width - 48, 40),
            role="label",
        )
        keys = "Space pause \u00b7 \u2190 back \u00b7 \u2192 skip"
        if phase.skippable:
            keys += " \u00b7 S skip rest"
        blit_text(
            surface,
            theme,
            keys,
            (x, area.bottom - 14),
            role="small",
            color=c.text_dim,
            anchor="midbottom",
        )

    def _static_layer(self, size: tuple[int, int]) -> pygame.Surface:
        """Background, panel frames and the level name: drawn once, then blitted."""
        theme = self.ctx.theme
        key = (size, theme.palette_name, theme.text_size)
        if self._static is None or self._static_key != key:
            c = theme.c
            layer = theme.background(size).copy()
            blit_text(layer, theme, self.request.level.name, (32, 22), role="heading", bold=True)
            panel(layer, theme, STAGE_RECT, color=c.bg_bottom, edge=c.panel_edge)
            panel(layer, theme, SIDE_RECT)
            self._static, self._static_key = layer, key
        return self._static

    def _muscle_names(self, ex: Exercise) -> list[str]:
        return [MUSCLES.get(m, m) for m in ex.muscles[:3]]


def _mmss(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 60}:{s % 60:02d}"
