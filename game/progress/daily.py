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

import random
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

    def main_blocks(self, level: Level) -> tuple[Block, ...]:
        out: list[Block] = []
        for block in level.main:
            if isinstance(block, Superset):
                steps = [s for s in (self.playable(x, level.id) for x in block.steps) if s]
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
    recs = records(history)
    now = unlocks_from_state(content, state if state is not None else replay(content, recs))
    earlier = [r for r in recs if r.day != today]
    before = (
        now if len(earlier) == len(recs) else unlocks_from_state(content, replay(content, earlier))
    )
    # The plan ignores today's sessions, so it stays the same all day (a clock set
    # back leaves later-dated sessions in);
    # only a sharp-pain report today changes it, to the easier version of each move.
    unlocks = replace(
        before,
        easier_levels=now.easier_levels,
        easier_exercises=now.easier_exercises,
        suggestion_after_pain=before.suggestion_after_pain,
    )
    rng = random.Random(f"{profile_seed}|{today.isoformat()}")
    builder = _Builder(content, unlocks, frozenset(owned_equipment))

    chosen: tuple[Level, tuple[Block, ...], bool] | None = None
    for lid, review in _candidates(content, unlocks, rng):
        level = content.levels[lid]
        blocks = builder.main_blocks(level)
        if blocks:
            chosen = (level, blocks, review)
            break
    if chosen is None:
        raise LookupError("no open level can be played with the equipment at hand")
    level, main, review = chosen

    main_ids = {s.exercise for b in main for s in (b.steps if isinstance(b, Superset) else (b,))}
    pool = builder.side_pool(main_ids)
    rng.shuffle(pool)
    calm = [s for s in pool if step_dose(s, content).kind is not DoseKind.REPS]
    cool = [calm[0]] if calm else pool[-1:]
    spare = [s for s in pool if s not in cool]
    warm, spare = spare[:WARMUP_STEPS], spare[WARMUP_STEPS:]
    if not pool:
        warm = [s for s in (builder.playable(x, level.id) for x in level.warmup) if s]
        cool = [s for s in (builder.playable(x, level.id) for x in level.cooldown) if s]

    def build(w: list[Step], m: tuple[Block, ...], c: list[Step]) -> Level:
        return Level(
            id=daily_level_id(today, level.id),
            stage=level.stage,
            name=f"Daily level: {level.name}",
            goal=level.goal,
            warmup=tuple(w),
            main=m,
            cooldown=tuple(c),
            intro=level.intro,
            safety=level.safety,
        )

    seconds = planned_seconds(build(warm, main, cool), content)
    while seconds > MAX_SECONDS:
        if len(warm) > 1:
            warm = warm[:-1]
        else:
            shorter = _shorten_main(main, content)
            if shorter is None:
                break
            main = shorter
        seconds = planned_seconds(build(warm, main, cool), content)
    while seconds < MIN_SECONDS and spare:
        extra = spare.pop(0)
        if len(warm) < MAX_WARMUP_STEPS:
            warm = [*warm, extra]
        elif len(cool) < MAX_COOLDOWN_STEPS:
            cool = [extra, *cool]
        else:
            break
        seconds = planned_seconds(build(warm, main, cool), content)
    for _ in range(3):  # still short: one more set or round where it still fits
        for i, block in enumerate(main):
            if seconds >= MIN_SECONDS:
                break
            grown = (
                replace(block, rounds=block.rounds + 1)
                if isinstance(block, Superset)
                else _with_sets(block, content, 1) or block
            )
            trial = (*main[:i], grown, *main[i + 1 :])
            trial_seconds = planned_seconds(build(warm, trial, cool), content)
            if trial_seconds <= MAX_SECONDS:
                main, seconds = trial, trial_seconds

    # Only moves made easier after pain count: a level that writes an easier
    # variant on purpose (a still dead bug in stage 1) is simply that level.
    easier = unlocks.prefer_easier(level.id) or any(
        unlocks.prefer_easier(s.exercise)
        for b in main
        for s in (b.steps if isinstance(b, Superset) else (b,))
    )
    return DailyPlan(
        level=build(warm, main, cool),
        main_level_id=level.id,
        warmup=tuple(s.exercise for s in warm),
        cooldown=tuple(s.exercise for s in cool),
        review=review,
        easier=easier,
        planned_seconds=seconds,
        reason=_reason(content, unlocks, level, review, easier),
        missing_equipment=tuple(sorted(builder.missing)),
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
