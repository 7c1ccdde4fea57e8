"""@@exemplaires: the copies of a record as rows (browser/copies_form.py)."""

import pytest
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login

from rt.infodoc.circulation.store import get_store


@pytest.fixture()
def notice(portal, app):
    login(app, SITE_OWNER_NAME)
    return api.content.create(
        container=portal["fonds"],
        type="Notice",
        id="illettrisme",
        title="Illettrisme et territoires",
        document_type="ouvrage",
        items=[{"barcode": "RT900001", "call_number": "374 ILL", "status": "Empruntable"}],
    )


def _post(portal, form):
    request = portal.REQUEST
    request.form.clear()
    request.form.update(form)
    request["REQUEST_METHOD"] = "POST"
    request.form["_authenticator"] = portal.restrictedTraverse("@@authenticator").token()
    return request


def test_saving_with_the_blank_row_left_blank(portal, notice):
    """The blank row for a new copy posts its site and status: it is still blank."""
    _post(
        portal,
        {
            "count": "2",
            "blank": "1",
            "action": "enregistrer",
            "barcode-0": "RT900001",
            "call_number-0": "374.2 ILL",
            "site-0": "albi",
            "status-0": "disponible",
            "barcode-1": "",
            "call_number-1": "",
            "section-1": "",
            "notes-1": "",
            "site-1": "toulouse",
            "status-1": "disponible",
        },
    )
    html = notice.restrictedTraverse("@@exemplaires")()
    assert "Exemplaires enregistrés." in html
    assert "Rien n'a été enregistré" not in html
    copy = get_store(portal).copy("RT900001")
    assert (copy.call_number, copy.site) == ("374.2 ILL", "albi")
    assert len(get_store(portal).copies_of(notice.UID())) == 1
