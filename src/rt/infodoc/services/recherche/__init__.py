"""@recherche: the portal search as JSON."""
