"""Contact persons and the log of every contact with a gemeente."""
