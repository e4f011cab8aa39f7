"""The reader in a web browser (``gloss serve``), through textual-serve."""
