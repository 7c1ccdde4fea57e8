"""The held records on the import page: their list and the accept action (Zope).

Kept apart from ``view.py`` (the upload and job pages): the page shows every
record waiting for review, whatever import put it aside, and accepting one needs
a confirmation box ticked, like undoing an import.
"""

from plone.protect import CheckAuthenticator
from Products.statusmessages.interfaces import IStatusMessage
from zope.i18n import translate
from zope.i18nmessageid import Message

from rt.infodoc import _

from .. import held
from ..accept import AcceptRefused
from ..accept import accept_held
from ..accept import dismiss_held
from ..damage import OUTCOME_LABELS
from ..state import get_state

_DONE = {
    "create": _("Notice acceptée : la notice « ${title} » a été créée."),
    "update": _("Notice acceptée : la notice « ${title} » a été mise à jour."),
    "unchanged": _(
        "Notice acceptée : la notice « ${title} » était déjà identique, rien n'a été écrit."
    ),
}
NO_TITLE = _("(sans titre)")
# damage.OUTCOME_LABELS (pure Python) as message ids, for the catalogue (make i18n)
OUTCOME_MSGIDS = (
    _("mise à l'écart, à vérifier"),
    _("rejetée"),
    _("identique à la notice du site, rien n'a été écrit"),
    _("créée (elle ne ressemble à aucune notice du site)"),
    _("acceptée par un documentaliste, importée normalement"),
)


def pending_rows(site):
    """What the page shows of each held record (French, no internal names)."""
    base = site.absolute_url()
    rows = []
    for entry in held.pending(get_state(site, create=False)):
        target = entry.get("target")
        rows.append(
            {
                "digest": entry["digest"],
                "source": entry.get("source_name") or _("fichier inconnu"),
                "position": entry.get("position"),
                "offset": "?" if entry.get("offset") is None else entry["offset"],
                "identifier": entry.get("identifier") or _("sans identifiant"),
                "title": entry.get("title") or NO_TITLE,
                "why": entry.get("why") or "",
                "reason": entry.get("reason") or "",
                "target_url": f"{base}/{target}" if target else None,
                "target_title": entry.get("target_title") or target,
                "seen": held.date_fr(entry.get("last_seen")),
            }
        )
    return rows


def outcome_label(item) -> str:
    """The outcome in words, a message id the page translates."""
    label = OUTCOME_LABELS.get(item.get("outcome"), "")
    return _(label) if label else ""


def accept(view, form):
    """The accept button: import the record, say so; returns True when done."""
    CheckAuthenticator(view.request)
    if not form.get("confirmer"):
        view.error = translate(
            _(
                "Cochez « Je confirme » pour accepter cette notice : elle sera importée "
                "telle qu'elle a été réparée, sous votre responsabilité."
            ),
            context=view.request,
        )
        return False
    user = view.request.get("AUTHENTICATED_USER")
    user_id = user.getId() if user is not None else "?"
    try:
        done = accept_held(view.context, str(form.get("form.accept")), user_id)
    except AcceptRefused as exc:
        view.error = str(exc)
        return False
    title = done["title"] or translate(NO_TITLE, context=view.request)
    message = _DONE[done["action"]]
    message = translate(Message(message, mapping={"title": title}), context=view.request)
    if done["changes"]:
        message += " " + " ; ".join(done["changes"]) + "."
    IStatusMessage(view.request).add(message, type="info")
    return True


def dismiss(view, form):
    """The dismiss button: the record is rejected for good; returns True when done."""
    CheckAuthenticator(view.request)
    user = view.request.get("AUTHENTICATED_USER")
    user_id = user.getId() if user is not None else "?"
    try:
        entry = dismiss_held(view.context, str(form.get("form.dismiss")), user_id)
    except AcceptRefused as exc:
        view.error = str(exc)
        return False
    title = entry.get("title") or translate(NO_TITLE, context=view.request)
    message = _(
        "Notice « ${title} » écartée : elle ne sera pas importée, et les prochains "
        "imports la signaleront comme rejetée.",
        mapping={"title": title},
    )
    IStatusMessage(view.request).add(translate(message, context=view.request), type="info")
    return True
