"""Progression rules: XP, player level, mastery, unlocks, streaks, badges, the daily level.

Pure functions of the play history and the content; no pygame, no I/O, no clock.
The app reads the history from the store, passes it in with today's local date,
and shows what comes back.
"""

from game.progress.badges import BadgeStatus, ProgressSettings, evaluate_badges, new_badges
from game.progress.daily import DailyPlan, daily_plan
from game.progress.history import daily_level_id, effective_level_id, parse_daily_level_id
from game.progress.stats import HISTORY_COLUMNS, Stats, history_rows, player_stats, stats_to_json
from game.progress.streaks import StreakInfo, compute_streak, local_day_of, streak_from_history
from game.progress.unlocks import PainSuggestion, Unlocks, compute_unlocks
from game.progress.xp import LEVEL_THRESHOLDS, PlayerLevel, level_for_xp, threshold, xp_for

__all__ = [
    "HISTORY_COLUMNS",
    "LEVEL_THRESHOLDS",
    "BadgeStatus",
    "DailyPlan",
    "PainSuggestion",
    "PlayerLevel",
    "ProgressSettings",
    "Stats",
    "StreakInfo",
    "Unlocks",
    "compute_streak",
    "compute_unlocks",
    "daily_level_id",
    "daily_plan",
    "effective_level_id",
    "evaluate_badges",
    "history_rows",
    "level_for_xp",
    "local_day_of",
    "new_badges",
    "parse_daily_level_id",
    "player_stats",
    "stats_to_json",
    "streak_from_history",
    "threshold",
    "xp_for",
]
