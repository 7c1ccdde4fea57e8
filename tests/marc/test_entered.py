"""The cataloguing date of a record, read from its ISO 2709 bytes (pure Python)."""

import datetime

from pymarc import Field
from pymarc import Record
from pymarc import Subfield

from rt.infodoc.demo.fund import generate_records
from rt.infodoc.marc.entered import date_entered
from rt.infodoc.marc.writers import to_iso2709


def test_unimarc_100a_gives_the_date_entered_on_file():
    notice, record = next(iter(generate_records(1)))
    data = to_iso2709(record)
    expected = datetime.datetime.strptime(record["100"]["a"][:8], "%Y%m%d").date()
    assert date_entered(data) == expected
    assert date_entered(data.decode("utf-8"), "unimarc") == expected


def test_marc21_008_gives_the_date_entered_on_file():
    record = Record()
    record.add_field(Field(tag="008", data="231215s2023    fr            000 0 fre d"))
    record.add_field(Field(tag="245", indicators=["1", "0"], subfields=[Subfield("a", "Titre")]))
    assert date_entered(to_iso2709(record), "marc21") == datetime.date(2023, 12, 15)


def test_nothing_readable_gives_none():
    assert date_entered(None) is None
    assert date_entered("") is None
    assert date_entered("pas une notice") is None
