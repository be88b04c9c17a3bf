"""One player: settings, reminders and the data the screens show (pure: no pygame)."""
