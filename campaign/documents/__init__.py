"""Versioned campaign texts (motion, appeal, background) and the documents built from them."""
