"""Fixtures of the importer tests that need a site (functional layer: commits allowed)."""

from pathlib import Path

import pytest
import transaction
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import login
from zope.component.hooks import setSite

DATA = Path(__file__).resolve().parent.parent / "data" / "marc"


@pytest.fixture()
def site(functional):
    portal = functional["portal"]
    setSite(portal)
    login(functional["app"], SITE_OWNER_NAME)
    transaction.commit()
    return portal


@pytest.fixture()
def demo_fund(tmp_path):
    """A deterministic UNIMARC demo fund of 40 records (French titles)."""
    from rt.infodoc.demo.fund import write_fund

    path = tmp_path / "fund.mrc"
    write_fund(str(path), count=40)
    return path
