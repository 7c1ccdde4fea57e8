"""The loan rules of the centre, in pure Python (no Zope, no ZODB).

`policy` finds the rule of a borrower category x document type x site,
`calendar` moves a due date off the closed days, `check` says whether a loan,
a renewal or a reservation is allowed and why not, `statuses` lists the
controlled statuses of a copy. The desk (circulation/desk.py) asks them and
writes nothing when they refuse.
"""
