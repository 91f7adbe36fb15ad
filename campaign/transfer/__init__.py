"""CSV export of the gemeenten, and CSV import of fracties and contact details."""
