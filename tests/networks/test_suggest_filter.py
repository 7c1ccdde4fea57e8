"""The Solr title completion filters on the reader's exact contexts (pure Python).

A network member's entry in ``allowedRolesAndUsers`` is ``user$reseau-a``: Solr
analyzes ``suggest.cfq`` as text, so the filter is a regular expression for the
whole term (test_channels_solr.py reads the real Solr)."""

import re

from rt.infodoc.search.solr_params import suggest_params


def _cfq(roles):
    return dict(suggest_params("esp", roles))["suggest.cfq"]


def test_each_context_is_one_whole_term():
    cfq = _cfq(["Anonymous", "Member", "user:alice", "user:reseau-a"])
    assert cfq == r"/Anonymous/ OR /Member/ OR /user\$alice/ OR /user\$reseau\-a/"


def test_the_regular_expressions_match_their_own_term_only():
    for role, other in (("user:reseau-a", "user$reseau-ab"), ("user:a.b", "user$axb")):
        [pattern] = re.findall(r"/(.*?[^\\])/", _cfq([role]))
        java_like = re.compile(pattern)  # Lucene RegExp: "\x" is the character x
        assert java_like.fullmatch(role.replace(":", "$"))
        assert not java_like.fullmatch(other)


def test_no_roles_is_anonymous():
    assert _cfq([]) == "/Anonymous/"
