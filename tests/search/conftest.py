"""A Plone site with collective.solr on, against a real Solr started for the session.

Each test starts from an empty Solr core (the ZODB of a functional test is thrown
away after it, Solr is not) and creates the notices it needs.
"""

import pytest
import requests
import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.search.health import HEALTH

NOTICES = {
    "illettrisme-agir": dict(
        title="Lutter contre l'illettrisme",
        year=2012,
        document_type="rapport",
        themes=["savoirs-de-base"],
        territory=["31"],
        authors=[{"name": "Dupont, Jean"}],
        summary="Un rapport sur les situations d'illettrisme en Haute-Garonne.",
        items=[{"barcode": "RT1", "status": "Empruntable", "site": "toulouse"}],
    ),
    "illettrisme-guide": dict(
        title="Illettrisme : guide pour agir en Occitanie",
        year=2018,
        document_type="guide-methodologique",
        themes=["savoirs-de-base"],
        territory=["occitanie"],
        authors=[{"name": "Martin, Anne"}],
        items=[{"barcode": "RT2", "status": "Exclu du prêt", "site": "albi"}],
    ),
    "adultes-illettres": dict(
        title="Les adultes illettrés face à l'emploi",
        year=2005,
        document_type="etude",
        themes=["savoirs-de-base", "emploi-insertion"],
        territory=["31"],
        authors=[{"name": "Dupont, Jean"}],
        isbn=["978-2-07-036822-8"],
        items=[{"barcode": "RT3", "status": "Empruntable", "site": "toulouse"}],
    ),
    "egalite": dict(
        title="Égalité femmes-hommes dans les quartiers",
        year=2016,
        document_type="rapport",
        themes=["egalite-femmes-hommes"],
        territory=["34"],
    ),
    "ecole": dict(
        title="Prévenir le décrochage à l'école",
        year=2019,
        document_type="ouvrage",
        themes=["education"],
        territory=["national"],
        doc_language="fre",
    ),
    "note-interne": dict(
        title="Note interne sur l'illettrisme des adhérents",
        year=2020,
        document_type="rapport",
        themes=["savoirs-de-base"],
        territory=["31"],
    ),
}
RESTRICTED = {"note-interne"}


def clear_solr(url):
    requests.post(
        f"{url}/update?commit=true", json={"delete": {"query": "*:*"}}, timeout=60
    ).raise_for_status()


def solr_docs(url, q="*:*", **params):
    response = requests.get(
        f"{url}/select", timeout=30, params={"q": q, "wt": "json", "rows": 100, **params}
    )
    response.raise_for_status()
    return response.json()["response"]["docs"]


@pytest.fixture()
def site(solr_functional):
    """The portal, an empty Solr, the user logged in as Manager."""
    portal = solr_functional["portal"]
    solr = solr_functional["solr"]
    HEALTH.forget()
    clear_solr(solr.url)
    setRoles(portal, TEST_USER_ID, ["Manager"])
    yield portal
    HEALTH.forget()


@pytest.fixture()
def corpus(site):
    """The NOTICES in /fonds, published except the restricted ones ("members")."""
    objects = {}
    for notice_id, fields in NOTICES.items():
        obj = api.content.create(container=site["fonds"], type="Notice", id=notice_id, **fields)
        api.content.transition(
            obj=obj, to_state="members" if notice_id in RESTRICTED else "published"
        )
        objects[notice_id] = obj
    transaction.commit()
    return objects


@pytest.fixture()
def solr_down(solr_functional, corpus):
    """Stop the layer's Solr for the test; start it again afterwards in any case."""
    solr = solr_functional["solr"]
    solr.stop()
    HEALTH.forget()
    yield solr
    solr.start()
    HEALTH.forget()
