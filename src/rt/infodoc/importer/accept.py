"""A documentaliste accepts a held record: it is imported as a sound one would be (Zope).

(Or dismisses it: ``dismiss_held`` rejects it for good, nothing is written.)

The record is read again from the raw bytes kept with it, matched against the
site as it is now, and created or written over its Notice by the classic writer
(the usual events, catalog and Solr queue: one record, no need for the bulk
path).  Two differences with a sound record, because its structure was repaired:
the Notice keeps every match key it had (``keys.merge_keys`` with ``damaged``),
and its raw bytes never become a skip-unchanged shortcut.  The write is journaled
like an import batch, so ``scripts/import-marc --revert <lot>`` can undo it, and
the entry stays accepted: later runs of the same record import it normally.
"""

from rt.infodoc.marc.reader import read_records

from . import held
from . import keys
from . import plan
from .apply import NoticeWriter
from .batches import batch_id
from .batches import new_run_id
from .batches import now_iso
from .damage import ACCEPTED
from .damage import HELD
from .damage import REJECTED
from .index import build_index
from .state import get_state
from .state import new_journal


class AcceptRefused(Exception):
    """The record cannot be accepted (French message for the page)."""


def _read(entry):
    results = list(read_records(entry["raw"], flavour=entry.get("flavour")))
    if not results:
        raise AcceptRefused("La notice conservée est vide : elle ne peut pas être importée.")
    result = results[0]
    result.position, result.offset = entry.get("position") or 1, entry.get("offset")
    return result


def accept_held(site, digest, user_id):
    """Import the held record ``digest``; returns what was done (not committed).

    {"action": "create"|"update"|"unchanged", "key", "title", "batch", "changes"}.
    """
    state = get_state(site)
    entry = held.get(state, digest)
    if entry is None:
        raise AcceptRefused("Cette notice mise à l'écart est introuvable.")
    if entry.get("status") != HELD:
        raise AcceptRefused("Cette notice a déjà été acceptée ou rejetée.")
    result = _read(entry)
    container = entry.get("container") or "fonds"
    source = entry.get("import_source") or "cosoter"
    writer = NoticeWriter(site, container, source, actor=user_id)
    decision = plan.plan_record(result, build_index(site), writer.stored_hash, container, digest)
    if decision.action == plan.REJECT:
        raise AcceptRefused(f"La notice ne peut pas être importée : {decision.reason}")
    batch = batch_id(new_run_id(entry.get("file_sha1")) + "-acceptee", 1)
    journal = new_journal(batch, batch.rsplit("-", 1)[0], None, source)
    journal["first_position"] = journal["last_position"] = decision.position
    changes = []
    key = decision.key
    if decision.action == plan.CREATE:
        key, uid = writer.create(decision)
        journal["created"].append({"key": key, "uid": uid, "raw_sha1": digest})
    elif decision.action == plan.UPDATE:
        existing = keys.notice_keys(writer.get(key))
        decision.mapped, found = keys.merge_keys(existing, decision.mapped, damaged=True)
        changes = [keys.change_text(change) for change in found]
        previous = writer.update(decision)
        journal["updated"].append({"key": key, "previous": previous, "raw_sha1": digest})
    if journal["created"] or journal["updated"]:
        state.journal[batch] = journal
    else:
        batch = None
    source_keys = state.source_keys(source)
    if key not in source_keys:
        source_keys.insert(key)
    held.update(
        state,
        digest,
        status=ACCEPTED,
        accepted_by=user_id,
        accepted_at=now_iso(),
        result_key=key,
        result_action=decision.action,
        batch=batch,
    )
    return {
        "action": decision.action,
        "key": key,
        "title": decision.mapped.get("title"),
        "batch": batch,
        "changes": changes,
    }


def dismiss_held(site, digest, user_id):
    """Reject the held record ``digest`` for good: later runs report it as rejected
    and never hold it again (not committed)."""
    state = get_state(site)
    entry = held.get(state, digest)
    if entry is None:
        raise AcceptRefused("Cette notice mise à l'écart est introuvable.")
    if entry.get("status") != HELD:
        raise AcceptRefused("Cette notice a déjà été acceptée ou rejetée.")
    when = now_iso()
    held.update(
        state,
        digest,
        status=REJECTED,
        why=f"écartée par {user_id} le {held.date_fr(when)}",
        dismissed_by=user_id,
        dismissed_at=when,
    )
    return entry
