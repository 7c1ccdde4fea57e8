"""Interfaces of the add-on shared by its packages: the browser layer, and the
events one package sends for others to hear."""

from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IRtInfodocLayer(IDefaultBrowserLayer):
    """Browser layer installed by the rt.infodoc profile."""


class IProcessStopping(Interface):
    """A Zope server process was asked to stop (SIGTERM, Ctrl-C) and its
    requests under way have ended; its databases are still open.

    Sent once, in the process's main thread, by publication/graceful_stop.py.
    A subscriber writes what a thread of the process still holds (the
    circulation's follower reindexes the availability it was handed), and
    returns within a few seconds: the process stops after it."""
