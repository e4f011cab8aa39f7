"""The one error corpus raises (and its kinds): its message is a full sentence a user can act on."""


class CorpusError(Exception):
    """A file cannot be read as an interview; ``str(error)`` names the file and what to do."""


class AmbiguousName(CorpusError):
    """A name the user gave (``--interviewer Smith``) may be any of several speakers."""
