"""narrative checks (catalogue in progress)."""
