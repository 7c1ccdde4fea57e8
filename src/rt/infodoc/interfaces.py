"""Marker interfaces of the add-on."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IRtInfodocLayer(IDefaultBrowserLayer):
    """Browser layer installed by the rt.infodoc profile."""
