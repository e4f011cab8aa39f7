"""Headless subcommands, one module per group, registered by ``tui.cli``."""
