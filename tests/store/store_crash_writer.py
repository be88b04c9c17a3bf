"""A stand-in game process for the lock and crash tests.

python store_crash_writer.py hold FOLDER    open the save, say "ready", wait for stdin to close
python store_crash_writer.py write FOLDER   open the save, say "ready N", then save sessions
                                            forever, printing the session count after each
python store_crash_writer.py open FOLDER    open the save like a game start would: on a
                                            refusal print the message and exit with 3
"""

from __future__ import annotations

import sys
from itertools import count
from pathlib import Path

from store_helpers import fixed_now, make_result

from game.store import StoreError, open_store


def main(mode: str, folder: Path) -> int:
    try:
        store = open_store(folder, now=fixed_now)
    except StoreError as refused:
        print(refused, file=sys.stderr)
        return 3
    if mode == "open":
        store.close()
        return 0
    profile = store.profiles()[0].id if store.profiles() else store.create_profile("Ana").id
    done = len(store.sessions(profile))
    print(f"ready {done}", flush=True)
    if mode == "hold":
        sys.stdin.read()
        return 0
    for n in count(done):
        store.record_session(profile, make_result(n), n % 100)
        print(n + 1, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
