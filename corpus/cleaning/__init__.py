"""Cleaning: raw text to clean text, with an exact map back to the raw characters.

``clean`` is the entry point; the rest are its steps (line ends and escapes, offset-keeping
edits, symbol noise) and the noisy-channel model that judges the ASCII left of the noise
(vocabulary, tokens, passages, channel, scars, quotes, strays). Loaded only when a text is
cleaned for the first time.
"""
