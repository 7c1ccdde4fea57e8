"""publication/form_encoding.py and batching.py without a site: the decoding rules."""

from ZPublisher.HTTPRequest import record

from rt.infodoc.publication.batching import valid
from rt.infodoc.publication.form_encoding import redecode


def zope_decoded(raw):
    """What ZPublisher makes of raw form bytes."""
    return raw.decode("utf-8", "surrogateescape")


def test_latin1_bytes_are_read_as_latin1():
    assert redecode(zope_decoded("été à Zoë".encode("latin-1"))) == "été à Zoë"


def test_windows_1252_bytes_are_read_as_windows_1252():
    assert redecode(zope_decoded(b"\x80 \x9c\x93ok\x94")) == "€ œ“ok”"
    # the five bytes windows-1252 leaves undefined fall back to ISO-8859-1
    assert redecode(zope_decoded(b"\x81\x8d")) == "\x81\x8d"


def test_utf8_and_mixed_values():
    assert redecode("déjà") == "déjà"
    assert redecode(zope_decoded("déjà ".encode() + b"\xe9t\xe9")) == "déjà été"


def test_other_lone_surrogates_are_replaced():
    assert redecode("a\ud800b") == "a\ufffdb"


def test_lists_tuples_and_records():
    rec = record()
    rec.query = zope_decoded(b"\xe9")
    assert redecode([zope_decoded(b"\xe9"), ("x", zope_decoded(b"\xe8"))]) == ["é", ("x", "è")]
    assert redecode(rec).query == "é"
    assert redecode(3) == 3


def test_batching_values():
    assert valid("0", 0) and valid(" 20 ", 1) and valid(7, 1)
    for value in ("-5", "abc", "", "1e3", "١", "9" * 13, ["1"], True, -1, None):
        assert not valid(value, 0), value
    assert not valid("0", 1)
