"""store: annotations in TinyDB that survive crashes, concurrent writers and changed texts.

Pure Python, no UI. May import corpus, never tui or textual.
"""
