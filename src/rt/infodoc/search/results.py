"""What a search returns: pure dataclasses shared by every channel."""

from dataclasses import dataclass
from dataclasses import field

from rt.infodoc import _
from rt.infodoc.search.query import SearchQuery

DEGRADED_NOTICE = _(
    "La recherche fonctionne en mode simplifié : le moteur de recherche est "
    "momentanément indisponible, les résultats peuvent être moins pertinents et "
    "les comptages moins précis."
)

REJECTED_NOTICE = _(
    "Cette recherche n'a pas pu être traitée : vérifiez les mots, les filtres et le "
    "numéro de page demandés."
)


@dataclass
class ResultItem:
    uid: str
    url: str
    title: str
    portal_type: str = ""
    production_kind: str | None = None
    authors: list = field(default_factory=list)
    year: int | None = None
    document_type: str | None = None
    document_type_title: str | None = None
    support: str | None = None
    availability: list = field(default_factory=list)
    relay_sites: list = field(default_factory=list)
    snippet: str = ""
    urls: list = field(default_factory=list)
    description: str = ""
    review_state: str | None = None
    modified: str = ""  # ISO 8601 (UTC): when the item last changed (feeds' <updated>)

    def __post_init__(self):
        # each author once (a person may hold two roles on one record)
        seen, authors = set(), []
        for name in self.authors or []:
            key = " ".join(str(name).split()).casefold()
            if key and key not in seen:
                seen.add(key)
                authors.append(name)
        self.authors = authors


@dataclass
class FacetValue:
    value: str
    title: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    title: str
    values: list = field(default_factory=list)


@dataclass
class SearchResults:
    total: int = 0
    items: list = field(default_factory=list)
    facets: list = field(default_factory=list)
    suggestion: str | None = None
    backend: str = "solr"
    degraded_notice: str | None = None
    error_notice: str | None = None  # this request could not be answered (its input)
    query: SearchQuery = field(default_factory=SearchQuery)
    pages: int = 0
    solr_ms: float | None = None  # time spent waiting for Solr (Server-Timing)

    def facet(self, name):
        """The facet called `name`, or None."""
        for facet in self.facets:
            if facet.name == name:
                return facet
        return None
