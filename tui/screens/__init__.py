"""tui.screens: the reader's screen and the modal dialogs it opens."""
