"""``stats`` and ``export``: the player's progress outside the game window.

``stats`` prints the numbers a player (or a script, with ``--json``) wants at a
glance; ``export`` writes the session history as a CSV to take to a
physiotherapist. Both open the save the same way the game does; while a game is running and
holds the folder they read its last committed save instead, read-only and
without the lock, and say that the figures are as of that save. Neither ever
creates a save that does not exist, and neither writes while a game is open.
Their arguments are declared in the command table of :mod:`game.cli.main`.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from game.cli.common import EXIT_OK, EXIT_PROBLEMS

if TYPE_CHECKING:
    from game.content.model import Content
    from game.player.data import PlayerData
    from game.progress import Stats
    from game.store import Profile, SaveStore

    #: What ``_with_player`` runs once the profile is open.
    _PlayerRun = Callable[[argparse.Namespace, PlayerData, Profile], int]


class CommandFailed(Exception):
    """A problem the player can fix, reported as one line and exit code 1."""


# ---------------------------------------------------------------------------
# Opening a profile
# ---------------------------------------------------------------------------


def choose_profile(
    profiles: Sequence[Profile], wanted: str | None, last_id: int | None
) -> tuple[Profile, str | None]:
    """The profile to read and, when it was picked for the player, a note saying which."""
    if not profiles:
        raise CommandFailed("There is no player profile yet: play the game once to create one.")
    if wanted is not None:
        for profile in profiles:
            if profile.name.casefold() == wanted.casefold():
                return profile, None
        names = ", ".join(p.name for p in profiles)
        raise CommandFailed(f"There is no profile called '{wanted}'. Profiles: {names}.")
    if len(profiles) == 1:
        return profiles[0], None
    chosen = next((p for p in profiles if p.id == last_id), profiles[-1])
    return chosen, f"Showing '{chosen.name}' (played last); choose another with --profile NAME."


def _open(saves: Path) -> SaveStore:
    """The save, locked as the game opens it; or, while a game holds it, its last commit.

    A running game keeps the folder locked for as long as it is open, and a
    physiotherapist's export should not have to wait for it. The game replaces
    the save in one rename per commit, so the file read is always one whole
    save; that copy is read-only, so nothing here writes to the folder.
    """
    from game.clock import MonotonicClock
    from game.store import BACKUP_NAME, SAVE_NAME, SaveLocked, StoreError, open_store, read_snapshot

    if not (saves / SAVE_NAME).exists() and not (saves / BACKUP_NAME).exists():
        raise CommandFailed(
            f"There is no save in {saves} yet: play the game once to create a profile."
        )
    try:
        store = open_store(saves, now=MonotonicClock().now_utc)
    except SaveLocked as locked:
        try:
            store, saved_at = read_snapshot(saves)
        except StoreError as exc:
            raise CommandFailed(str(exc)) from exc
        who = f" (process {locked.holder})" if locked.holder else ""
        print(
            f"Spine Quest is open{who}; these figures are as of its last save, {saved_at}.",
            file=sys.stderr,
        )
    except StoreError as exc:
        raise CommandFailed(str(exc)) from exc
    for notice in store.notices:  # a restored backup, an upgrade, a read-only save
        print(notice, file=sys.stderr)
    return store


def _content() -> Content:
    from game.content import ContentError, load_content

    try:
        return load_content()
    except ContentError as exc:
        raise CommandFailed(
            f"The level files have problems; run 'check' to see them. {exc}"
        ) from exc


def _with_player(args: argparse.Namespace, run: _PlayerRun) -> int:
    """Open the save, pick the profile, run, always release the lock."""
    from game.clock import MonotonicClock
    from game.player.data import PlayerData

    try:
        content = _content()
        store = _open(Path(args.saves))
        try:
            profile, note = choose_profile(
                store.profiles(), getattr(args, "profile", None), store.last_profile_id
            )
            if note:
                print(note, file=sys.stderr)
            data = PlayerData(store, content, MonotonicClock(), profile.id)
            return run(args, data, profile)
        finally:
            store.close()
    except CommandFailed as exc:
        print(exc, file=sys.stderr)
        return EXIT_PROBLEMS


# ---------------------------------------------------------------------------
# stats
# ---------------------------------------------------------------------------


def format_stats(stats: Stats, content: Content, name: str) -> str:
    """The human-readable block: one fact a line, labels aligned."""
    lvl = stats.player_level
    st = stats.streak
    earned = stats.earned
    stage_names = [content.stages[s].name for s in stats.open_stages if s in content.stages]
    mastered = [
        content.levels[lid].name if lid in content.levels else lid for lid in stats.mastered_levels
    ]
    nxt = f" to level {lvl.level + 1}"
    week = "met" if st.weekly_goal_met else f"{st.weekly_goal - st.week_days_done} to go"
    rows: list[tuple[str, str]] = [
        ("XP", f"{stats.xp_total:,}"),
        ("Player level", f"{lvl.level}  ({lvl.xp_into_level:,} / {lvl.xp_for_next:,} XP{nxt})"),
        ("Streak", f"{st.current} day{'s' if st.current != 1 else ''}  (best {st.best})"),
        (
            "Today",
            "done" if st.today_done else ("not yet - streak at risk" if st.at_risk else "not yet"),
        ),
        ("Streak freezes", f"{st.freezes_held} held"),
        ("Weekly goal", f"{st.week_days_done} of {st.weekly_goal} days this week ({week})"),
        ("Time under tension", f"{stats.hold_seconds / 60:.0f} min"),
        ("Badges", f"{len(earned)} of {len(stats.badges)}"),
    ]
    rows += [("", f"{b.badge.name} ({b.earned_on:%d %b %Y})") for b in earned if b.earned_on]
    rows.append(("Open stages", ", ".join(stage_names) or "none"))
    rows.append(("Mastered levels", f"{len(mastered)} of {len(content.levels)}"))
    rows += [("", n) for n in mastered]
    width = max(len(label) for label, _ in rows)
    lines = [f"Spine Quest - {name}, {stats.today:%A %d %B %Y}", ""]
    lines += [f"  {label:<{width}}  {value}".rstrip() for label, value in rows]
    return "\n".join(lines)


def run_stats(args: argparse.Namespace) -> int:
    def show(args: argparse.Namespace, data: PlayerData, profile: Profile) -> int:
        from game.progress import stats_to_json

        stats = data.stats()
        if args.json:
            payload = {"profile": profile.name, **stats_to_json(stats)}
            print(json.dumps(payload, indent=2, ensure_ascii=False))
        else:
            print(format_stats(stats, data.content, profile.name))
        return EXIT_OK

    return _with_player(args, show)


# ---------------------------------------------------------------------------
# export
# ---------------------------------------------------------------------------


def write_history_csv(path: Path, rows: Sequence[dict[str, object]]) -> None:
    """Write rows with the HISTORY_COLUMNS header; spreadsheet-friendly UTF-8."""
    from game.progress import HISTORY_COLUMNS

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(HISTORY_COLUMNS))
        writer.writeheader()
        writer.writerows(rows)


def run_export(args: argparse.Namespace) -> int:
    def export(args: argparse.Namespace, data: PlayerData, profile: Profile) -> int:
        from game.progress import history_rows

        rows = history_rows(data.history())
        out = Path(args.out)
        try:
            write_history_csv(out, rows)
        except OSError as exc:
            raise CommandFailed(f"Could not write {out}: {exc.strerror or exc}.") from exc
        sessions = len(data.history())
        print(f"Wrote {len(rows)} rows from {sessions} session(s) of '{profile.name}' to {out}.")
        return EXIT_OK

    return _with_player(args, export)
