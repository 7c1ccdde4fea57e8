"""A year of circulation in the scale of the 2011 activity report (pure Python).

The report (Évolution 2010-2011) counts, for 2011, 206 first visits ("premiers
accueils"), 410 visits and 977 loans at the documentation space and its relays.
``make_plan`` draws, with a fixed seed, borrowers and the visits, loans and
returns of the twelve months before ``today`` in that scale: months follow the
centre's year (quiet in August and at Christmas), most loans are made in
Toulouse, mallettes go out through the relays, a few loans are still out and late
(so the reminders have something to do).  A copy is never lent twice at once and
no borrower goes over the loan limit of their category.
"""

import datetime
import random
from dataclasses import dataclass
from dataclasses import field

from rt.infodoc.circulation.rules.statuses import _fold

YEAR_2011 = {"accueil": 206, "visite": 410, "pret": 977}
# share of the year's activity per month (January..December), the centre's rhythm
MONTH_WEIGHTS = (9, 10, 11, 10, 9, 9, 6, 2, 9, 11, 9, 5)
CATEGORIES = (("usager", 55), ("adherent", 25), ("stagiaire", 12), ("relais", 8))
LIMITS = {"usager": 3, "adherent": 8, "stagiaire": 3, "relais": 20}
SITES = (
    ("toulouse", 62),
    ("foix", 5),
    ("rodez", 5),
    ("saint-gaudens", 5),
    ("auch", 5),
    ("cahors", 4),
    ("tarbes", 5),
    ("albi", 5),
    ("montauban", 4),
)
FIRST_NAMES = (
    "Anne", "Bernard", "Camille", "Claire", "Damien", "Élodie", "Fatima", "Gilles",
    "Hélène", "Inès", "Jérôme", "Karim", "Laure", "Malik", "Nadia", "Olivier",
    "Pauline", "Rachid", "Sophie", "Thomas", "Valérie", "Yasmina", "Zoé", "Lucas",
)  # fmt: skip
LAST_NAMES = (
    "Martin", "Bernard", "Dubois", "Garcia", "Roux", "Fournier", "Lopez", "Mercier",
    "Benali", "Faure", "Vidal", "Castel", "Marty", "Puech", "Bousquet", "Costes",
    "Laporte", "Sabatier", "Delmas", "Cazals", "Nguyen", "Haddad", "Ferrand", "Roques",
)  # fmt: skip
STRUCTURES = (
    "Ariège Alpha",
    "AFIDEL",
    "REGAR",
    "NATIF",
    "ISFEC",
    "AMISS",
    "Mission locale de Tarbes",
    "CCAS de Colomiers",
    "GRETA du Tarn",
    "Centre social Sainte-Valérie",
)
STAFF_OF_RELAYS = "relais"


@dataclass
class DemoBorrower:
    card: str
    name: str
    category: str
    home_site: str
    kind: str = "personne"
    email: str = ""
    structure: str = ""
    created: datetime.date = None


@dataclass(order=True)
class Step:
    """One desk operation: ``lend`` (barcode, card, site), ``return`` (barcode,
    site) or ``visit`` (site, card, first), at ``when``."""

    when: datetime.datetime
    action: str
    barcode: str = ""
    card: str = ""
    site: str = ""
    first: bool = False


@dataclass
class Plan:
    borrowers: list = field(default_factory=list)
    steps: list = field(default_factory=list)

    def count(self, action, first=None):
        return sum(
            1 for s in self.steps if s.action == action and (first is None or s.first == first)
        )


def _weighted(rng, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _spread(total, weights):
    """``total`` split by ``weights`` (integers adding up exactly)."""
    raw = [total * w / sum(weights) for w in weights]
    counts = [int(x) for x in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - counts[i], reverse=True):
        if sum(counts) == total:
            break
        counts[i] += 1
    return counts


def _months(today):
    """The twelve (year, month) before today's month, oldest first, and this one
    last (cut at today)."""
    months = []
    year, month = today.year, today.month
    for _ in range(12):
        months.append((year, month))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(months))


def _moment(rng, year, month, today):
    first = datetime.date(year, month, 1)
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    last = min(last, today)
    for _ in range(20):  # open days: Tuesday to Friday mostly, as the report says
        day = first + datetime.timedelta(days=rng.randint(0, (last - first).days))
        if day.weekday() < 5:
            break
    return datetime.datetime(day.year, day.month, day.day, rng.randint(9, 16), rng.randint(0, 59))


def make_borrowers(rng, count, start):
    borrowers = []
    for n in range(count):
        category = _weighted(rng, CATEGORIES)
        site = _weighted(rng, SITES)
        if category == "relais":
            name = STRUCTURES[n % len(STRUCTURES)]
            kind, structure = "structure", name
        else:
            name = f"{rng.choice(LAST_NAMES)} {rng.choice(FIRST_NAMES)}"
            kind, structure = "personne", ""
        email = ""
        if rng.random() < 0.8:  # a fifth have no e-mail: their reminders are printed
            # "nguyen.helene": an address a real mail server takes (no accent)
            slug = _fold(name).replace(" ", ".").replace("'", "")
            email = f"{slug}.{n}@exemple.fr"
        borrowers.append(
            DemoBorrower(f"D{n + 1:05d}", name, category, site, kind, email, structure, start)
        )
    return borrowers


def make_plan(copies, today, seed=2011, scale=1.0, borrowers=220):
    """The plan for ``copies`` (a list of (barcode, site)) over the year before
    ``today``; ``scale`` shrinks it (tests)."""
    rng = random.Random(seed)
    months = _months(today)
    start = datetime.date(*months[0], 1)
    people = make_borrowers(
        rng, max(8, int(borrowers * scale)), start - datetime.timedelta(days=400)
    )
    plan = Plan(borrowers=people)
    firsts = _spread(int(YEAR_2011["accueil"] * scale), MONTH_WEIGHTS)
    visits = _spread(int(YEAR_2011["visite"] * scale), MONTH_WEIGHTS)
    loans = _spread(int(YEAR_2011["pret"] * scale), MONTH_WEIGHTS)
    # most first visits register a borrower; some visitors only look (no card)
    newcomers = iter(rng.sample(people, int(len(people) * 0.6)))
    for (year, month), n_first, n_visits, _n in zip(months, firsts, visits, loans, strict=True):
        for i in range(n_visits):
            first = i < n_first
            newcomer = next(newcomers, None) if first else None
            if newcomer:
                card = newcomer.card
            else:
                card = "" if first else rng.choice(people).card
            when = _moment(rng, year, month, today)
            if newcomer:
                newcomer.created = when.date()
            plan.steps.append(Step(when, "visit", card=card, site="toulouse", first=first))
    _lend(rng, plan, copies, people, months, loans, today)
    plan.steps.sort()
    return plan


def _lend(rng, plan, copies, people, months, loans, today):
    free_at = dict.fromkeys((barcode for barcode, _site in copies), datetime.datetime.min)
    out = {p.card: [] for p in people}  # card -> return datetimes of its loans
    now = datetime.datetime.combine(today, datetime.time(8, 0))
    starts = []
    for (year, month), count in zip(months, loans, strict=True):
        starts += [_moment(rng, year, month, today) for _ in range(count)]
    for when in sorted(starts):
        # late ones: about 1.5 % of the year's loans are still out past their time
        late = rng.random() < 0.015 and when < now - datetime.timedelta(days=40)
        length = datetime.timedelta(days=rng.randint(60, 200) if late else rng.randint(6, 34))
        back = when + length + datetime.timedelta(hours=rng.randint(0, 5))
        free = [b for b, t in free_at.items() if t <= when]
        if not free:
            continue
        barcode = rng.choice(free)
        borrower = next(
            (
                p
                for p in rng.sample(people, len(people))
                if p.created <= when.date()
                and sum(1 for t in out[p.card] if t > when) < LIMITS[p.category]
            ),
            None,
        )
        if borrower is None:
            continue
        site = borrower.home_site
        plan.steps.append(Step(when, "lend", barcode=barcode, card=borrower.card, site=site))
        out[borrower.card].append(back)
        if back < now:
            plan.steps.append(Step(back, "return", barcode=barcode, site=site))
            free_at[barcode] = back
        else:
            free_at[barcode] = datetime.datetime.max
