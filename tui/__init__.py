"""tui: the Textual app and the command line; thin over corpus and store."""

__version__ = "0.1.0"
