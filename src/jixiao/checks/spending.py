"""spending checks (catalogue in progress)."""
