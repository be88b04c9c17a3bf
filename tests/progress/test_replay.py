"""A replay carried on from a checkpoint gives exactly what replaying everything gives."""

from __future__ import annotations

import ast
import hashlib
import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from progress_fixtures import CONTENT, play, rec

from game.content.model import Content
from game.progress.history import Record, records
from game.progress.replay import RULES_VERSION, Replay, content_digest, resume
from game.progress.stats import player_stats
from game.session.result import Form, Pain

ROOT = Path(__file__).resolve().parents[2]
START = date(2026, 1, 5)
ORDER = [lv.id for stage in CONTENT.ordered_stages() for lv in CONTENT.stage_levels(stage.id)]

Play = tuple[int, int, Form, Pain, bool, bool, bool]
PLAYS = st.lists(
    st.tuples(
        st.integers(0, 120),  # day
        st.integers(0, 2),  # how far along the path
        st.sampled_from(list(Form)),
        st.sampled_from([Pain.NONE, Pain.NONE, Pain.MILD, Pain.SHARP]),
        st.booleans(),  # daily
        st.booleans(),  # finished
        st.booleans(),  # easier version
    ),
    max_size=50,
)


def _history(plays: list[Play], in_date_order: bool) -> list[Record]:
    """Sessions along the fixture path; out of date order, a clock was set back."""
    out = []
    for step, (day, ahead, form, pain, daily, done, easier) in enumerate(
        sorted(plays) if in_date_order else plays
    ):
        level_id = ORDER[min(len(ORDER) - 1, step // 3 + ahead)]
        result = play(
            level_id,
            START + timedelta(days=day),
            form=form,
            pain=pain,
            daily=daily,
            completed=done,
            variant="easier" if easier else "standard",
        )
        out.append(rec(result))
    return records(out)


def _digests(recs: list[Record]) -> Any:
    """Stands in for the store: a digest of the first ``n`` sessions."""
    return lambda n: hashlib.sha256(repr([(r.result, r.xp) for r in recs[:n]]).encode()).hexdigest()


def _facts(replay: Replay) -> dict[str, Any]:
    """Everything a replay holds, for comparing two of them."""
    tally, state = replay.tally, replay.state
    return {
        "tally": {k: v for k, v in vars(tally).items() if k not in ("content", "state", "_gate")},
        "state": vars(state),
        "earned": replay.watch.earned,
        "sizes": replay.watch.sizes,
        "count": replay.count,
        "pain_at": replay.pain_at,
        "statuses": replay.statuses(),
    }


def _round_trip(replay: Replay, recs: list[Record], goal: int = 4) -> Replay:
    data = json.loads(json.dumps(replay.checkpoint(_digests(recs)(replay.count)), allow_nan=False))
    resumed = resume(CONTENT, goal, data, recs, _digests(recs))
    assert resumed is not None
    return resumed


@settings(max_examples=60, deadline=None)
@given(PLAYS, st.booleans(), st.integers(0, 50), st.integers(1, 7))
def test_a_resumed_replay_ends_exactly_where_a_full_replay_ends(
    plays: list[Play], in_date_order: bool, cut: int, goal: int
) -> None:
    recs = _history(plays, in_date_order)
    cut = min(cut, len(recs))
    full = Replay(CONTENT, goal)
    full.feed(recs)
    part = Replay(CONTENT, goal)
    part.feed(recs[:cut])
    resumed = _round_trip(part, recs, goal)
    assert resumed.count == cut
    resumed.feed(recs)
    assert _facts(resumed) == _facts(full)
    today = START + timedelta(days=130)
    assert player_stats(CONTENT, recs, today, goal, resumed) == player_stats(
        CONTENT, recs, today, goal
    )


def test_ten_years_of_daily_play_keep_their_days_as_one_run() -> None:
    recs = records(
        [rec(play(ORDER[0], START + timedelta(days=i), daily=True)) for i in range(3650)]
    )
    replay = Replay(CONTENT)
    replay.feed(recs)
    data = replay.checkpoint("x")
    assert data["tally"]["streak_days"] == [[START.toordinal(), START.toordinal() + 3649]]
    assert len(json.dumps(data)) < 40_000


def _played(n: int = 12) -> tuple[Replay, list[Record]]:
    pains = [Pain.SHARP if i == 5 else Pain.NONE for i in range(n)]
    recs = [rec(play(ORDER[i // 2], START + timedelta(days=i), pain=pains[i])) for i in range(n)]
    out = records(recs)
    replay = Replay(CONTENT)
    replay.feed(out)
    return replay, out


def test_a_checkpoint_is_refused_when_anything_it_was_made_from_differs() -> None:
    replay, recs = _played()
    digests = _digests(recs)
    good = replay.checkpoint(digests(len(recs)))
    assert resume(CONTENT, 4, good, recs, digests) is not None

    assert resume(CONTENT, 5, good, recs, digests) is None  # another weekly goal
    assert resume(CONTENT, 4, good, recs[:-1], digests) is None  # fewer sessions than it covers
    edited = [*recs[:3], Record(replace(recs[3].result, form=Form.WOBBLY), recs[3].xp), *recs[4:]]
    assert resume(CONTENT, 4, good, edited, _digests(edited)) is None  # a session changed
    assert resume(CONTENT, 4, {**good, "rules": RULES_VERSION + 1}, recs, digests) is None
    assert resume(_moved_content(), 4, good, recs, digests) is None  # the path changed


def test_a_checkpoint_survives_content_edits_the_rules_do_not_read() -> None:
    replay, recs = _played()
    good = replay.checkpoint(_digests(recs)(len(recs)))
    level = CONTENT.levels[ORDER[0]]
    reworded = replace(
        CONTENT,
        levels=MappingProxyType({**CONTENT.levels, level.id: replace(level, name="New name")}),
    )
    assert content_digest(reworded) == content_digest(CONTENT)
    assert resume(reworded, 4, good, recs, _digests(recs)) is not None


def _moved_content() -> Content:
    """The fixture library with the first two levels of the path swapped."""
    first, second = (CONTENT.levels[i] for i in ORDER[:2])
    levels = {
        **CONTENT.levels,
        first.id: replace(first, order=second.order),
        second.id: replace(second, order=first.order),
    }
    return replace(CONTENT, levels=MappingProxyType(levels))


def test_sessions_after_the_checkpoint_are_replayed_on_top() -> None:
    replay, recs = _played(12)
    earlier = Replay(CONTENT)
    earlier.feed(recs[:8])
    resumed = resume(CONTENT, 4, earlier.checkpoint(_digests(recs)(8)), recs, _digests(recs))
    assert resumed is not None and resumed.count == 8
    resumed.feed(recs)
    assert _facts(resumed) == _facts(replay)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(count=-1),
        lambda d: d.update(count="12"),
        lambda d: d["tally"].update(xp_total=1.5),
        lambda d: d["tally"].update(hold_seconds=float("nan")),
        lambda d: d["tally"].update(streak_days=[[5, 3]]),
        lambda d: d["tally"].update(streak_days=[[1, 9], [4, 12]]),
        lambda d: d["tally"].update(active_days=[[1, 10**6]]),  # more days than sessions
        lambda d: d["tally"].update(week_counts=[[7 * i, 1] for i in range(1, 99)]),
        lambda d: d["tally"]["walker"].update(last="2026-01-05"),
        lambda d: d["state"].update(completed=["no_such_level"]),
        lambda d: d["state"].update(pain_at=0),  # that session had no sharp pain
        lambda d: d["state"].update(pain_at=99),
        lambda d: d.update(earned={"no_such_badge": 739000}),
        lambda d: d.update(sizes=[1]),
        lambda d: d.pop("tally"),
        lambda d: d.clear(),
    ],
)
def test_a_damaged_checkpoint_is_ignored_not_trusted(damage: Any) -> None:
    replay, recs = _played()
    data = replay.checkpoint(_digests(recs)(len(recs)))
    damage(data)
    assert resume(CONTENT, 4, data, recs, _digests(recs)) is None


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(JSON, st.sampled_from(["tally", "state", "walker", "earned", "sizes", "count", None]))
def test_any_json_in_a_checkpoint_reads_or_is_refused_never_raises(
    junk: object, where: str | None
) -> None:
    replay, recs = _played()
    data = replay.checkpoint(_digests(recs)(len(recs)))
    if where == "walker":
        data["tally"]["walker"] = junk
    elif where is not None:
        data[where] = junk
    else:
        data = junk  # type: ignore[assignment]
    resume(CONTENT, 4, data, recs, _digests(recs))


# -- the rules version ------------------------------------------------------------------

#: The code the replayed facts come from. Comments, docstrings and layout do not count.
RULE_MODULES = (
    "game/progress/history.py",
    "game/progress/unlocks.py",
    "game/progress/metrics.py",
    "game/progress/badges.py",
    "game/progress/streaks.py",
    "game/progress/xp.py",
    "game/progress/replay.py",
    "game/progress/moves.py",
    "game/progress/doses.py",
    "game/progress/rest.py",
    "game/progress/selftest.py",
    "game/session/result.py",
    "game/session/ratings.py",
)

#: RULES_VERSION -> the digest of RULE_MODULES' code it was set for (the
#: number itself left out, so raising it keeps the digest).
PINNED = {2: "3d6f499f40a1612d"}


def _code_digest() -> str:
    digest = hashlib.sha256()
    for name in RULE_MODULES:
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if (
                isinstance(body, list)
                and body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                body[0] = ast.Pass()  # a docstring
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "RULES_VERSION" for t in node.targets
            ):
                node.value = ast.Constant(0)  # the number itself is what the pin checks
        digest.update(ast.dump(tree).encode())
    return digest.hexdigest()[:16]


def test_the_rules_code_is_pinned_to_the_rules_version() -> None:
    found = _code_digest()
    assert PINNED.get(RULES_VERSION) == found, (
        f"The code of the progression rules changed (digest {found}). Saved replay "
        "checkpoints are trusted only under the RULES_VERSION they were made with. If the "
        "change could alter any replayed fact (what counts, when a badge is earned, what "
        "opens), raise RULES_VERSION in game/progress/replay.py, and make sure "
        "content_digest covers every content field the rules read. Then pin the new "
        f"digest here: PINNED = {{..., {RULES_VERSION}: '{found}'}} (with the new version)."
    )
