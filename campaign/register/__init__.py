"""The Register van Overheidsorganisaties: its CSV export of gemeenten, parties and seed facts."""
