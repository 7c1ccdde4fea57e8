"""The demo content's authors and speakers are stored as the rows the edit forms
know (the seeds name the function in "role": "Auteur")."""

from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles

from rt.infodoc.content.structured import AUTHOR_KEYS
from rt.infodoc.content.structured import ROLES
from rt.infodoc.content.structured import SPEAKER_KEYS
from rt.infodoc.demo import loader
from rt.infodoc.vocabularies.relators import RELATORS


def test_demo_rows_are_stored_with_codes(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    loader.load_acquisitions(portal)
    loader.load_confat(portal)
    notices = [o for o in portal["fonds"].objectValues() if o.portal_type == "Notice"]
    authors = [a for notice in notices for a in notice.authors or []]
    assert len(authors) > 20
    for author in authors:
        assert tuple(author) == AUTHOR_KEYS, author
        assert author["role"] in ROLES and author["kind"] in ("person", "corporate")
        assert author["function"] in RELATORS, author
    sessions = [o for o in portal["conf-at"].objectValues() if o.portal_type == "ConfAt"]
    speakers = [s for session in sessions for s in session.speakers or []]
    assert len(speakers) >= 7
    assert all(tuple(s) == SPEAKER_KEYS and s["name"] for s in speakers)
