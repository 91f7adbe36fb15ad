"""The volunteers' start page under /beheer."""
