"""Figures of the activity report: counters kept up to date by the circulation
events (counters.py, store.py), read by the page @@chiffres-circulation with its
charts and tables, and exported as CSV."""
