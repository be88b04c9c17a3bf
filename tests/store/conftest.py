"""Every storage test runs twice: against an in-memory store and an on-disk one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_helpers import Backend

from game.store import SaveStore


@pytest.fixture(params=["memory", "disk"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    chosen = Backend(request.param, tmp_path / "saves")
    yield chosen
    chosen.close_all()


@pytest.fixture
def store(backend: Backend) -> SaveStore:
    return backend.open()
