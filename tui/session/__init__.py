"""The reading session under the main screen: its state and operations, without Textual.

``core`` holds the state and the changes, ``updates`` the values handed to the screen,
``search`` the search hits and similar questions.
"""

from tui.session.core import Session
from tui.session.updates import Edit, GoTo, NoteClash, Update

__all__ = ["Edit", "GoTo", "NoteClash", "Session", "Update"]
