"""Every OAI-PMH error condition the provider can meet, through the real view."""

import pytest

from .conftest import error_codes
from .conftest import ident


@pytest.mark.parametrize(
    "pairs,code",
    [
        ([], "badVerb"),
        ([("verb", "Harvest")], "badVerb"),
        ([("verb", "Identify"), ("verb", "ListSets")], "badVerb"),
        ([("verb", "Identify"), ("metadataPrefix", "oai_dc")], "badArgument"),
        ([("verb", "ListRecords")], "badArgument"),
        (
            [("verb", "ListRecords"), ("metadataPrefix", "oai_dc"), ("metadataPrefix", "unimarc")],
            "badArgument",
        ),
        (
            [("verb", "ListRecords"), ("metadataPrefix", "oai_dc"), ("from", "2024-13-45")],
            "badArgument",
        ),
        (
            [
                ("verb", "ListRecords"),
                ("metadataPrefix", "oai_dc"),
                ("from", "2024-01-01"),
                ("until", "2024-01-01T00:00:00Z"),
            ],
            "badArgument",
        ),
        (
            [
                ("verb", "ListRecords"),
                ("metadataPrefix", "oai_dc"),
                ("from", "2024-02-01"),
                ("until", "2024-01-01"),
            ],
            "badArgument",
        ),
        ([("verb", "GetRecord"), ("metadataPrefix", "oai_dc")], "badArgument"),
        (
            [
                ("verb", "ListIdentifiers"),
                ("resumptionToken", "v1.xxx.yyy"),
                ("metadataPrefix", "oai_dc"),
            ],
            "badArgument",
        ),
        (
            [("verb", "ListIdentifiers"), ("resumptionToken", "v1.e30.AAAAAAAAAAAAAAAAAAAAAA")],
            "badResumptionToken",
        ),
        ([("verb", "ListRecords"), ("resumptionToken", "n'importe quoi")], "badResumptionToken"),
        (
            [("verb", "ListSets"), ("resumptionToken", "v1.e30.AAAAAAAAAAAAAAAAAAAAAA")],
            "badResumptionToken",
        ),
        ([("verb", "ListRecords"), ("metadataPrefix", "marc_inconnu")], "cannotDisseminateFormat"),
        (
            [("verb", "ListRecords"), ("metadataPrefix", "oai_dc"), ("set", "theme:inexistant")],
            "noRecordsMatch",
        ),
        (
            [("verb", "ListRecords"), ("metadataPrefix", "oai_dc"), ("set", "auteur:x")],
            "noRecordsMatch",
        ),
        (
            [("verb", "GetRecord"), ("metadataPrefix", "oai_dc"), ("identifier", "oai:ailleurs:1")],
            "idDoesNotExist",
        ),
        (
            [("verb", "ListMetadataFormats"), ("identifier", "oai:rt-infodoc:" + "0" * 32)],
            "idDoesNotExist",
        ),
    ],
)
def test_error_codes(oai_site, oai_get, pairs, code):
    root = oai_get(oai_site.url, *pairs)
    assert code in error_codes(root)
    assert root.find("{http://www.openarchives.org/OAI/2.0/}GetRecord") is None


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_errors_on_real_records(oai_site, oai_get, method):
    uids = oai_site.uids
    # A production has no MARC format.
    root = oai_get(
        oai_site.url,
        method=method,
        verb="GetRecord",
        identifier=ident(uids["confat"]),
        metadataPrefix="unimarc",
    )
    assert error_codes(root) == ["cannotDisseminateFormat"]
    # Records never made public do not exist for the harvester.
    for name in ("private", "members"):
        root = oai_get(
            oai_site.url,
            method=method,
            verb="GetRecord",
            identifier=ident(uids[name]),
            metadataPrefix="oai_dc",
        )
        assert error_codes(root) == ["idDoesNotExist"], name
        root = oai_get(
            oai_site.url, method=method, verb="ListMetadataFormats", identifier=ident(uids[name])
        )
        assert error_codes(root) == ["idDoesNotExist"], name


def test_tampered_token_is_refused(oai_site, oai_get, functional):
    import transaction
    from plone import api

    api.portal.set_registry_record("rt.infodoc.oai.page_size", 2)
    transaction.commit()
    root = oai_get(oai_site.url, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = root.findtext(".//{http://www.openarchives.org/OAI/2.0/}resumptionToken")
    version, payload, signature = token.split(".")
    forged = f"{version}.{payload[:-2]}AA.{signature}"
    assert error_codes(oai_get(oai_site.url, verb="ListIdentifiers", resumptionToken=forged)) == [
        "badResumptionToken"
    ]
    # A token of ListIdentifiers does not continue ListRecords.
    assert error_codes(oai_get(oai_site.url, verb="ListRecords", resumptionToken=token)) == [
        "badResumptionToken"
    ]


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS"])
def test_other_http_methods_are_refused_and_change_nothing(oai_site, oai_get, method):
    import requests

    response = requests.request(method, oai_site.url, data=b"verb=Identify", timeout=30)
    assert response.status_code == 405, (method, response.status_code, response.text[:300])
    assert response.headers["Allow"] == "GET, POST"
    assert "utilisez GET ou POST" in response.text
    # the provider is still there and still lists the same records
    root = oai_get(oai_site.url, verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert len(root.findall(".//{http://www.openarchives.org/OAI/2.0/}header")) >= len(
        oai_site.public
    )
