"""Edits, moves, deletions and workflow changes reach the real Solr."""

import transaction
from plone import api
from plone.app.testing import logout

from rt.infodoc.search.config import core_url
from rt.infodoc.search.engine import search
from rt.infodoc.search.query import SearchQuery

from .conftest import solr_docs


def _url(site):
    return core_url()


def solr_doc(site, uid):
    docs = solr_docs(core_url(), q=f'UID:"{uid}"')
    return docs[0] if docs else None


def test_facet_fields_reach_solr(corpus, site):
    doc = solr_doc(site, corpus["adultes-illettres"].UID())
    assert doc["themes"] == ["savoirs-de-base", "emploi-insertion"]
    assert doc["document_type"] == "etude" and doc["year"] == 2005
    assert doc["authors"] == ["Dupont, Jean"] and doc["territory"] == ["31"]
    assert doc["doc_language"] == "fre" or "doc_language" not in doc
    assert doc["support"] == "papier" and doc["production_kind"] == "notice"
    assert doc["availability"] == ["empruntable"] and doc["relay_sites"] == ["toulouse"]
    assert doc["allowedRolesAndUsers"] == ["Anonymous"]
    assert "9782070368228" in doc["SearchableText"]
    found = solr_docs(_url(site), q="isbn_norm:9782070368228", fl="UID")
    assert [d["UID"] for d in found] == [corpus["adultes-illettres"].UID()]


def test_doc_language_and_keywords_reach_solr(site):
    obj = api.content.create(
        container=site["fonds"],
        type="Notice",
        id="en",
        title="Literacy in Europe",
        doc_language="eng",
        keywords=["literacy"],
        descriptors=["Illettrisme -- Europe"],
        cosoter_id="COS-42",
    )
    api.content.transition(obj=obj, to_state="published")
    transaction.commit()
    doc = solr_doc(site, obj.UID())
    assert doc["doc_language"] == "eng" and doc["keywords"] == ["literacy"]
    assert doc["descriptors"] == ["Illettrisme -- Europe"] and doc["cosoter_id"] == "COS-42"
    assert [i.title for i in search(site, SearchQuery(subject="europe")).items] == [
        "Literacy in Europe"
    ]


def test_edit_reaches_solr(corpus, site):
    obj = corpus["ecole"]
    obj.title = "Prévenir le décrochage scolaire au collège"
    obj.reindexObject()
    transaction.commit()
    assert [i.uid for i in search(site, SearchQuery(text="collège")).items] == [obj.UID()]
    assert search(site, SearchQuery(text="l'école")).total == 0


def test_move_reaches_solr(corpus, site):
    # a rename is an OFS move: the object changes path, keeps its UID
    moved = api.content.rename(obj=corpus["egalite"], new_id="egalite-femmes-hommes")
    transaction.commit()
    doc = solr_doc(site, moved.UID())
    assert doc["path_string"] == "/plone/fonds/egalite-femmes-hommes"
    assert doc["id"] == "egalite-femmes-hommes"
    items = search(site, SearchQuery(text="égalité")).items
    assert [i.url.rsplit("/", 1)[-1] for i in items] == ["egalite-femmes-hommes"]


def test_delete_reaches_solr(corpus, site):
    uid = corpus["egalite"].UID()
    api.content.delete(obj=corpus["egalite"])
    transaction.commit()
    assert solr_doc(site, uid) is None
    assert search(site, SearchQuery(text="égalité")).total == 0


def test_workflow_reaches_solr(corpus, site):
    obj = corpus["note-interne"]
    api.content.transition(obj=obj, to_state="published")
    transaction.commit()
    logout()
    assert "Note interne sur l'illettrisme des adhérents" in [
        i.title for i in search(site, SearchQuery(text="adhérents")).items
    ]
    from plone.app.testing import TEST_USER_NAME
    from plone.app.testing import login

    login(site, TEST_USER_NAME)
    api.content.transition(obj=obj, to_state="members")
    transaction.commit()
    logout()
    assert search(site, SearchQuery(text="adhérents")).total == 0
