"""Write one decision into the site: create, update or withdraw a Notice (Zope).

New Notices are built with ``createContent`` and added with ``_setObject`` (the
usual events run: UID, intid, ownership, initial workflow state, catalog queue),
then put in the ``published`` state directly (no transition machinery), so the
indexing queue indexes each object once, at commit.
"""

import copy

from DateTime import DateTime
from plone.dexterity.utils import createContent
from Products.CMFCore.utils import getToolByName
from Products.CMFCore.WorkflowCore import ActionSucceededEvent
from zope.event import notify
from zope.interface import Invalid
from zope.interface import implementer
from zope.schema import Choice
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import ValidationError

from rt.infodoc.content.notice import IMPORTED_FIELDS
from rt.infodoc.content.notice import INotice
from rt.infodoc.content.notice import notice_fields_to_schema
from rt.infodoc.marc.writers import to_iso2709

from .interfaces import INoticeWriter

# The centre's classification, suggested by the record's subjects (606/607) when
# the Notice has none of its own; a documentaliste's choice is never overwritten.
SUGGESTED_FIELDS = ("themes", "territory")

WORKFLOW_ID = "rt_infodoc_workflow"
PUBLISHED = "published"
WITHDRAWN_STATE = "private"

HASH_ATTR = "_rt_import_hash"
RAW_ATTR = "_rt_import_raw_sha1"
SOURCE_ATTR = "_rt_import_source"
WITHDRAWN_ATTR = "_rt_import_withdrawn"
IMPORT_ATTRS = (HASH_ATTR, RAW_ATTR, SOURCE_ATTR, WITHDRAWN_ATTR)

_FIELDS = dict(getFieldsInOrder(INotice))
_TITLE_MAX = 2000
# JSON fields: jsonschema validation costs ~13 ms a value; the mapping builds these
# lists itself, so a structural check is enough.
_JSON_FIELDS = ("authors", "items")


def _list_of_dicts(value):
    return isinstance(value, list) and all(
        isinstance(item, dict)
        and all(isinstance(k, str) and isinstance(v, (str, type(None))) for k, v in item.items())
        for item in value
    )


@implementer(INoticeWriter)
class NoticeWriter:
    """Applies decisions to the Notices of one site (one ZODB connection)."""

    def __init__(self, site, container_path="fonds", source="cosoter", actor="import"):
        self.site = site
        self.container_path = container_path
        self.container = site.unrestrictedTraverse(container_path)
        self.source = source
        self.actor = actor
        self.workflow_tool = getToolByName(site, "portal_workflow")
        self.catalog = getToolByName(site, "portal_catalog")
        self._verdicts = {}

    # --- reading -----------------------------------------------------------------

    def get(self, key):
        try:
            return self.site.unrestrictedTraverse(key)
        except (KeyError, AttributeError):
            return None

    def stored_hash(self, key):
        """Content hash of an existing Notice; None when withdrawn (it must come back)."""
        obj = self.get(key)
        if obj is None or getattr(obj, WITHDRAWN_ATTR, False):
            return None
        return getattr(obj, HASH_ATTR, None)

    # --- values ------------------------------------------------------------------

    def field_values(self, decision, suggested=()):
        """Notice field values of a decision, invalid ones dropped with a warning.

        ``suggested`` names the centre's own fields (themes, territory) that the
        record may fill: on creation, or while the Notice has none of its own.
        """
        values = notice_fields_to_schema(decision.mapped)
        values["marc_flavour"] = decision.flavour or values.get("marc_flavour")
        if decision.record is not None:
            try:
                values["marc_record"] = to_iso2709(decision.record).decode("utf-8")
            except Exception as exc:  # keep the Notice, say what could not be kept
                decision.warnings.append(f"notice MARC d'origine non conservée : {exc}")
        if len(values.get("title", "")) > _TITLE_MAX:
            values["title"] = values["title"][:_TITLE_MAX]
        clean = {}
        for name, value in values.items():
            if name not in IMPORTED_FIELDS and name not in suggested:
                continue
            field = _FIELDS.get(name)
            if name in _JSON_FIELDS:
                if not _list_of_dicts(value):
                    decision.warnings.append(f"valeur ignorée pour « {name} » : structure invalide")
                    continue
            elif field is not None and name != "marc_record":
                problem = self._invalid(name, field, value)
                if problem:
                    decision.warnings.append(
                        f"valeur ignorée pour « {name} » ({value!r}) : {problem}"
                    )
                    continue
            clean[name] = value
        return clean

    def _invalid(self, name, field, value):
        """Name of the validation error of ``value``, or None.  Choice values repeat
        from record to record: their verdict is remembered for the run."""
        key = (name, value) if isinstance(field, Choice) and isinstance(value, str) else None
        if key is not None and key in self._verdicts:
            return self._verdicts[key]
        try:
            field.bind(self.container)._validate(value)
            problem = None
        except (ValidationError, Invalid, ValueError, TypeError) as exc:
            problem = exc.__class__.__name__
        if key is not None:
            self._verdicts[key] = problem
        return problem

    # --- writing -----------------------------------------------------------------

    def _publish(self, obj):
        tool = self.workflow_tool
        tool.setStatusOf(
            WORKFLOW_ID,
            obj,
            {
                "action": "publish",
                "review_state": PUBLISHED,
                "actor": self.actor,
                "comments": "Import MARC",
                "time": DateTime(),
            },
        )
        tool.getWorkflowById(WORKFLOW_ID).updateRoleMappingsFor(obj)
        if obj.effective_date is None:
            obj.effective_date = DateTime()

    def review_state(self, obj):
        status = self.workflow_tool.getStatusOf(WORKFLOW_ID, obj) or {}
        return status.get("review_state")

    def _set_state(self, obj, state, action):
        """Change the state of an existing Notice, and say so like a transition
        would (the OAI provider leaves or lifts a tombstone on that event)."""
        tool = self.workflow_tool
        tool.setStatusOf(
            WORKFLOW_ID,
            obj,
            {
                "action": action,
                "review_state": state,
                "actor": self.actor,
                "comments": "Import MARC",
                "time": DateTime(),
            },
        )
        workflow = tool.getWorkflowById(WORKFLOW_ID)
        workflow.updateRoleMappingsFor(obj)
        notify(ActionSucceededEvent(obj, workflow, action, None))

    def create(self, decision):
        """Create the Notice; returns (key, uid)."""
        values = self.field_values(decision, SUGGESTED_FIELDS)
        new_id = self._free_id(decision.key.rsplit("/", 1)[-1])
        obj = createContent("Notice", **values)
        obj.id = new_id
        setattr(obj, HASH_ATTR, decision.content_hash)
        setattr(obj, RAW_ATTR, decision.raw_sha1)
        setattr(obj, SOURCE_ATTR, self.source)
        self.container._setObject(new_id, obj)
        obj = self.container._getOb(new_id)
        self._publish(obj)
        obj.reindexObject()
        return f"{self.container_path}/{new_id}", obj.UID()

    def _free_id(self, wanted):
        candidate, n = wanted, 1
        while candidate in self.container:
            n += 1
            candidate = f"{wanted}-{n}"
        return candidate

    def snapshot(self, obj):
        """Imported fields, import attributes and state of a Notice (for revert)."""
        previous = {
            name: copy.deepcopy(obj.__dict__[name])
            for name in IMPORTED_FIELDS + IMPORT_ATTRS
            if name in obj.__dict__
        }
        previous["_review_state"] = self.review_state(obj)
        return previous

    def update(self, decision):
        """Overwrite the imported fields; the centre's own fields stay. Returns snapshot."""
        obj, previous = self.write_update(decision)
        obj.reindexObject()
        return previous

    def write_update(self, decision):
        """The update without indexing: (Notice, snapshot)."""
        obj = self.get(decision.key)
        previous = self.snapshot(obj)
        unclassified = tuple(name for name in SUGGESTED_FIELDS if not getattr(obj, name, None))
        values = self.field_values(decision, unclassified)
        for name in unclassified:
            if values.get(name):
                setattr(obj, name, values[name])
        for name in IMPORTED_FIELDS:
            if name in values:
                setattr(obj, name, values[name])
            elif name in obj.__dict__:
                field = _FIELDS.get(name)
                default = copy.deepcopy(field.default) if field is not None else None
                setattr(obj, name, default)
        setattr(obj, HASH_ATTR, decision.content_hash)
        setattr(obj, RAW_ATTR, decision.raw_sha1)
        setattr(obj, SOURCE_ATTR, self.source)
        if getattr(obj, WITHDRAWN_ATTR, False):
            obj.__dict__.pop(WITHDRAWN_ATTR, None)
            obj._p_changed = True
            self._set_state(obj, PUBLISHED, "publish")
        obj.setModificationDate()
        return obj, previous

    def refresh_raw(self, key, digest):
        """Same content, new raw bytes: remember them for the next fast skip."""
        obj = self.get(key)
        if obj is not None and digest and getattr(obj, RAW_ATTR, None) != digest:
            setattr(obj, RAW_ATTR, digest)

    def withdraw(self, key):
        """Put a Notice in the private state; returns (previous state, title, cosoter_id)."""
        obj = self.get(key)
        if obj is None:
            return None
        previous = self.review_state(obj)
        setattr(obj, WITHDRAWN_ATTR, True)
        if previous != WITHDRAWN_STATE:
            self._set_state(obj, WITHDRAWN_STATE, "retract")
            obj.reindexObject(idxs=["review_state", "allowedRolesAndUsers"])
        return previous, obj.Title(), getattr(obj, "cosoter_id", None)

    # --- revert ------------------------------------------------------------------

    def delete(self, key):
        obj = self.get(key)
        if obj is None:
            return False
        parent = obj.aq_parent
        parent.manage_delObjects([obj.getId()])
        return True

    def restore(self, key, previous):
        obj = self.get(key)
        if obj is None:
            return False
        state = previous.get("_review_state")
        for name in IMPORTED_FIELDS + IMPORT_ATTRS:
            if name in previous:
                setattr(obj, name, previous[name])
            elif name in obj.__dict__:
                del obj.__dict__[name]
                obj._p_changed = True
        if state and state != self.review_state(obj):
            self._set_state(obj, state, "revert")
        obj.reindexObject()
        return True

    def set_state(self, key, state):
        obj = self.get(key)
        if obj is None:
            return False
        obj.__dict__.pop(WITHDRAWN_ATTR, None)
        obj._p_changed = True
        if state and state != self.review_state(obj):
            self._set_state(obj, state, "revert")
            obj.reindexObject(idxs=["review_state", "allowedRolesAndUsers"])
        return True

    # --- once per batch: nothing to do, each Notice went through the usual events

    def finish_batch(self):
        return [], []

    def after_commit(self):
        pass

    def abort(self):
        pass
