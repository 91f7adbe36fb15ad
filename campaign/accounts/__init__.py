"""Users, roles, and the commands that manage them."""
