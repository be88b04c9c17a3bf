"""How a level is played from the menus: intro, play, check-in, record, results.

Every way into a level (today's level, the level map, a review) goes through
:func:`start_level`, so the equipment swap, the easier-after-pain rule and the
recording of results happen the same way everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.content.model import Level
from game.session.result import SessionResult
from game.ui.context import AppContext
from game.ui.scenes.level_intro import LevelIntroScene
from game.ui.scenes.player_scene import PlayerScene, PlayRequest

if TYPE_CHECKING:
    from game.player.data import PlayerData


def start_level(
    ctx: AppContext, data: PlayerData, level: Level, *, daily: bool = False, subtitle: str = ""
) -> None:
    """Push the level's intro; Start plays it; the end records it and shows results."""
    settings = data.settings()
    easier = data.prefer_easier(level)
    session_settings = data.session_settings(level)
    if easier and not subtitle:
        subtitle = "After the pain you reported, this plays the easier version of each move."

    def finished(result: SessionResult) -> None:
        from game.ui.scenes.level_complete import LevelCompleteScene

        outcome = data.record(result)
        ctx.scenes.push(LevelCompleteScene(ctx, outcome, reduced_motion=settings.reduced_motion))

    def begin(start: bool) -> None:
        if not start:
            return
        request = PlayRequest(level, daily=daily, prefer_easier=easier, session=session_settings)
        ctx.scenes.push(PlayerScene(ctx, request, settings=settings), on_result=finished)

    ctx.scenes.push(
        LevelIntroScene(
            ctx,
            level,
            session_settings,
            reduced_motion=settings.reduced_motion,
            subtitle=subtitle,
        ),
        on_result=begin,
    )
