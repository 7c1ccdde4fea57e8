"""Map free subject strings to the vocabulary tokens of docs/notice-fields.md.

Matching is accent- and case-insensitive and works on whole words: the strings are
folded ("Égalité" -> "egalite"), punctuation becomes spaces, and each token has a
list of phrases (a trailing "*" on the last word allows any word ending).
"""

import re
from functools import lru_cache

from .text import fold
from .vocabulary import THEME_LABELS

THEME_PHRASES = {
    "savoirs-de-base": (
        "illettrisme",
        "illettre*",
        "savoirs de base",
        "savoir de base",
        "competences de base",
        "competences cles",
        "alphabetisation",
        "analphabet*",
        "lutte contre l illettrisme",
        "remise a niveau",
        "lecture ecriture",
        "litteratie",
        "numeratie",
    ),
    "politique-de-la-ville": (
        "politique de la ville",
        "quartier prioritaire*",
        "quartiers prioritaires",
        "qpv",
        "contrat de ville",
        "contrats de ville",
        "renovation urbaine",
        "zus",
        "zone urbaine sensible",
        "quartiers populaires",
        "quartier populaire",
        "banlieue*",
        "cohesion sociale",
    ),
    "education": (
        "education",
        "educatif*",
        "ecole*",
        "scolaire*",
        "scolarite",
        "decrochage scolaire",
        "reussite educative",
        "enseignement",
        "pedagogie",
    ),
    "prevention-securite": (
        "prevention de la delinquance",
        "delinquance",
        "securite",
        "tranquillite publique",
        "radicalisation",
        "violence*",
        "justice",
        "prevention",
    ),
    "sante": ("sante", "sante mentale", "acces aux soins", "addiction*", "nutrition"),
    "habitat": ("habitat", "logement*", "hebergement", "cadre de vie", "urbanisme"),
    "emploi-insertion": (
        "emploi",
        "insertion",
        "insertion professionnelle",
        "chomage",
        "formation professionnelle",
        "demandeur d emploi",
        "demandeurs d emploi",
        "iae",
    ),
    "egalite-femmes-hommes": (
        "egalite femmes hommes",
        "egalite hommes femmes",
        "egalite entre les femmes et les hommes",
        "genre",
        "femme*",
        "violences faites aux femmes",
        "sexisme",
    ),
    "discriminations": ("discrimination*", "racisme", "antisemitisme", "xenophobie", "stereotype*"),
    "valeurs-republique-laicite": (
        "laicite",
        "valeurs de la republique",
        "valeurs republicaines",
        "citoyennete",
        "republique",
    ),
    "integration-langue": (
        "integration",
        "immigration",
        "immigre*",
        "migrant*",
        "etranger*",
        "francais langue etrangere",
        "fle",
        "francais langue seconde",
        "fls",
        "apprentissage du francais",
        "asl",
        "ateliers sociolinguistiques",
        "primo arrivant*",
    ),
    "parentalite": ("parentalite", "parent*", "famille*", "soutien a la parentalite"),
    "participation-citoyenne": (
        "participation",
        "participation des habitants",
        "participation citoyenne",
        "conseil citoyen",
        "conseils citoyens",
        "democratie participative",
        "pouvoir d agir",
    ),
    "lutte-contre-pauvrete": (
        "pauvrete",
        "precarite",
        "exclusion sociale",
        "exclusion",
        "minima sociaux",
        "rsa",
        "grande precarite",
    ),
    "jeunesse": ("jeunesse", "jeune*", "adolescen*", "enfance", "enfant*"),
    "developpement-economique": (
        "developpement economique",
        "economie sociale et solidaire",
        "ess",
        "entreprise*",
        "entrepreneuriat",
        "commerce*",
        "developpement local",
    ),
}

# Phrases mapped to None block shorter matches ("lot et garonne" is not the Lot).
TERRITORY_PHRASES = (
    ("tarn et garonne", "82"),
    ("montauban", "82"),
    ("castelsarrasin", "82"),
    ("lot et garonne", None),
    ("haute garonne", "31"),
    ("toulouse", "31"),
    ("saint gaudens", "31"),
    ("muret", "31"),
    ("colomiers", "31"),
    ("hautes pyrenees", "65"),
    ("tarbes", "65"),
    ("lourdes", "65"),
    ("pyrenees orientales", "66"),
    ("perpignan", "66"),
    ("ariege", "09"),
    ("foix", "09"),
    ("pamiers", "09"),
    ("aude", "11"),
    ("carcassonne", "11"),
    ("narbonne", "11"),
    ("aveyron", "12"),
    ("rodez", "12"),
    ("millau", "12"),
    ("gard", "30"),
    ("nimes", "30"),
    ("ales", "30"),
    ("gers", "32"),
    ("auch", "32"),
    ("herault", "34"),
    ("montpellier", "34"),
    ("beziers", "34"),
    ("sete", "34"),
    ("lot", "46"),
    ("cahors", "46"),
    ("figeac", "46"),
    ("lozere", "48"),
    ("mende", "48"),
    ("tarn", "81"),
    ("albi", "81"),
    ("castres", "81"),
    ("occitanie", "occitanie"),
    ("midi pyrenees", "occitanie"),
    ("languedoc roussillon", "occitanie"),
    ("france", "national"),
    ("national", "national"),
    ("nationale", "national"),
)

SITE_PHRASES = (
    ("saint gaudens", "saint-gaudens"),
    ("st gaudens", "saint-gaudens"),
    ("foix", "foix"),
    ("rodez", "rodez"),
    ("auch", "auch"),
    ("cahors", "cahors"),
    ("tarbes", "tarbes"),
    ("albi", "albi"),
    ("montauban", "montauban"),
    ("toulouse", "toulouse"),
)

DOCUMENT_TYPE_PHRASES = (
    ("outil pedagogique", "outil-pedagogique"),
    ("outils pedagogiques", "outil-pedagogique"),
    ("guide methodologique", "guide-methodologique"),
    ("guide", "guide-methodologique"),
    ("texte officiel", "texte-officiel"),
    ("textes officiels", "texte-officiel"),
    ("dossier documentaire", "dossier-documentaire"),
    ("site web", "site-web"),
    ("site internet", "site-web"),
    ("periodique*", "periodique"),
    ("revue", "periodique"),
    ("article*", "article"),
    ("video*", "video"),
    ("dvd", "video"),
    ("film", "video"),
    ("mallette*", "mallette"),
    ("jeu", "mallette"),
    ("actes", "actes"),
    ("colloque", "actes"),
    ("memoire*", "memoire"),
    ("these", "memoire"),
    ("rapport*", "rapport"),
    ("etude*", "etude"),
    ("ouvrage*", "ouvrage"),
    ("livre*", "ouvrage"),
    ("monographie*", "ouvrage"),
    ("texte imprime", "ouvrage"),
)


def _normalise(value: str) -> list[str]:
    return re.sub(r"[^0-9a-z]+", " ", fold(value)).split()


class _Matcher:
    """Leftmost-longest phrase matching over the words of a folded string."""

    def __init__(self, pairs):
        self.exact = {}
        self.prefix = {}
        self.longest = 1
        for phrase, token in pairs:
            words = tuple(phrase.split())
            self.longest = max(self.longest, len(words))
            if words[-1].endswith("*"):
                head = words[:-1]
                self.prefix.setdefault(head, []).append((words[-1][:-1], token))
            else:
                self.exact[words] = token
        self.match_value = lru_cache(maxsize=65536)(self._match_value)

    def _match_value(self, value: str) -> tuple:
        words = _normalise(value)
        found = []
        i = 0
        while i < len(words):
            for n in range(min(self.longest, len(words) - i), 0, -1):
                hit = self._lookup(tuple(words[i : i + n]))
                if hit is not False:
                    if hit is not None and hit not in found:
                        found.append(hit)
                    i += n
                    break
            else:
                i += 1
        return tuple(found)

    def _lookup(self, words):
        token = self.exact.get(words, False)
        if token is not False:
            return token
        for stem, token in self.prefix.get(words[:-1], ()):
            if words[-1].startswith(stem):
                return token
        return False

    def tokens(self, values) -> list[str]:
        found = []
        for value in values:
            if value:
                for token in self.match_value(value):
                    if token not in found:
                        found.append(token)
        return found


# The labels records are written with come first: leftmost-longest matching then
# reads "Participation des habitants et citoyenneté" as one theme, not two.
_THEMES = _Matcher(
    [(" ".join(_normalise(label)), t) for t, label in THEME_LABELS.items()]
    + [(p, t) for t, phrases in THEME_PHRASES.items() for p in phrases]
)
_TERRITORIES = _Matcher(TERRITORY_PHRASES)
_SITES = _Matcher(SITE_PHRASES)
_DOCUMENT_TYPES = _Matcher(DOCUMENT_TYPE_PHRASES)


def _tokens(matcher, values) -> list[str]:
    return matcher.tokens(values)


def match_themes(values) -> list[str]:
    """Theme tokens named by descriptors/keywords, in order of first appearance."""
    return _tokens(_THEMES, values)


def match_territories(values) -> list[str]:
    """Territory tokens (département codes, "occitanie", "national")."""
    return _tokens(_TERRITORIES, values)


def match_site(value: str) -> str | None:
    """Relay site token of a 995$b / 852$b value, or None."""
    found = _tokens(_SITES, [value])
    return found[0] if found else None


def match_document_type(value: str) -> str | None:
    """Document type token named by a free label ("Outil pédagogique", "DVD")."""
    found = _tokens(_DOCUMENT_TYPES, [value])
    return found[0] if found else None
