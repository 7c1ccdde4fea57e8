"""Demo circulation: borrowers, a year of visits, loans and returns in the scale
of the centre's 2011 activity report, played through the desk (plan.py is pure,
load.py plays it in the site)."""
