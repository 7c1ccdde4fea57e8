"""The basket's records, read from the cookie and the catalog as the current user."""

from Acquisition import aq_base
from plone import api

from rt.infodoc.browser import basket_store
from rt.infodoc.browser import vocab
from rt.infodoc.browser.bibliography import format_reference_html
from rt.infodoc.browser.notice_data import notice_dict
from rt.infodoc.content.notice_marc import outgoing_of
from rt.infodoc.indexers.values import PRODUCTION_KINDS
from rt.infodoc.marc.outgoing import Outgoing


def basket_uids(request):
    return basket_store.parse(request.cookies.get(basket_store.COOKIE, ""))


def basket_objects(request, uids=None):
    """The visible objects of the basket, in basket order (catalog-filtered)."""
    uids = basket_uids(request) if uids is None else uids
    if not uids:
        return []
    brains = api.portal.get_tool("portal_catalog")(UID=uids)
    by_uid = {brain.UID: brain for brain in brains}
    objects = []
    for uid in uids:
        brain = by_uid.get(uid)
        if brain is None:
            continue
        obj = brain.getObject()
        if api.user.has_permission("View", obj=obj):
            objects.append(obj)
    return objects


def entry_of(obj):
    """(contract dict, url) of any basket object; non-Notice content gets a minimal dict."""
    if obj.portal_type == "Notice":
        return notice_dict(obj), obj.absolute_url()
    notice = {"title": obj.Title()}
    year = year_of(obj)
    if year:
        notice["year"] = year
    return notice, obj.absolute_url()


def year_of(obj):
    """The year of a production: its own date (a Conf'At', a fiche), else the day it
    was published, else the day it was created. ``obj.effective()`` is no answer: an
    item whose workflow never set a publication date gets Plone's floor date,
    1969-12-31 in UTC, which an export turned into "1969"."""
    own = getattr(aq_base(obj), "date", None)
    if hasattr(own, "year") and not callable(own):
        return own.year
    for date in (getattr(obj, "effective_date", None), getattr(obj, "creation_date", None)):
        if date is not None and hasattr(date, "year") and date.year() > 1970:
            return date.year()
    return None


def records_of(obj, notice):
    """The outgoing MARC of a basket object: a Notice's own (its kept record with
    the centre's changes), else a record built from the minimal dict."""
    if obj.portal_type == "Notice":
        return outgoing_of(obj)
    return Outgoing(notice, record_id=obj.UID())


def record_rows(objects, request):
    """What /panier shows for each object."""
    types = vocab.vocabulary_titles(vocab.DOCUMENT_TYPES, None, request)
    kinds = vocab.vocabulary_titles(vocab.PRODUCTION_KINDS, None, request)
    rows = []
    for obj in objects:
        notice, url = entry_of(obj)
        rows.append(
            {
                "uid": obj.UID(),
                "url": url,
                "title": obj.Title(),
                "type": types.get(notice.get("document_type"), "")
                or kinds.get(PRODUCTION_KINDS.get(obj.portal_type), obj.portal_type),
                "reference": format_reference_html(notice, url),
            }
        )
    return rows
