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

#: Keyed by ``Row.key`` in bench/run.py.
MISSED_WHY: dict[str, str] = {}
