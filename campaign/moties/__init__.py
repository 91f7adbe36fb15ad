"""Motions, their indieners and votes per fractie, and the status pipeline they drive."""
