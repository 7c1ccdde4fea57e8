"""Series numbers, the PDF made again at each change, relations to deleted Notices,
a press item added from a URL (served by a local HTTP server), the editors' rights,
and the upgrade step."""

import io

import pypdf
import pytest
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.protect.authenticator import createToken
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import modified

from rt.infodoc.productions import fiche_store
from rt.infodoc.productions.base import GONE


@pytest.fixture()
def site(integration):
    portal = integration["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return portal


def _fiche(portal, id, **fields):
    return api.content.create(
        container=portal["fiches-experiences"], type="FicheExperience", id=id, **fields
    )


def test_fiches_are_numbered_per_year_at_publication(site):
    import datetime

    given = _fiche(site, "a", title="A", fiche_number="n°1/2011", date=datetime.date(2011, 1, 1))
    api.content.transition(obj=given, to_state="published")
    second = _fiche(site, "b", title="B", date=datetime.date(2011, 5, 1))
    assert not second.fiche_number  # a draft has no number yet
    page = site.restrictedTraverse("fiches-experiences/b/@@fiche-view")()
    assert "Numéro en cours d'attribution" in page
    api.content.transition(obj=second, to_state="published")
    third = _fiche(site, "c", title="C", date=datetime.date(2011, 9, 1))
    api.content.transition(obj=third, to_state="published")
    other_year = _fiche(site, "d", title="D", date=datetime.date(2012, 2, 1))
    api.content.transition(obj=other_year, to_state="published")
    assert (given.fiche_number, second.fiche_number, third.fiche_number) == (
        "n°1/2011",
        "n°2/2011",
        "n°3/2011",
    )
    assert other_year.fiche_number == "n°1/2012"
    page = site.restrictedTraverse("fiches-experiences/b/@@fiche-view")()
    assert "n°2/2011" in page and "Numéro en cours d'attribution" not in page


def test_the_pdf_follows_the_fiche(site):
    fiche = _fiche(site, "regie", title="La Régie", territory=["81"])
    fiche.title = "La Régie de Territoire, Graulhet"
    modified(fiche)
    reader = pypdf.PdfReader(io.BytesIO(fiche_store.pdf_bytes(fiche)))
    assert len(reader.pages) == 4
    cover = reader.pages[0].extract_text()
    assert "La Régie de Territoire, Graulhet" in cover and "Tarn" in cover


def test_a_deleted_notice_is_said_so(site):
    notice = api.content.create(container=site["fonds"], type="Notice", id="n1", title="Lire")
    dossier = api.content.create(
        container=site["dossiers"], type="DossierThematique", id="d1", title="Dossier"
    )
    intids = getUtility(IIntIds)
    dossier.references = [RelationValue(intids.getId(notice))]
    dossier.reference_notes = [{"reference": notice.UID(), "comment": "Un classique."}]
    modified(dossier)
    page = dossier.restrictedTraverse("@@dossier-view")()
    url = notice.absolute_url()
    assert "Un classique." in page and f'href="{url}"' in page
    api.content.delete(obj=notice, check_linkintegrity=False)
    page = dossier.restrictedTraverse("@@dossier-view")()
    assert GONE in page and f'href="{url}"' not in page


def _post_url(site, panorama, url):
    request = site.REQUEST
    request.form.clear()
    request.form.update({"url": url, "form.submitted": "1", "_authenticator": createToken()})
    request.other["REQUEST_METHOD"] = "POST"
    request.environ["REQUEST_METHOD"] = "POST"
    view = panorama.restrictedTraverse("@@ajouter-article")
    return view, view()


def test_press_item_from_a_url(site, press_server):
    panorama = api.content.create(
        container=site["panoramas"], type="PanoramaPresse", id="p1", title="Panorama"
    )
    view, _html = _post_url(site, panorama, f"{press_server}/article")
    assert not view.error
    (item,) = panorama.objectValues()
    assert item.title == "Toulouse : les adultes-relais se forment à la médiation"
    assert item.source == "La Dépêche du Midi" and str(item.date) == "2022-02-03"
    view, html = _post_url(site, panorama, f"{press_server}/doc.pdf")
    assert "pas à une page web" in view.error and view.error in html
    view, html = _post_url(site, panorama, f"{press_server}/absent")
    assert "erreur (404)" in view.error
    assert len(panorama.objectValues()) == 1  # nothing half-saved


def test_editors_write_productions_not_the_fund(site):
    api.user.create(email="e@example.org", username="redactrice", password="secret-12345")
    api.group.add_user(groupname="editeurs", username="redactrice")
    notice = api.content.create(container=site["fonds"], type="Notice", id="n2", title="N")
    fiche = _fiche(site, "f2", title="F")
    with api.env.adopt_user(username="redactrice"):
        assert api.user.has_permission("Modify portal content", obj=fiche)
        assert not api.user.has_permission("Modify portal content", obj=notice)
        assert not api.user.has_permission("rt.infodoc: Add Notice", obj=site["fonds"])
        assert api.user.has_permission("rt.infodoc: Add production", obj=site["dossiers"])


def test_upgrade_step(site):
    from rt.infodoc.productions.sections import SECTION_VIEWS
    from rt.infodoc.upgrades.v20261206070 import productions_pages

    site["conf-at"].setLayout("folder_contents")
    fiche = _fiche(site, "old", title="Ancienne fiche")
    api.content.transition(obj=fiche, to_state="published")
    fiche.fiche_number = None
    productions_pages()
    for section, view in SECTION_VIEWS.items():
        assert site[section].getLayout() == view
    assert fiche.fiche_number and fiche_store.pdf_size(fiche) > 0
    fti = api.portal.get_tool("portal_types")["ConfAt"]
    assert fti.default_view == "confat-view"


def test_confat_agenda_and_session_page(site):
    import datetime

    section = site["conf-at"]
    future = datetime.date.today() + datetime.timedelta(days=30)
    api.content.create(
        container=section,
        type="ConfAt",
        id="a-venir",
        title="Séance à venir",
        series="Conf'At' 2027",
        date=future,
        place="Toulouse",
        speakers=[{"name": "Hervé Adami", "title": "Maître de conférences", "affiliation": ""}],
        participants=0,
    )
    api.content.create(
        container=section,
        type="ConfAt",
        id="passee",
        title="Séance passée",
        series="Conf'At' 2011",
        date=datetime.date(2011, 4, 8),
    )
    view = section.restrictedTraverse("@@confat-section-view")
    html = view()
    assert [s["title"] for s in view.agenda] == ["Séance à venir"]
    assert [c["title"] for c in view.cycles] == ["Conf'At' 2027", "Conf'At' 2011"]
    assert "8 avril 2011" in html
    page = section["a-venir"].restrictedTraverse("@@confat-view")()
    assert "À venir" in page and "Hervé Adami" in page and "Maître de conférences" in page
    assert "participant" not in page  # 0 participants: no attendance block
    assert "[{" not in page and "\\u00" not in page


def test_dossier_edit_form_has_a_comment_row_per_reference(site):
    notice = api.content.create(container=site["fonds"], type="Notice", id="n3", title="Lire")
    dossier = api.content.create(
        container=site["dossiers"], type="DossierThematique", id="d3", title="Dossier"
    )
    dossier.references = [RelationValue(getUtility(IIntIds).getId(notice))]
    form = dossier.restrictedTraverse("@@edit")()
    assert "Commentaires des références" in form
    assert notice.UID() in form  # the choice list of a comment row offers the chosen Notice
    from lxml import html

    assert "[{" not in html.fromstring(form).text_content()  # no JSON a person reads
