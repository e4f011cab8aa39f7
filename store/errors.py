"""The one error store raises: its message is a full sentence a user can act on."""


class StoreError(Exception):
    """The annotation database cannot be used; ``str(error)`` names the file and what to do."""
