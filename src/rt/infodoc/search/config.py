"""Where Solr is: SOLR_HOST / SOLR_PORT / SOLR_BASE, else collective.solr's registry."""

import os

from plone.registry.interfaces import IRegistry
from zope.component import queryUtility

DEFAULTS = {"host": "127.0.0.1", "port": 8983, "base": "/solr/plone"}


def _registry_value(name):
    registry = queryUtility(IRegistry)
    if registry is None:
        return DEFAULTS[name]
    value = registry.get(f"collective.solr.{name}", None)
    return value if value not in (None, "") else DEFAULTS[name]


def solr_host():
    return os.environ.get("SOLR_HOST") or _registry_value("host")


def solr_port():
    value = os.environ.get("SOLR_PORT") or _registry_value("port")
    try:
        return int(value)
    except (TypeError, ValueError):
        return DEFAULTS["port"]


def solr_base():
    base = os.environ.get("SOLR_BASE") or _registry_value("base")
    return "/" + base.strip("/")


def core_url():
    """e.g. http://127.0.0.1:8983/solr/plone"""
    return f"http://{solr_host()}:{solr_port()}{solr_base()}"


def solr_active():
    """collective.solr switched on in the registry (its control panel)."""
    registry = queryUtility(IRegistry)
    if registry is None:
        return False
    try:
        return bool(registry["collective.solr.active"])
    except KeyError:
        return False
