"""Backup and restore of everything Motietracker stores, as one JSON document."""
