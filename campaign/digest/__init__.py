"""The morning e-mail to each volunteer: what is due, what is coming, what waits, what the team
won since yesterday."""
