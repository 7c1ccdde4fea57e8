"""No edit form of the add-on's types (nor the add forms of a Notice and a Conf'At')
shows JSON: no text area of a JSON
field, no text area holding a list or an object, no "\\u00" escape.

The copies (exemplaires) of a Notice are the one JSON field left while the
circulation work turns them into copy records: their text area is skipped as long
as the field is a JSON field, and only it."""

import re

import pytest
import requests
import transaction
from plone import api
from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.utils import iterSchemataForType
from plone.schema.jsonfield import IJSONField
from zope.component import getAllUtilitiesRegisteredFor

PENDING = {("Notice", "items")}  # the circulation work's
# the buttons of datagridfield's grids (French in locales/, ours in our templates)
ENGLISH = ("Add row", "Delete row", "Move Up", "Move Down")


def _our_types():
    return sorted(
        fti.getId()
        for fti in getAllUtilitiesRegisteredFor(IDexterityFTI)
        if (fti.klass or "").startswith("rt.infodoc.")
    )


def _json_fields(portal_type):
    names = set()
    for schema in iterSchemataForType(portal_type):
        for name in schema.names():
            if IJSONField.providedBy(schema[name]) and (portal_type, name) not in PENDING:
                names.add(name)
    return names


def _container_for(portal, portal_type, made):
    """A folder of the site where the type may be added (its parent type made first)."""
    for obj in [portal, *portal.objectValues(), *made.values()]:
        allowed = getattr(obj, "allowedContentTypes", None)
        if allowed and portal_type in [t.getId() for t in allowed()]:
            return obj
    types = api.portal.get_tool("portal_types")
    for parent in _our_types():
        if parent not in made and portal_type in (types[parent].allowed_content_types or ()):
            made[parent] = api.content.create(
                container=_container_for(portal, parent, made), type=parent, title=f"Un {parent}"
            )
            return made[parent]
    raise AssertionError(f"no folder takes {portal_type}")


@pytest.fixture()
def every_type(rows_site):
    portal = rows_site["portal"]
    made = {}
    for portal_type in _our_types():
        if portal_type not in made:
            container = _container_for(portal, portal_type, made)
            made[portal_type] = api.content.create(
                container=container, type=portal_type, title=f"Un {portal_type}"
            )
    made["Notice"], made["ConfAt"] = rows_site["notice"], rows_site["confat"]
    transaction.commit()
    return made


def _problems(page, skipped):
    problems = []
    for area in page.xpath("//form//textarea"):
        name = area.get("name") or ""
        if name in skipped:
            continue
        text = (area.text or "").strip()
        if text[:1] in "[{" and text:
            problems.append(f"{name}: {text[:60]}")
    return problems


def test_no_form_shows_json(every_type, form_client):
    assert {"Notice", "ConfAt", "FicheExperience", "PanoramaPresse", "PressItem"} <= set(every_type)
    seen = []
    for portal_type, obj in sorted(every_type.items()):
        json_fields = _json_fields(portal_type)
        assert not json_fields, f"{portal_type}: JSON fields {json_fields}"
        skipped = {f"form.widgets.{n}" for t, n in PENDING if t == portal_type}
        urls = [obj.absolute_url() + "/@@edit"]
        if portal_type in ("Notice", "ConfAt"):
            urls.append(obj.aq_parent.absolute_url() + f"/++add++{portal_type}")
        for url in urls:
            page = form_client.open(url)
            assert "\\u00" not in form_client.text, url
            english = [w for w in ENGLISH if w in form_client.text]
            assert not english, (url, english)
            shown = " ".join(
                [page.xpath("string(//*[@id='content'])")]
                + page.xpath("//form//input[not(@type='hidden')]/@value")
                + page.xpath("//form//textarea/text()")
            )
            assert not re.search(r"\[\s*\{|\{\s*\"", shown), url
            assert _problems(page, skipped) == [], url
            assert page.xpath("//form[@id='form']"), url
            seen.append(url)
    assert len(seen) == len(every_type) + 2


def test_structured_fields_are_grids(every_type, form_client):
    for obj, field in ((every_type["Notice"], "authors"), (every_type["ConfAt"], "speakers")):
        page = form_client.open(obj.absolute_url() + "/@@edit")
        assert page.xpath(
            f"//div[contains(@class,'pat-datagridfield')]//table[@id='form-widgets-{field}']"
        )
        assert not page.xpath(f"//textarea[starts-with(@name,'form.widgets.{field}')]")


def test_readers_pages_load_no_grid_code(rows_site, form_client):
    """The grids' script and CSS are for logged-in users: a reader's page loads neither."""
    reader = requests.get(rows_site["base"] + "/recherche", timeout=60)
    assert reader.status_code == 200 and "/login" not in reader.url
    assert "datagridfield" not in reader.text and "rt.infodoc.structured" not in reader.text
    form_client.open(rows_site["base"] + "/recherche")
    assert "datagridfield-remote" in form_client.text and "rows.css" in form_client.text


def test_the_types_control_panel_shows_the_models(rows_site, form_client):
    for portal_type in ("Notice", "ConfAt"):
        for page in ("@@fields", "@@modeleditor"):
            form_client.open(f"{rows_site['base']}/@@dexterity-types/{portal_type}/{page}")
