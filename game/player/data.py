"""One player's data as the screens need it: history, settings, stats, today's plan.

This is glue between the save store and the progression rules, kept out of the
scenes so that every screen reads the same derived facts and a test can drive
it with an in-memory store and a fake clock. Progress is always derived from
the stored history, so nothing the screens show can drift from the save.

The replay of that history is kept here and carried on one session at a time.
A checkpoint of it is saved in the player's progress record after every level
(and whenever it was out of date), so the next start replays only what came
after it; ``game.progress.replay`` says when a checkpoint is trusted.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from game.clock import Clock, local_date, utc_offset_minutes
from game.content.model import Badge, Content, Level
from game.player.settings import PlayerSettings
from game.progress import (
    DailyPlan,
    PlayerLevel,
    Stats,
    StreakInfo,
    Unlocks,
    daily_plan,
    effective_level_id,
    new_badges,
    player_stats,
    xp_for,
)
from game.progress.doses import Rung, dose_table, rung_for
from game.progress.history import REST_LEVEL_ID, Record, records
from game.progress.replay import Replay, resume
from game.progress.selftest import MAX_HOLD_S, SELF_TEST_ID, SELF_TEST_MOVES
from game.progress.streaks import clamp_goal
from game.progress.unlocks import mastery_days_needed, unlocks_from_state
from game.session.result import ExerciseResult, Pain, SessionResult
from game.session.settings import SessionSettings
from game.store.errors import StoreError

if TYPE_CHECKING:
    from game.store import SaveStore

#: The key of the replay checkpoint in the player's progress record.
CHECKPOINT_KEY = "replay"


@dataclass(frozen=True)
class Outcome:
    """What one finished (or quit) level changed, for the level-complete screen."""

    result: SessionResult
    xp: int
    level_before: PlayerLevel
    level_after: PlayerLevel
    xp_total_before: int
    xp_total_after: int
    streak_before: StreakInfo
    streak_after: StreakInfo
    new_badges: tuple[Badge, ...]
    newly_mastered: bool
    pain_advice: str | None
    record_id: int | None  # None when the save is read-only
    #: ``(exercise_id, dose before, dose next time)`` for each progressing move played
    dose_changes: tuple[tuple[str, Rung, Rung], ...] = ()
    #: Different good days gathered toward mastering the level, and how many it needs
    steady_days: tuple[int, int] = (0, 0)


class PlayerData:
    def __init__(self, store: SaveStore, content: Content, clock: Clock, profile_id: int) -> None:
        self.store = store
        self.content = content
        self.clock = clock
        self.profile_id = profile_id
        self._history: list[tuple[SessionResult, int]] | None = None
        self._records: list[Record] | None = None
        self._replay: Replay | None = None
        self._checkpoint_count: int | None = None  # sessions the saved checkpoint covers

    # ------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.store.get_profile(self.profile_id).name

    def today(self) -> date:
        return local_date(self.clock)

    def history(self) -> list[tuple[SessionResult, int]]:
        if self._history is None:
            self._history = [(s.result, s.xp) for s in self.store.sessions(self.profile_id)]
        return self._history

    def _forget_history(self) -> None:
        self._history = self._records = None

    def replay(self) -> Replay:
        """The replay of the whole history, brought up to date (and its checkpoint saved)."""
        replay = self._current_replay()
        if self._checkpoint_count != replay.count:
            self._save_checkpoint(replay)
        return replay

    def _current_replay(self) -> Replay:
        if self._records is None:
            self._records = records(self.history())
        recs = self._records
        goal = clamp_goal(self.settings().weekly_goal)
        replay = self._replay
        if replay is None or replay.weekly_goal != goal or replay.count > len(recs):
            saved = self.store.progress(self.profile_id).get(CHECKPOINT_KEY)
            replay = resume(self.content, goal, saved, recs, self._digest)
            self._checkpoint_count = replay.count if replay is not None else None
            self._replay = replay = replay or Replay(self.content, goal)
        replay.feed(recs)
        return replay

    def _digest(self, count: int) -> str:
        return self.store.sessions_digest(self.profile_id, count)

    def _save_checkpoint(self, replay: Replay) -> None:
        """Keep the replay in the save. It is derived data: a failure loses nothing."""
        if self.store.read_only:
            return
        data = replay.checkpoint(self._digest(replay.count))
        try:
            self.store.update_progress(self.profile_id, **{CHECKPOINT_KEY: data})
        except StoreError:
            return  # the next start replays in full; the sessions themselves are saved
        self._checkpoint_count = replay.count

    def settings(self) -> PlayerSettings:
        return PlayerSettings.from_dict(self.store.settings(self.profile_id))

    def save_settings(self, settings: PlayerSettings) -> None:
        if not self.store.read_only:
            self.store.update_settings(self.profile_id, **settings.to_dict())

    # Derived facts -----------------------------------------------------
    def unlocks(self) -> Unlocks:
        return unlocks_from_state(self.content, self.replay().state)

    def stats(self) -> Stats:
        replay = self.replay()
        goal = self.settings().weekly_goal
        recs = self._records if self._records is not None else self.history()
        return player_stats(self.content, recs, self.today(), goal, replay)

    def daily(self) -> DailyPlan:
        settings = self.settings()
        return daily_plan(
            self.content,
            self.history(),
            self.today(),
            settings.equipment | {"mat"},
            profile_seed=f"profile-{self.profile_id}",
            state=self.replay().state,
        )

    def level(self, level_id: str) -> Level | None:
        return self.content.levels.get(level_id)

    def session_settings(self, level: Level) -> SessionSettings:
        """How this player plays ``level`` today: their settings, the easier version after
        pain, and each move at the dose the progression rules give it."""
        state = self.replay().state
        base = self.settings().session_settings(prefer_easier=self.prefer_easier(level))
        return dataclasses.replace(base, doses=dose_table(self.content, state.doses))

    def doses(self) -> dict[str, Rung]:
        """Today's dose of every move that progresses."""
        state = self.replay().state
        out: dict[str, Rung] = {}
        for eid in self.content.exercises:
            rung = rung_for(self.content, state.doses, eid)
            if rung is not None:
                out[eid] = rung
        return out

    def prefer_easier(self, level: Level) -> bool:
        unlocks = self.unlocks()
        return level.id in unlocks.easier_levels or any(
            step.exercise in unlocks.easier_exercises for step in level.all_steps()
        )

    # Recording ---------------------------------------------------------
    def record_rest_day(self) -> bool:
        """Save today as a flare-up rest day; True when it keeps the streak (within
        the limit the content sets), False when it is only noted."""
        now = self.clock.now_utc()
        result = SessionResult(
            level_id=REST_LEVEL_ID,
            local_date=self.today(),
            started_at=now,
            ended_at=now,
            utc_offset_minutes=utc_offset_minutes(self.clock),
            pain=Pain.MILD,
            completed=False,
            variant="rest",
        )
        self.record(result)
        return result.local_date in self.replay().tally.rest_days

    def record_self_test(self, plank_s: float, dead_bug_s: float, pain: Pain) -> dict[str, Rung]:
        """Save a starting self-test; returns every progressing move's dose after it."""
        now = self.clock.now_utc()
        held = tuple(
            ExerciseResult(eid, seconds_held=round(max(0.0, min(s, MAX_HOLD_S)), 1))
            for eid, s in zip(SELF_TEST_MOVES, (plank_s, dead_bug_s), strict=True)
        )
        result = SessionResult(
            level_id=SELF_TEST_ID,
            local_date=self.today(),
            started_at=now,
            ended_at=now,
            utc_offset_minutes=utc_offset_minutes(self.clock),
            exercises=held,
            pain=pain,
            completed=False,
            variant="self-test",
        )
        self.record(result)
        return self.doses()

    def record(self, result: SessionResult) -> Outcome:
        """Score and save one played level; returns what changed."""
        settings = self.settings()
        goal = settings.weekly_goal
        before_hist = list(self.history())
        replay = self.replay()
        before = player_stats(self.content, before_hist, result.local_date, goal, replay)
        doses_before = self.doses()
        xp = xp_for(result, self.content)
        record_id: int | None = None
        if not self.store.read_only:
            record_id = self.store.record_session(self.profile_id, result, xp)
        self._forget_history()
        if record_id is None:  # read-only: the session exists only here, for this screen
            after_hist = [*before_hist, (result, xp)]
            after = player_stats(self.content, after_hist, result.local_date, goal, replay)
            self._replay = None  # the next replay starts again from the save
        else:
            replay = self._current_replay()
            after = player_stats(self.content, self.history(), result.local_date, goal, replay)
        gained = tuple(new_badges(before.badges, after.badges))
        if record_id is not None and not gained:
            self._save_checkpoint(replay)
        elif record_id is not None:
            # The badges and the checkpoint that covers this session, in one commit.
            try:
                with self.store.batch():
                    for badge in gained:
                        self.store.award_badge(self.profile_id, badge.id, result.local_date)
                    self._save_checkpoint(replay)
            except StoreError:
                self._checkpoint_count = None
                raise
        level_id = effective_level_id(result.level_id)  # a daily level counts for its level
        newly = level_id in after.mastered_levels and level_id not in before.mastered_levels
        doses_after = self.doses() if record_id is not None else doses_before
        played = dict.fromkeys(e.exercise_id for e in result.exercises)
        changes = tuple(
            (eid, doses_before[eid], doses_after[eid])
            for eid in played
            if eid in doses_before and eid in doses_after
        )
        state = self.replay().state if record_id is not None else None
        have = len(state.steady_days.get(level_id, ())) if state is not None else 0
        need = mastery_days_needed(self.content, level_id)
        advice = None
        if result.pain is Pain.SHARP:
            suggestion = after.unlocks.suggestion_after_pain
            advice = suggestion.text if suggestion is not None else None
        return Outcome(
            result=result,
            xp=xp,
            level_before=before.player_level,
            level_after=after.player_level,
            xp_total_before=before.xp_total,
            xp_total_after=after.xp_total,
            streak_before=before.streak,
            streak_after=after.streak,
            new_badges=gained,
            newly_mastered=newly,
            pain_advice=advice,
            record_id=record_id,
            dose_changes=changes,
            steady_days=(min(have, need), need),
        )
