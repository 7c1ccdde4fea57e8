"""The fast writer of an import run: Notices built directly, indexed once per batch (Zope).

``BulkNoticeWriter`` does what ``NoticeWriter`` does for one Notice, without the
per-object machinery that makes a bulk import crawl:

- the Notice is instantiated from its type's class, given its fields, a UID, its
  creator, then added with ``_setObject(..., suppress_events=True)``; what the
  ``IObjectCreatedEvent``/``IObjectAddedEvent`` subscribers would have done for a new
  Notice is done here: UID (plone.uuid), creator (CMFCore), intid (five.intid, so
  relations can point at it), initial workflow state then ``published`` (DCWorkflow's
  own ``notifyCreated``, then the same status record as ``NoticeWriter``), owner and
  ``Owner`` local role (``_setObject`` itself for the first Notice of a run, a copy
  of what it wrote for the others: they depend only on the user and the
  container).  Not run: content rules on "added" (an import is not an editor's
  action), link integrity and redirector (a new object has no links and no old
  path), the container's modification event (sent once per batch instead);
- nothing enters the indexing queue: ``finish_batch`` hands the batch's new and
  updated Notices to the run, which fires ``IBatchWritten`` for them; the search
  package catalogues them and sends them to Solr (``rt.infodoc.search.bulk``), the
  OAI provider drops their cached metadata, before the batch's commit;
- after the batch's commit, its Notices become ghosts (the ZODB cache keeps the
  catalog's buckets instead).
"""

import copy
import logging
import uuid

from Acquisition import aq_base
from DateTime import DateTime
from Persistence import PersistentMapping
from plone.dexterity.interfaces import IDexterityFTI
from plone.dexterity.utils import resolveDottedName
from plone.uuid.interfaces import ATTRIBUTE_NAME
from zope.component import getUtility
from zope.component import queryUtility
from zope.container.contained import notifyContainerModified
from zope.interface import implementer

from .apply import HASH_ATTR
from .apply import RAW_ATTR
from .apply import SOURCE_ATTR
from .apply import SUGGESTED_FIELDS
from .apply import WORKFLOW_ID
from .apply import NoticeWriter
from .interfaces import INoticeWriter

logger = logging.getLogger("rt.infodoc.importer")

PORTAL_TYPE = "Notice"
OWNERSHIP_ATTRS = ("_owner", "__ac_local_roles__")


@implementer(INoticeWriter)
class BulkNoticeWriter(NoticeWriter):
    def __init__(self, site, container_path="fonds", source="cosoter", actor="import"):
        super().__init__(site, container_path, source, actor)
        self.created = []  # Notices this batch created, not yet catalogued
        self.updated = []  # Notices this batch updated, not yet catalogued
        self.written = []  # Notices of the batch being committed (then ghosted)
        fti = getUtility(IDexterityFTI, name=PORTAL_TYPE)
        self.klass = resolveDottedName(fti.klass)
        chain = self.workflow_tool.getChainForPortalType(PORTAL_TYPE)
        self.workflow = (
            self.workflow_tool.getWorkflowById(WORKFLOW_ID)
            if tuple(chain) == (WORKFLOW_ID,)
            else None
        )
        try:
            from zope.intid.interfaces import IIntIds

            self.intids = queryUtility(IIntIds)
        except ImportError:  # pragma: no cover - Plone always has it
            self.intids = None
        self._workflow_template = None
        self._owner_template = None

    # --- writing -----------------------------------------------------------------

    def create(self, decision):
        if self.workflow is None:  # a customised workflow chain: the classic path
            return super().create(decision)
        values = self.field_values(decision, SUGGESTED_FIELDS)
        new_id = self._free_id(decision.key.rsplit("/", 1)[-1])
        obj = self.klass(id=new_id)
        obj.portal_type = PORTAL_TYPE
        for name, value in values.items():
            setattr(obj, name, value)
        setattr(obj, ATTRIBUTE_NAME, uuid.uuid4().hex)
        obj.addCreator()
        setattr(obj, HASH_ATTR, decision.content_hash)
        setattr(obj, RAW_ATTR, decision.raw_sha1)
        setattr(obj, SOURCE_ATTR, self.source)
        self._add(new_id, obj)
        obj = self.container._getOb(new_id)
        if self.intids is not None:
            self.intids.register(obj)
        self._initial_state(obj)
        self.created.append(obj)
        return f"{self.container_path}/{new_id}", getattr(obj, ATTRIBUTE_NAME)

    def _add(self, new_id, obj):
        """``_setObject`` without events; ownership as the first Notice got it.

        ``_setObject`` makes the current user the owner (``_owner``, unless the
        container's owner is the same) and gives them the ``Owner`` local role;
        both depend only on the user and the container, so the first Notice of the
        run goes through it and the others get a copy of what it wrote.
        """
        template = self._owner_template
        if template is None:
            self.container._setObject(new_id, obj, suppress_events=True)
            added = aq_base(self.container._getOb(new_id)).__dict__
            self._owner_template = {
                name: copy.deepcopy(added[name]) for name in OWNERSHIP_ATTRS if name in added
            }
            return
        for name, value in template.items():
            setattr(obj, name, copy.deepcopy(value))
        self.container._setObject(new_id, obj, set_owner=0, suppress_events=True)

    def _initial_state(self, obj):
        """Initial state then ``published``, as ``NoticeWriter.create`` leaves them.

        The first Notice of the run goes through DCWorkflow (``notifyCreated``, then
        ``_publish``); the others get a copy of its two history records (new time)
        and of the permission settings ``updateRoleMappingsFor`` wrote, which depend
        only on the workflow's state and the class.  (The transition events of
        ``notifyCreated`` have no subscriber for a Notice beyond CMF's generic ones.)
        """
        template = self._workflow_template
        if template is None:
            self.workflow.notifyCreated(obj)
            self._publish(obj)
            history = tuple(dict(entry) for entry in obj.workflow_history[WORKFLOW_ID])
            permissions = {
                name: value for name, value in obj.__dict__.items() if name.endswith("_Permission")
            }
            self._workflow_template = (history, permissions)
            return
        history, permissions = template
        now = DateTime()
        obj.workflow_history = PersistentMapping(
            {WORKFLOW_ID: tuple(dict(entry, time=now) for entry in history)}
        )
        for name, value in permissions.items():
            setattr(obj, name, copy.copy(value))
        if obj.effective_date is None:
            obj.effective_date = now

    def update(self, decision):
        obj, previous = self.write_update(decision)
        self.updated.append(obj)  # no modification event: IBatchWritten tells
        return previous

    # --- once per batch ------------------------------------------------------------

    def finish_batch(self):
        """The batch's (created, updated) Notices, for ``IBatchWritten`` (before
        the commit; the container gets its one modification notice here)."""
        created, updated = self.created, self.updated
        self.created, self.updated = [], []
        if created or updated:
            self.written.extend(created)
            self.written.extend(updated)
            notifyContainerModified(self.container)
        return created, updated

    def after_commit(self):
        """The batch is committed: its Notices leave the ZODB cache (``release``)."""
        self.release()

    def release(self):
        """Turn the committed Notices of the batch into ghosts.

        The run does not read them again; without this the cache's LRU would keep
        the newest objects (these Notices and their workflow histories) and evict
        the catalog's index buckets every batch writes to, which the next batch
        then loads again from the storage.  A committed, unchanged object can
        always be ghosted: the next access loads it.
        """
        written, self.written = self.written, []
        for obj in written:
            base = aq_base(obj)
            if base._p_changed is False:  # committed and not changed since
                history = base.__dict__.get("workflow_history")
                base._p_deactivate()
                if history is not None and getattr(history, "_p_changed", None) is False:
                    history._p_deactivate()

    def abort(self):
        self.created = []
        self.updated = []
        self.written = []
