"""The unlock gate: form-gated mastery, stage order, pain blocks progress."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from types import MappingProxyType

from hypothesis import example, given, settings
from hypothesis import strategies as st
from progress_fixtures import CONTENT, LEVELS, STAGES, play, rec

from game.content.model import Content
from game.progress.history import daily_level_id, records
from game.progress.unlocks import Gate, ProgressState, apply, compute_unlocks
from game.session.result import Form, Pain

DAY = date(2026, 4, 6)
STAGE1 = ("stabilize_01", "stabilize_02", "stabilize_03")


def _master(*ids: str, day: date = DAY) -> list[tuple]:  # type: ignore[type-arg]
    return [rec(play(i, day)) for i in ids]


def test_fresh_profile_sees_the_first_level_and_the_side_tracks() -> None:
    u = compute_unlocks(CONTENT, [])
    assert u.open_stages == ("stabilize", "desk_reset", "gentle_mat")
    assert u.open_levels == {"stabilize_01", "desk_reset_01", "gentle_mat_01"}
    assert u.why_locked("stabilize_01") == ""
    assert "Finish 'Stabilize 01' first" in u.why_locked("stabilize_02")
    assert "no level called" in u.why_locked("nope")


def test_next_level_opens_on_completion_even_with_wobbly_form() -> None:
    u = compute_unlocks(CONTENT, [rec(play("stabilize_01", DAY, form=Form.WOBBLY))])
    assert u.is_level_open("stabilize_02")
    assert "stabilize_01" in u.completed_levels
    assert "stabilize_01" not in u.mastered_levels


def test_stage_two_stays_shut_until_all_of_stage_one_is_mastered() -> None:
    history = _master("stabilize_01", "stabilize_02")
    history.append(rec(play("stabilize_03", DAY, form=Form.WOBBLY)))
    u = compute_unlocks(CONTENT, history)
    assert u.completed_levels >= set(STAGE1)
    assert not u.is_stage_open("movement")
    assert not u.is_level_open("movement_01")
    why = u.why_locked("movement_01")
    assert "Master every level of Stabilize" in why and "Stabilize 03" in why
    assert "2 of 3" in why
    # Lost form, mild pain, the easier version: still not mastered.
    for kw in (
        {"form": Form.LOST},
        {"pain": Pain.MILD},
        {"variant": "easier"},
        {"completed": False},
    ):
        u = compute_unlocks(CONTENT, [*history, rec(play("stabilize_03", DAY, **kw))])
        assert not u.is_stage_open("movement"), kw
    history.append(rec(play("stabilize_03", DAY + timedelta(days=1))))
    u = compute_unlocks(CONTENT, history)
    assert u.mastered_stages[:1] == ("stabilize",)
    assert u.is_stage_open("movement") and u.is_level_open("movement_01")
    assert not u.is_level_open("movement_02")
    assert not u.is_stage_open("integrate")


def test_sharp_pain_gives_no_progress_and_asks_for_easier_moves() -> None:
    history = _master("stabilize_01", "stabilize_02")
    history.append(rec(play("stabilize_03", DAY, pain=Pain.SHARP)))
    u = compute_unlocks(CONTENT, history)
    assert "stabilize_03" not in u.completed_levels
    assert "stabilize_03" not in u.mastered_levels
    assert not u.is_stage_open("movement")
    assert u.prefer_easier("stabilize_03")
    assert u.prefer_easier("prone_swimmers") and u.prefer_easier("side_plank")
    assert u.prefer_easier("pelvic_tilt")  # its warm-up too
    assert not u.prefer_easier("stabilize_01") and not u.prefer_easier("plank_arm_lift")
    tip = u.suggestion_after_pain
    assert tip is not None and tip.level_id == "stabilize_03"
    assert tip.easier_level_id == "stabilize_02" and "Stabilize 02" in tip.text
    # A later painless session of the level clears the flag; the moves it had go too.
    history.append(rec(play("stabilize_03", DAY + timedelta(days=1), variant="easier")))
    u = compute_unlocks(CONTENT, history)
    assert not u.prefer_easier("stabilize_03") and not u.prefer_easier("prone_swimmers")
    assert u.suggestion_after_pain is None
    assert "stabilize_03" in u.completed_levels and "stabilize_03" not in u.mastered_levels


def test_pain_on_the_first_level_suggests_it_again_with_easier_moves() -> None:
    u = compute_unlocks(CONTENT, [rec(play("stabilize_01", DAY, pain=Pain.SHARP))])
    tip = u.suggestion_after_pain
    assert tip is not None and tip.easier_level_id == "stabilize_01"
    assert not u.is_level_open("stabilize_02")


def test_sharp_pain_never_takes_away_earlier_mastery() -> None:
    history = _master(*STAGE1)
    history.append(rec(play("stabilize_01", DAY, pain=Pain.SHARP)))
    assert compute_unlocks(CONTENT, history).is_stage_open("movement")


def test_a_play_of_a_locked_level_earns_no_credit_then_or_later() -> None:
    history = [rec(play("movement_01", DAY)), *_master(*STAGE1, day=DAY + timedelta(days=1))]
    u = compute_unlocks(CONTENT, history)
    assert u.is_level_open("movement_01")
    assert "movement_01" not in u.completed_levels
    assert not u.is_level_open("movement_02")


def test_a_level_tried_while_locked_counts_once_it_has_opened() -> None:
    """The gate remembers answers between plays; an opened level must not stay shut."""
    history = [
        rec(play("stabilize_02", DAY)),  # locked: no credit
        rec(play("stabilize_01", DAY + timedelta(days=1))),  # opens stabilize_02
        rec(play("stabilize_02", DAY + timedelta(days=2))),  # open now: credited
    ]
    u = compute_unlocks(CONTENT, history)
    assert {"stabilize_01", "stabilize_02"} <= u.completed_levels
    assert "stabilize_02" in u.mastered_levels


def test_a_daily_level_counts_for_the_level_it_trains() -> None:
    result = play(daily_level_id(DAY, "stabilize_01"), DAY, daily=True)
    u = compute_unlocks(CONTENT, [rec(result)])
    assert "stabilize_01" in u.mastered_levels and u.is_level_open("stabilize_02")


def test_side_tracks_gentle_mat_second_level_waits_for_movement() -> None:
    history = [rec(play("gentle_mat_01", DAY))]
    u = compute_unlocks(CONTENT, history)
    assert not u.is_level_open("gentle_mat_02")
    assert "Movement" in u.why_locked("gentle_mat_02")
    history += _master(*STAGE1)
    assert compute_unlocks(CONTENT, history).is_level_open("gentle_mat_02")


def test_main_stages_chain_even_when_the_data_forgets_requires() -> None:
    stages = dict(STAGES)
    stages["movement"] = replace(stages["movement"], requires=())
    content = replace(CONTENT, stages=MappingProxyType(stages))
    assert not compute_unlocks(content, []).is_stage_open("movement")


def test_dynamic_moves_wait_for_stage_one_whatever_the_data_says() -> None:
    levels = dict(LEVELS)
    levels["gentle_mat_02"] = replace(levels["gentle_mat_02"], requires=())
    content = Content(CONTENT.stages, MappingProxyType(levels), CONTENT.exercises, CONTENT.badges)
    history = [rec(play("gentle_mat_01", DAY))]
    u = compute_unlocks(content, history)
    assert not u.is_level_open("gentle_mat_02")
    assert "big, fast moves" in u.why_locked("gentle_mat_02")
    u = compute_unlocks(content, history + _master(*STAGE1))
    assert u.is_level_open("gentle_mat_02")


def test_a_whole_path_walk_opens_every_stage_in_order() -> None:
    order = [*STAGE1, "movement_01", "movement_02", "integrate_01", "full_body_01"]
    history: list[tuple] = []  # type: ignore[type-arg]
    for i, lid in enumerate(order):
        assert compute_unlocks(CONTENT, history).is_level_open(lid), lid
        history.append(rec(play(lid, DAY + timedelta(days=i))))
    u = compute_unlocks(CONTENT, history)
    assert u.open_stages[:4] == ("stabilize", "movement", "integrate", "full_body")
    assert u.highest_open_main_stage == "full_body"
    assert u.next_to_master("full_body") is None


LEVEL_IDS = sorted(LEVELS)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(LEVEL_IDS),
            st.sampled_from(list(Form)),
            st.sampled_from(list(Pain)),
            st.booleans(),
        ),
        max_size=40,
    )
)
def test_no_history_gets_around_the_gate(plays: list[tuple[str, Form, Pain, bool]]) -> None:
    history = [
        rec(play(lid, DAY + timedelta(days=i), form=f, pain=p, completed=c))
        for i, (lid, f, p, c) in enumerate(plays)
    ]
    u = compute_unlocks(CONTENT, history)
    assert u.mastered_levels <= u.completed_levels
    mains = ["stabilize", "movement", "integrate", "full_body"]
    for i, stage in enumerate(mains[1:], start=1):
        if u.is_stage_open(stage):
            earlier = [lv.id for lv in CONTENT.stage_levels(mains[i - 1])]
            assert set(earlier) <= u.mastered_levels
    for lid in u.completed_levels:
        level = CONTENT.levels[lid]
        assert u.is_stage_open(level.stage)
        earlier = [lv.id for lv in CONTENT.stage_levels(level.stage) if lv.order < level.order]
        assert set(earlier) <= u.completed_levels
    flagged: set[str] = set()
    for lid, _, pain, completed in plays:
        if pain is Pain.SHARP:
            flagged.add(lid)
        elif completed:
            flagged.discard(lid)
    assert flagged == u.easier_levels
    assert all(u.prefer_easier(lid) for lid in flagged)


@settings(max_examples=80, deadline=None)
@example(
    [
        (LEVEL_IDS.index(lid), False, Form.STEADY, Pain.NONE, True)
        for lid in ("stabilize_02", "stabilize_01", "stabilize_02")
    ]
)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=1_000),
            st.booleans(),  # pick among the levels open right now
            st.sampled_from(list(Form)),
            st.sampled_from(list(Pain)),
            st.booleans(),
        ),
        max_size=60,
    )
)
def test_every_play_of_an_open_level_is_credited(
    plays: list[tuple[int, bool, Form, Pain, bool]],
) -> None:
    """The other half of the gate: nothing open is ever refused.

    The reference replay asks a fresh gate (no remembered answers) before each
    play; the game's replay keeps answers between plays. Both must agree, and
    every finished play of a level that was open, without sharp pain or "lost
    it", completes it.
    """
    ref = ProgressState()
    history = []
    for i, (pick, only_open, form, pain, completed) in enumerate(plays):
        fresh = Gate(CONTENT, ref)
        open_now = [lid for lid in LEVEL_IDS if not fresh.blockers(lid)]
        pool = open_now if only_open and open_now else LEVEL_IDS
        lid = pool[pick % len(pool)]
        item = rec(play(lid, DAY + timedelta(days=i), form=form, pain=pain, completed=completed))
        was_open = lid in open_now
        apply(ref, records([item])[0], CONTENT)  # a fresh gate for this step too
        history.append(item)
        if was_open and completed and pain is not Pain.SHARP and form is not Form.LOST:
            assert lid in ref.completed  # mastery takes several days: the replays compare it
    u = compute_unlocks(CONTENT, history)
    assert u.completed_levels == ref.completed
    assert u.mastered_levels == ref.mastered
    assert u.easier_levels == ref.easier_levels
