"""Random damage to a real save: the game opens it, or says clearly why not, and nothing else.

A real save (two players, sessions, badges, settings and the replay
checkpoint, written by the game's own code) is damaged one way per case:
numbers at the limits of their types, text with control characters, a wrong
type at every path of the document, keys removed, and files and folders
swapped for each other. Each case then does what a start of the game does
with the save (open it, build each player's data, stats, today's plan and the
export rows) and what ``stats`` does while a game holds the folder. It must
end in a working store, perhaps read-only or restored from the backup, or in
a ``StoreError`` whose message is one plain paragraph. Any other exception
fails, and so does a byte written outside the save folder.

The cases are seeded, so a failure names a case that can be rerun: about
1,900 in all (913 damaged documents, each in the save alone and in both
files, ten swapped layouts and a cut every hundred bytes).
"""

from __future__ import annotations

import json
import os
import random
import shutil
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from game.clock import FakeClock
from game.content import load_content
from game.content.model import Content
from game.player.data import PlayerData
from game.player.settings import PlayerSettings
from game.progress import daily_level_id, history_rows
from game.session.result import ExerciseResult, Form, Pain, SessionResult, Side
from game.store import BACKUP_NAME, LOCK_NAME, SAVE_NAME, StoreError, open_store, read_snapshot

START = datetime(2026, 5, 4, 7, 30, tzinfo=timezone.utc)
Path_ = tuple[str | int, ...]

#: Numbers at the limits of what JSON, floats and the rules can hold.
EDGE_NUMBERS: list[object] = [
    0, -1, 1, 2**31, -(2**31), 2**53 + 1, 2**63, 2**64, -(2**63), 10**308, 10**4000,
    1e308, -1e308, 5e-324, 1.5, -0.0, 86_401, 10_001,
]  # fmt: skip
#: Text a hand edit or a broken tool could leave behind.
EDGE_TEXTS: list[object] = [
    "", " ", "\x00", "An\x00a", "\x1b[2J", "a\nb", "\ud800", "\u202e", "x" * 5000,
    "2026-13-45", "9999-12-31T23:59:59+00:00", "0001-01-01", "NaN", "-1",
]  # fmt: skip
#: Record ids a hand edit could leave: not digits, padded, signed, enormous.
EDGE_KEYS = ["0", "-1", "01", "1.0", " 1", "\x00", "", "١", "9" * 5000, "1" + "0" * 18]
WRONG_TYPES: list[object] = [None, True, 7, 2.5, "7", [], {}, [1, "a"], {"a": None}]


def _session(content: Content, clock: FakeClock, data: PlayerData) -> SessionResult:
    plan = data.daily()
    start = clock.now_utc()
    return SessionResult(
        level_id=daily_level_id(data.today(), plan.main_level_id),
        local_date=data.today(),
        started_at=start,
        ended_at=start + timedelta(minutes=11),
        utc_offset_minutes=120,
        exercises=tuple(
            ExerciseResult(s.exercise, Side.LEFT if n % 2 else Side.BOTH, 25.5, 6, 5)
            for n, s in enumerate(plan.level.all_steps())
        ),
        form=Form.STEADY,
        pain=Pain.MILD,
        daily=True,
        active_seconds=530.0,
    )


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


@pytest.fixture(scope="module")
def real_save(tmp_path_factory: pytest.TempPathFactory, content: Content) -> dict[str, bytes]:
    """The bytes of a save and its backup as the game leaves them after a week of play."""
    folder = tmp_path_factory.mktemp("real") / "saves"
    clock = FakeClock(start_utc=START)
    with open_store(folder, now=clock.now_utc) as store:
        for name in ("Ana", "Zoë"):
            pid = store.create_profile(name).id
            data = PlayerData(store, content, clock, pid)
            data.save_settings(
                PlayerSettings(volume=0.4, weekly_goal=4, equipment=frozenset({"mat"}))
            )
            for _day in range(4):
                data.record(_session(content, clock, data))
                clock.advance(24 * 3600)
        store.set_last_profile_id(1)
    files = {name: (folder / name).read_bytes() for name in (SAVE_NAME, BACKUP_NAME)}
    document = json.loads(files[SAVE_NAME])
    assert document["sessions"] and document["badges"] and document["progress"]
    return files


def _paths(value: object, here: Path_ = ()) -> Iterator[Path_]:
    """Every path in a JSON document, containers before their members."""
    yield here
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*here, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*here, index))


def _get(document: Any, path: Path_) -> Any:
    for step in path:
        document = document[step]
    return document


def _put(document: Any, path: Path_, value: object) -> Any:
    if not path:
        return value
    _get(document, path[:-1])[path[-1]] = value
    return document


def _encode(document: object) -> bytes:
    # Strict JSON, as a hand edit in a text editor would leave it; NaN stays out.
    return json.dumps(document, ensure_ascii=False, allow_nan=False).encode(
        "utf-8", "surrogatepass"
    )


def _tree(root: Path, skip: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``root`` except inside ``skip``, with file bytes."""
    seen: dict[str, bytes | None] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        if here == skip or skip in here.parents:
            dirnames.clear()
            continue
        for name in dirnames:
            seen[str(here / name)] = None
        for name in filenames:
            path = here / name
            seen[str(path)] = path.read_bytes() if not path.is_symlink() else b"->"
    return seen


def _clear_message(exc: StoreError) -> None:
    text = str(exc)
    assert text and "Traceback" not in text and len(text) < 3000, text[:300]
    assert "\x00" not in text


def _use(store: Any, content: Content, *, game: bool) -> None:
    """What the game (``game``) or the read commands do with an opened save."""
    clock = FakeClock(start_utc=START + timedelta(days=9))
    for profile in store.profiles():
        data = PlayerData(store, content, clock, profile.id)
        assert data.name == profile.name
        data.stats()
        history_rows(data.history())
        if game:  # the main menu: today's plan, the map's unlocks, the settings
            data.daily()
            data.unlocks()
            data.settings().session_settings()
    store.last_profile_id  # noqa: B018 - reading it is what the game does


def _run_case(
    tmp: Path, content: Content, files: dict[str, bytes], layout: Callable[[Path], None] | None
) -> None:
    """Lay the save out, open it as the game and as ``stats`` does; check the outcome."""
    if tmp.exists():
        shutil.rmtree(tmp)
    saves = tmp / "saves"
    saves.mkdir(parents=True)
    (tmp / "outside").mkdir()
    (tmp / "outside" / "keep.txt").write_bytes(b"not the game's")
    for name, data in files.items():
        (saves / name).write_bytes(data)
    if layout is not None:
        layout(saves)
    outside = _tree(tmp, saves)

    snapshot_ok = True
    try:
        snap, _ = read_snapshot(saves)
    except StoreError as exc:
        _clear_message(exc)
        snapshot_ok = False
    else:
        _use(snap, content, game=False)
        snap.close()
    try:
        store = open_store(saves, now=lambda: START)
    except StoreError as exc:
        _clear_message(exc)
    else:
        try:
            assert snapshot_ok or store.notices, "the game opened what stats called unreadable"
            _use(store, content, game=True)
        finally:
            store.close()
    assert _tree(tmp, saves) == outside, "something was written outside the save folder"


def _document_cases(files: dict[str, bytes], rng: random.Random) -> Iterator[tuple[str, bytes]]:
    """(description, damaged save bytes): every path gets a wrong type; the rest are sampled."""
    document = json.loads(files[SAVE_NAME])
    paths = list(_paths(document))
    first = next(iter(document["sessions"]))
    for path in paths:
        if path[:1] == ("sessions",) and len(path) > 4 and path[1] != first:
            continue  # every exercise entry has the same shape: one session's stand for all
        value = WRONG_TYPES[len(path) % len(WRONG_TYPES)] if path else rng.choice(WRONG_TYPES)
        yield f"type {path} = {value!r}", _encode(_put(json.loads(files[SAVE_NAME]), path, value))
    leaves = [p for p in paths if not isinstance(_get(document, p), (dict, list))]
    numbers = [p for p in leaves if isinstance(_get(document, p), (int, float))]
    texts = [p for p in leaves if isinstance(_get(document, p), str)]
    for value in EDGE_NUMBERS:
        for path in rng.sample(numbers, 12):
            yield (
                f"number {path} = {value!r:.40}",
                _encode(_put(json.loads(files[SAVE_NAME]), path, value)),
            )
    for value in EDGE_TEXTS:
        for path in rng.sample(texts, 12):
            yield (
                f"text {path} = {value!r:.40}",
                _encode(_put(json.loads(files[SAVE_NAME]), path, value)),
            )
    tables = [p for p in paths if len(p) == 2 and isinstance(_get(document, p), dict)]
    for key in EDGE_KEYS:
        for path in rng.sample(tables, 4):
            damaged = json.loads(files[SAVE_NAME])
            table = _get(damaged, path)
            if table:
                table[key] = table.pop(next(iter(table)))
            else:
                table[key] = {}
            yield f"key {path} {key!r:.40}", _encode(damaged)
    for path in rng.sample([p for p in paths if p], 60):
        damaged = json.loads(files[SAVE_NAME])
        parent = _get(damaged, path[:-1])
        del parent[path[-1]]
        yield f"removed {path}", _encode(damaged)


def _swap_save_for_folder(saves: Path) -> None:
    (saves / SAVE_NAME).unlink()
    (saves / SAVE_NAME).mkdir()
    (saves / SAVE_NAME / "x").write_text("x")


def _swap_backup_for_folder(saves: Path) -> None:
    (saves / BACKUP_NAME).unlink()
    (saves / BACKUP_NAME).mkdir()


def _both_folders(saves: Path) -> None:
    _swap_save_for_folder(saves)
    _swap_backup_for_folder(saves)


def _lock_is_folder(saves: Path) -> None:
    (saves / LOCK_NAME).mkdir()


def _quarantine_is_file(saves: Path) -> None:
    (saves / "quarantine").write_text("in the way")
    (saves / SAVE_NAME).write_bytes(b"{")


def _save_links_outside(saves: Path) -> None:
    target = saves.parent / "outside" / "keep.txt"
    (saves / SAVE_NAME).unlink()
    (saves / SAVE_NAME).symlink_to(target)


def _backup_links_outside(saves: Path) -> None:
    target = saves.parent / "outside" / "keep.txt"
    (saves / BACKUP_NAME).unlink()
    (saves / BACKUP_NAME).symlink_to(target)
    (saves / SAVE_NAME).write_bytes(b"{")


def _save_links_to_folder(saves: Path) -> None:
    (saves / SAVE_NAME).unlink()
    (saves / SAVE_NAME).symlink_to(saves.parent / "outside")


def _version_folder(saves: Path) -> None:
    (saves / f"{SAVE_NAME}.v0.bak").mkdir()


def _temp_leftover_is_folder(saves: Path) -> None:
    (saves / f".{SAVE_NAME}.999.tmp").mkdir()
    (saves / f".{BACKUP_NAME}.{os.getpid()}.tmp").mkdir()


LAYOUTS: dict[str, Callable[[Path], None]] = {
    "save-is-a-folder": _swap_save_for_folder,
    "backup-is-a-folder": _swap_backup_for_folder,
    "both-are-folders": _both_folders,
    "lock-is-a-folder": _lock_is_folder,
    "quarantine-is-a-file": _quarantine_is_file,
    "save-links-outside": _save_links_outside,
    "backup-links-outside": _backup_links_outside,
    "save-links-to-a-folder": _save_links_to_folder,
    "old-version-copy-is-a-folder": _version_folder,
    "temp-leftovers-are-folders": _temp_leftover_is_folder,
}


def test_damaged_documents_open_or_say_why(
    tmp_path: Path, content: Content, real_save: dict[str, bytes]
) -> None:
    """Each damaged save alone (the backup good) and in both files at once."""
    rng = random.Random(20)
    count = 0
    for description, damaged in _document_cases(real_save, rng):
        for both in (False, True):
            files = {SAVE_NAME: damaged, BACKUP_NAME: damaged if both else real_save[BACKUP_NAME]}
            try:
                _run_case(tmp_path / "case", content, files, None)
            except BaseException as exc:
                where = "save and backup" if both else "save"
                raise AssertionError(f"case {description} in the {where}: {exc!r}") from exc
            count += 1
    assert count > 1500


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_files_and_folders_swapped_open_or_say_why(
    tmp_path: Path, content: Content, real_save: dict[str, bytes], name: str
) -> None:
    _run_case(tmp_path / "case", content, dict(real_save), LAYOUTS[name])
    if name == "save-links-outside":
        assert (tmp_path / "case" / "outside" / "keep.txt").read_bytes() == b"not the game's"


def test_a_cut_save_at_every_hundredth_byte_opens_from_the_backup(
    tmp_path: Path, content: Content, real_save: dict[str, bytes]
) -> None:
    data = real_save[SAVE_NAME]
    cuts = range(0, len(data), 100)
    for cut in cuts:
        files = {SAVE_NAME: data[:cut], BACKUP_NAME: real_save[BACKUP_NAME]}
        _run_case(tmp_path / "case", content, files, None)
        with open_store(tmp_path / "case" / "saves", now=lambda: START) as store:
            assert [p.name for p in store.profiles()] == ["Ana", "Zoë"]


def test_the_real_save_itself_is_fine(
    tmp_path: Path, content: Content, real_save: dict[str, bytes]
) -> None:
    """The baseline the mutations start from opens quietly (else every case proves nothing)."""
    _run_case(tmp_path / "case", content, dict(real_save), None)
    with open_store(tmp_path / "case" / "saves", now=lambda: START) as store:
        assert store.notices == [] and not store.read_only
        assert [len(store.sessions(p.id)) for p in store.profiles()] == [4, 4]
    assert len(list(_paths(json.loads(real_save[SAVE_NAME])))) > 200
