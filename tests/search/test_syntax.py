"""The search box's syntax (pure Python): phrases, OR / OU, exclusions, odd input;
the edismax query it gives (every word escaped) and the catalog's."""

import subprocess
import sys

import pytest

from rt.infodoc.search.catalog_text import box_query as catalog_query
from rt.infodoc.search.solr_params import box_query as solr_query
from rt.infodoc.search.syntax import parse
from rt.infodoc.search.syntax import positive_words


def q(text):
    return solr_query(text)[0]


def c(text):
    box = catalog_query(text)
    return box.query, box.excluded, box.nothing


def test_words_phrases_or_and_exclusions_for_solr():
    assert q("illettrisme lutte") == "illettrisme lutte"
    assert q("illettrisme -lutte") == "illettrisme -lutte"
    assert q("illettrisme NOT lutte") == "illettrisme -lutte"
    assert q('"ville politique"') == '"ville politique"'
    assert q("« politique de la ville »") == '"politique de la ville"'
    assert q("illettrisme OR parentalité") == "(illettrisme OR parentalité)"
    assert q("illettrisme OU parentalité lecture") == "(illettrisme OR parentalité) lecture"
    assert q('crèche -"petite enfance"') == 'crèche -"petite enfance"'
    assert q("illettrisme AND lutte") == "illettrisme lutte"
    # lower case "ou", "or" are words ("ou" a function word Solr leaves out)
    assert q("illettrisme ou lutte") == "illettrisme ou lutte"
    assert q("l'école (primaire)") == "école primaire"
    assert q("égalité femmes-hommes") == 'égalité "femmes hommes"'


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"ville politique', '"ville politique"'),  # unclosed: to the end
        ("-", ""),
        ("--lutte", "-lutte"),
        ("OR illettrisme OR", "illettrisme"),
        ("foo OR -bar", "foo -bar"),
        ("-foo OR bar", "-foo bar"),
        ("title:foo", '"title foo"'),
        ("foo* bar? ~2 ^3", "foo bar 2 3"),
        ("x && y || !z", "x y z"),
        ("{!lucene}*:*", "lucene"),
        ("(foo OR bar) AND baz", "(foo OR bar) baz"),
        ("-OR", "-or"),
        ("x TO y", "x to y"),
        ('\\"', ""),
        ('""', ""),
        ('x -"', "x"),
        ("%", ""),
    ],
)
def test_odd_input_never_reaches_solr_as_syntax(text, expected):
    assert q(text) == expected


def test_nothing_searchable_and_the_plain_words():
    assert solr_query("%")[2] and solr_query('""')[2] and solr_query("-")[2]
    assert not solr_query("-lutte")[2] and not solr_query("")[2]
    text, words, nothing = solr_query('"décrochaje scolaire" -Occitanie OR x')
    assert words == ["décrochaje", "scolaire", "x"] and not nothing
    assert positive_words(parse("a -b c")) == ["a", "c"]


def test_isbn_stays_one_identifier():
    assert solr_query("978-2-07-036822-8")[0] == "978\\-2\\-07\\-036822\\-8"


def test_function_words_alone_in_a_phrase_or_an_alternative_are_left_out():
    assert q('"de la" illettrisme') == "illettrisme"
    assert q("(de OR la) x") == "x"
    assert q("de OR la") == ""
    assert solr_query("de la")[2]


def test_the_catalog_reading():
    assert c("illettrisme -lutte") == ("illettrisme* AND NOT lutte*", "", False)
    assert c("illettrisme OR parentalité lecture") == (
        "(illettrisme* OR parentalité*) AND lecture*",
        "",
        False,
    )
    assert c('"situations d\'illettrisme"') == ('"situations d illettrisme"', "", False)
    assert c('-lutte -"petite enfance"') == ("", 'lutte* OR "petite enfance"', False)
    assert c("%") == ("", "", True)
    assert c("de la") == ("", "", True)
    assert c("") == ("", "", False)
    # ZCTextIndex reads and / or / not in any case: never a bare word
    assert c("and or not") == ("and* AND or* AND not*", "", False)
    assert c('"x OR y"') == ('"x OR y"', "", False)
    box = catalog_query("École", plain="Dupont")
    assert box.query == "Dupont* AND École*"


def test_the_syntax_module_is_pure():
    code = (
        "import sys\n"
        "import rt.infodoc.search.syntax\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('Zope2', 'Products', 'plone', 'App', 'OFS', 'ZPublisher', 'Acquisition', 'ZODB')"
        " or m.startswith(('zope.component', 'zope.interface', 'zope.publisher')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_solr_parameters_of_a_search_with_syntax():
    from rt.infodoc.search.query import SearchQuery
    from rt.infodoc.search.solr_params import NOTHING
    from rt.infodoc.search.solr_params import search_params

    params = search_params(SearchQuery(text='"ville politique" -lutte OR x'), ["Anonymous"])
    assert [v for k, v in params if k == "q"] == ['"ville politique" -lutte x']
    assert [v for k, v in params if k == "spellcheck.q"] == ["ville politique x"]
    assert ("lowercaseOperators", "false") in params and ("hl", "true") in params
    assert NOTHING not in [v for k, v in params if k == "fq"]
    odd = search_params(SearchQuery(text="%"), ["Anonymous"])
    assert [v for k, v in odd if k == "q"] == ["*:*"]
    assert NOTHING in [v for k, v in odd if k == "fq"]
    assert not [v for k, v in odd if k == "spellcheck.q"]
    excluded_only = search_params(SearchQuery(text="-lutte"), ["Anonymous"])
    assert [v for k, v in excluded_only if k == "q"] == ["-lutte"]
    assert not [v for k, v in excluded_only if k == "spellcheck"]
