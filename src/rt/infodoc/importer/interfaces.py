"""What the importer offers other packages: its writers' interface, the run and the
event of each written batch (no Zope code here beyond zope.interface)."""

from zope.interface import Attribute
from zope.interface import Interface


class INoticeWriter(Interface):
    """Writes the Notices of an import run: ``apply.NoticeWriter`` (one Notice at a
    time, Plone's own events) and ``bulk.BulkNoticeWriter`` (a batch at a time,
    without the per-object events: see ``IBatchWritten``)."""

    def get(key):
        """The Notice at ``key`` (path in the site), or None."""

    def stored_hash(key):
        """The content hash the Notice at ``key`` was written with, or None."""

    def create(decision):
        """Create the Notice of a plan decision; returns (key, uid)."""

    def update(decision):
        """Write a plan decision over its Notice; returns the previous field values."""

    def refresh_raw(key, digest):
        """Record the raw bytes' digest of an unchanged Notice."""

    def withdraw(key):
        """Make the Notice private; returns (previous state, title, COSOTer id)."""

    def review_state(obj):
        """The workflow state of a Notice."""

    def delete(key):
        """Delete the Notice (undo of a creation); True when it existed."""

    def restore(key, previous):
        """Put back field values (undo of an update); True when the Notice exists."""

    def set_state(key, state):
        """Move the Notice to a workflow state (undo of a withdrawal)."""

    def finish_batch():
        """The batch's records are written, before its commit: returns (created,
        updated), the Notices written without their per-object events (none for
        the one-at-a-time writer)."""

    def after_commit():
        """The batch is committed (its Notices may leave the ZODB cache)."""

    def abort():
        """The batch's transaction was aborted: forget what it wrote."""


class IImportRun(Interface):
    """One run of the importer (a file, a harvest), from its first batch to its end.

    A subscriber of ``IBatchWritten`` that needs something for the whole run (a
    connection, caches, a background sender) keeps it with ``helper``: an
    ``IImportRunHelper`` the run closes or stops when it ends.
    """

    site = Attribute("The Plone site imported into.")
    run_id = Attribute("Identifier of the run (also in its batch ids).")

    def helper(name, factory):
        """The run's IImportRunHelper ``name``, made by ``factory()`` on the first call."""


class IImportRunHelper(Interface):
    """What a subscriber keeps for a whole run (``IImportRun.helper``); the run
    calls it at each step of each batch, in this order."""

    def before_commit():
        """Every subscriber has seen the batch: last writes in its transaction."""

    def after_commit():
        """The batch is committed."""

    def abort():
        """The batch's transaction was aborted (it will be written again)."""

    def close():
        """The run ended: inside its last transaction, before its commit."""

    def stop():
        """The run failed: after its abort; no ZODB write."""


class IBatchWritten(Interface):
    """An import batch is written, in its transaction, just before its commit.

    ``created`` and ``updated`` are the Notices the batch
    wrote without their per-object events (no IObjectAddedEvent or
    IObjectModifiedEvent, no indexing queue): a subscriber does for them what it
    would do on those events.  The catalog still holds what it held before the
    batch (search catalogues them in its helper's ``before_commit``).  Fired for every
    batch a run commits, with empty lists when its writer used the usual events.
    """

    site = Attribute("The Plone site imported into.")
    run = Attribute("The IImportRun this batch belongs to.")
    created = Attribute("Notices created by the batch (list).")
    updated = Attribute("Notices updated by the batch (list).")
