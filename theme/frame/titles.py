"""Which title a page gives its <title>, its breadcrumb and its sharing tags.

Plone's title and breadcrumbs viewlets read the context only: every view of the
site root (the search, the legal pages, the basket, Plone's own contact form and
site map, the 404 page) was titled with the site's name, its breadcrumb "Accueil"
alone (RGAA 8.6). A view now names itself with ``page_title`` (a string, a message
id, or a method giving one) and may give a shorter ``crumb_title`` for the
breadcrumb; Plone's views and the add-on's template-only pages are named here by
their view name. ``section`` names the main menu entry a view belongs to.
No Zope import: the viewlets (viewlets.py) translate what this module picks."""

from rt.infodoc import _

#: view name -> its title, for views that cannot carry a ``page_title`` of their own
NAMED_VIEWS = {
    "mentions-legales": _("Mentions légales"),
    "declaration-accessibilite": _("Déclaration d'accessibilité"),
    "contact-info": _("Formulaire de contact"),
    "sitemap": _("Plan du site"),
    "panier": _("Mon panier"),
    "login": _("Se connecter"),
    "login_form": _("Se connecter"),
    "require_login": _("Se connecter"),
    # the librarians' pages (circulation, import, harvest)
    "pret": _("Prêt et retour"),
    "circulation": _("Prêt et retour"),
    "emprunteurs": _("Emprunteurs"),
    "pret-retards": _("Prêts en retard"),
    "relances-a-imprimer": _("Relances à imprimer"),
    "chiffres-circulation": _("Chiffres de la circulation"),
    "exemplaires": _("Exemplaires"),
    "mon-compte": _("Mon compte"),
    "import-marc": _("Importer des notices MARC"),
    "harvest-oai": _("Moissonner une source OAI-PMH"),
}

#: view name -> id of the main menu entry it belongs to
SECTIONS = {"recherche": "fonds"}


def _value(view, name):
    value = getattr(view, name, None)
    if callable(value):
        value = value()
    return value or None


def page_title(view):
    """The page's own title (str or message id), or None: the context's title."""
    if view is None:
        return None
    return _value(view, "page_title") or NAMED_VIEWS.get(getattr(view, "__name__", None))


def crumb_title(view):
    """The last breadcrumb for this view, or None (the context is the page)."""
    if view is None:
        return None
    return _value(view, "crumb_title") or page_title(view)


def canonical_url(view, context_url):
    """The canonical address of a view that names itself: ``canonical_url`` of the
    view (None: no canonical link), else the context's address and the view name."""
    if hasattr(view, "canonical_url"):
        return _value(view, "canonical_url")
    return f"{context_url}/{view.__name__}"


def section(view):
    """Id of the main menu entry to mark current for this view, or None."""
    if view is None:
        return None
    return _value(view, "section") or SECTIONS.get(getattr(view, "__name__", None))


def crop(text, length=300):
    """`text` on one line, cut at a word before `length` characters, with "…"."""
    text = " ".join(str(text or "").split())
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + "…"


def search_title(query):
    """/recherche's title: the words searched and the page number past the first
    ("Recherche : « illettrisme », page 2"); `query` is a search.query.SearchQuery."""
    numbers = {"text": query.text, "page": str(query.page)}
    if query.is_empty:
        return _("Recherche documentaire")
    if query.text and query.page > 1:
        return _("Recherche : « ${text} », page ${page}", mapping=numbers)
    if query.text:
        return _("Recherche : « ${text} »", mapping=numbers)
    if query.page > 1:
        return _("Résultats de la recherche, page ${page}", mapping=numbers)
    return _("Résultats de la recherche")
