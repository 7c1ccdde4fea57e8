"""Loan rules by borrower category x document type x site."""

from rt.infodoc.circulation.rules.policy import ANY
from rt.infodoc.circulation.rules.policy import Policy
from rt.infodoc.circulation.rules.policy import Rule
from rt.infodoc.circulation.rules.policy import rules_from_lines


def test_base_rule_for_an_unknown_category():
    rule = Policy().rule_for("inconnue", "ouvrage", "toulouse")
    assert (rule.max_loans, rule.loan_days, rule.renewals, rule.reservations) == (5, 28, 1, True)
    assert rule.counted_doc_type is None


def test_category_sets_its_own_values():
    assert Policy().rule_for("adherent", "ouvrage", "toulouse").max_loans == 8
    stagiaire = Policy().rule_for("stagiaire", "ouvrage", "toulouse")
    assert (stagiaire.max_loans, stagiaire.loan_days, stagiaire.renewals) == (3, 21, 0)


def test_document_type_is_more_specific_than_category():
    rule = Policy().rule_for("adherent", "periodique", "toulouse")
    assert rule.loan_days == 14 and rule.renewals == 0
    # what the document type does not say comes from the category
    assert rule.max_loans == 8


def test_mallettes_go_out_longer_through_relay_sites():
    centre = Policy().rule_for("adherent", "mallette", "toulouse")
    relay = Policy().rule_for("adherent", "mallette", "foix")
    assert centre.loan_days == 28 and centre.max_loans == 1 and centre.renewals == 0
    assert relay.loan_days == 56 and relay.max_loans == 2 and relay.renewals == 1
    assert relay.counted_doc_type == "mallette"


def test_a_specific_rule_value_equal_to_the_base_still_wins():
    policy = Policy(
        rules=(
            Rule(max_loans=5, loan_days=28, renewals=1, reservations=True, max_reservations=3),
            Rule(doc_type="video", renewals=0),
            Rule(doc_type="video", site="albi", renewals=1),
        )
    )
    assert policy.rule_for(ANY, "video", "toulouse").renewals == 0
    assert policy.rule_for(ANY, "video", "albi").renewals == 1


def test_rules_from_registry_lines_skip_malformed_ones():
    rules = rules_from_lines(
        ["stagiaire|*|*|2|14|0|non", "mauvaise ligne", "usager|video|albi|x|7|0"]
    )
    policy = Policy(rules=rules)
    rule = policy.rule_for("stagiaire", "ouvrage", "foix")
    assert (rule.max_loans, rule.loan_days, rule.renewals, rule.reservations) == (2, 14, 0, False)
    assert policy.rule_for("usager", "video", "albi").loan_days == 28
