"""The performance benchmark: the game measured beside a bare pygame loop.

    python bench/run.py            # the issue's figures (about 2 to 3 minutes)
    python bench/run.py --quick    # 5 s CPU windows and fewer repeats (under 40 s)

Prints one table and writes it to docs/performance.md with the date and the
machine. Every game figure has a bare pygame figure measured in the same run
next to it, because on a shared laptop the absolute numbers move from one
minute to the next while the ratio holds much better.

1. Frame cost of the player scene at 1280x720, headless: two logic steps, a
   draw and a flip per frame, against a fill-and-flip loop; the two are
   measured in alternating blocks so both see the same machine load.
2. CPU use while a level plays and on the idle main menu, against a bare 60
   FPS loop (child processes from ``bench/drivers.py``).
   The stillness meter's cost: frame time and CPU with the practice camera on,
   beside the same runs with it off (``bench/camera_bench.py``).
3. Start-up to the first presented frame, against a bare window.
4. Loading and validating the shipped levels and 100, 300, 1,000 generated ones.
5. The save store figures from ``bench/store_bench.py``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402

from bench import camera_bench, content_bench, store_bench  # noqa: E402
from bench.notes import METHOD, MISSED_WHY  # noqa: E402

DRIVERS = ROOT / "bench" / "drivers.py"
DOC = ROOT / "docs" / "performance.md"
STORE_HEADING = "## Save store"
STEP = 1.0 / 120.0
BLOCK = 100  # frames per block; scene and bare blocks alternate


@dataclass
class Row:
    """One line of the table; ``met`` is None when there is no target."""

    metric: str
    measured: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    met: bool | None = None
    key: str = ""  # names the row for MISSED_WHY
    share: float | None = None  # the measured value as a share of its target


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


# ---------------------------------------------------------------------------
# 1. Frame cost
# ---------------------------------------------------------------------------


def frame_cost(frames: int, stage: str = "stabilize") -> tuple[list[float], list[float]]:
    """Per-frame ms of the player scene (first level of ``stage``) and of a bare
    fill-and-flip loop."""
    from game.clock import FakeClock
    from game.content import assets_dir, load_content
    from game.ui.context import AppContext
    from game.ui.scene import SceneStack
    from game.ui.scenes.player_scene import PlayerScene, PlayRequest
    from game.ui.theme import Theme

    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode((1280, 720), pygame.SCALED | pygame.RESIZABLE)
    content = load_content()
    ctx = AppContext(Theme(assets_dir() / "fonts"), SceneStack(), FakeClock(), content)
    level = content.stage_levels(stage)[0]
    scene = PlayerScene(ctx, PlayRequest(level))
    ctx.scenes.push(scene)  # on top, as in the game: it draws only what changed
    ctx.scenes.apply_pending()
    for _ in range(int(10 / STEP)):  # past the first seconds, into the exercise
        scene.update(STEP)
    for _ in range(60):  # warm the text and drawing caches
        scene.update(STEP)
        scene.update(STEP)
        scene.draw(screen)
        pygame.display.flip()
    clock = time.perf_counter
    game_ms: list[float] = []
    bare_ms: list[float] = []
    while len(game_ms) < frames:
        for _ in range(BLOCK):
            start = clock()
            scene.update(STEP)
            scene.update(STEP)
            scene.draw(screen)
            pygame.display.flip()
            game_ms.append((clock() - start) * 1000.0)
        pygame.event.pump()
        for _ in range(BLOCK):
            start = clock()
            screen.fill((30, 40, 60))
            pygame.display.flip()
            bare_ms.append((clock() - start) * 1000.0)
    pygame.display.quit()
    return game_ms, bare_ms


# ---------------------------------------------------------------------------
# 2 and 3. Child processes
# ---------------------------------------------------------------------------


#: Environment of the child processes. This checkout's shell may set
#: PYTHONDONTWRITEBYTECODE, which would make every child compile the game's
#: modules again; an installed game has its bytecode, so the children get a
#: bytecode cache outside the source tree (filled by the unmeasured runs).
CHILD_ENV = dict(os.environ)
CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cpu_run(mode: str, seconds: float, saves: Path) -> dict[str, float]:
    """Run one loop child; CPU % of one core in the loop and over the whole process."""
    before = _child_cpu()
    start = time.monotonic()
    out = subprocess.run(
        [sys.executable, str(DRIVERS), mode, str(seconds), str(saves)],
        capture_output=True,
        text=True,
        check=True,
        env=CHILD_ENV,
    )
    wall = time.monotonic() - start
    whole = _child_cpu() - before
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    figures["loop_pct"] = 100.0 * figures["cpu"] / figures["wall"]
    figures["process_pct"] = 100.0 * whole / wall
    return figures


def startup_run(mode: str, saves: Path) -> float:
    """ms from spawning the child to its first presented frame."""
    args = [sys.executable, str(DRIVERS), mode] + ([str(saves)] if mode == "game-start" else [])
    spawned = time.monotonic()
    out = subprocess.run(args, capture_output=True, text=True, check=True, env=CHILD_ENV)
    shown = float(out.stdout.strip().splitlines()[-1])
    return (shown - spawned) * 1000.0


def prepare_saves(folder: Path) -> Path:
    """A save with one player, as after the first-run screens."""
    from game.store import open_store

    folder.mkdir(parents=True, exist_ok=True)
    with open_store(folder, now=lambda: datetime.now(timezone.utc)) as store:
        store.create_profile("Robin")
    return folder


# ---------------------------------------------------------------------------
# The table and the document
# ---------------------------------------------------------------------------


#: A met target above this share of its limit is listed as close to the line.
NEAR_SHARE = 0.8


def camera_section(quick: bool, seconds: float, saves: Path) -> tuple[list[Row], list[str]]:
    """Rows for the stillness meter: CPU above the same run without it, frame p99."""
    frame = camera_bench.frame_cost(600 if quick else 1800)
    used = camera_bench.cpu(cpu_run, seconds, saves, pairs=1 if quick else 2)
    fig = camera_bench.summarise(frame, used)
    rows = [
        Row(
            f"CPU while a level plays, camera meter on, {seconds:.0f} s",
            f"{fig['cpu_on']:.1f} %",
            f"{fig['cpu_off']:.1f} % camera off",
            f"+{fig['cpu_delta']:.1f} points",
            "<= +2 % of a core",
            _met(fig["cpu_delta"], 2.0),
            "cpu_camera",
            share=max(0.0, fig["cpu_delta"]) / 2.0,
        ),
        Row(
            "Player scene frame with the camera meter on, 99th percentile",
            f"{fig['p99_on']:.2f} ms",
            f"{fig['p99_off']:.2f} ms camera off",
            f"{fig['p99_on'] / fig['p99_off']:.2f}x",
            "<= 3 ms",
            _met(fig["p99_on"], 3.0),
            "frame_p99_camera",
            share=fig["p99_on"] / 3.0,
        ),
    ]
    notes = [
        f"Camera meter, frame cost: {len(frame['on'])} frames on and {len(frame['off'])} off, "
        f"back to back in a hold, {frame['readings']} camera readings taken (one due every "
        "sixth frame); median "
        f"{fig['med_on']:.2f} ms on, {fig['med_off']:.2f} ms off. CPU runs (% of a core), "
        "on: "
        + ", ".join(f"{v:.1f}" for v in used["on_runs"])
        + "; off: "
        + ", ".join(f"{v:.1f}" for v in used["off_runs"])
        + "."
    ]
    return rows, notes


def _met(value: float, limit: float) -> bool:
    return value <= limit


def measure(quick: bool, log: bool = True) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    notes: list[str] = []

    def say(text: str) -> None:
        if log:
            print(text, file=sys.stderr, flush=True)

    # 1. Frame cost -----------------------------------------------------
    say("frame cost of the player scene ...")
    game_ms, bare_ms = frame_cost(1200 if quick else 2400)
    g_med, g_p99 = statistics.median(game_ms), _pct(game_ms, 0.99)
    b_med, b_p99 = statistics.median(bare_ms), _pct(bare_ms, 0.99)
    rows.append(
        Row(
            "Player scene frame, median",
            f"{g_med:.2f} ms",
            f"{b_med:.2f} ms",
            f"{g_med / b_med:.1f}x",
            "<= 1 ms",
            _met(g_med, 1.0),
            "frame_median",
            share=g_med / 1.0,
        )
    )
    rows.append(
        Row(
            "Player scene frame, 99th percentile",
            f"{g_p99:.2f} ms",
            f"{b_p99:.2f} ms",
            f"{g_p99 / b_p99:.1f}x",
            "<= 3 ms",
            _met(g_p99, 3.0),
            "frame_p99",
            share=g_p99 / 3.0,
        )
    )
    notes.append(
        f"Frame cost: {len(game_ms)} player-scene frames and {len(bare_ms)} bare frames in "
        f"alternating blocks of {BLOCK}; player scene max {max(game_ms):.2f} ms, "
        f"bare max {max(bare_ms):.2f} ms."
    )
    say("frame cost while the guide moves (first movement level) ...")
    move_ms, move_bare = frame_cost(1200, stage="movement")
    m_med, m_p99 = statistics.median(move_ms), _pct(move_ms, 0.99)
    notes.append(
        f"Frame cost while the guide moves every frame (first level of the movement "
        f"stage, lifts and slow lowers; 1200 frames): median {m_med:.2f} ms, 99th "
        f"percentile {m_p99:.2f} ms, against a bare median of "
        f"{statistics.median(move_bare):.2f} ms. The game draws at most 30 times a "
        "second while playing, so these frames cost about half this per second of play."
    )

    with tempfile.TemporaryDirectory(prefix="perf-saves-") as scratch:
        saves = prepare_saves(Path(scratch) / "saves")
        CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(Path(scratch) / "pycache")

        # 2. CPU ----------------------------------------------------------
        seconds = 5.0 if quick else 30.0
        say(f"CPU use, three runs of {seconds:.0f} s ...")
        play = cpu_run("game-play", seconds, saves)
        bare = cpu_run("bare-loop", seconds, saves)
        menu = cpu_run("game-menu", seconds, saves)
        if play["top"] != "PlayerScene" or menu["top"] != "MainMenuScene":
            notes.append(f"WARNING: unexpected scene on top: {play['top']}, {menu['top']}")
        rows.append(
            Row(
                f"CPU while a level plays, {seconds:.0f} s",
                f"{play['loop_pct']:.1f} %",
                f"{bare['loop_pct']:.1f} %",
                f"{play['loop_pct'] / bare['loop_pct']:.1f}x",
                "<= 10 %",
                _met(play["loop_pct"], 10.0),
                "cpu_play",
                share=play["loop_pct"] / 10.0,
            )
        )
        rows.append(
            Row(
                f"CPU on the idle main menu, {seconds:.0f} s",
                f"{menu['loop_pct']:.1f} %",
                f"{bare['loop_pct']:.1f} %",
                f"{menu['loop_pct'] / bare['loop_pct']:.2f}x",
                "<= 3 %",
                _met(menu["loop_pct"], 3.0),
                "cpu_menu",
                share=menu["loop_pct"] / 3.0,
            )
        )
        for name, fig in (("level playing", play), ("bare 60 FPS loop", bare), ("idle menu", menu)):
            notes.append(
                f"CPU, {name}: {fig['frames']} frames ({fig['frames'] / fig['wall']:.1f} per s), "
                f"{fig['draws']} drawn; {fig['loop_pct']:.1f} % of one core in the loop, "
                f"{fig['process_pct']:.1f} % over the whole process with start-up "
                "(RUSAGE_CHILDREN)."
            )

        say("the stillness meter: frame cost and CPU with the camera on and off ...")
        cam_rows, cam_notes = camera_section(quick, seconds, saves)
        rows.extend(cam_rows)
        notes.extend(cam_notes)

        # 3. Start-up -------------------------------------------------------
        runs = 3 if quick else 5
        say(f"start-up, {runs} runs each ...")
        startup_run("bare-start", saves)  # compile caches and file cache, not counted
        startup_run("game-start", saves)
        bare_starts, game_starts = [], []
        for _ in range(runs):
            bare_starts.append(startup_run("bare-start", saves))
            game_starts.append(startup_run("game-start", saves))
        s_game, s_bare = statistics.median(game_starts), statistics.median(bare_starts)
        rows.append(
            Row(
                "Start-up to first frame (median)",
                f"{s_game:.0f} ms",
                f"{s_bare:.0f} ms",
                f"{s_game / s_bare:.1f}x",
                "<= 1.5x bare",
                s_game <= 1.5 * s_bare,
                "startup",
                share=s_game / (1.5 * s_bare),
            )
        )
        notes.append(
            "Start-up runs (ms), game: "
            + ", ".join(f"{v:.0f}" for v in game_starts)
            + "; bare window: "
            + ", ".join(f"{v:.0f}" for v in bare_starts)
            + "."
        )

    # 4. Content ------------------------------------------------------------
    say("content loading ...")
    content = content_bench.run(repeats=3 if quick else 7)
    shipped = statistics.median(content["shipped_ms"])
    rows.append(
        Row(
            f"Load + validate shipped content ({content['shipped_levels']} levels)",
            f"{shipped:.0f} ms",
            target="<= 150 ms",
            met=_met(shipped, 150.0),
            key="content",
            share=shipped / 150.0,
        )
    )
    generated: dict[int, tuple[float, int]] = content["generated"]
    counts = sorted(generated)
    for count in counts:
        ms, _levels = generated[count]
        rows.append(
            Row(
                f"Load + validate, {count:,} generated levels added",
                f"{ms:.0f} ms",
                f"{shipped:.0f} ms shipped",
                f"{(ms - shipped) / count:.2f} ms per added level",
            )
        )
    slopes = []
    for low, high in itertools.pairwise(counts):
        slope = (generated[high][0] - generated[low][0]) / (high - low)
        slopes.append(slope)
        notes.append(
            f"Content growth from {low:,} to {high:,} generated levels: {slope:.3f} ms per level."
        )
    if len(slopes) >= 2:
        linear = max(slopes) <= 1.5 * min(slopes)
        verdict = "linearly" if linear else "NOT linearly"
        notes.append(
            f"Content loading grows {verdict} with the number of levels: the cost per added "
            f"level is {min(slopes):.3f} to {max(slopes):.3f} ms (linear means within 1.5x)."
        )

    # 5. Store ----------------------------------------------------------------
    say("save store ...")
    store = {name: (value, unit) for name, value, unit in store_bench.run()}
    load_ms = store["open save + player stats (median)"][0]
    save_ms = store["save one session (median of later saves)"][0]
    first_ms = store["save one session, first after opening"][0]
    tiny_ms = store["TinyDB JSONStorage insert, same data (median)"][0]
    parse_ms = store["read + json.loads of the same file (median)"][0]
    notes.append(
        "Every session of the 10-year save lists every move of its level (one entry per "
        "side for one-sided moves) and a per-move check-in for each move, as the game saves "
        f"them now: {store['save file size, 3,650 sessions'][0]:.1f} MB in all."
    )
    notes.append(
        "Opening the 10-year save the first time, with no replay checkpoint in it (a save "
        "from before checkpoints, or after a rules or content change), replays all 3,650 "
        f"sessions and saves a checkpoint: "
        f"{store['open save + player stats, first open (full replay)'][0]:.0f} ms. "
        "Finishing a level on it as the game does (stats before and after, the session, "
        "new badges and the checkpoint saved): "
        f"{store['finish a level as the game does (median)'][0]:.0f} ms."
    )
    rows.append(
        Row(
            "Open a 10-year save + stats (median of 7)",
            f"{load_ms:.0f} ms",
            f"{parse_ms:.0f} ms json.loads",
            f"{load_ms / parse_ms:.1f}x",
            target="<= 100 ms",
            met=_met(load_ms, store_bench.LOAD_TARGET_MS),
            key="store_load",
            share=load_ms / store_bench.LOAD_TARGET_MS,
        )
    )
    rows.append(
        Row(
            "Save one session, first after opening",
            f"{first_ms:.1f} ms",
            target="<= 30 ms",
            met=_met(first_ms, store_bench.WRITE_TARGET_MS),
        )
    )
    rows.append(
        Row(
            "Save one session (median)",
            f"{save_ms:.1f} ms",
            f"{tiny_ms:.1f} ms TinyDB",
            f"{save_ms / tiny_ms:.2f}x",
            "<= 30 ms",
            _met(save_ms, store_bench.WRITE_TARGET_MS),
        )
    )
    return rows, notes


HEADER = ("Metric", "Measured", "Bare / baseline", "Ratio", "Target", "Met?")


def _cells(row: Row) -> tuple[str, ...]:
    met = "" if row.met is None else ("yes" if row.met else "NO")
    return (row.metric, row.measured, row.baseline, row.ratio, row.target, met)


def text_table(rows: list[Row]) -> str:
    lines = [HEADER] + [_cells(r) for r in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def markdown_table(rows: list[Row]) -> str:
    out = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    out += ["| " + " | ".join(_cells(r)) + " |" for r in rows]
    return "\n".join(out)


def machine() -> str:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return (
        f"{platform.system()} {platform.release()} {platform.machine()}, "
        f"{platform.processor() or 'unknown CPU'}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, pygame-ce {pygame.version.ver}, "
        f"SDL {'.'.join(str(v) for v in pygame.get_sdl_version())}, "
        f"load average {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} at the end of the run"
    )


def store_section(existing: str) -> str:
    """The save store section as its author wrote it, kept word for word."""
    start = existing.find(STORE_HEADING)
    if start < 0:
        return ""
    end = existing.find("\n## ", start + len(STORE_HEADING))
    return existing[start : end if end >= 0 else len(existing)].rstrip() + "\n"


def document(rows: list[Row], notes: list[str], quick: bool, existing: str) -> str:
    missed = [r for r in rows if r.met is False]
    parts = [
        "# Performance\n",
        "Generated by `python bench/run.py`"
        + (" --quick (short CPU windows: development figures only)" if quick else "")
        + f" on {date.today().isoformat()}.\n",
        f"Machine: {machine()}.\n",
        "Headless (SDL dummy video and audio drivers). Every game figure has a bare "
        "pygame figure from the same run beside it.\n",
        markdown_table(rows) + "\n",
        "## Notes\n",
        "\n".join(f"- {n}" for n in notes) + "\n",
        METHOD,
        "## Targets missed and why\n",
    ]
    if missed:
        for row in missed:
            parts.append(f"### {row.metric}: {row.measured}, target {row.target}\n")
            parts.append(MISSED_WHY.get(row.key, "Not analysed yet.\n"))
    else:
        parts.append("None in this run.\n")
    near = [r for r in rows if r.met and r.share is not None and r.share > NEAR_SHARE]
    if near:
        parts.append("## Targets met close to the line\n")
        parts.append(
            f"Met in this run, but above {NEAR_SHARE:.0%} of the target, so a busier "
            "machine may tip them over. Why each costs what it does:\n"
        )
        for row in near:
            parts.append(f"### {row.metric}: {row.measured}, target {row.target}\n")
            parts.append(MISSED_WHY.get(row.key, "Not analysed yet.\n"))
    section = store_section(existing)
    if section:
        parts.append(section)
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short runs for development")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    started = time.monotonic()
    rows, notes = measure(args.quick)
    print(text_table(rows))
    print(f"({time.monotonic() - started:.0f} s)")
    if not args.no_write:
        existing = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        DOC.write_text(document(rows, notes, args.quick, existing), encoding="utf-8")
        print(f"wrote {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
