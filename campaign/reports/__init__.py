"""Reports from councils: a raadslid or griffier tells us a motion was submitted or voted on."""
