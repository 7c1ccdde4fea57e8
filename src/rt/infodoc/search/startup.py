"""Replay what Solr missed as soon as a Zope process opens the database.

A process started after Solr came back, or after an import was killed between
its commit and its Solr post, brings Solr level with the catalog before it serves
anyone (the search guard would do it on the first search anyway; this also
covers a site nobody searches). Each site in its own transaction; a failure is
logged and leaves the work to the guard.
"""

import logging

import transaction
from plone.base.interfaces import IPloneSiteRoot
from Testing.makerequest import makerequest
from zope.component.hooks import getSite
from zope.component.hooks import setSite

from rt.infodoc.search import config
from rt.infodoc.search.guard import replayed
from rt.infodoc.search.health import HEALTH

logger = logging.getLogger("rt.infodoc.search")


def _sites(app):
    for obj in app.objectValues():
        if IPloneSiteRoot.providedBy(obj):
            yield obj


def replay_site(site):
    """Replay the site's backlog if its Solr answers; True when Solr is level."""
    previous = getSite()
    setSite(site)
    try:
        if not config.solr_active() or not HEALTH.is_up(config.core_url(), max_age=0):
            transaction.abort()
            return False
        level = replayed(site)
        transaction.commit()
        return level
    except Exception:  # noqa: B902 - start-up goes on; the guard retries
        transaction.abort()
        logger.exception("Solr replay at start-up failed for %s", site.getId())
        return False
    finally:
        setSite(previous)


def replay_at_startup(event):
    connection = event.database.open()
    try:
        app = connection.root().get("Application")
        if app is None:
            return
        app = makerequest(app)  # URLs and acquired REQUEST as in a request
        for site in list(_sites(app)):
            replay_site(site)
    except Exception:  # noqa: B902
        logger.exception("Solr replay at start-up failed")
    finally:
        transaction.abort()
        connection.close()
