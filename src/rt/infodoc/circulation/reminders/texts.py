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

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

LEVEL_NAMES = {1: "1re relance", 2: "2e relance", 3: "3e relance"}

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


def french_date(day):
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {MONTHS[day.month - 1]} {day.year}"


def document_lines(loans, today):
    lines = []
    for loan in loans:
        late = (today - loan.due).days
        days = "1 jour" if late == 1 else f"{late} jours"
        code = f" (code-barres {loan.barcode})" if loan.barcode else ""
        lines.append(
            f"- {loan.title or 'Document'}{code}, à rendre le {french_date(loan.due)} "
            f"(retard : {days})"
        )
    return "\n".join(lines)


def render(template, name, loans, today, site):
    values = {
        "nom": name,
        "documents": document_lines(loans, today),
        "site": site,
        "date": french_date(today),
    }
    return Template(template).safe_substitute(values)
