"""``python -m game remind``: the desktop notification a reminder timer shows.

The systemd timer the Settings screen installs runs this at the chosen time.
It needs neither a window nor the save folder, so it is quick and cannot
collide with a game that is already open.
"""

from __future__ import annotations

import argparse

from game.cli.common import EXIT_OK, EXIT_PROBLEMS


def run_remind(args: argparse.Namespace) -> int:
    from game.player.reminder_install import notify, real_system
    from game.player.reminders import MESSAGE, TITLE

    title = f"{TITLE}, {args.profile}" if args.profile else TITLE
    if notify(real_system(), title, MESSAGE):
        return EXIT_OK
    print(f"{title}\n{MESSAGE}")
    print("(no desktop notification service found: install libnotify-bin for notify-send)")
    return EXIT_PROBLEMS
