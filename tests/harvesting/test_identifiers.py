from rt.infodoc.harvesting.identifiers import cosoter_id


def test_last_colon_segment():
    assert cosoter_id("oai:cosoter:1234") == "1234"
    assert cosoter_id("oai:www.cosoter.fr:98765") == "98765"
    assert cosoter_id(" oai:host:12 ") == "12"
    assert cosoter_id("1234") == "1234"


def test_nothing_after_colon():
    assert cosoter_id("oai:host:") is None
    assert cosoter_id("") is None
