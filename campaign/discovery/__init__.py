"""Finding the campaign's motion in the council records indexed by Open Besluitvorming."""
