"""A borrower's data as the borrower reads it (RGPD right of access).

``borrowers.export_borrower`` gathers everything the store keeps about a
borrower, as stored: codes, English field names, record UIDs. What is handed to
the reader must be readable: French labels, the titles of sites, categories and
document types, the title of each document, dates as French spreadsheets read
them (JJ/MM/AAAA), "oui"/"non". Internal fields (record UIDs, the staff member
who lent, the reminders' bookkeeping) are left out: they are the centre's
data, not the reader's.

Pure Python: the page passes the titles it read from the vocabularies and the
catalog, and ``tr``, its translator.
"""

from datetime import date
from datetime import datetime

from rt.infodoc import _
from rt.infodoc.circulation.rules.messages import plain

# (section of export_borrower, its French title, its fields: (name, label, titles))
# ``titles`` names the dictionary of ``titles`` that turns the field's code into
# words; "document" is the record's title, read from the loan's UID.
SECTIONS = (
    (
        "emprunteur",
        _("Emprunteur"),
        (
            ("id", _("Carte"), None),
            ("kind", _("Type"), "kind"),
            ("name", _("Nom"), None),
            ("category", _("Catégorie"), "category"),
            ("email", _("Courriel"), None),
            ("phone", _("Téléphone"), None),
            ("structure", _("Structure"), None),
            ("home_site", _("Site de rattachement"), "site"),
            ("membership_year", _("Année d'adhésion"), None),
            ("expires", _("Inscription valable jusqu'au"), None),
            ("member_id", _("Compte du site"), None),
            ("blocked", _("Compte suspendu"), None),
            ("created", _("Inscrit le"), None),
            ("notes", _("Notes"), None),
        ),
    ),
    (
        "prets",
        _("Prêt"),
        (
            ("uid", _("Document"), "document"),
            ("barcode", _("Code-barres"), None),
            ("doc_type", _("Type de document"), "doc_type"),
            ("site", _("Prêté à"), "site"),
            ("start", _("Prêté le"), None),
            ("due", _("À rendre le"), None),
            ("renewals", _("Prolongations"), None),
            ("returned", _("Rendu le"), None),
            ("return_site", _("Rendu à"), "site"),
            ("override", _("Motif de la dérogation"), None),
        ),
    ),
    (
        "reservations",
        _("Réservation"),
        (
            ("uid", _("Document"), "document"),
            ("pickup_site", _("Site de retrait"), "site"),
            ("created", _("Demandée le"), None),
            ("status", _("État"), "reservation_status"),
            ("barcode", _("Exemplaire mis de côté"), None),
            ("ready_on", _("Disponible depuis le"), None),
            ("expires", _("À retirer avant le"), None),
        ),
    ),
    (
        "visites",
        _("Visite"),
        (
            ("when", _("Date"), None),
            ("site", _("Site"), "site"),
            ("first", _("Premier accueil"), None),
        ),
    ),
)
YES = _("oui")
NO = _("non")


def _value(value, titles, tr):
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return tr(YES) if value else tr(NO)
    if value is None:
        return ""
    if titles is not None:
        title = titles.get(value, value) if value != "" else ""
        return tr(title) if hasattr(title, "domain") else str(title)
    return value


def readable(data, titles, tr=plain):
    """``export_borrower``'s data with French labels and words:
    {"Emprunteur": {label: value}, "Prêts": [{label: value}], ...}.

    ``titles``: {"site", "category", "doc_type", "kind", "reservation_status",
    "document"}, each {code: title}; a code without a title stays as it is."""
    found = {}
    for key, title, fields in SECTIONS:
        rows = data[key] if isinstance(data[key], list) else [data[key]]
        shown = [
            {
                tr(label): _value(row.get(name), titles.get(source) if source else None, tr)
                for name, label, source in fields
            }
            for row in rows
        ]
        heading = tr(title)
        if isinstance(data[key], list):
            found[_plural(heading)] = shown
        else:
            found[heading] = shown[0]
    return found


def _plural(heading):
    """ "Prêts" for the list of "Prêt" ("Emprunteur" stays one)."""
    return heading if heading.endswith("s") else heading + "s"


def csv_rows(shown):
    """(section, field, value) lines of ``readable``'s data: "Prêt 2", "Rendu le"..."""
    lines = []
    for heading, content in shown.items():
        if isinstance(content, list):
            single = heading[:-1]
            for n, row in enumerate(content, start=1):
                lines.extend((f"{single} {n}", label, value) for label, value in row.items())
        else:
            lines.extend((heading, label, value) for label, value in content.items())
    return lines
