"""Reading: a file on disk to an :class:`~corpus.model.Interview`.

Decoding the bytes, the interviews shipped with gloss, and the disk cache that spares a
launch the cleaner and the parsers. ``interview`` is the entry point; it calls
``corpus.cleaning`` and ``corpus.outline`` only when a text misses the cache.
"""
