"""A deterministic demo fund: UNIMARC ISO 2709 written the way PMB writes it.

``generate_notices(count, seed)`` yields notice dicts (the field contract);
``write_fund(out, count, seed)`` writes them as UNIMARC, UTF-8 bytes, with a blank
leader/09 and 100$a/26-29 claiming "0103" (ISO 646 + ISO 5426): the encoding trap of
real PMB exports, which the importer must see through.  Same count and seed, same
bytes.  Pure Python, no Zope.
"""

import argparse
import datetime
import random
import re
import sys
import zlib

from rt.infodoc.demo import fund_vocabulary as V
from rt.infodoc.marc.exports.common import fold
from rt.infodoc.marc.unimarc_builder import TERRITORY_NAMES
from rt.infodoc.marc.unimarc_builder import THEME_LABELS
from rt.infodoc.marc.unimarc_builder import notice_to_unimarc
from rt.infodoc.marc.writers import to_iso2709

DEFAULT_COUNT = 6200
DEFAULT_SEED = 2022
#: Share of the fund on basic skills: 4,500 of 6,200 references (activity report 2022).
BASIC_SKILLS_SHARE = (4500, 6200)
PMB_CHARSET = "0103"

_OTHER_THEMES = [
    ("politique-de-la-ville", 18),
    ("education", 12),
    ("prevention-securite", 12),
    ("emploi-insertion", 10),
    ("integration-langue", 10),
    ("habitat", 6),
    ("sante", 5),
    ("egalite-femmes-hommes", 5),
    ("discriminations", 5),
    ("valeurs-republique-laicite", 5),
    ("parentalite", 3),
    ("participation-citoyenne", 3),
    ("lutte-contre-pauvrete", 3),
    ("jeunesse", 2),
    ("developpement-economique", 1),
]
_TYPES = {
    "savoirs-de-base": [
        ("ouvrage", 34),
        ("outil-pedagogique", 24),
        ("guide-methodologique", 12),
        ("article", 9),
        ("periodique", 5),
        ("rapport", 5),
        ("etude", 3),
        ("video", 2),
        ("actes", 2),
        ("memoire", 1),
        ("site-web", 2),
        ("mallette", 1),
    ],
    "default": [
        ("ouvrage", 36),
        ("rapport", 17),
        ("etude", 8),
        ("guide-methodologique", 9),
        ("article", 12),
        ("periodique", 3),
        ("video", 3),
        ("actes", 4),
        ("memoire", 2),
        ("texte-officiel", 3),
        ("dossier-documentaire", 1),
        ("site-web", 2),
    ],
}
_YEARS = list(range(1990, 2024))
_YEAR_WEIGHTS = [1 + (year - 1990) // 4 for year in _YEARS]


def _weighted(rng, pairs):
    return rng.choices([value for value, _ in pairs], weights=[weight for _, weight in pairs])[0]


def _capitalise(text):
    return text[:1].upper() + text[1:]


def isbn13(registrant, rng):
    """A hyphenated French ISBN-13 (978-2-...) with a valid check digit."""
    number = "".join(str(rng.randrange(10)) for _ in range(8 - len(registrant)))
    digits = "9782" + registrant + number
    check = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(digits)) % 10) % 10
    return f"978-2-{registrant}-{number}-{check}"


def issn(title):
    """A stable ISSN (valid check character) derived from a periodical title."""
    digits = f"{zlib.crc32(title.encode('utf-8')) % 10_000_000:07d}"
    total = sum(int(d) * w for d, w in zip(digits, range(8, 1, -1), strict=False))
    check = (11 - total % 11) % 11
    return f"{digits[:4]}-{digits[4:]}{'X' if check == 10 else check}"


def _with_roles(authors):
    """Set "role" to the responsibility the UNIMARC zone will carry (700/701/702 and 71X)."""
    main_taken = False
    for author in authors:
        if author["function"] != "070":
            author["role"] = "secondary"
        elif not main_taken:
            author["role"], main_taken = "main", True
        else:
            author["role"] = "coauthor"
    levels = {"main": 0, "coauthor": 1, "secondary": 2}
    return sorted(authors, key=lambda a: (a["kind"] == "corporate", levels[a["role"]]))


class _Fund:
    """Draws the records of one fund; all randomness comes from one seeded Random."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.barcode = 0

    # -- people -------------------------------------------------------------------------
    def person(self):
        return f"{self.rng.choice(V.SURNAMES)}, {self.rng.choice(V.FORENAMES)}"

    def authors(self, document_type, publisher_key):
        rng = self.rng
        if document_type in ("rapport", "texte-officiel", "site-web", "dossier-documentaire") or (
            document_type == "etude" and rng.random() < 0.6
        ):
            body = (
                V.PUBLISHERS[publisher_key][0]
                if publisher_key in ("rt", "vt", "anlci", "anct", "crpv", "cnfpt", "carif")
                else rng.choice(V.CORPORATE_BODIES)
            )
            authors = [{"name": body, "role": "Auteur", "kind": "corporate", "function": "070"}]
            if rng.random() < 0.3:
                authors.append(
                    {
                        "name": self.person(),
                        "role": "Directeur de publication",
                        "kind": "person",
                        "function": "651",
                    }
                )
            return authors
        if document_type == "periodique":
            return [
                {
                    "name": self.person(),
                    "role": "Directeur de publication",
                    "kind": "person",
                    "function": "651",
                }
            ]
        if document_type == "actes" or rng.random() < 0.12:
            count = rng.randint(1, 2)
            editors = [
                {
                    "name": self.person(),
                    "role": "Éditeur scientifique",
                    "kind": "person",
                    "function": "340",
                }
                for _ in range(count)
            ]
            if rng.random() < 0.4:
                editors.append(
                    {
                        "name": rng.choice(V.CORPORATE_BODIES),
                        "role": "Auteur",
                        "kind": "corporate",
                        "function": "070",
                    }
                )
            return editors
        authors = [
            {"name": self.person(), "role": "Auteur", "kind": "person", "function": "070"}
            for _ in range(rng.choices([1, 2, 3], weights=[60, 28, 12])[0])
        ]
        if document_type == "outil-pedagogique" and rng.random() < 0.3:
            authors.append(
                {"name": self.person(), "role": "Illustrateur", "kind": "person", "function": "440"}
            )
        return authors

    @staticmethod
    def responsibility(authors):
        groups = {"070": [], "340": [], "651": [], "440": []}
        for author in authors:
            name = author["name"]
            if author["kind"] == "person" and "," in name:
                surname, forename = name.split(",", 1)
                name = f"{forename.strip()} {surname.strip()}"
            groups.get(author["function"], groups["070"]).append(name)
        parts = [", ".join(groups["070"])] if groups["070"] else []
        for code, words in (
            ("340", "sous la coordination"),
            ("651", "sous la direction"),
            ("440", "illustrations"),
        ):
            if groups[code]:
                names = " et ".join(groups[code])
                parts.append(
                    f"{words} {'d’' if names[:1] in 'AEIOUYÉÈÊÂÎ' else 'de '}{names}".replace(
                        "d’", "d'"
                    )
                )
        return " ; ".join(parts)

    # -- titles -------------------------------------------------------------------------
    def title(self, theme, document_type, town):
        rng = self.rng
        topic = rng.choice(V.TOPICS[theme])
        if document_type in ("rapport", "etude", "texte-officiel"):
            kind = rng.choice(V.REPORT_KINDS)
            if rng.random() < 0.5:
                return f"{kind} : {town}", ""
            return _capitalise(topic) + rng.choice(V.CONTEXTS), rng.choice(
                [
                    "rapport final",
                    "synthèse",
                    "étude régionale",
                    "diagnostic",
                    "rapport d'évaluation",
                ]
            )
        if document_type in ("outil-pedagogique", "mallette"):
            return f"{rng.choice(V.TOOL_KINDS)} {rng.choice(V.SKILLS)}", rng.choice(V.LEVELS)
        if document_type == "video":
            return _capitalise(topic) + rng.choice(V.CONTEXTS), "film documentaire"
        if document_type == "memoire":
            return _capitalise(topic) + rng.choice(V.CONTEXTS), "mémoire de master"
        pattern = rng.random()
        if pattern < 0.5:
            verb = rng.choice(V.VERBS)
            fits = V.VERB_FITS.get(verb)
            if fits is not None and topic not in fits:
                verb = "Comprendre"
            context = rng.choice(V.CONTEXTS) if pattern < 0.25 else ""
            subtitle = rng.choice(V.SUBTITLES) if rng.random() < 0.6 else ""
            return f"{verb} {topic}{context}", subtitle
        if pattern < 0.7:
            return _capitalise(topic) + rng.choice(V.CONTEXTS), rng.choice(
                V.SUBTITLES
            ) if rng.random() < 0.5 else ""
        if pattern < 0.85:
            action = rng.choice(V.ACTIONS.get(theme, V.ACTIONS["default"]))
            return f"{rng.choice(V.ACTION_HEADS)} {action}", rng.choice(
                V.SUBTITLES
            ) if rng.random() < 0.4 else ""
        other = rng.choice(V.TOPICS[theme])
        if other == topic:
            return _capitalise(topic), rng.choice(V.SUBTITLES)
        return f"{_capitalise(topic)} et {other}", rng.choice(
            V.SUBTITLES
        ) if rng.random() < 0.4 else ""

    def summary(self, theme, document_type, town):
        rng = self.rng
        topic, public = rng.choice(V.TOPICS[theme]), rng.choice(V.PUBLICS)
        first = {
            "guide-methodologique": f"Ce guide propose aux {public} des repères et des outils sur {topic}.",
            "rapport": f"Ce rapport présente les résultats d'un diagnostic sur {topic} à {town}.",
            "etude": f"Cette étude analyse {topic} à partir d'enquêtes menées auprès des {public}.",
            "outil-pedagogique": f"Outil pédagogique destiné aux {public} pour travailler {rng.choice(V.SKILLS)} avec des {rng.choice(V.LEVELS)}.",
            "mallette": "Mallette pédagogique empruntable dans les sites relais : supports, méthodes, démarches et références théoriques pour les formateurs.",
            "article": f"Article consacré à {topic}, à partir de l'expérience des {public}.",
            "periodique": f"Numéro consacré à {topic}.",
            "video": f"Film documentaire sur {topic}, tourné à {town}.",
            "actes": f"Actes de la conférence-atelier (Conf'At') organisée par Ressources & Territoires sur {topic}.",
            "memoire": f"Mémoire consacré à {topic} à {town}.",
            "texte-officiel": f"Texte de référence sur {topic}.",
            "site-web": f"Dossier en ligne sur {topic} : ressources, actualités et outils.",
            "dossier-documentaire": f"Dossier documentaire sur {topic}.",
        }.get(document_type, f"Cet ouvrage analyse {topic} et s'adresse aux {public}.")
        return f"{first} {rng.choice(V.SECOND_SENTENCES)}"

    # -- holdings -----------------------------------------------------------------------
    def items(self, theme, document_type, dewey, call_letters, territory):
        rng = self.rng
        section = V.DEWEY[theme][1]
        sites = ["toulouse"]
        if document_type == "mallette" or rng.random() < 0.12:
            relay = [site for site, dept in V.RELAYS if dept in territory] or [
                rng.choice(V.RELAYS)[0]
            ]
            sites = relay if document_type == "mallette" or rng.random() < 0.5 else sites + relay
        items = []
        for site in sites:
            self.barcode += 1
            status = (
                "Consultation sur place"
                if document_type == "periodique" and rng.random() < 0.5
                else rng.choices(
                    ["Empruntable", "Exclu du prêt", "En réparation"], weights=[92, 6, 2]
                )[0]
            )
            items.append(
                {
                    "barcode": f"RT{self.barcode:06d}",
                    "call_number": f"{dewey} {call_letters}",
                    "doc_type": document_type,
                    "section": section,
                    "status": status,
                    "site": site,
                }
            )
        return items

    # -- one notice ---------------------------------------------------------------------
    def notice(self, position, theme, fixed=None):
        rng = self.rng
        town, dept = rng.choice(V.TOWNS)
        if fixed:
            title, subtitle, theme, document_type, publisher_key = fixed
        else:
            document_type = _weighted(rng, _TYPES.get(theme, _TYPES["default"]))
            publisher_key = None
            title = subtitle = ""
        if publisher_key is None:
            pool = (
                V.DIDACTIC_PUBLISHERS
                if document_type in ("outil-pedagogique", "mallette")
                else V.REPORT_PUBLISHERS
                if document_type
                in (
                    "rapport",
                    "etude",
                    "texte-officiel",
                    "site-web",
                    "dossier-documentaire",
                    "actes",
                )
                else V.TRADE_PUBLISHERS
            )
            publisher_key = rng.choice(pool)
        publisher, place, registrant = V.PUBLISHERS[publisher_key]
        year = rng.choices(_YEARS, weights=_YEAR_WEIGHTS)[0]
        year = V.KNOWN_YEARS.get(title, year)
        notice = {
            "cosoter_id": str(1000 + position * 3 + rng.randrange(3)),
            "document_type": document_type,
            "language": "eng" if rng.random() < 0.02 else "fre",
            "year": year,
        }
        periodical = None
        if document_type in ("article", "periodique") and not fixed:
            periodical = rng.choice([p for p in V.PERIODICALS if p[1] == theme] or V.PERIODICALS)
        if not title:
            title, subtitle = self.title(theme, document_type, town)
            if document_type == "periodique":
                title, subtitle = (
                    periodical[0],
                    f"n° {rng.randint(20, 320)} : {_capitalise(rng.choice(V.TOPICS[theme]))}",
                )
                publisher, place = periodical[2], periodical[3]
        authors = _with_roles(self.authors(document_type, publisher_key))
        notice.update(title=title, authors=authors, responsibility=self.responsibility(authors))
        if subtitle:
            notice["subtitle"] = subtitle
        if document_type == "article":
            notice["series_title"] = f"{periodical[0]}, n° {rng.randint(20, 320)}, {year}"
            first = rng.randint(3, 90)
            notice["collation"] = f"p. {first}-{first + rng.randint(2, 12)}"
        else:
            notice.update(publisher=publisher, place=place)
            notice["collation"] = self.collation(document_type)
            if document_type == "periodique":
                notice["issn"] = issn(periodical[0])
            collections = V.COLLECTIONS.get(publisher_key)
            if collections and rng.random() < 0.35:
                notice["collection"] = rng.choice(collections)
                if rng.random() < 0.5:
                    notice["collection_number"] = str(rng.randint(1, 250))
            if (
                registrant
                and document_type in ("ouvrage", "guide-methodologique", "outil-pedagogique")
                and rng.random() < 0.3
            ):
                notice["isbn"] = [isbn13(registrant, rng)]
                if rng.random() < 0.5:
                    notice["price"] = f"{rng.randint(8, 45)} EUR"
        if rng.random() < 0.08:
            notice["edition"] = rng.choice(
                ["2e éd.", "3e éd. revue et augmentée", "Nouvelle éd.", "2e éd. mise à jour"]
            )
        notice["summary"] = self.summary(theme, document_type, town)
        if rng.random() < 0.25:
            notice["notes"] = "\n".join(
                rng.sample(
                    [
                        "Bibliogr.",
                        "Glossaire",
                        "Index",
                        "Annexes",
                        "Webographie",
                        "Notes bibliogr. en fin de chapitre",
                    ],
                    rng.randint(1, 2),
                )
            )
        themes = [theme]
        if rng.random() < 0.2:
            second = _weighted(rng, _OTHER_THEMES)
            if second != theme:
                themes.append(second)
        notice["themes"] = themes
        descriptors = rng.sample(V.DESCRIPTORS[theme], rng.randint(1, 3))
        if rng.random() < 0.15:
            descriptors[0] = f"{descriptors[0]} -- {rng.choice(V.DESCRIPTORS[themes[-1]])}"
        notice["descriptors"] = list(dict.fromkeys(descriptors + [THEME_LABELS[t] for t in themes]))
        notice["keywords"] = rng.sample(V.GENERAL_KEYWORDS, rng.randint(1, 3))
        territory = []
        if rng.random() < 0.4 or document_type in ("rapport", "etude"):
            territory = [dept]
        elif rng.random() < 0.15:
            territory = [rng.choice(["occitanie", "national"])]
        if territory:
            notice["territory"] = territory
            notice["descriptors"] = list(
                dict.fromkeys(notice["descriptors"] + [TERRITORY_NAMES[t] for t in territory])
            )
        dewey = V.DEWEY[theme][0]
        notice["dewey"] = dewey
        electronic = (
            document_type == "site-web"
            or (
                document_type in ("rapport", "etude", "texte-officiel", "article")
                and rng.random() < 0.45
            )
            or rng.random() < 0.06
        )
        if electronic:
            notice["urls"] = [
                f"http://cosoter-ressources.info/doc_num.php?explnum_id={10000 + position}"
            ]
        if (
            not electronic
            or document_type in ("outil-pedagogique", "mallette")
            or rng.random() < 0.3
        ):
            letters = (
                re.sub("[^A-Z]", "", fold(authors[0]["name"] if authors else title).upper())[:3]
                or "XXX"
            )
            notice["items"] = self.items(
                theme, document_type, dewey.split(".")[0], letters, territory
            )
        notice["support"] = "electronique" if electronic and "items" not in notice else "papier"
        return notice

    def collation(self, document_type):
        rng = self.rng
        if document_type == "video":
            return f"1 DVD vidéo ({rng.randint(13, 95)} min) : coul., son."
        if document_type == "mallette":
            return "1 mallette (fiches, jeux de cartes, livret) ; 45 x 35 cm"
        if document_type == "outil-pedagogique":
            return rng.choice(
                [
                    f"{rng.randint(40, 120)} fiches ; 30 cm",
                    f"1 jeu ({rng.randint(32, 110)} cartes) : ill. en coul.",
                    f"{rng.randint(48, 180)} p. : ill. ; 30 cm + 1 CD-ROM",
                ]
            )
        if document_type == "site-web":
            return "1 ressource en ligne"
        pages = rng.randint(24, 420)
        return (
            f"{pages} p."
            + rng.choice(["", " : ill.", " : graph., tabl."])
            + rng.choice(["", " ; 24 cm", " ; 21 cm", " ; 30 cm"])
        )


def _fixed_entries():
    entries = [
        (title, subtitle, theme, document_type, publisher)
        for title, subtitle, theme, document_type, publisher in V.REPORT_TITLES
    ]
    entries += [
        (title, subtitle, theme, document_type, "rt")
        for title, subtitle, theme, document_type in V.PRODUCTIONS
    ]
    return entries


def generate_notices(count=DEFAULT_COUNT, seed=DEFAULT_SEED):
    """Yield ``count`` notice dicts, the same ones for the same count and seed.

    The titles named in the activity reports and the centre's productions come first;
    exactly ``count * 4500 // 6200`` notices have the theme ``savoirs-de-base`` first.
    """
    if count < 0:
        raise ValueError("Le nombre de notices doit être positif.")
    fund = _Fund(seed)
    fixed = _fixed_entries()[:count]
    basic = count * BASIC_SKILLS_SHARE[0] // BASIC_SKILLS_SHARE[1]
    remaining_basic = max(0, basic - sum(1 for entry in fixed if entry[2] == "savoirs-de-base"))
    free = count - len(fixed)
    plan = ["savoirs-de-base"] * min(remaining_basic, free)
    plan += [_weighted(fund.rng, _OTHER_THEMES) for _ in range(free - len(plan))]
    fund.rng.shuffle(plan)
    for position in range(count):
        if position < len(fixed):
            yield fund.notice(position, fixed[position][2], fixed[position])
        else:
            yield fund.notice(position, plan[position - len(fixed)])


def entry_date(notice, position):
    """A stable cataloguing date (100$a/0-7, 005) on or after the publication year."""
    year = max(int(notice.get("year") or 2000), 1995)
    span = (datetime.date(2023, 12, 31) - datetime.date(year, 1, 1)).days
    return datetime.date(year, 1, 1) + datetime.timedelta(days=(position * 7919) % max(span, 1))


def pmb_record(notice, date_entered):
    """The notice as PMB writes UNIMARC: UTF-8 bytes, leader/09 blank, 100$a/26-29 "0103"."""
    record = notice_to_unimarc(notice, date_entered=date_entered)
    for field in record.get_fields("100"):
        coded = field["a"]
        field["a"] = coded[:26] + PMB_CHARSET + coded[30:]
    return record


def generate_records(count=DEFAULT_COUNT, seed=DEFAULT_SEED):
    """Yield (notice, pymarc record) pairs of the demo fund."""
    for position, notice in enumerate(generate_notices(count, seed)):
        yield notice, pmb_record(notice, entry_date(notice, position))


def write_fund(out, count=DEFAULT_COUNT, seed=DEFAULT_SEED):
    """Write the demo fund as ISO 2709 to a path or a binary file; return the record count."""
    if hasattr(out, "write"):
        written = 0
        for _, record in generate_records(count, seed):
            out.write(to_iso2709(record))
            written += 1
        return written
    with open(out, "wb") as stream:
        return write_fund(stream, count, seed)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="make-demo-fund",
        description="Écrit un fonds documentaire de démonstration (UNIMARC ISO 2709, comme un export PMB).",
    )
    parser.add_argument("output", metavar="OUT.mrc", help="fichier à écrire")
    parser.add_argument(
        "--count", type=int, default=DEFAULT_COUNT, help="nombre de notices (6200 par défaut)"
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="graine (même graine, même fichier)"
    )
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count doit être un entier positif")
    try:
        written = write_fund(args.output, args.count, args.seed)
    except OSError as error:
        print(
            f"Impossible d’écrire {args.output} : dossier absent ou accès refusé ({error.strerror}).",
            file=sys.stderr,
        )
        return 2
    print(f"{written} notices écrites dans {args.output} (graine {args.seed}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
