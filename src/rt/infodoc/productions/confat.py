"""The page of a Conf'At' session and the section's agenda and cycles."""

import datetime
from collections import OrderedDict

from zope.i18nmessageid import Message

from rt.infodoc import _
from rt.infodoc.content.structured import speakers_of
from rt.infodoc.productions.base import ProductionView
from rt.infodoc.productions.dates import as_date
from rt.infodoc.productions.dates import long_date


class ConfAtView(ProductionView):
    def speakers(self):
        """[{name, title, affiliation}] of the named speakers (content/structured.py)."""
        return [row for row in speakers_of(self.context) if row["name"]]

    def attendance(self):
        rows = []
        for name, message in (
            ("participants", _("${count} participant·e·s à la conférence")),
            ("workshop_participants", _("${count} participant·e·s à l'atelier-débat")),
        ):
            value = getattr(self.context, name, None)
            if value:
                rows.append(self.tr(Message(message, mapping={"count": value})))
        return rows

    def upcoming(self):
        day = as_date(getattr(self.context, "date", None))
        return day is not None and day >= datetime.date.today()

    def proceedings(self):
        return self.file_info("pdf", _("Actes (PDF)"))

    def participant_file(self):
        return self.file_info("participant_file", _("Dossier du participant"))

    def cited(self):
        return self.relations("cited_references")


class ConfAtSectionView(ProductionView):
    """The Conf'At' section: the agenda of coming sessions, then the cycles."""

    def _sessions(self):
        rows = []
        for brain in self.listing(portal_type="ConfAt", sort_on="sortable_title"):
            obj = brain.getObject()
            rows.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "description": brain.Description,
                    "day": as_date(getattr(obj, "date", None)),
                    "date": long_date(getattr(obj, "date", None)),
                    "place": getattr(obj, "place", None) or "",
                    "series": (getattr(obj, "series", None) or "").strip()
                    or self.tr(_("Autres rencontres")),
                }
            )
        return rows

    def update(self):
        today = datetime.date.today()
        sessions = self._sessions()
        self.agenda = sorted(
            (s for s in sessions if s["day"] and s["day"] >= today), key=lambda s: s["day"]
        )
        cycles = OrderedDict()
        for session in sorted(sessions, key=lambda s: s["day"] or datetime.date.min, reverse=True):
            cycles.setdefault(session["series"], []).append(session)
        self.cycles = [{"title": k, "sessions": v} for k, v in cycles.items()]

    def __call__(self):
        self.update()
        return self.index()
