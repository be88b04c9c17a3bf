"""Starting the game: load content and saves, open the window, run the first scene.

Kept apart from the command line so tests can start the real game in-process.
"""

from __future__ import annotations

import sys
from pathlib import Path

from game.content import ContentError, assets_dir, load_content


def play(
    *,
    saves_dir: Path,
    time_scale: float = 1.0,
    fullscreen: bool = False,
    max_frames: int | None = None,
) -> int:
    """Run the game until the player quits. Returns the exit code."""
    from game.app import App, AppOptions, DisplayUnavailable
    from game.ui.title import TitleScene

    notices: list[str] = []
    content = None
    problems: tuple[object, ...] = ()
    try:
        content = load_content()
    except ContentError as err:
        problems = err.problems
        notices.append(
            f"{len(problems)} problem(s) in the level files; "
            "run 'python -m game check' for details."
        )
    options = AppOptions(
        saves_dir=saves_dir,
        time_scale=time_scale,
        fullscreen=fullscreen,
        max_frames=max_frames,
        fonts_dir=assets_dir() / "fonts",
        extra_notices=notices,
    )
    try:
        app = App(options)
    except DisplayUnavailable as exc:
        print(
            f"Spine Quest needs a screen to open its window, and none was found ({exc}).\n"
            "Start it from a desktop session, or on a server use: xvfb-run python -m game",
            file=sys.stderr,
        )
        return 1
    app.ctx.content = content
    app.ctx.content_problems = tuple(problems)  # type: ignore[arg-type]
    return app.run(TitleScene(app.ctx))
