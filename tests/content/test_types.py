"""Each content type: its FTI, its schema, who may add it and where."""

import pytest
from plone import api
from plone.api.exc import InvalidParameterError
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.dexterity.interfaces import IDexterityFTI
from zExceptions import Unauthorized
from zope.component import queryUtility

# type -> (section, fields its schema must offer, role that may add it)
TYPES = {
    "Notice": (
        "fonds",
        [
            "authors",
            "isbn",
            "document_type",
            "support",
            "cosoter_id",
            "items",
            "marc_record",
            "themes",
            "territory",
        ],
        "Documentaliste",
    ),
    "FicheExperience": (
        "fiches-experiences",
        ["fiche_number", "structure", "partners", "financing", "pdf", "themes"],
        "Contributor",
    ),
    "ConfAt": (
        "conf-at",
        ["series", "speakers", "participants", "workshop_participants", "pdf"],
        "Contributor",
    ),
    "DossierThematique": ("dossiers", ["introduction", "references", "themes"], "Contributor"),
    "PanoramaPresse": ("panoramas", ["date", "themes"], "Contributor"),
    "Periodique": ("periodiques", ["issn", "frequency"], "Documentaliste"),
    "Mallette": ("mallettes", ["relay_site", "references", "contents_list"], "Documentaliste"),
}
CHILDREN = {
    "PressItem": ("PanoramaPresse", ["source", "url", "summary"]),
    "NumeroPeriodique": ("Periodique", ["number", "contents"]),
}


def _fields(portal_type):
    fti = queryUtility(IDexterityFTI, name=portal_type)
    names = list(fti.lookupSchema().names())
    from plone.dexterity.utils import iterSchemataForType

    for schema in iterSchemataForType(portal_type):
        names.extend(schema.names())
    return set(names)


FRENCH_TITLES = {
    "ConfAt": "Conf'At'",
    "DossierThematique": "Dossier thématique",
    "FicheExperience": "Fiche expérience",
    "Mallette": "Mallette pédagogique",
    "Notice": "Notice",
    "NumeroPeriodique": "Numéro de périodique",
    "PanoramaPresse": "Panorama de presse",
    "Periodique": "Périodique",
    "PressItem": "Article de presse",
}


def test_every_type_has_its_french_title():
    assert set(FRENCH_TITLES) == set(TYPES) | set(CHILDREN)


@pytest.mark.parametrize("portal_type", sorted(TYPES) + sorted(CHILDREN))
def test_fti_is_installed_with_french_title(portal, portal_type):
    fti = queryUtility(IDexterityFTI, name=portal_type)
    assert fti is not None
    assert fti.title == FRENCH_TITLES[portal_type]


@pytest.mark.parametrize("portal_type", sorted(TYPES))
def test_schema_has_fields(portal, portal_type):
    expected = TYPES[portal_type][1]
    assert set(expected) <= _fields(portal_type)


@pytest.mark.parametrize("portal_type", sorted(CHILDREN))
def test_child_schema_has_fields(portal, portal_type):
    assert set(CHILDREN[portal_type][1]) <= _fields(portal_type)


@pytest.mark.parametrize("portal_type", sorted(TYPES))
def test_role_can_add_in_its_section(portal, portal_type):
    section_id, _fields_, role = TYPES[portal_type]
    setRoles(portal, TEST_USER_ID, ["Member", role])
    obj = api.content.create(container=portal[section_id], type=portal_type, title="Essai")
    assert obj.portal_type == portal_type
    assert api.content.get_state(obj) == "private"


@pytest.mark.parametrize("portal_type", ["Notice", "Periodique", "Mallette"])
def test_editor_cannot_catalogue(portal, portal_type):
    section_id = TYPES[portal_type][0]
    setRoles(portal, TEST_USER_ID, ["Member", "Contributor"])
    with pytest.raises(Unauthorized, match=f"^Cannot create {portal_type}$"):
        api.content.create(container=portal[section_id], type=portal_type, title="Non")


@pytest.mark.parametrize("portal_type", ["FicheExperience", "ConfAt", "DossierThematique"])
def test_documentaliste_cannot_write_productions(portal, portal_type):
    section_id = TYPES[portal_type][0]
    setRoles(portal, TEST_USER_ID, ["Member", "Documentaliste"])
    with pytest.raises(Unauthorized, match=f"^Cannot create {portal_type}$"):
        api.content.create(container=portal[section_id], type=portal_type, title="Non")


def test_member_cannot_add_anything(portal):
    setRoles(portal, TEST_USER_ID, ["Member"])
    assert portal["fonds"].allowedContentTypes() == []


def test_children_only_inside_their_parent(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    panorama = api.content.create(
        container=portal["panoramas"], type="PanoramaPresse", title="Panorama de presse n°1"
    )
    item = api.content.create(
        container=panorama, type="PressItem", title="Un article", source="La Dépêche du Midi"
    )
    assert item.source == "La Dépêche du Midi"
    # the section's type constraints refuse it (not a permission: the user is Manager)
    with pytest.raises(InvalidParameterError, match="Cannot add a 'PressItem' object"):
        api.content.create(container=portal["panoramas"], type="PressItem", title="Hors panorama")


def test_notice_fields_round_trip(portal):
    setRoles(portal, TEST_USER_ID, ["Documentaliste"])
    notice = api.content.create(
        container=portal["fonds"],
        type="Notice",
        title="Illettrisme : les chiffres",
        authors=[
            {"name": "Dupont, Marie", "role": "Auteur", "kind": "person"},
            {"name": "ANLCI", "role": "Auteur", "kind": "corporate"},
        ],
        isbn=["978-2-11-009876-5"],
        year=2012,
        document_type="rapport",
        themes=["savoirs-de-base"],
        territory=["31"],
        cosoter_id="12345",
    )
    brains = api.content.find(cosoter_id="12345")
    assert [b.getObject() for b in brains] == [notice]
    brain = brains[0]
    assert brain.authors == ["Dupont, Marie", "ANLCI"]
    assert brain.year == 2012
    assert api.content.find(isbn_norm="9782110098765")[0].UID == notice.UID()
    assert api.content.find(themes="savoirs-de-base", portal_type="Notice")[0].UID == notice.UID()
    assert "illettrisme" in " ".join(
        portal.portal_catalog.getIndexDataForRID(brain.getRID())["SearchableText"]
    )
