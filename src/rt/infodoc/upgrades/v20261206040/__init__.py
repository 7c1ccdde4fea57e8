"""20261206030 -> 20261206040: authors and speakers edited as rows, not JSON.

The authors of a Notice and the speakers of a Conf'At' were JSON fields, edited
as JSON text; they are rows now (``rt.infodoc.content.rows``), stored as before
as a plain list of plain dicts.  This step:

- installs collective.z3cform.datagridfield's profile (its browser layer and
  script, loaded for logged-in users only) and the bundle of the grids' CSS, on a
  site made before them;
- brings every stored value to the shape the choice lists know: JSON text is
  read, French words typed where codes are expected become codes ("role":
  "Auteur" -> function 070 and the role the UNIMARC export gives), rows without
  a name are dropped (the log says how many).  A value that only lacks empty
  keys is left as it is (nothing to rewrite).
"""

import logging

import transaction
from plone import api
from plone.base.interfaces import IBundleRegistry
from plone.registry.interfaces import IRegistry
from zope.component import getUtility

from rt.infodoc.content.structured import normalize_authors
from rt.infodoc.content.structured import normalize_speakers
from rt.infodoc.content.structured import rows_of

logger = logging.getLogger("rt.infodoc.upgrades")

DATAGRID_PROFILE = "collective.z3cform.datagridfield:default"
BUNDLE = "rt-infodoc-rows"
FIELDS = (("Notice", "authors", normalize_authors), ("ConfAt", "speakers", normalize_speakers))


def _filled(rows):
    return [{k: v for k, v in row.items() if v not in (None, "")} for row in rows]


def converted(stored, normalize):
    """The new value of a stored one, or None when it needs no rewriting."""
    if stored is None:
        return None
    new = normalize(stored)
    if type(stored) is list and all(type(row) is dict for row in stored):
        if _filled(new) == _filled(rows_of(stored)):
            return None
    return new


def install_grid(setup_tool):
    if setup_tool.getLastVersionForProfile(DATAGRID_PROFILE) == "unknown":
        setup_tool.runAllImportStepsFromProfile(f"profile-{DATAGRID_PROFILE}")
    registry = getUtility(IRegistry)
    bundles = registry.collectionOfInterface(IBundleRegistry, prefix="plone.bundles", check=False)
    if BUNDLE not in bundles:
        bundle = bundles.setdefault(BUNDLE)
        bundle.enabled = True
        bundle.csscompilation = "++resource++rt.infodoc.structured/rows.css"
        bundle.depends = "plone"
        bundle.expression = "python: member is not None"
        bundle.load_async = False
        bundle.load_defer = False
    if "datagridfield-bundle" in bundles:  # the edit forms' script, not the readers'
        bundles["datagridfield-bundle"].expression = "python: member is not None"


def convert_rows(portal):
    """{portal_type: (objects rewritten, rows dropped)}"""
    catalog = api.portal.get_tool("portal_catalog")
    report = {}
    for portal_type, name, normalize in FIELDS:
        rewritten = dropped = 0
        for count, brain in enumerate(catalog.unrestrictedSearchResults(portal_type=portal_type)):
            obj = brain._unrestrictedGetObject()
            stored = obj.__dict__.get(name)
            new = converted(stored, normalize)
            if new is None:
                continue
            dropped += len(rows_of(stored)) - len(new)
            setattr(obj, name, new)
            obj.reindexObject(idxs=["authors", "SearchableText"])  # speakers too
            rewritten += 1
            if count % 500 == 499:
                transaction.savepoint(optimistic=True)
        report[portal_type] = (rewritten, dropped)
        logger.info(
            "%s.%s: %d values rewritten as rows, %d rows without a name dropped",
            portal_type,
            name,
            rewritten,
            dropped,
        )
    return report


def rows_not_json(setup_tool):
    install_grid(setup_tool)
    convert_rows(api.portal.get())
