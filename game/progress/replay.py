"""Replaying a player's history, and carrying a replay on from a checkpoint.

Every progress fact is derived from the saved sessions by replaying them in the
order played (see ``game.progress.history``). Ten years of daily play is 3,650
sessions, and replaying all of them costs more than opening the save, so a
``Replay`` keeps what the replay has gathered after its first ``count``
sessions (the badge tally, the unlock state, the day each badge was earned) and
goes on from there with later sessions only.

``Replay.checkpoint`` writes that as plain JSON, which the game keeps in the
save's progress table, and ``resume`` reads it back. A checkpoint stands in
for the sessions it covers only when everything it was computed from is the
same: the rules (``RULES_VERSION``), what the rules read from the content
(``content_digest``), the weekly goal, and the sessions themselves (how many,
and a digest of their stored text, which the caller takes from the store).
Otherwise, or when it does not read, ``resume`` returns None and the history
is replayed in full. A checkpoint is never the only copy of anything:
deleting it costs one replay.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from game.content.model import Content
from game.progress.badges import BadgeStatus, BadgeWatch
from game.progress.doses import DoseTrack
from game.progress.history import Record
from game.progress.metrics import Tally
from game.progress.streaks import DEFAULT_WEEKLY_GOAL, StreakWalker, clamp_goal
from game.progress.unlocks import ProgressState

#: Raise this whenever a change to the rules could change any replayed fact
#: (what counts, when a badge is earned, what opens). Saved checkpoints made
#: under another version are then replayed again. ``tests/progress/test_replay.py``
#: pins the code of the rule modules to this number, so a change cannot slip by.
RULES_VERSION = 2


def content_digest(content: Content) -> str:
    """A digest of what the replay reads from the content, and nothing else.

    Stage order and requirements, each level's stage, place, requirements and
    moves, which moves are big and dynamic, and every badge's condition: a new
    cue or description leaves saved checkpoints good; a new level does not.
    A rule that starts reading another field must add it here (and raise
    ``RULES_VERSION``).
    """
    facts = {
        "stages": [
            [s.id, s.track.value, s.order, list(s.requires), s.mastery_days, s.flare_up_days]
            for s in content.stages.values()
        ],
        "levels": [
            [lv.id, lv.stage, lv.order, list(lv.requires), [st.exercise for st in lv.all_steps()]]
            for lv in content.levels.values()
        ],
        "dynamic": sorted(ex.id for ex in content.exercises.values() if ex.dynamic),
        "doses": sorted(
            [
                ex.id,
                repr(ex.dose),
                repr(ex.progression),
                repr(ex.substitutes),
                repr(ex.easier),
                repr(ex.harder),
            ]
            for ex in content.exercises.values()
        ),
        "badges": [
            [b.id, b.condition.metric, dict(b.condition.scope), b.condition.at_least]
            for b in content.badges.values()
        ],
    }
    text = json.dumps(facts, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Replay:
    """The running replay of one player's history."""

    def __init__(self, content: Content, weekly_goal: int = DEFAULT_WEEKLY_GOAL) -> None:
        self.content = content
        self.weekly_goal = clamp_goal(weekly_goal)
        self.tally = Tally(content, weekly_goal=self.weekly_goal)
        self.watch = BadgeWatch(content)
        self.count = 0  # sessions replayed so far
        self.pain_at: int | None = None  # index of the last session with sharp pain

    @property
    def state(self) -> ProgressState:
        return self.tally.state

    def feed(self, recs: Sequence[Record]) -> None:
        """Replay the sessions of ``recs`` after the first ``count`` (already replayed)."""
        if len(recs) < self.count:
            raise ValueError(f"this replay has seen {self.count} sessions, not {len(recs)}")
        tally, watch = self.tally, self.watch
        for index in range(self.count, len(recs)):
            rec = recs[index]
            tally.add(rec)
            watch.look(tally, rec.day)
            if rec.sharp_pain:
                self.pain_at = index
        self.count = len(recs)

    def statuses(self) -> list[BadgeStatus]:
        """Every badge, earned (with its date) or locked (with its progress), in file order."""
        return self.watch.statuses(self.tally)

    def checkpoint(self, sessions_digest: str) -> dict[str, Any]:
        """Plain JSON data for ``resume``; ``sessions_digest`` covers the first ``count``."""
        t, state = self.tally, self.tally.state
        walker = t.walker
        return {
            "rules": RULES_VERSION,
            "content": content_digest(self.content),
            "weekly_goal": self.weekly_goal,
            "count": self.count,
            "sessions": sessions_digest,
            "tally": {
                "levels_completed": t.levels_completed,
                "hold_seconds": t.hold_seconds,
                "breaths": t.breaths,
                "steady": t.steady,
                "balanced": t.balanced,
                "xp_total": t.xp_total,
                "weeks_met": t.weeks_met,
                "full_months": t.full_months,
                "daily_days": _runs(t.daily_completed_days),
                "streak_days": _runs(t.streak_days),
                "active_days": _runs(t.active_days),
                "rest_days": _runs(t.rest_days),
                "week_counts": sorted([d.toordinal(), n] for d, n in t.week_counts.items()),
                "month_days": sorted([y, m, n] for (y, m), n in t.month_days.items()),
                "walker": {
                    "current": walker.current,
                    "best": walker.best,
                    "freezes": walker.freezes,
                    "used": [d.toordinal() for d in walker.used],
                    "last": walker.last.toordinal() if walker.last else None,
                },
            },
            "state": {
                "completed": sorted(state.completed),
                "mastered": sorted(state.mastered),
                "easier_levels": sorted(state.easier_levels),
                "easier_exercises": sorted(state.easier_exercises),
                "pain_at": self.pain_at,
                "steady_days": {
                    lid: sorted(d.toordinal() for d in days)
                    for lid, days in sorted(state.steady_days.items())
                },
                "doses": {
                    eid: [track.index, sorted(d.toordinal() for d in track.good_days)]
                    for eid, track in sorted(state.doses.items())
                },
            },
            "earned": {bid: day.toordinal() for bid, day in self.watch.earned.items()},
            "sizes": list(self.watch.sizes) if self.watch.sizes is not None else None,
        }


def resume(
    content: Content,
    weekly_goal: int,
    data: object,
    recs: Sequence[Record],
    sessions_digest: Callable[[int], str],
) -> Replay | None:
    """The replay a checkpoint holds, if it was made from exactly this; else None.

    ``recs`` is the whole history; ``sessions_digest(n)`` gives the digest of
    its first ``n`` sessions as stored. The checkpoint's sessions must be a
    prefix of ``recs``: later sessions (say, saved by a game that stopped
    before writing its checkpoint) are for the caller to ``feed``.
    """
    try:
        return _resume(content, clamp_goal(weekly_goal), data, recs, sessions_digest)
    except (_Unusable, KeyError, TypeError, ValueError, OverflowError):
        return None


#: More level or exercise ids than any content holds: a damaged checkpoint.
_MAX_NAMES = 100_000


class _Unusable(Exception):
    """The checkpoint does not match, or does not read."""


def _resume(
    content: Content,
    goal: int,
    data: object,
    recs: Sequence[Record],
    sessions_digest: Callable[[int], str],
) -> Replay:
    d = _mapping(data)
    if d["rules"] != RULES_VERSION or d["content"] != content_digest(content):
        raise _Unusable
    count = _count(d["count"])
    if d["weekly_goal"] != goal or count > len(recs) or d["sessions"] != sessions_digest(count):
        raise _Unusable
    replay = Replay(content, goal)
    t, s, w = _mapping(d["tally"]), _mapping(d["state"]), _mapping(d["tally"]["walker"])
    tally = replay.tally
    tally.levels_completed = _count(t["levels_completed"])
    tally.hold_seconds = _seconds(t["hold_seconds"])
    tally.breaths = _count(t["breaths"])
    tally.steady = _count(t["steady"])
    tally.balanced = _count(t["balanced"])
    tally.xp_total = _count(t["xp_total"])
    tally.weeks_met = _count(t["weeks_met"])
    tally.full_months = _count(t["full_months"])
    # Each day, week and month stands for at least one session: a checkpoint
    # that claims more than it covers is refused before anything is built.
    tally.daily_completed_days = _days(t["daily_days"], count)
    tally.streak_days = _days(t["streak_days"], count)
    tally.active_days = _days(t["active_days"], count)
    tally.rest_days = _days(t["rest_days"], count)
    tally.week_counts = {
        date.fromordinal(_count(day)): _count(n) for day, n in _pairs(t["week_counts"], 2, count)
    }
    tally.month_days = {
        (_count(y), _count(m)): _count(n) for y, m, n in _pairs(t["month_days"], 3, count)
    }
    last = w["last"]
    tally.walker = StreakWalker(
        current=_count(w["current"]),
        best=_count(w["best"]),
        freezes=_count(w["freezes"]),
        used=[date.fromordinal(_count(day)) for day in _list(w["used"], 2 * count)],
        last=None if last is None else date.fromordinal(_count(last)),
    )
    state = tally.state
    state.completed = _ids(s["completed"], content.levels)
    state.mastered = _ids(s["mastered"], content.levels)
    state.easier_levels = _names(s["easier_levels"])
    state.easier_exercises = _names(s["easier_exercises"])
    pain_at = s["pain_at"]
    if pain_at is not None:
        pain_at = _count(pain_at)
        if pain_at >= count or not recs[pain_at].sharp_pain:
            raise _Unusable
        state.last_pain = recs[pain_at]
    replay.pain_at = pain_at
    state.steady_days = {
        lid: set(_day_list(days, count))
        for lid, days in _mapping(s["steady_days"]).items()
        if _known(lid, content.levels)
    }
    doses = _mapping(s["doses"])
    state.doses = {}
    for eid, entry in doses.items():
        index, good = _pairs([entry], 2, 1)[0]
        if not _known(eid, content.exercises):
            raise _Unusable
        state.doses[eid] = DoseTrack(_count(index), set(_day_list(good, count)))
    earned = _mapping(d["earned"])
    if not set(earned) <= set(content.badges):
        raise _Unusable
    replay.watch.earned = {str(bid): date.fromordinal(_count(day)) for bid, day in earned.items()}
    sizes = d["sizes"]
    if sizes is not None:
        a, b = _pairs([sizes], 2, 1)[0]
        replay.watch.sizes = (_count(a), _count(b))
    replay.count = count
    return replay


def _known(name: object, known: Mapping[str, object]) -> bool:
    if type(name) is not str or name not in known:
        raise _Unusable
    return True


def _day_list(value: object, limit: int) -> list[date]:
    return [date.fromordinal(_count(day)) for day in _list(value, limit)]


def _runs(days: Iterable[date]) -> list[list[int]]:
    """Dates as runs of consecutive days, ``[first, last]`` ordinals: ten years of daily
    play is one run."""
    runs: list[list[int]] = []
    for day in sorted(d.toordinal() for d in days):
        if runs and day == runs[-1][1] + 1:
            runs[-1][1] = day
        else:
            runs.append([day, day])
    return runs


def _days(value: object, limit: int) -> set[date]:
    """The dates of ``_runs``; more than ``limit`` of them is refused."""
    runs = [(_count(first), _count(last)) for first, last in _pairs(value, 2, limit)]
    previous, total = 0, 0
    for first, last in runs:
        if not previous < first <= last:
            raise _Unusable
        total += last - first + 1
        previous = last
    if total > limit:
        raise _Unusable
    return {date.fromordinal(n) for first, last in runs for n in range(first, last + 1)}


def _mapping(value: object) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise _Unusable
    return value


def _list(value: object, limit: int) -> list[Any]:
    if not isinstance(value, list) or len(value) > limit:
        raise _Unusable
    return value


def _pairs(value: object, size: int, limit: int) -> list[list[Any]]:
    items = _list(value, limit)
    if not all(isinstance(item, list) and len(item) == size for item in items):
        raise _Unusable
    return items


def _count(value: object) -> int:
    if type(value) is not int or value < 0:
        raise _Unusable
    return value


def _seconds(value: object) -> float:
    if type(value) not in (int, float) or not 0 <= value < float("inf"):  # type: ignore[operator]
        raise _Unusable
    return float(value)  # type: ignore[arg-type]


def _names(value: object) -> set[str]:
    items = _list(value, _MAX_NAMES)
    if not all(type(item) is str for item in items):
        raise _Unusable
    return set(items)


def _ids(value: object, known: Mapping[str, object]) -> set[str]:
    names = _names(value)
    if not names <= known.keys():
        raise _Unusable
    return names
