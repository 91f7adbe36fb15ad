"""Outgoing e-mail: over SMTP when configured, else into an outbox folder as .eml files."""
