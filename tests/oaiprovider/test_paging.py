"""Paging: page size from the registry, signed tokens that any provider built
from the registry continues (two Zope clients, a restart), and a whole harvest
by a third-party harvester (Sickle)."""

import pytest
import transaction
from plone import api
from sickle import Sickle

from rt.infodoc.oaiprovider import repository as repository_module
from rt.infodoc.oaiprovider.provider import PloneProvider
from rt.infodoc.oaiprovider.repository import PloneRepository
from rt.infodoc.oaiprovider.view import make_provider

from .conftest import NS
from .conftest import OAI
from .conftest import assert_valid
from .conftest import error_codes
from .conftest import ident

TOKEN = f"{OAI}resumptionToken"


@pytest.fixture()
def small_pages(oai_site):
    api.portal.set_registry_record("rt.infodoc.oai.page_size", 2)
    transaction.commit()
    return oai_site


def _ids(root):
    return [h.findtext("oai:identifier", namespaces=NS) for h in root.iter(f"{OAI}header")]


def test_pages_carry_cursor_and_complete_list_size(small_pages, oai_get):
    url = small_pages.url
    root = oai_get(url, verb="ListIdentifiers", metadataPrefix="oai_dc")
    seen, cursors = _ids(root), []
    token = root.find(f".//{TOKEN}")
    while token is not None and token.text:
        assert token.get("completeListSize") == "8"
        cursors.append(token.get("cursor"))
        root = oai_get(url, verb="ListIdentifiers", resumptionToken=token.text)
        assert len(_ids(root)) <= 2
        seen += _ids(root)
        token = root.find(f".//{TOKEN}")
    assert cursors == ["0", "2", "4"]
    assert token is not None and token.text is None and token.get("cursor") == "6"
    expected = {ident(small_pages.uids[n]) for n in small_pages.public | small_pages.gone}
    assert len(seen) == 8 and set(seen) == expected


def _in_process(provider, schemas, **args):
    from lxml import etree

    root = etree.fromstring(provider.handle(list(args.items())))
    assert_valid(schemas.oai, root)
    return root


def test_token_continues_on_another_provider(small_pages, oai_get, schemas):
    """One list, its pages served alternately by the HTTP view and by two
    providers built apart (as two Zope clients, or one after a restart, would)."""
    portal, url = small_pages.portal, small_pages.url
    secret = api.portal.get_registry_record("rt.infodoc.oai.token_secret")
    assert len(secret) >= 32
    client_a = make_provider(portal, base_url=url)
    client_b = PloneProvider(PloneRepository(portal, base_url=url), secret=secret, page_size=2)
    assert client_a is not client_b and client_a.repository is not client_b.repository

    root = oai_get(url, verb="ListRecords", metadataPrefix="oai_dc")
    seen = _ids(root)
    servers = [
        lambda t: _in_process(client_a, schemas, verb="ListRecords", resumptionToken=t),
        lambda t: oai_get(url, verb="ListRecords", resumptionToken=t),
        lambda t: _in_process(client_b, schemas, verb="ListRecords", resumptionToken=t),
    ]
    turn = 0
    token = root.find(f".//{TOKEN}").text
    while token:
        root = servers[turn % 3](token)
        turn += 1
        seen += _ids(root)
        token = root.find(f".//{TOKEN}").text
    assert turn == 3
    assert sorted(seen) == sorted(
        {ident(small_pages.uids[n]) for n in small_pages.public | small_pages.gone}
    )

    # A provider with another secret (another site) refuses the token.
    stranger = PloneProvider(PloneRepository(portal, base_url=url), secret="autre", page_size=2)
    first = oai_get(url, verb="ListRecords", metadataPrefix="oai_dc")
    token = first.find(f".//{TOKEN}").text
    assert error_codes(
        _in_process(stranger, schemas, verb="ListRecords", resumptionToken=token)
    ) == ["badResumptionToken"]


def test_marc_list_token_keeps_notices_only(small_pages, oai_get):
    url = small_pages.url
    root = oai_get(url, verb="ListRecords", metadataPrefix="unimarc")
    seen = _ids(root)
    token = root.find(f".//{TOKEN}")
    while token is not None and token.text:
        assert token.get("completeListSize") == "6"
        root = oai_get(url, verb="ListRecords", resumptionToken=token.text)
        seen += _ids(root)
        token = root.find(f".//{TOKEN}")
    assert set(seen) == {
        ident(small_pages.uids[n]) for n in ("built", "unimarc", "marc21") + tuple(small_pages.gone)
    }


@pytest.mark.parametrize("selective", [0.0, 1.0])
def test_both_paging_strategies_give_the_same_lists(small_pages, oai_get, monkeypatch, selective):
    """Walking the key index and sorting a set's own keys agree."""
    monkeypatch.setattr(repository_module, "_SELECTIVE", selective)
    for spec, names in (
        ("theme", {"built", "unimarc", "fiche", "confat", "deleted", "restricted"}),
        (None, small_pages.public | small_pages.gone),
    ):
        args = {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"}
        if spec:
            args["set"] = spec
        root = oai_get(small_pages.url, **args)
        seen = _ids(root)
        token = root.find(f".//{TOKEN}")
        while token is not None and token.text:
            root = oai_get(small_pages.url, verb="ListIdentifiers", resumptionToken=token.text)
            seen += _ids(root)
            token = root.find(f".//{TOKEN}")
        assert sorted(seen) == sorted(ident(small_pages.uids[n]) for n in names), spec


def test_sickle_harvests_the_whole_provider(small_pages):
    sickle = Sickle(small_pages.url, max_retries=0, timeout=60)
    records = list(sickle.ListRecords(metadataPrefix="oai_dc", ignore_deleted=True))
    assert len(records) == len(small_pages.public) == 5
    assert {r.header.identifier for r in records} == {
        ident(small_pages.uids[n]) for n in small_pages.public
    }
    titles = {r.metadata["title"][0] for r in records}
    assert "Conf'At' : la laïcité au quotidien" in titles
    headers = list(sickle.ListIdentifiers(metadataPrefix="oai_dc", ignore_deleted=False))
    assert sorted(h.identifier for h in headers if h.deleted) == sorted(
        ident(small_pages.uids[n]) for n in small_pages.gone
    )
    themed = list(
        sickle.ListRecords(
            metadataPrefix="oai_dc", set="theme:savoirs-de-base", ignore_deleted=True
        )
    )
    assert [r.header.identifier for r in themed] == [ident(small_pages.uids["built"])]
    marc = list(sickle.ListRecords(metadataPrefix="marcxml", ignore_deleted=True))
    assert len(marc) == 3
    identify = sickle.Identify()
    assert identify.deletedRecord == "persistent"
    assert {s.setSpec for s in sickle.ListSets()} >= {"theme:sante", "production:confat"}


@pytest.mark.parametrize("selective", [0.0, 1.0])
def test_records_outside_their_publication_dates_are_not_disseminated(
    oai_site, oai_get, monkeypatch, selective
):
    """Published, but effective tomorrow or expired yesterday: Anonymous cannot
    see them, so neither list strategy nor GetRecord gives them."""
    from DateTime import DateTime

    from .conftest import make

    monkeypatch.setattr(repository_module, "_SELECTIVE", selective)
    fonds = oai_site.portal["fonds"]
    later = make(fonds, "Notice", "a-paraitre", title="À paraître", effective=DateTime() + 1)
    expired = make(fonds, "Notice", "perimee", title="Périmée", expires=DateTime() - 1)
    transaction.commit()
    hidden = {ident(later.UID()), ident(expired.UID())}
    for prefix in ("oai_dc", "unimarc"):
        root = oai_get(oai_site.url, verb="ListIdentifiers", metadataPrefix=prefix)
        assert not hidden & set(_ids(root)), prefix
        assert ident(oai_site.uids["built"]) in _ids(root)
    for identifier in hidden:
        root = oai_get(
            oai_site.url, verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc"
        )
        assert error_codes(root) == ["idDoesNotExist"]
