"""Property tests of the dose and mastery rules, over random histories of shipped moves."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from progress_fixtures import play, rec

from game.content import load_content
from game.progress.doses import DoseTrack, apply_rating, dose_table, ladder, start_index
from game.progress.history import Record, records
from game.progress.replay import Replay, resume
from game.progress.unlocks import mastery_days_needed
from game.session.ratings import Effort, MoveRating
from game.session.result import Form, Pain

SHIPPED = load_content()
MOVES = sorted(e.id for e in SHIPPED.exercises.values() if ladder(e))
START = date(2026, 2, 2)
STAGE1 = [lv.id for lv in SHIPPED.stage_levels("stabilize")]

RATING = st.builds(
    lambda f, e, p: (f, e, p),
    st.sampled_from(list(Form)),
    st.sampled_from(list(Effort)),
    st.sampled_from([Pain.NONE, Pain.NONE, Pain.MILD, Pain.SHARP]),
)
DAYS = st.lists(st.tuples(st.integers(0, 200), RATING), max_size=80)


def _rate(move: str, answer: tuple[Form, Effort, Pain]) -> MoveRating:
    form, effort, pain = answer
    return MoveRating(move, form, effort, pain)


def _track(move: str) -> tuple[DoseTrack, int]:
    ex = SHIPPED.exercises[move]
    rungs = ladder(ex)
    return DoseTrack(start_index(ex, rungs)), len(rungs) - 1


def test_every_shipped_ladder_holds_its_written_dose_and_range() -> None:
    assert len(MOVES) >= 20
    for move in MOVES:
        ex = SHIPPED.exercises[move]
        rungs = ladder(ex)
        prog = ex.progression
        assert prog is not None
        rng = prog.hold_s or prog.reps
        assert rng is not None
        assert rungs[0].amount == rng.start and rungs[-1].amount == rng.max
        written = ex.dose.hold_seconds or ex.dose.reps
        assert rungs[start_index(ex, rungs)].amount == written


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(MOVES), DAYS)
def test_doses_stay_in_range(move: str, days: list[tuple[int, Any]]) -> None:
    track, top = _track(move)
    rungs = ladder(SHIPPED.exercises[move])
    for day, answer in sorted(days, key=lambda d: d[0]):
        apply_rating(track, _rate(move, answer), START + timedelta(days=day), top)
        assert 0 <= track.index <= top
        assert rungs[0].amount <= rungs[track.index].amount <= rungs[-1].amount


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(MOVES), st.sampled_from([Effort.EASY, Effort.RIGHT]), st.integers(0, 20))
def test_all_steady_easy_histories_climb_to_the_max_and_no_further(
    move: str, effort: Effort, extra: int
) -> None:
    track, top = _track(move)
    good = MoveRating(move, Form.STEADY, effort, Pain.NONE)
    steps = []
    for day in range(2 * (top + 1) + extra):
        steps.append(apply_rating(track, good, START + timedelta(days=day), top))
    assert track.index == top
    assert all(s in (0, 1) for s in steps)
    assert sum(steps) == top - _track(move)[0].index
    # The same day twice is one day: it never steps up on its own.
    again, _ = _track(move)
    for _ in range(5):
        apply_rating(again, good, START, top)
    assert again.index == _track(move)[0].index


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(MOVES), DAYS, st.sampled_from(list(Form)), st.sampled_from(list(Effort)))
def test_a_sharp_pain_rating_always_steps_down(
    move: str, days: list[tuple[int, Any]], form: Form, effort: Effort
) -> None:
    track, top = _track(move)
    for day, answer in sorted(days, key=lambda d: d[0]):
        apply_rating(track, _rate(move, answer), START + timedelta(days=day), top)
    before = track.index
    apply_rating(track, MoveRating(move, form, effort, Pain.SHARP), START + timedelta(300), top)
    assert track.index == max(0, before - 1)
    assert not track.good_days


STAGE1_PLAYS = st.lists(
    st.tuples(
        st.integers(0, 5),  # how far along stage 1
        st.integers(0, 6),  # day
        st.sampled_from([Form.STEADY, Form.STEADY, Form.WOBBLY, Form.LOST]),
        st.sampled_from([Pain.NONE, Pain.NONE, Pain.MILD, Pain.SHARP]),
    ),
    max_size=40,
)


def _stage1_history(plays: list[tuple[int, int, Form, Pain]]) -> list[Record]:
    out = []
    for step, (ahead, day, form, pain) in enumerate(sorted(plays, key=lambda p: p[1])):
        level_id = STAGE1[min(5, step // 3 + ahead)]
        result = play(level_id, START + timedelta(days=day), form=form, pain=pain, content=SHIPPED)
        out.append(rec(result, SHIPPED))
    return records(out)


@settings(max_examples=60, deadline=None)
@given(STAGE1_PLAYS)
def test_no_level_is_mastered_on_fewer_than_n_different_days(
    plays: list[tuple[int, int, Form, Pain]],
) -> None:
    recs = _stage1_history(plays)
    replay = Replay(SHIPPED)
    replay.feed(recs)
    for level_id in replay.state.mastered:
        days = {r.day for r in recs if r.level_id == level_id}
        assert len(days) >= mastery_days_needed(SHIPPED, level_id) == 3


def _digests(recs: list[Record]) -> Any:
    return lambda n: hashlib.sha256(repr([(r.result, r.xp) for r in recs[:n]]).encode()).hexdigest()


@settings(max_examples=40, deadline=None)
@given(STAGE1_PLAYS, st.integers(0, 40), st.data())
def test_replay_from_the_checkpoint_equals_a_full_replay(
    plays: list[tuple[int, int, Form, Pain]], cut: int, data: st.DataObject
) -> None:
    recs = []
    for r in _stage1_history(plays):  # give every session per-move ratings
        moves = dict.fromkeys(e.exercise_id for e in r.result.exercises)
        ratings = tuple(_rate(m, data.draw(RATING)) for m in moves)
        recs.append(Record(dataclasses.replace(r.result, ratings=ratings), r.xp))
    cut = min(cut, len(recs))
    full = Replay(SHIPPED)
    full.feed(recs)
    part = Replay(SHIPPED)
    part.feed(recs[:cut])
    saved = json.loads(json.dumps(part.checkpoint(_digests(recs)(cut)), allow_nan=False))
    resumed = resume(SHIPPED, part.weekly_goal, saved, recs, _digests(recs))
    assert resumed is not None and resumed.count == cut
    resumed.feed(recs)
    assert vars(resumed.state) == vars(full.state)
    assert dose_table(SHIPPED, resumed.state.doses) == dose_table(SHIPPED, full.state.doses)
