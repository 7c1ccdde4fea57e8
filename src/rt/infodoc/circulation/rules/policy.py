"""Loan rules by borrower category x document type x site (pure).

A rule names a category, a document type and a site, each of which may be
"*" (any); the most specific rule that matches wins (site counts most, then
document type, then category), as in Koha's circulation matrix.
"""

from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace

ANY = "*"
CENTRE = "toulouse"
SITES = (
    CENTRE,
    "foix",
    "rodez",
    "saint-gaudens",
    "auch",
    "cahors",
    "tarbes",
    "albi",
    "montauban",
)


@dataclass(frozen=True)
class Rule:
    category: str = ANY
    doc_type: str = ANY
    site: str = ANY
    # None: "not said here", the value comes from a less specific rule
    max_loans: int | None = None
    loan_days: int | None = None
    renewals: int | None = None
    reservations: bool | None = None
    max_reservations: int | None = None
    # set on a resolved rule: the document type whose loans count against
    # max_loans (None: every loan of the borrower counts), as in Koha
    counted_doc_type: str | None = None

    def specificity(self):
        return (self.site != ANY, self.doc_type != ANY, self.category != ANY)

    def matches(self, category, doc_type, site):
        return (
            self.category in (ANY, category)
            and self.doc_type in (ANY, doc_type)
            and self.site in (ANY, site)
        )


# The centre's rules (seeds: three weeks to a month at the centre; the teaching
# kits kept at the relays go out for a whole training session, two months).
BASE = Rule(max_loans=5, loan_days=28, renewals=1, reservations=True, max_reservations=3)
VALUES = ("max_loans", "loan_days", "renewals", "reservations", "max_reservations")

DEFAULT_RULES = (
    BASE,
    Rule(category="usager", max_loans=3, renewals=1),
    Rule(category="stagiaire", max_loans=3, loan_days=21, renewals=0, max_reservations=1),
    Rule(category="adherent", max_loans=8, renewals=2),
    Rule(category="relais", max_loans=20, loan_days=56, renewals=2),
    Rule(doc_type="periodique", loan_days=14, renewals=0),
    Rule(doc_type="video", loan_days=14),
    Rule(doc_type="mallette", max_loans=1, renewals=0, max_reservations=1),
    # a relay site lends its mallettes for a training session
    Rule(doc_type="mallette", site="*relais", loan_days=56, max_loans=2, renewals=1),
)

RELAY_WILDCARD = "*relais"


@dataclass
class Policy:
    """The rules of the site, and how to find one."""

    rules: tuple = DEFAULT_RULES
    centre: str = CENTRE
    sites: tuple = SITES  # the codes of rt.infodoc.relay_sites
    _cache: dict = field(default_factory=dict, repr=False)

    def _site_rules(self, site):
        for rule in self.rules:
            if rule.site == RELAY_WILDCARD:
                if site and site != self.centre:
                    yield replace(rule, site=site)
            else:
                yield rule

    def rule_for(self, category, doc_type, site):
        """The most specific rule for a category, a document type and a site.

        Values are merged: a specific rule overrides only what it says (its
        other values are None), so each value comes from the most specific rule
        that names it."""
        key = (category, doc_type, site)
        if key in self._cache:
            return self._cache[key]
        matching = sorted(
            (r for r in self._site_rules(site) if r.matches(category, doc_type, site)),
            key=Rule.specificity,
        )
        merged = {name: getattr(BASE, name) for name in VALUES}
        counted = None
        for rule in matching:
            for name in VALUES:
                if getattr(rule, name) is not None:
                    merged[name] = getattr(rule, name)
            if rule.max_loans is not None:
                counted = rule.doc_type if rule.doc_type != ANY else None
        merged["counted_doc_type"] = counted
        result = Rule(category=category, doc_type=doc_type, site=site, **merged)
        self._cache[key] = result
        return result


def rules_from_lines(lines):
    """Rules from registry lines "category|doc_type|site|max|days|renewals|reservations".

    A malformed line is skipped (the control panel refuses it before), so a
    typo never stops the desk."""
    rules = [BASE]
    for line in lines or ():
        parts = [p.strip() for p in str(line).split("|")]
        if len(parts) < 6:
            continue
        try:
            rules.append(
                Rule(
                    category=parts[0] or ANY,
                    doc_type=parts[1] or ANY,
                    site=parts[2] or ANY,
                    max_loans=int(parts[3]),
                    loan_days=int(parts[4]),
                    renewals=int(parts[5]),
                    reservations=(parts[6].lower() not in ("non", "0", "false"))
                    if len(parts) > 6
                    else True,
                )
            )
        except ValueError:
            continue
    return tuple(rules)
