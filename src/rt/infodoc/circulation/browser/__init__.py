"""The desk (@@pret, @@circulation), the borrowers (@@emprunteurs), the copies of a
record (@@exemplaires) and their labels (@@etiquettes)."""
