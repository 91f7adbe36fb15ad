"""Gemeenten, their fracties, and each gemeente's campaign status with its history."""
