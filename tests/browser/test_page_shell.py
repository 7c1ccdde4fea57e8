"""The page shell kept for anonymous readers of /recherche: the same page as a full
rendering, never reused for a logged-in user, renewed when the navigation changes."""

import re

import requests
import transaction
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

from rt.infodoc.browser import page_shell


def _same_html(text):
    """Whitespace inside and between tags aside (Chameleon keeps the template's line
    breaks inside a tag, Zope's engine folds them)."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*(/?>)", r"\1", text)
    return re.sub(r">\s+<", "><", text)


def _page(fund, auth=None, **params):
    response = requests.get(f"{fund['base']}/recherche", params=params, auth=auth, timeout=60)
    assert response.status_code == 200
    return response.text


def test_shell_pages_equal_full_pages(functional, live_fund):
    page_shell.forget()
    page_shell.TTL, ttl = 0.0, page_shell.TTL  # every request renders in full
    try:
        full = [
            _page(live_fund, q="illettrisme"),
            _page(live_fund, q="emploi", page="2"),
            _page(live_fund),
        ]
    finally:
        page_shell.TTL = ttl
    _page(live_fund, q="jeunesse")  # fills the shell
    [(_time, (before, _between, after))] = page_shell._shells.values()
    assert "<!DOCTYPE html>" in before and "</html>" in after  # kept after the theme
    shelled = [
        _page(live_fund, q="illettrisme"),
        _page(live_fund, q="emploi", page="2"),
        _page(live_fund),
    ]
    assert [_same_html(page) for page in shelled] == [_same_html(page) for page in full]
    assert "Apprendre à lire aux adultes" in shelled[0]


def test_a_logged_in_user_never_gets_the_anonymous_shell(functional, live_fund):
    anonymous = _page(live_fund, q="illettrisme")
    assert "userrole-anonymous" in anonymous
    owner = _page(live_fund, auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD), q="illettrisme")
    assert "userrole-anonymous" not in owner and "userrole-authenticated" in owner


def test_a_new_section_shows_in_the_shell_at_once(functional, live_fund):
    assert "Espace presse" not in _page(live_fund, q="illettrisme")
    portal = functional["portal"]
    folder = api.content.create(container=portal, type="Folder", id="presse", title="Espace presse")
    api.content.transition(obj=folder, to_state="published")
    transaction.commit()
    assert "Espace presse" in _page(live_fund, q="illettrisme")
