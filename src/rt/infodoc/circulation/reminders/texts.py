"""The French texts of the reminders (pure Python).

Each level has a subject and a body written by the documentalistes in the control
panel, with these fields between braces-free ``$`` markers (string.Template):

- ``$nom``: the borrower's name;
- ``$documents``: one line per document (title, barcode, due date, days late);
- ``$site``: the name of the centre (the site's title);
- ``$date``: today's date, in French.

An unknown ``$marker`` is left as written, so a typo never stops the mailing.
"""

from string import Template

from rt.infodoc import _
from rt.infodoc.circulation.rules.messages import plain
from rt.infodoc.french_dates import long_date

# Words of the letters are message ids (domain rt.infodoc), French as they stand:
# the page and the mailing translate them (``tr``), the pure functions read
# them as plain French when no translator is given (the months and "1er" too:
# rt/infodoc/french_dates.py).

LEVEL_NAMES = {1: _("1re relance"), 2: _("2e relance"), 3: _("3e relance")}

# The texts of the letters as the control panel shows them at first: the
# documentalistes' own text once saved in the registry (plain French, not ids).
DEFAULT_SUBJECTS = {
    1: "Rappel : document à rendre au centre de ressources",
    2: "Deuxième rappel : document en retard",
    3: "Dernier rappel : document à rendre sans délai",
}

DEFAULT_BODIES = {
    1: (
        "Bonjour $nom,\n\n"
        "Sauf erreur de notre part, le prêt suivant est arrivé à échéance :\n\n"
        "$documents\n\n"
        "Merci de le rapporter ou de le prolonger depuis votre compte en ligne.\n\n"
        "Le service Information-Documentation, $site"
    ),
    2: (
        "Bonjour $nom,\n\n"
        "Malgré notre premier rappel, ces documents ne nous sont pas revenus :\n\n"
        "$documents\n\n"
        "D'autres lecteurs les attendent : merci de les rapporter rapidement.\n\n"
        "Le service Information-Documentation, $site"
    ),
    3: (
        "Bonjour $nom,\n\n"
        "Ces documents sont en retard depuis longtemps :\n\n"
        "$documents\n\n"
        "Sans retour de votre part sous huit jours, vos prêts seront suspendus.\n\n"
        "Le service Information-Documentation, $site"
    ),
}


def french_date(day, tr=plain):
    return long_date(day, tr)


def document_lines(loans, today, tr=plain):
    lines = []
    for loan in loans:
        late = (today - loan.due).days
        mapping = {
            "title": loan.title or tr(_("Document")),
            "barcode": loan.barcode,
            "date": french_date(loan.due, tr),
            "late": tr(_("1 jour"))
            if late == 1
            else tr(_("${count} jours", mapping={"count": late})),
        }
        if loan.barcode:
            line = _(
                "- ${title} (code-barres ${barcode}), à rendre le ${date} (retard : ${late})",
                mapping=mapping,
            )
        else:
            line = _("- ${title}, à rendre le ${date} (retard : ${late})", mapping=mapping)
        lines.append(tr(line))
    return "\n".join(lines)


def render(template, name, loans, today, site, tr=plain):
    """The documentalistes' ``template`` with its ``$`` fields filled; ``tr``
    translates the words this module adds (dates, document lines)."""
    values = {
        "nom": name,
        "documents": document_lines(loans, today, tr),
        "site": site,
        "date": french_date(today, tr),
    }
    return Template(template).safe_substitute(values)
