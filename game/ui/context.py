"""What every scene can reach: the shared services, wired once by the app.

Scenes get this object instead of importing globals, so a test can build a
context with a fake clock, an in-memory store and no sound.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.audio.player import CuePlayer
    from game.clock import Clock
    from game.content.errors import Problem
    from game.content.model import Content
    from game.store import SaveStore
    from game.ui.camera.providers import CameraProvider
    from game.ui.scene import SceneStack
    from game.ui.theme import Theme

LOGICAL_SIZE = (1280, 720)


@dataclass
class AppContext:
    theme: Theme
    scenes: SceneStack
    clock: Clock
    content: Content | None
    content_problems: tuple[Problem, ...] = ()
    saves_dir: Path | None = None
    time_scale: float = 1.0
    store: SaveStore | None = None  # once opened
    audio: CuePlayer | None = None  # None when silent
    cameras: CameraProvider | None = None  # None: provider_for() picks (the system's cameras)
    notices: list[str] = field(default_factory=list)
    size: tuple[int, int] = LOGICAL_SIZE
    quit_requested: bool = False
    fullscreen_requested: bool = False

    def request_quit(self) -> None:
        self.quit_requested = True

    def toggle_fullscreen(self) -> None:
        self.fullscreen_requested = True
