"""Text for docs/performance.md that does not come from the figures: the method
and what profiling showed about each missed target. ``bench/run.py`` writes it
below the table so the document explains itself."""

METHOD = """## Method

- Frame cost: in one process, the player scene of the first stabilization
  level (guide figure, HUD, timer ring, breath pacer, text) at 1280x720 with
  the flags the game uses (SCALED, RESIZABLE). One frame is two 1/120 s logic
  steps, a full draw and `pygame.display.flip()`. The bare frame is
  `screen.fill` and a flip. The scene is first advanced 10 s into the level
  and drawn 60 times to warm the caches; then blocks of 100 scene frames and
  100 bare frames alternate.
- CPU: `bench/drivers.py` runs the real `App` with content, save store and
  sound wired as `game.launch` wires them, on a prepared save with one player:
  once with the first level playing on top of the main menu, once on the main
  menu alone. The bare loop is a 60 FPS `pygame.time.Clock` loop that fills and
  flips. CPU is user + system time over wall time, as a percentage of one
  core, measured in the child around the main loop (so start-up does not
  count); the notes also give the whole process from `RUSAGE_CHILDREN`.
- Start-up: the parent reads `time.monotonic()` just before spawning the child;
  the child prints `time.monotonic()` right after its first presented frame.
  The game child runs the real command line (`game.cli.main`) on the prepared
  save; the bare child imports pygame, opens a 1280x720 SCALED window and flips
  once. One unmeasured run of each first, then the median of 5 runs each,
  game and bare alternating.
- Content: `load_content` (read, parse, validate, cross-check, build) on the
  shipped `levels/` (median of 7 after one warm load), and on copies with 100,
  300 and 1,000 generated levels added as extra side stages of 50 levels each
  (median of 3).
- Save store: `bench.store_bench.run()`, described in its own section below.
"""

_FRAME = """Where a player-scene frame goes (profiled with `cProfile` and timed part by
part on this machine, first stabilization level, overhead reach guide):

| Part | ms per frame |
|---|---|
| two logic steps (`update`) | under 0.01 |
| guide figure (`draw_guide`, anti-aliased) | 1.0 to 1.15 |
| side panel (ring, numbers, pacer, text) | 0.2 |
| full-screen background blit | 0.14 |
| the two cards (`panel`, rounded rects) | 0.06 each |
| other text | about 0.3 |
| `pygame.display.flip()` (SCALED window, headless) | 0.5 |

The flip alone costs half the budget, and the bare fill-and-flip frame already
takes about 0.7 ms, so the 1 ms median leaves about 0.3 ms for everything the
scene draws. Inside the guide, 69 `pygame.draw.aacircle` calls (two round
ends per limb capsule plus the joints) take about 0.6 ms and 34 anti-aliased
thick lines most of the rest. Drawing is the whole cost; the session logic is
negligible. Changes that would get there, in order of gain (all in
`game/ui`, none made by the benchmark):

1. Cache the still parts: background, both cards, level name, labels and the
   keys hint into one pre-rendered surface, rebuilt only when the theme, text
   size or level changes; each frame blits it once.
2. Draw the guide at most 30 times a second (it moves slowly; hold phases
   barely move) and reuse the last guide picture in between, or draw it with
   `smooth=False`, which `draw_guide` already offers at about 0.46 ms instead
   of 1.1 ms; round capsule ends from a small cache of pre-rendered
   anti-aliased discs per radius and colour instead of `aacircle` calls.
3. Redraw the timer number and the ring only when the shown second changes,
   and present only the changed areas (`pygame.display.update(rects)`)
   instead of a full flip where the platform supports it.
"""

#: Keyed by ``Row.key`` in bench/run.py.
MISSED_WHY: dict[str, str] = {
    "frame_median": _FRAME,
    "frame_p99": """The 99th percentile is the same drawing every frame (no allocation spikes
in the profile) plus the machine's noise, which reaches the bare loop too
(compare the two maxima in the notes). The median fixes above lower it by the
same 1.5 to 2 ms; what remains is the machine.
""",
    "cpu_play": """While a level plays, the player scene redraws 30 times a second, and at
once on each event (a phase change, a breath, a rep, a timer tick); the
background and panel frames come from a cached layer. CPU is therefore about
30 to 35 times the frame cost above plus the bare loop's share (event pump,
pacing at 60 FPS). Before the 30 FPS cap it was 28.6 % of a core; now it is
about 12 %. What is left is the frame cost: the fixes listed for it lower
CPU in proportion. Logic steps are not a factor.
""",
    "cpu_menu": """The idle menu draws only when something changes and ticks at 30 FPS, so its
CPU use is the event pump and the frame pacer. If this misses, it is the
machine's noise or a scene that keeps marking itself dirty.
""",
    "startup": """Start-up, broken down in one child (bytecode cached, as after installing):

| Step | ms |
|---|---|
| interpreter and `site` (certifi's `.pth` included) | about 40 |
| `import pygame` | 26 |
| importing the game's modules (below) | 73 |
| `load_content()` of the shipped levels (YAML parse, schema, cross-checks) | 90 |
| opening the save | 1 |
| opening the window (`App`) | 10 |
| main menu `enter`: stats and today's plan | 19 |
| first draw (fonts rendered the first time, background built) | 18 |
| flip | 1 |

The game's imports: `game.content` 48 ms (its model 11, PyYAML 12, schema
tables 5, file readers 5), `game.store` with TinyDB 10, app and UI about 15.

A bare window needs only the first two rows and the window, so the game
cannot come within 1.5 times of it while it loads and checks every level file
before its first frame. What would meet the target:

1. Present a first frame right after the window opens (the title or a
   "getting ready" card drawn with one font), then import the content modules
   and load the levels; the save folder can still be locked before the window
   as `game/launch.py` requires, which takes about 1 ms.
2. Keep a cache of the checked content (for example a pickle in the user's
   cache folder keyed by the hash of every level file's bytes and the game
   version) so that a normal start skips YAML parsing, schema and cross-checks
   and does not import `game.content.files`, `schema` and `crosscheck` at all
   (most of the 48 ms import and the 90 ms load).
3. Compute the menu's stats and today's plan after the first frame, or keep
   them as running totals in the player's progress record.

Note: this checkout's shell sets `PYTHONDONTWRITEBYTECODE`; with it, every
start compiles about 70 modules again (about 90 ms more). The benchmark gives
its children a bytecode cache outside the source tree, which is what an
installed game has.
""",
    "content": """Loading the shipped content is read and YAML parse (about half, the safe
parser in `game/content/yamlsafe.py` composes the node tree to keep line
numbers for messages), then the schema records and the cross-checks. It is
close to the limit on a busy machine; the content cache described under
start-up would remove it from normal starts altogether.
""",
    "store_load": """See the save store section below: decoding ten years of sessions at once is
the cost; its author lists the fixes (running totals in the progress record,
decoding lazily).
""",
}
