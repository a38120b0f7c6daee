"""indicators checks (catalogue in progress)."""
