import pytest

from rt.infodoc.harvesting.sources import Source
from rt.infodoc.harvesting.sources import SourceError
from rt.infodoc.harvesting.sources import parse_source
from rt.infodoc.harvesting.sources import parse_sources

URL = "https://cosoter.example/ws/connector_out.php?source_id=3"


def test_full_line():
    source = parse_source(f"cosoter | {URL} | pmb_xml_unimarc | ouvrages  rapports")
    assert source == Source("cosoter", URL, "pmb_xml_unimarc", ("ouvrages", "rapports"))
    assert source.state_key == "cosoter|ouvrages|rapports"


def test_short_line_and_comments():
    sources, errors = parse_sources(["# exemple", "", f"cosoter|{URL}", f"autre | {URL} | |"])
    assert errors == []
    assert [(s.name, s.prefix, s.sets) for s in sources] == [
        ("cosoter", None, ()),
        ("autre", None, ()),
    ]
    assert sources[0].state_key == "cosoter"


def test_bad_lines_are_reported_and_do_not_hide_good_ones():
    sources, errors = parse_sources(
        [f"Mauvais Nom | {URL}", "seul", "x | ftp://a", f"ok | {URL}", f"ok | {URL}"]
    )
    assert [s.name for s in sources] == ["ok"]
    assert len(errors) == 4
    assert "nom de source invalide : « Mauvais Nom »" in errors[0]
    assert "ligne de source incomplète" in errors[1]
    assert "URL de fournisseur OAI-PMH invalide" in errors[2]
    assert "déclarée deux fois" in errors[3]


def test_parse_source_raises_french_error():
    with pytest.raises(SourceError, match="incomplète"):
        parse_source("cosoter")
