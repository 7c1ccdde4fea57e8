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


def _lend(portal, barcode):
    from datetime import date

    from rt.infodoc.circulation import borrowers
    from rt.infodoc.circulation.settings import desk_for

    reader = borrowers.add_borrower(
        get_store(portal), name="Dupont Marie", expires=date(2099, 1, 1)
    )
    desk_for(portal).lend(barcode, reader.id)


def _rows(html):
    from lxml import html as lxml_html

    page = lxml_html.fromstring(html)
    return page, [v for v in page.xpath("//input[starts-with(@name, 'barcode-')]/@value")]


def test_a_refused_delete_shows_the_row_still_there(portal, notice):
    _lend(portal, "RT900001")
    store = get_store(portal)
    store.copy("RT900001")  # on loan now
    _post(
        portal,
        {
            "count": "3",
            "action": "enregistrer",
            "barcode-0": "RT900001",
            "status-0": "en-pret",
            "site-0": "toulouse",
            "delete-0": "1",  # posted by hand: the page offers no box
            "barcode-1": "RT900005",
            "site-1": "foix",
            "status-1": "disponible",
            "site-2": "toulouse",
            "status-2": "disponible",
        },
    )
    html = notice.restrictedTraverse("@@exemplaires")()
    assert "L'exemplaire RT900001 est en prêt : rendez-le d'abord." in html
    page, barcodes = _rows(html)
    assert barcodes[:2] == ["RT900001", "RT900005"]  # the refused row, then the new one
    assert store.copy("RT900005") is None
    field = page.xpath("//input[@name='barcode-0']")[0]
    assert field.get("aria-invalid") == "true" and "is-invalid" in field.get("class")
    (message,) = page.xpath(f"//*[@id='{field.get('aria-describedby')}']")
    assert "rendez-le d'abord" in message.text_content()
    # a copy on loan offers no « Supprimer », only the reason
    assert not page.xpath("//input[@name='delete-0']")
    assert "Non : en circulation" in html
    assert page.xpath("//input[@name='delete-1']")  # the other rows do


def test_a_stored_copy_on_loan_offers_no_delete(portal, notice):
    _lend(portal, "RT900001")
    portal.REQUEST.form.clear()
    portal.REQUEST["REQUEST_METHOD"] = "GET"
    page, barcodes = _rows(notice.restrictedTraverse("@@exemplaires")())
    assert barcodes == ["RT900001", ""]
    assert not page.xpath("//input[@name='delete-0']")
    assert page.xpath("//input[@disabled and @aria-describedby='rt-nodel-0']")


def test_a_taken_barcode_names_its_record_and_marks_the_row(portal, notice):
    other = api.content.create(
        container=portal["fonds"],
        type="Notice",
        id="autre",
        title="Lire et écrire au travail",
        document_type="ouvrage",
        items=[{"barcode": "RT900777", "status": "Empruntable"}],
    )
    assert other is not None
    _post(
        portal,
        {
            "count": "2",
            "action": "enregistrer",
            "barcode-0": "RT900001",
            "site-0": "toulouse",
            "status-0": "disponible",
            "barcode-1": "RT900777",
            "site-1": "toulouse",
            "status-1": "disponible",
        },
    )
    html = notice.restrictedTraverse("@@exemplaires")()
    text = (
        "Le code-barres RT900777 est déjà celui d'un exemplaire de « Lire et écrire au travail »."
    )
    assert text in html
    page, barcodes = _rows(html)
    assert barcodes[:2] == ["RT900001", "RT900777"]
    assert page.xpath("//input[@name='barcode-0']")[0].get("aria-invalid") is None
    field = page.xpath("//input[@name='barcode-1']")[0]
    assert field.get("aria-invalid") == "true"
    (message,) = page.xpath(f"//*[@id='{field.get('aria-describedby')}']")
    assert "Lire et écrire au travail" in message.text_content()
    assert get_store(portal).copy("RT900777").uid == other.UID()


def test_the_labels_are_chosen_on_the_page(portal, notice):
    """Spine labels and a sheet already started were only URL parameters: the
    page now has a form for them, and what it sends gives that PDF."""
    from lxml import html as lxml_html
    from pypdf import PdfReader

    request = portal.REQUEST
    request.form.clear()
    request["REQUEST_METHOD"] = "GET"
    page = lxml_html.fromstring(notice.restrictedTraverse("@@exemplaires")())
    (form,) = page.xpath("//form[contains(@class, 'rt-labels-form')]")
    assert form.get("action").endswith("/illettrisme/@@etiquettes")
    assert sorted(form.xpath(".//input[@name='type']/@value")) == ["", "cote"]
    assert form.xpath(".//input[@name='sauter']/@max") == ["23"]
    label = page.xpath("//label[@for='rt-labels-skip']")[0].text_content()
    assert "déjà utilisées" in label

    import io

    request.form.update({"type": "cote", "sauter": "5"})
    body = notice.restrictedTraverse("@@etiquettes")()
    assert "etiquettes-cote-illettrisme.pdf" in request.response.getHeader("Content-Disposition")
    reader = PdfReader(io.BytesIO(body))
    # a spine label: the call number one part a line, the site under it
    assert reader.pages[0].extract_text().split() == ["374", "ILL", "Toulouse"]
