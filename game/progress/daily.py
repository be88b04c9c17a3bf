"""The daily level: one short session a day, built for this player.

It is a warm-up drawn from the always-open side tracks, the next level the
player has to master in their highest open stage (or a review of one already
mastered), and a cool-down, sized to 8 to 15 minutes and using only the
equipment the player owns (or a listed substitute). After sharp pain it is the
easier level the pain suggestion names, with the easier version of each move.

The choice is seeded by ``(profile_seed, date)`` and built from the sessions
of the days before today: the plan is the same all day, however often it is
asked for and whatever is played meanwhile, and changes the next day wherever
there is a choice to make. The one exception is safety: sharp pain reported
today turns the moves it touched into their easier versions at once. Free play
of any open level is always there besides.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from game.content.model import Block, Content, DoseKind, Level, Step, Superset, Track, Variant
from game.progress.duration import planned_seconds, step_dose
from game.progress.history import History, daily_level_id, records
from game.progress.unlocks import ProgressState, Unlocks, replay, unlocks_from_state

MIN_SECONDS = 8 * 60
MAX_SECONDS = 15 * 60
WARMUP_STEPS = 2
MAX_WARMUP_STEPS = 4
MAX_COOLDOWN_STEPS = 3
LIGHT_REST = 10.0
ALWAYS_OWNED = frozenset({"mat"})


@dataclass(frozen=True)
class DailyPlan:
    """Today's daily level and why it was chosen."""

    level: Level  # playable: steps of existing exercises, id "daily-<date>-<main level>"
    main_level_id: str
    warmup: tuple[str, ...]  # exercise ids
    cooldown: tuple[str, ...]
    review: bool  # True when the main part repeats a level already mastered
    easier: bool  # True when moves are played in their easier version after pain
    planned_seconds: float
    reason: str
    missing_equipment: tuple[str, ...] = ()  # owned, these would have added moves

    @property
    def level_id(self) -> str:
        return self.level.id

    @property
    def planned_minutes(self) -> float:
        return self.planned_seconds / 60.0


class _Builder:
    """Turns level steps into steps this player can play today."""

    def __init__(self, content: Content, unlocks: Unlocks, owned: frozenset[str]) -> None:
        self.content = content
        self.unlocks = unlocks
        self.owned = owned | ALWAYS_OWNED
        self.missing: set[str] = set()

    def _usable(self, exercise_id: str) -> bool:
        ex = self.content.exercises.get(exercise_id)
        return ex is not None and all(e in self.owned for e in ex.equipment)

    def playable(self, step: Step, level_id: str) -> Step | None:
        """The step, a substitute for missing equipment, or None; easier after pain."""
        ex = self.content.exercises.get(step.exercise)
        if ex is None:
            return None
        if not self._usable(ex.id):
            lacking = [e for e in ex.equipment if e not in self.owned]
            subs = [ex.substitutes.get(e) for e in lacking]
            sub = next((s for s in subs if s and self._usable(s)), None)
            if sub is None:
                self.missing.update(lacking)
                return None
            step = replace(step, exercise=sub, variant=Variant.STANDARD)
            ex = self.content.exercises[sub]
        wants_easier = self.unlocks.prefer_easier(ex.id) or self.unlocks.prefer_easier(level_id)
        if wants_easier and ex.easier is not None:
            step = replace(step, variant=Variant.EASIER)
        return step

    def playable_steps(self, steps: Iterable[Step], level_id: str) -> list[Step]:
        """The playable form of each step, leaving out those that cannot be played."""
        return [s for s in (self.playable(x, level_id) for x in steps) if s]

    def main_blocks(self, level: Level) -> tuple[Block, ...]:
        out: list[Block] = []
        for block in level.main:
            if isinstance(block, Superset):
                steps = self.playable_steps(block.steps, level.id)
                if steps:
                    out.append(replace(block, steps=tuple(steps)))
            else:
                step = self.playable(block, level.id)
                if step is not None:
                    out.append(step)
        return tuple(out)

    def side_pool(self, exclude: set[str]) -> list[Step]:
        """Gentle steps from the open side-track levels, one per exercise, sorted."""
        seen: dict[str, Step] = {}
        for stage in self.content.ordered_stages():
            if stage.track is not Track.SIDE or not self.unlocks.is_stage_open(stage.id):
                continue
            for level in self.content.stage_levels(stage.id):
                if not self.unlocks.is_level_open(level.id):
                    continue
                for raw in level.all_steps():
                    step = self.playable(raw, level.id)
                    if step is None or step.exercise in exclude or step.exercise in seen:
                        continue
                    if self.content.exercises[step.exercise].dynamic:
                        continue
                    light = replace(raw.override, sets=1)
                    seen[step.exercise] = replace(step, override=light, rest_after=LIGHT_REST)
        return [seen[k] for k in sorted(seen)]


def _candidates(content: Content, unlocks: Unlocks, rng: random.Random) -> list[tuple[str, bool]]:
    """Main-level choices, best first: ``(level id, is_review)``."""
    out: list[tuple[str, bool]] = []
    mains = [s.id for s in content.ordered_stages() if s.track is Track.MAIN]
    open_mains = [s for s in mains if unlocks.is_stage_open(s)]
    pain = unlocks.suggestion_after_pain
    if pain is not None and unlocks.is_level_open(pain.easier_level_id):
        out.append((pain.easier_level_id, pain.easier_level_id in unlocks.mastered_levels))
    for stage in reversed(open_mains):
        nxt = unlocks.next_to_master(stage)
        if nxt is not None:
            out.append((nxt, False))
    for stage in reversed(open_mains):
        done = sorted(
            lv.id for lv in content.stage_levels(stage) if lv.id in unlocks.mastered_levels
        )
        rng.shuffle(done)
        out.extend((lid, True) for lid in done)
    rest = sorted(lid for lid in unlocks.open_levels if content.levels[lid].stage not in mains)
    out.extend((lid, lid in unlocks.mastered_levels) for lid in rest)
    return list(dict.fromkeys(out))


def _with_sets(step: Step, content: Content, delta: int) -> Step | None:
    sets = step_dose(step, content).sets + delta
    if sets < 1:
        return None
    return replace(step, override=replace(step.override, sets=sets))


def _shorten_main(main: tuple[Block, ...], content: Content) -> tuple[Block, ...] | None:
    """One set fewer on the longest-running step or superset, or None if at the minimum."""
    for i, block in enumerate(main):
        if isinstance(block, Superset) and block.rounds > 1:
            return (*main[:i], replace(block, rounds=block.rounds - 1), *main[i + 1 :])
        if isinstance(block, Step):
            fewer = _with_sets(block, content, -1)
            if fewer is not None:
                return (*main[:i], fewer, *main[i + 1 :])
    return None


def daily_plan(
    content: Content,
    history: History,
    today: date,
    owned_equipment: frozenset[str],
    profile_seed: str,
    state: ProgressState | None = None,
) -> DailyPlan:
    """Today's daily level for this player (same all day, new tomorrow).

    ``state``, if given, is the progress state after the whole ``history`` (a
    replay the caller already keeps), which saves replaying it here.
    """
    unlocks = _unlocks_for_today(content, history, today, state)
    rng = random.Random(f"{profile_seed}|{today.isoformat()}")
    builder = _Builder(content, unlocks, frozenset(owned_equipment))
    level, main, review = _choose_main(content, unlocks, builder, rng)
    warm, cool, spare = _side_steps(content, builder, level, main, rng)
    draft = _Draft(content, today, level, tuple(warm), main, tuple(cool))
    draft = _grow_main(_add_spare(_trim(draft), spare))
    easier = _played_easier(unlocks, level, draft.main)
    return DailyPlan(
        level=draft.level,
        main_level_id=level.id,
        warmup=tuple(s.exercise for s in draft.warm),
        cooldown=tuple(s.exercise for s in draft.cool),
        review=review,
        easier=easier,
        planned_seconds=draft.seconds,
        reason=_reason(content, unlocks, level, review, easier),
        missing_equipment=tuple(sorted(builder.missing)),
    )


def _unlocks_for_today(
    content: Content, history: History, today: date, state: ProgressState | None
) -> Unlocks:
    """What is open as of the days before today, with today's easier versions.

    The plan ignores today's sessions, so it stays the same all day (a clock set
    back leaves later-dated sessions in); only a sharp-pain report today changes
    it, to the easier version of each move it touched.
    """
    recs = records(history)
    now = unlocks_from_state(content, state if state is not None else replay(content, recs))
    earlier = [r for r in recs if r.day != today]
    if len(earlier) == len(recs):
        return now
    before = unlocks_from_state(content, replay(content, earlier))
    return replace(before, easier_levels=now.easier_levels, easier_exercises=now.easier_exercises)


def _choose_main(
    content: Content, unlocks: Unlocks, builder: _Builder, rng: random.Random
) -> tuple[Level, tuple[Block, ...], bool]:
    """The first candidate level with a move this player can play: ``(level, main, review)``."""
    for lid, review in _candidates(content, unlocks, rng):
        level = content.levels[lid]
        blocks = builder.main_blocks(level)
        if blocks:
            return level, blocks, review
    raise LookupError("no open level can be played with the equipment at hand")


def _side_steps(
    content: Content,
    builder: _Builder,
    level: Level,
    main: tuple[Block, ...],
    rng: random.Random,
) -> tuple[list[Step], list[Step], list[Step]]:
    """Warm-up, cool-down and spare moves: ``(warm, cool, spare)``.

    They come shuffled from the open side tracks, leaving out the main part's
    moves: the cool-down is one calm move (a hold or a flow, not reps, when
    there is one), the warm-up the next two, the rest spare for a short day.
    With no side-track move at hand, the level's own warm-up and cool-down.
    """
    pool = builder.side_pool(set(_exercise_ids(main)))
    rng.shuffle(pool)
    if not pool:
        own = builder.playable_steps
        return own(level.warmup, level.id), own(level.cooldown, level.id), []
    calm = [s for s in pool if step_dose(s, content).kind is not DoseKind.REPS]
    cool = [calm[0]] if calm else pool[-1:]
    spare = [s for s in pool if s not in cool]
    return spare[:WARMUP_STEPS], cool, spare[WARMUP_STEPS:]


@dataclass(frozen=True)
class _Draft:
    """The daily level being sized: its three parts, and how long they play."""

    content: Content
    today: date
    base: Level  # the level the main part comes from
    warm: tuple[Step, ...]
    main: tuple[Block, ...]
    cool: tuple[Step, ...]

    @functools.cached_property
    def level(self) -> Level:
        base = self.base
        return Level(
            id=daily_level_id(self.today, base.id),
            stage=base.stage,
            name=f"Daily level: {base.name}",
            goal=base.goal,
            warmup=self.warm,
            main=self.main,
            cooldown=self.cool,
            intro=base.intro,
            safety=base.safety,
        )

    @functools.cached_property
    def seconds(self) -> float:
        return planned_seconds(self.level, self.content)


def _trim(draft: _Draft) -> _Draft:
    """Over the maximum: drop warm-up moves from the end down to one, then take
    one set (or round) at a time off the first main block that can lose one."""
    while draft.seconds > MAX_SECONDS:
        if len(draft.warm) > 1:
            draft = replace(draft, warm=draft.warm[:-1])
            continue
        shorter = _shorten_main(draft.main, draft.content)
        if shorter is None:
            break
        draft = replace(draft, main=shorter)
    return draft


def _add_spare(draft: _Draft, spare: list[Step]) -> _Draft:
    """Under the minimum: add spare moves in their shuffled order, to the end of
    the warm-up (up to its limit), then to the front of the cool-down (likewise)."""
    for extra in spare:
        if draft.seconds >= MIN_SECONDS:
            break
        if len(draft.warm) < MAX_WARMUP_STEPS:
            draft = replace(draft, warm=(*draft.warm, extra))
        elif len(draft.cool) < MAX_COOLDOWN_STEPS:
            draft = replace(draft, cool=(extra, *draft.cool))
        else:
            break
    return draft


def _grow_main(draft: _Draft, passes: int = 3) -> _Draft:
    """Still under the minimum: in up to ``passes`` passes over the main part, give
    each block in turn one more set (or round), keeping each one that stays
    within the maximum, until the minimum is reached."""
    for _ in range(passes):
        for i, block in enumerate(draft.main):
            if draft.seconds >= MIN_SECONDS:
                return draft
            trial = replace(
                draft, main=(*draft.main[:i], _grown(block, draft.content), *draft.main[i + 1 :])
            )
            if trial.seconds <= MAX_SECONDS:
                draft = trial
    return draft


def _grown(block: Block, content: Content) -> Block:
    """The block with one more round (a superset) or one more set (a step)."""
    if isinstance(block, Superset):
        return replace(block, rounds=block.rounds + 1)
    return _with_sets(block, content, 1) or block


def _exercise_ids(main: tuple[Block, ...]) -> list[str]:
    """The exercises of the main part in playing order, a superset's steps once."""
    return [s.exercise for b in main for s in (b.steps if isinstance(b, Superset) else (b,))]


def _played_easier(unlocks: Unlocks, level: Level, main: tuple[Block, ...]) -> bool:
    """Whether a move is easier today because of pain.

    Only moves made easier after pain count: a level that writes an easier
    variant on purpose (a still dead bug in stage 1) is simply that level.
    """
    return unlocks.prefer_easier(level.id) or any(
        unlocks.prefer_easier(eid) for eid in _exercise_ids(main)
    )


def _reason(content: Content, unlocks: Unlocks, level: Level, review: bool, easier: bool) -> str:
    stage = content.stages[level.stage].name
    pain = unlocks.suggestion_after_pain
    if pain is not None and pain.easier_level_id == level.id:
        return (
            f"After the sharp pain last time, today repeats '{level.name}' with easier moves. "
            "Stop at once if the pain returns."
        )
    if review:
        return f"A review of '{level.name}' from {stage}, to keep what you have built."
    text = f"Next to master in {stage}: '{level.name}'. Finish it with steady form to move on."
    return text + (" Some moves are in their easier version today." if easier else "")
