import pytest

from rt.infodoc.marc.flavour import detect_flavour


def test_unimarc_and_marc21_shapes():
    assert (
        detect_flavour("00000nam  2200000   450 ", ["001", "100", "200", "210", "700"]) == "unimarc"
    )
    assert (
        detect_flavour("00000nam a2200000 a 4500", ["001", "008", "100", "245", "260"]) == "marc21"
    )
    # UNIMARC tags win over a MARC21-looking leader
    assert detect_flavour("00000nam a2200000 a 4500", ["001", "200", "215", "801"]) == "unimarc"


def test_override():
    assert detect_flavour("", ["245"], override="unimarc") == "unimarc"
    with pytest.raises(ValueError):
        detect_flavour("", ["245"], override="intermarc")
