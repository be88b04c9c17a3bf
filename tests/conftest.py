"""Shared test set-up: every test runs headless, with no sound device."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# Reminders write to the user's config folder: never the real one from a test.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="spine-quest-test-config-")
