"""The public site: home page and the list of gemeenten."""
