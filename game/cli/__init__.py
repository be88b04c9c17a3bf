"""The command line: commands, start-up of the game window, and the tools outside it."""
