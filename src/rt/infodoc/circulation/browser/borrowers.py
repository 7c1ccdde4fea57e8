"""@@emprunteurs: find, register, edit, export (JSON, CSV) and erase borrowers.

The borrower being edited travels in POSTed forms (never in a URL); the
export is a download answered to a POST.
"""

import csv
import io
import json
from datetime import date

import transaction
from plone import api
from plone.batching import Batch
from Products.Five.browser import BrowserView

from rt.infodoc import _
from rt.infodoc.circulation import borrower_search
from rt.infodoc.circulation import borrowers
from rt.infodoc.circulation import personal_data
from rt.infodoc.circulation import receipt
from rt.infodoc.circulation import settings
from rt.infodoc.circulation.browser.common import CirculationPage
from rt.infodoc.circulation.browser.common import fmt_date
from rt.infodoc.circulation.browser.common import titles_of
from rt.infodoc.circulation.browser.desk import KIND_TITLES
from rt.infodoc.circulation.browser.desk import RESERVATION_TITLES
from rt.infodoc.circulation.errors import CirculationError
from rt.infodoc.circulation.figures.view import labels as figure_labels

PAGE_SIZE = 50
# the fields of the form that may be refused, in the form's order, by their ids
FIELD_IDS = {
    "name": "rt-b-name",
    "kind": "rt-b-kind",
    "category": "rt-b-category",
    "home_site": "rt-b-site",
    "email": "rt-b-email",
    "membership_year": "rt-b-year",
    "expires": "rt-b-expires",
}
KINDS = (
    ("personne", _("Personne")),
    ("structure", _("Structure (association, collectivité, État)")),
)


def _text(value):
    """A posted field as text (a name posted twice: its first value)."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    return value.strip() if isinstance(value, str) else ""


def _date(value):
    value = _text(value)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return "invalid"


def _year(value):
    value = _text(value)
    if not value:
        return None
    try:
        year = int(value)
    except ValueError:
        return "invalid"
    return year if 1990 <= year <= 2100 else "invalid"


class BorrowersView(BrowserView, CirculationPage):
    def __call__(self):
        self.done = []
        self.errors = []
        self.field_errors = {}  # field name -> texts, shown beside the field
        self.editing = None  # the Borrower shown in the form, or {} for a new one
        self.values = {}
        if self.check_post():
            action = self.request.form.get("action")
            handler = getattr(self, f"do_{action}", None) if action else None
            if handler is not None:
                result = handler()
                if result is not None:
                    return result
        return self.index()

    @property
    def store(self):
        return settings.store_of(api.portal.get())

    def _form_values(self):
        form = self.request.form
        values = {
            name: _text(form.get(name))
            for name in (
                "kind",
                "name",
                "category",
                "email",
                "phone",
                "structure",
                "home_site",
                "notes",
                "blocked",
                "member_id",
            )
        }
        values["expires"] = _date(form.get("expires"))
        values["membership_year"] = _year(form.get("membership_year"))
        return values

    def _check(self, values):
        """The refusals' texts; each one is also kept for its field
        (``field_errors``), shown beside it."""
        errors = []

        def refuse(field, message):
            text = self.tr(message)
            errors.append(text)
            self.field_errors.setdefault(field, []).append(text)

        if not values["name"]:
            refuse("name", _("Indiquez le nom de l'emprunteur."))
        if values["expires"] == "invalid":
            refuse("expires", _("La date d'expiration n'est pas une date (AAAA-MM-JJ)."))
        if values["membership_year"] == "invalid":
            refuse(
                "membership_year", _("L'année d'adhésion doit être une année (par exemple 2026).")
            )
        if values["email"] and not receipt.valid_address(values["email"]):
            refuse(
                "email",
                _(
                    "L'adresse de courriel « ${email} » n'est pas valide "
                    "(par exemple : nom@domaine.fr).",
                    mapping={"email": values["email"][:80]},
                ),
            )
        if values["category"] not in settings.category_titles():
            refuse("category", _("Choisissez une catégorie de la liste."))
        if values["home_site"] not in settings.site_codes():
            refuse("home_site", _("Choisissez un site de la liste."))
        if values["kind"] not in dict(KINDS):
            refuse("kind", _("Choisissez personne ou structure."))
        return errors

    def field_class(self, field, base):
        return f"{base} is-invalid" if self.field_errors.get(field) else base

    def invalid(self, field):
        return "true" if self.field_errors.get(field) else None

    def autofocus(self, field, focus):
        return "autofocus" if focus == FIELD_IDS[field] else None

    def described_by(self, field):
        return f"rt-b-err-{field}" if self.field_errors.get(field) else None

    # ---------------------------------------------------------------- actions

    def do_nouveau(self):
        self.editing = {}
        self.values = {
            "kind": "personne",
            "category": "usager",
            "home_site": self.staff_site() or "toulouse",
        }

    def _mine(self, borrower):
        """Relay staff manage the borrowers of their own site only."""
        site = self.staff_site()
        return borrower is not None and (site is None or borrower.home_site == site)

    def do_voir(self):
        borrower = self.store.borrower(self.request.form.get("carte"))
        if not self._mine(borrower):
            self.errors = [self.tr(_("Emprunteur introuvable."))]
            return
        self.editing = borrower
        self.values = borrower.as_dict()
        self.values["expires"] = borrower.expires.isoformat() if borrower.expires else ""

    def do_enregistrer(self):
        values = self._form_values()
        card = _text(self.request.form.get("carte"))
        self.errors = self._check(values)
        existing = self.store.borrower(card) if card else None
        if existing is not None and not self._mine(existing):
            self.errors = [self.tr(_("Emprunteur introuvable."))]
            return
        if self.staff_site() and values["home_site"] != self.staff_site():
            text = self.tr(_("Choisissez un site de la liste."))
            self.errors.append(text)
            self.field_errors.setdefault("home_site", []).append(text)
        if self.errors:
            self.editing = existing or {}
            self.values = self._typed(values, card)
            return
        store = settings.get_store(api.portal.get(), create=True)
        try:
            if existing is not None:
                borrowers.update_borrower(store, existing, **values)
                borrower = existing
            else:
                borrower = borrowers.add_borrower(store, card=card or None, **values)
        except CirculationError as error:
            transaction.abort()
            self.errors = self.error_texts(error)
            self.editing = existing or {}
            self.values = self._typed(values, card)
            return
        self.done.append(
            self.tr(
                _(
                    "Emprunteur enregistré : ${name} (carte ${card}).",
                    mapping={"name": borrower.name, "card": borrower.id},
                )
            )
        )
        self.editing = borrower
        self.values = borrower.as_dict()
        self.values["expires"] = borrower.expires.isoformat() if borrower.expires else ""

    def _typed(self, values, card):
        """The form's values as typed, to show them again beside the refusals."""
        form = self.request.form
        return dict(
            values,
            id=card,
            expires=_text(form.get("expires")),
            membership_year=_text(form.get("membership_year")),
        )

    def do_exporter(self):
        card = self.request.form.get("carte")
        if not self._mine(self.store.borrower(card)):
            self.errors = [self.tr(_("Emprunteur introuvable."))]
            return None
        try:
            data = borrowers.export_borrower(self.store, card)
        except CirculationError as error:
            self.errors = self.error_texts(error)
            return None
        shown = personal_data.readable(data, self._export_titles(data), self.tr)
        response = self.request.response
        if self.request.form.get("format") == "csv":
            out = io.StringIO()
            writer = csv.writer(out, delimiter=";")
            writer.writerow([self.tr(_("Rubrique")), self.tr(_("Champ")), self.tr(_("Valeur"))])
            writer.writerows(personal_data.csv_rows(shown))
            body = "\ufeff" + out.getvalue()
            response.setHeader("Content-Type", "text/csv; charset=utf-8")
            response.setHeader(
                "Content-Disposition", f'attachment; filename="emprunteur-{card}.csv"'
            )
            return body
        response.setHeader("Content-Type", "application/json; charset=utf-8")
        response.setHeader("Content-Disposition", f'attachment; filename="emprunteur-{card}.json"')
        return json.dumps(shown, ensure_ascii=False, indent=2)

    def _export_titles(self, data):
        """The words of the codes in a borrower's export, for personal_data.readable."""
        uids = [row["uid"] for key in ("prets", "reservations") for row in data[key]]
        documents = {uid: found["title"] for uid, found in titles_of(uids).items()}
        return {
            "site": settings.site_titles(),
            "category": settings.category_titles(),
            "doc_type": figure_labels(self.context, self.request)["type"],
            "kind": KIND_TITLES,
            "reservation_status": RESERVATION_TITLES,
            "document": documents,
        }

    def do_effacer(self):
        card = self.request.form.get("carte")
        if not self._mine(self.store.borrower(card)):
            self.errors = [self.tr(_("Emprunteur introuvable."))]
            return
        if not self.request.form.get("confirmer"):
            self.errors = [self.tr(_("Cochez la case de confirmation pour effacer l'emprunteur."))]
            self.do_voir()
            return
        try:
            borrower = borrowers.erase_borrower(self.store, card, api.portal.get())
        except CirculationError as error:
            transaction.abort()
            self.errors = self.error_texts(error)
            self.do_voir()
            return
        self.done.append(
            self.tr(
                _(
                    "${name} est effacé ; son historique de prêts reste, anonyme.",
                    mapping={"name": borrower.name},
                )
            )
        )

    # ---------------------------------------------------------------- page data

    def query(self):
        return (self.request.form.get("q") or "").strip()

    def page_start(self):
        """The first row of the page asked (``b_start``, as Plone's batching)."""
        text = _text(self.request.form.get("b_start"))
        return int(text) if text.isdecimal() else 0

    def batch(self):
        """The page of borrowers shown: those found (every one when nothing is
        searched, in French order), relay staff seeing only their site's."""
        if getattr(self, "_batch", None) is None:
            store = self.store
            found = (
                store.find_borrowers(self.query(), limit=None)
                if self.query()
                else borrower_search.in_french_order(store.all_borrowers())
            )
            site = self.staff_site()
            found = [b for b in found if site is None or b.home_site == site]
            last_page = max(0, (len(found) - 1) // PAGE_SIZE)
            start = min(self.page_start() // PAGE_SIZE, last_page) * PAGE_SIZE
            self._batch = Batch(found, PAGE_SIZE, start)
        return self._batch

    def results(self):
        store = self.store
        today = date.today()
        return [
            {
                "card": b.id,
                "name": b.name,
                "category": self.category_title(b.category),
                "site": self.site_title(b.home_site),
                "expires": fmt_date(b.expires),
                "expired": bool(b.expires and b.expires < today),
                "loans": len(store.loans_of(b.id)),
            }
            for b in self.batch()
        ]

    def summary(self):
        """ "Emprunteurs 51 à 100 sur 220", said before the list."""
        batch = self.batch()
        mapping = {
            "first": batch.start,
            "last": batch.end,
            "total": batch.sequence_length,
            "query": self.query(),
        }
        if self.query():
            return self.tr(
                _(
                    "Emprunteurs ${first} à ${last} sur ${total} trouvés pour « ${query} ».",
                    mapping=mapping,
                )
            )
        return self.tr(
            _(
                "Emprunteurs ${first} à ${last} sur ${total}, par ordre alphabétique.",
                mapping=mapping,
            )
        )

    def pages(self):
        """The page links (buttons of a POSTed form: a name searched never goes
        into a URL), or [] when everything fits on one page."""
        batch = self.batch()
        if batch.numpages <= 1:
            return []
        return [
            {
                "number": number,
                "start": (number - 1) * PAGE_SIZE,
                "current": number == batch.pagenumber,
                "label": self.tr(_("Page ${number}", mapping={"number": number})),
            }
            for number in batch.navlist
        ]

    def previous_start(self):
        batch = self.batch()
        return (batch.pagenumber - 2) * PAGE_SIZE if batch.has_previous else None

    def next_start(self):
        batch = self.batch()
        return batch.pagenumber * PAGE_SIZE if batch.has_next else None

    def focus(self):
        """Where the page puts the focus: the first field refused, else the
        name of the borrower being edited, the list after a page change, else
        the search field."""
        if self.editing is not None:
            wrong = [f for f in FIELD_IDS if self.field_errors.get(f)]
            return FIELD_IDS[wrong[0]] if wrong else "rt-b-name"
        if "b_start" in self.request.form and self.results():
            return "rt-b-summary"
        return "rt-b-q"

    def total(self):
        return len(self.store.borrowers)

    def kinds(self):
        return [{"code": c, "title": self.tr(t)} for c, t in KINDS]

    def categories(self):
        return [{"code": c, "title": t} for c, t in settings.category_titles().items()]

    def history(self):
        if not self.editing or isinstance(self.editing, dict):
            return []
        from rt.infodoc.circulation.browser.common import titles_of

        loans = sorted(
            self.store.history_of(self.editing.id), key=lambda loan: loan.start, reverse=True
        )[:30]
        titles = titles_of([loan.uid for loan in loans])
        return [
            {
                "title": titles.get(loan.uid, {}).get("title", loan.barcode),
                "start": fmt_date(loan.start.date() if loan.start else None),
                "due": fmt_date(loan.due),
                "returned": fmt_date(loan.returned.date()) if loan.returned else "",
            }
            for loan in loans
        ]
