"""The rows of the copies form (``@@exemplaires``) read from its posted fields.

Pure Python (no Zope): the view hands over ``request.form``. Each row is a
dict of FIELDS plus ``delete`` (its « Supprimer » box) and ``n`` (its place in
the form). A row whose typed fields are all empty is the blank row for a new
copy left blank: its choice lists (site, status) always post a value, so they
do not make a row.
"""

FIELDS = ("barcode", "call_number", "site", "section", "status", "notes")
# the fields typed by hand; the others are choice lists that always post a value
TYPED = ("barcode", "call_number", "section", "notes")


def _text(value):
    if isinstance(value, (list, tuple)):  # a name posted twice: the first value
        value = value[0] if value else ""
    return str(value or "").strip()


def _count(value):
    text = _text(value)
    return min(int(text), 1000) if text.isdigit() else 0


def read_rows(form):
    """Every row of the form that is not blank, in order, with its ``delete`` box."""
    rows = []
    for n in range(_count(form.get("count"))):
        row = {name: _text(form.get(f"{name}-{n}")) for name in FIELDS}
        if not any(row[name] for name in TYPED):
            continue  # the blank row for a new copy, left blank
        row["delete"] = bool(_text(form.get(f"delete-{n}")))
        row["n"] = n
        rows.append(row)
    return rows


def rows_to_save(rows):
    """The rows the record keeps: those whose « Supprimer » box is not ticked
    (with their ``n``, so that a refusal names the row of the form)."""
    keep = FIELDS + ("n",)
    return [{k: row[k] for k in keep if k in row} for row in rows if not row.get("delete")]
