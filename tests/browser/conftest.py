"""Content shared by the portal-page tests: a few published and restricted records."""

import pytest
import transaction
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

SOPHIE = {"name": "Martin, Sophie", "role": "Auteur", "kind": "person", "function": "070"}
CRIA = {"name": "CRIA 31", "role": "Éditeur scientifique", "kind": "corporate", "function": "340"}


def make_notice(container, id, title, state="published", **fields):
    notice = api.content.create(container=container, type="Notice", id=id, title=title, **fields)
    if state:
        api.content.transition(obj=notice, to_state=state)
    return notice


def french_site():
    """The test layers' site speaks English; the real site is created in French."""
    api.portal.set_registry_record("plone.available_languages", ["fr"])
    api.portal.set_registry_record("plone.default_language", "fr")


def build_fund(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    french_site()
    fonds = portal["fonds"]
    lire = make_notice(
        fonds, "apprendre-a-lire", "Apprendre à lire aux adultes",
        subtitle="guide pour les formateurs", authors=[SOPHIE, CRIA],
        document_type="guide-methodologique", support="papier", year=2012,
        place="Toulouse", publisher="Érès", isbn=["978-2-7492-1234-5"],
        collation="120 p.", collection="Savoirs de base", collection_number="3",
        doc_language="fre", summary="Un guide pour accompagner l'illettrisme.\nDeuxième paragraphe.",
        descriptors=["Illettrisme", "Formation des adultes"], keywords=["lecture"],
        themes=["savoirs-de-base"], territory=["31"],
        urls=["https://example.org/guide.pdf"],
        items=[{"barcode": "RT000001", "call_number": "374 MAR", "section": "Savoirs de base",
                "status": "Empruntable", "site": "toulouse"},
               {"barcode": "RT000002", "call_number": "374 MAR", "section": "Savoirs de base",
                "status": "Empruntable", "site": "albi"}],
        cosoter_id="COS-42",
    )
    rapport = make_notice(
        fonds, "rapport-quartiers", "Rapport sur les quartiers prioritaires",
        authors=[{"name": "Durand, Paul", "role": "Auteur", "kind": "person"}],
        document_type="rapport", support="electronique", year=1998,
        themes=["politique-de-la-ville"], territory=["34"],
        urls=["https://example.org/rapport"],
    )
    secret = make_notice(
        fonds, "note-reservee", "Note confidentielle sur l'illettrisme", state="members",
        document_type="rapport", year=2015, themes=["savoirs-de-base"],
    )
    dossier = api.content.create(container=portal["dossiers"], type="DossierThematique",
                                 id="illettrisme", title="Dossier illettrisme")
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


@pytest.fixture()
def live_fund(functional):
    """The same records in the functional site, committed, with its base URL."""
    portal = functional["portal"]
    objects = build_fund(portal)
    transaction.commit()
    objects["base"] = f"http://{functional['host']}:{functional['port']}/plone"
    objects["portal"] = portal
    return objects
