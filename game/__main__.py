"""``python -m game``: see game.cli.main."""

from game.cli.main import main

raise SystemExit(main())
