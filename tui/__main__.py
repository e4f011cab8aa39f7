"""``python -m tui`` runs gloss."""

from tui.cli import main

raise SystemExit(main())
