"""Circulation: copies, borrowers, loans, reservations, transfers and visits (#13)."""
