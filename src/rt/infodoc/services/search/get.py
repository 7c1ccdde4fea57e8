"""GET @search: plone.restapi's catalog search, a malformed query answered 400.

plone.restapi hands every parameter to the catalog: a value of the wrong type
(``path.depth=abc``, ``created.query=abc&created.range=min``), a repeated
parameter where one is expected, or what ZCTextIndex cannot parse raise
QueryParsingError, ValueError or TypeError, which plone.rest answers as an HTTP
500. They are the client's mistake: HTTP 400 with a French message.
(b_start and b_size are checked earlier, for every listing:
publication/batching.py.)
"""

import logging

from DateTime.interfaces import DateTimeError
from plone.restapi.exceptions import QueryParsingError
from plone.restapi.services.search.get import SearchGet as BaseSearchGet
from Products.ZCTextIndex.ParseTree import ParseError

from rt.infodoc.publication.errors import InvalidParameter

logger = logging.getLogger(__name__)

MESSAGE = (
    "Recherche invalide : un des critères n'a pas la forme attendue "
    "(nombre, date, texte ou liste de valeurs)."
)
QUERY_ERRORS = (QueryParsingError, ParseError, DateTimeError, ValueError, TypeError, AttributeError)


class SearchGet(BaseSearchGet):
    def reply(self):
        try:
            return super().reply()
        except QUERY_ERRORS as error:
            logger.info("@search refused: %s: %s", type(error).__name__, error)
            raise InvalidParameter(MESSAGE) from error
