"""The vocabularies read the registry, so a manager's edit shows at once."""

from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


def _terms(portal, name):
    return {t.token: t.title for t in getUtility(IVocabularyFactory, name)(portal)}


def test_installed_vocabularies(portal):
    assert (
        _terms(portal, "rt.infodoc.themes")["savoirs-de-base"] == "Savoirs de base et illettrisme"
    )
    assert len(_terms(portal, "rt.infodoc.territories")) == 15  # 13 départements, région, national
    assert "montauban" in _terms(portal, "rt.infodoc.relay_sites")


def test_a_registry_edit_changes_the_vocabulary(portal):
    record = "rt.infodoc.vocabularies.themes"
    portal.portal_registry[record] = portal.portal_registry[record] + [
        "illectronisme|Illectronisme"
    ]
    assert _terms(portal, "rt.infodoc.themes")["illectronisme"] == "Illectronisme"
