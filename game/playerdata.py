"""One player's data as the screens need it: history, settings, stats, today's plan.

This is glue between the save store and the progression rules, kept out of the
scenes so that every screen reads the same derived facts and a test can drive
it with an in-memory store and a fake clock. Progress is always derived from
the stored history, so nothing the screens show can drift from the save.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from game.clock import Clock, local_date
from game.content.model import Badge, Content, Level
from game.progress import (
    DailyPlan,
    PlayerLevel,
    Stats,
    StreakInfo,
    Unlocks,
    compute_unlocks,
    daily_plan,
    effective_level_id,
    new_badges,
    player_stats,
    xp_for,
)
from game.session.result import Pain, SessionResult
from game.settings import PlayerSettings

if TYPE_CHECKING:
    from game.store import SaveStore


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


class PlayerData:
    def __init__(self, store: SaveStore, content: Content, clock: Clock, profile_id: int) -> None:
        self.store = store
        self.content = content
        self.clock = clock
        self.profile_id = profile_id
        self._history: list[tuple[SessionResult, int]] | None = None

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

    def settings(self) -> PlayerSettings:
        return PlayerSettings.from_dict(self.store.settings(self.profile_id))

    def save_settings(self, settings: PlayerSettings) -> None:
        if not self.store.read_only:
            self.store.update_settings(self.profile_id, **settings.to_dict())

    # Derived facts -----------------------------------------------------
    def unlocks(self) -> Unlocks:
        return compute_unlocks(self.content, self.history())

    def stats(self) -> Stats:
        return player_stats(self.content, self.history(), self.today(), self.settings().weekly_goal)

    def daily(self) -> DailyPlan:
        settings = self.settings()
        return daily_plan(
            self.content,
            self.history(),
            self.today(),
            settings.equipment | {"mat"},
            profile_seed=f"profile-{self.profile_id}",
        )

    def level(self, level_id: str) -> Level | None:
        return self.content.levels.get(level_id)

    def prefer_easier(self, level: Level) -> bool:
        unlocks = self.unlocks()
        return level.id in unlocks.easier_levels or any(
            step.exercise in unlocks.easier_exercises for step in level.all_steps()
        )

    # Recording ---------------------------------------------------------
    def record(self, result: SessionResult) -> Outcome:
        """Score and save one played level; returns what changed."""
        settings = self.settings()
        before_hist = list(self.history())
        before = player_stats(self.content, before_hist, result.local_date, settings.weekly_goal)
        xp = xp_for(result, self.content)
        record_id: int | None = None
        if not self.store.read_only:
            record_id = self.store.record_session(self.profile_id, result, xp)
        self._history = None
        after_hist = [*before_hist, (result, xp)] if record_id is None else self.history()
        after = player_stats(self.content, after_hist, result.local_date, settings.weekly_goal)
        gained = tuple(new_badges(before.badges, after.badges))
        if record_id is not None:
            for badge in gained:
                self.store.award_badge(self.profile_id, badge.id, result.local_date)
        level_id = effective_level_id(result.level_id)  # a daily level counts for its level
        newly = level_id in after.mastered_levels and level_id not in before.mastered_levels
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
        )
