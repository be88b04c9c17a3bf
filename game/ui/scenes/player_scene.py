"""Playing a level: the guide in the centre, timers, breath pacer, cues in words.

The scene owns a :class:`SessionPlayer` and feeds it fixed logic steps (times
the ``--time-scale`` factor). Every event the player emits is turned into
sound through one table and shown as words, so nothing is sound-only. When the
level ends, or the player quits it, the form and pain check follows, then the
result is recorded and the level-complete screen shows what changed.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import pygame

from game.content.model import Exercise, Level
from game.motion.report import MotionReport, prefill_form
from game.player.settings import PlayerSettings
from game.session.breath import BreathPhase
from game.session.cue_words import cue_text
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
from game.session.fit import compile_for_player, played_doses, ratings_for
from game.session.outcome import build_result
from game.session.phases import PhaseKind
from game.session.player import SessionPlayer
from game.session.ratings import MoveRating
from game.session.result import Form, SessionResult
from game.session.settings import SessionSettings
from game.ui.camera.stillness import StillnessWatch, open_watch
from game.ui.context import AppContext
from game.ui.input import Act, Action
from game.ui.scene import Scene
from game.ui.scenes.checkin import CheckInAnswer, CheckInMove, CheckInScene
from game.ui.scenes.pause import PauseChoice, PauseScene
from game.ui.scenes.player_view import PlayerFrame, PlayerView
from game.ui.widgets.dose_text import dose_words

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

CAPTION_SECONDS = 2.5
#: The guide and timers redraw this often; events (a new phase, a breath, a
#: rep) redraw at once. 30 per second keeps the motion smooth at half the cost.
DRAW_RATE = 30.0


@dataclass(frozen=True)
class PlayRequest:
    """What to play and how the result is to be recorded."""

    level: Level
    daily: bool = False
    prefer_easier: bool = False
    #: The player's session settings with their doses (``PlayerData.session_settings``);
    #: None plays the level as written, with the player's breath and rest settings.
    session: SessionSettings | None = None


class PlayerScene(Scene[SessionResult]):
    """Plays one level; dismissed with its result once the check-in is answered."""

    animated = True

    def __init__(
        self,
        ctx: AppContext,
        request: PlayRequest,
        *,
        reduced_motion: bool = False,
        settings: PlayerSettings | None = None,
    ) -> None:
        super().__init__(ctx)
        assert ctx.content is not None
        self.request = request
        self.content = ctx.content
        self.settings = settings or PlayerSettings()
        session = request.session or self.settings.session_settings(
            prefer_easier=request.prefer_easier
        )
        self.timeline = compile_for_player(request.level, ctx.content, session)
        self.player = SessionPlayer(self.timeline, ctx.clock)
        self.reduced_motion = reduced_motion or self.settings.reduced_motion
        self.log: list[Event] = []  # every event, in order (tests read it)
        self.caption = ""
        self.caption_left = 0.0
        self.reps_done = 0
        self._handed_off = False
        self._since_draw = 0.0
        self.view = PlayerView()
        #: The camera's stillness meter (None when it is off or there is no camera);
        #: ``motion_reports`` is what it measured, for the check-in and the result.
        self.watch: StillnessWatch | None = None
        self.motion_reports: tuple[MotionReport, ...] = ()
        self._camera_note: str | None = None  # said once, after the level's first words
        if self.settings.camera:
            self._open_camera()

    def _open_camera(self) -> None:
        from game.ui.camera.providers import provider_for

        provider = self.ctx.cameras or provider_for(self.content)
        self.watch, self._camera_note = open_watch(provider, self.settings.camera_device)

    # ------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self._handed_off:
            return
        events = self.player.update(dt * self.ctx.time_scale)
        for event in events:
            self._on_event(event)
        said, self._camera_note = self._camera_note, None
        if self.watch is not None:
            said = self.watch.update(self.player) or said
        if said:
            self.caption, self.caption_left = said, CAPTION_SECONDS * 2
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
        if self.watch is not None:
            self.motion_reports = self.watch.finish(self.player.position)
        self.ctx.scenes.push(
            CheckInScene(self.ctx, completed=self.player.completed, moves=self._checkin_moves()),
            on_result=self._checked_in,
        )

    def _checkin_moves(self) -> list[CheckInMove]:
        """The moves of this level, in order, with the dose each was played at."""
        doses = played_doses(self.request.level, self.content, self.timeline.settings)
        out: list[CheckInMove] = []
        for eid in self.timeline.exercise_ids():
            ex = self.content.exercises.get(eid)
            if ex is None:
                continue
            sets, amount = doses.get(eid, (0, 0.0))
            words = dose_words(ex.dose.kind, sets, amount)
            out.append(CheckInMove(eid, ex.name, words, self._measured().get(eid)))
        return out

    def _measured(self) -> dict[str, Form]:
        """Each measured move's least steady hold, as a form rating (camera on only)."""
        out: dict[str, Form] = {}
        for report in self.motion_reports:
            seen = prefill_form(self.motion_reports, report.exercise_id)
            if seen is not None:
                out[report.exercise_id] = seen
        return out

    def resume(self) -> None:
        super().resume()
        self.view.forget()

    def _after_pause(self, choice: PauseChoice) -> None:
        if choice is PauseChoice.RESTART:
            self.player.restart_exercise()
            self.player.resume()
        elif choice is PauseChoice.SKIP:
            self.player.resume()
            self.player.skip()
        elif choice is PauseChoice.QUIT:
            self.player.quit()
            self._finish()
        elif self.player.paused and not self._handed_off:
            self.player.resume()

    def _checked_in(self, answer: CheckInAnswer) -> None:
        """Build the result from the check-in's answers and hand it to the caller."""
        ratings: tuple[MoveRating, ...] = ()
        if answer.moves:
            shares = self.player.shares()
            level = self.request.level
            ratings = ratings_for(
                self.timeline, shares, self.content, level, answer.moves, self._measured()
            )
        clock = self.ctx.clock
        daily = self.request.daily
        result = build_result(
            self.player, answer.form, answer.pain, clock, daily=daily, ratings=ratings
        )
        if self.motion_reports:
            result = dataclasses.replace(result, motion=self.motion_reports)
        self.dismiss(result)

    def exit(self) -> None:
        super().exit()
        if self.watch is not None:
            self.watch.close()

    def handle(self, action: Action) -> None:
        if self._handed_off:
            return
        if action.kind in (Act.BACK, Act.PAUSE):
            self.player.pause()
            pause = PauseScene(self.ctx, self.request.level.name)
            self.ctx.scenes.push(pause, on_result=self._after_pause)
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
        """The exercise on screen, as its step plays it (an easier version's own moves)."""
        phase = self.player.phase
        played = self.timeline.played_exercise(phase) if phase.exercise_id else None
        if played is not None and played.id == phase.exercise_id:
            return played
        ex_id = phase.exercise_id or self.player.next_exercise_id
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

    def phase_words(self) -> str:
        """What to do now, in words: the phase's instruction, or what comes after a rest."""
        phase = self.player.phase
        words = phase.words or PHASE_WORDS.get(phase.kind, "")
        if phase.words:
            words = f"{words} \u00b7 {self._breath_word()}"
        if phase.kind is PhaseKind.REST and phase.next_exercise_id:
            nxt = self.content.exercises.get(phase.next_exercise_id)
            words = f"Rest. Next: {nxt.name}" if nxt else words
        return words

    def _breath_word(self) -> str:
        """The breath that goes with the move right now, shown beside its words."""
        inhaling = self.player.breath().phase is BreathPhase.IN
        return "breathe in" if inhaling else "breathe out"

    def invalidate(self) -> None:
        """The window was disturbed: draw every part again on the next frame."""
        super().invalidate()
        self.view.forget()

    def frame(self) -> PlayerFrame:
        """What the screen shows now."""
        player, watch = self.player, self.watch
        next_id = player.next_exercise_id
        after = self.content.exercises.get(next_id) if next_id else None
        return PlayerFrame(
            level_name=self.request.level.name,
            progress=player.progress,
            time_left=self.timeline.total - player.position,
            exercise=self.exercise(),
            guide_u=self.guide_u(),
            phase=player.phase,
            phase_left=player.time_left,
            breath=player.breath(),
            pacer=self.timeline.settings.pacer,
            words=self.phase_words(),
            caption=self.caption if self.caption_left > 0 else "",
            next_name=after.name if after else None,
            reduced_motion=self.reduced_motion,
            camera_on=watch is not None and watch.reading,
            stillness=watch.stillness if watch is not None and watch.showing else None,
        )

    def draw(self, surface: pygame.Surface) -> None:
        if self.ctx.scenes.top is not self:
            # Something is drawn over this scene; only a full frame is safe.
            self.view.forget()
        self.view.draw(surface, self.ctx.theme, self.frame())
