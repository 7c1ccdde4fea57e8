"""Content shared by the portal-page tests: a few published and restricted records.

`live_fund` lives in the site where collective.solr is off (the catalog answers);
`live_solr_fund` holds the same records in the Solr site (tests marked solr_site, run
in their own pytest process), indexed in its own Solr before the test starts: the
test_*_solr.py modules run the page tests again on it. (The search journey in
Chromium is in tests/e2e.)
"""

import pytest
import transaction
from live_sites import french_site
from live_sites import indexed_in_solr
from live_sites import make_notice
from live_sites import search_backend
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.search.health import HEALTH

SOPHIE = {"name": "Martin, Sophie", "role": "Auteur", "kind": "person", "function": "070"}
CRIA = {"name": "CRIA 31", "role": "Éditeur scientifique", "kind": "corporate", "function": "340"}


def build_fund(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    french_site()
    fonds = portal["fonds"]
    lire = make_notice(
        fonds,
        "apprendre-a-lire",
        "Apprendre à lire aux adultes",
        subtitle="guide pour les formateurs",
        authors=[SOPHIE, CRIA],
        document_type="guide-methodologique",
        support="papier",
        year=2012,
        place="Toulouse",
        publisher="Érès",
        isbn=["978-2-7492-1234-5"],
        collation="120 p.",
        collection="Savoirs de base",
        collection_number="3",
        doc_language="fre",
        summary="Un guide pour accompagner l'illettrisme.\nDeuxième paragraphe.",
        descriptors=["Illettrisme", "Formation des adultes"],
        keywords=["lecture"],
        themes=["savoirs-de-base"],
        territory=["31"],
        urls=["https://example.org/guide.pdf"],
        items=[
            {
                "barcode": "RT000001",
                "call_number": "374 MAR",
                "section": "Savoirs de base",
                "status": "Empruntable",
                "site": "toulouse",
            },
            {
                "barcode": "RT000002",
                "call_number": "374 MAR",
                "section": "Savoirs de base",
                "status": "Empruntable",
                "site": "albi",
            },
        ],
        cosoter_id="COS-42",
    )
    rapport = make_notice(
        fonds,
        "rapport-quartiers",
        "Rapport sur les quartiers prioritaires",
        authors=[{"name": "Durand, Paul", "role": "Auteur", "kind": "person"}],
        document_type="rapport",
        support="electronique",
        year=1998,
        themes=["politique-de-la-ville"],
        territory=["34"],
        urls=["https://example.org/rapport"],
    )
    secret = make_notice(
        fonds,
        "note-reservee",
        "Note confidentielle sur l'illettrisme",
        state="members",
        document_type="rapport",
        year=2015,
        themes=["savoirs-de-base"],
    )
    dossier = api.content.create(
        container=portal["dossiers"],
        type="DossierThematique",
        id="illettrisme",
        title="Dossier illettrisme",
    )
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.event import notify
    from zope.intid.interfaces import IIntIds
    from zope.lifecycleevent import ObjectModifiedEvent

    dossier.references = [RelationValue(getUtility(IIntIds).getId(lire))]
    notify(ObjectModifiedEvent(dossier))
    api.content.transition(obj=dossier, to_state="published")
    return {"lire": lire, "rapport": rapport, "secret": secret, "dossier": dossier}


@pytest.fixture()
def fund(integration):
    return build_fund(integration["portal"])


def publish_fund(layer):
    """build_fund in a functional layer's site, committed, with the site's base URL."""
    portal = layer["portal"]
    objects = build_fund(portal)
    transaction.commit()
    return {
        **objects,
        "records": dict(objects),
        "portal": portal,
        "base": f"http://{layer['host']}:{layer['port']}/plone",
    }


@pytest.fixture()
def live_fund(functional):
    """The same records in the functional site (collective.solr off), committed."""
    return publish_fund(functional)


# --------------------------------------------- the Solr site


@pytest.fixture()
def live_solr_fund(solr_functional):
    """The same records in the Solr site, committed and indexed in its own Solr; Solr
    answers the search before the test and still does after it (no silent fallback)."""
    fund = indexed_in_solr(solr_functional, publish_fund)
    assert search_backend(fund["base"]) == "solr"
    yield fund
    assert search_backend(fund["base"]) == "solr", "the search fell back to the catalog"
    HEALTH.forget()
