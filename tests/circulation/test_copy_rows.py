"""The rows of the copies form read from its posted fields (pure Python)."""

from rt.infodoc.circulation import copy_rows


def _form(*rows):
    form = {"count": str(len(rows))}
    for n, row in enumerate(rows):
        form.update({f"{name}-{n}": value for name, value in row.items()})
    return form


def test_the_blank_row_with_its_choice_lists_is_ignored():
    form = _form(
        {"barcode": "RT1", "site": "foix", "status": "disponible", "call_number": "374 ILL"},
        {
            "barcode": "",
            "call_number": " ",
            "section": "",
            "notes": "",
            "site": "toulouse",
            "status": "disponible",
        },
    )
    rows = copy_rows.read_rows(form)
    assert [row["barcode"] for row in rows] == ["RT1"]
    assert copy_rows.rows_to_save(rows) == [
        {
            "barcode": "RT1",
            "call_number": "374 ILL",
            "site": "foix",
            "section": "",
            "status": "disponible",
            "notes": "",
            "n": 0,
        }
    ]


def test_a_row_with_only_a_note_is_a_row():
    rows = copy_rows.read_rows(_form({"notes": "abîmé", "site": "toulouse"}))
    assert len(rows) == 1 and rows[0]["barcode"] == ""


def test_a_ticked_row_is_read_but_not_saved():
    form = _form({"barcode": "RT1"}, {"barcode": "RT2", "delete": "1"})
    rows = copy_rows.read_rows(form)
    assert [(r["barcode"], r["delete"], r["n"]) for r in rows] == [
        ("RT1", False, 0),
        ("RT2", True, 1),
    ]
    assert [r["barcode"] for r in copy_rows.rows_to_save(rows)] == ["RT1"]


def test_a_bad_count_reads_nothing():
    assert copy_rows.read_rows({"count": "beaucoup", "barcode-0": "RT1"}) == []
    assert copy_rows.read_rows({}) == []
