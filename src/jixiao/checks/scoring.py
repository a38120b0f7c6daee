"""scoring checks (catalogue in progress)."""
