"""Matching plan on real records (pure Python, no Zope)."""

from pathlib import Path

from rt.infodoc.importer import plan
from rt.infodoc.marc.reader import read_records

DATA = Path(__file__).resolve().parent.parent / "data" / "marc"


def _results(name):
    return list(read_records(DATA / name))


def _never(key):
    return None


def test_notice_id_from_cosoter_then_isbn_then_hash():
    assert plan.notice_id({"cosoter_id": "12345", "title": "t"}) == "n12345"
    assert plan.notice_id({"cosoter_id": "IT\\ICCU\\ANA\\0019370"}) == "nit-iccu-ana-0019370"
    assert plan.notice_id({"isbn": ["2-07-074244-X"], "title": "Ici"}) == "isbn-207074244x"
    hashed = plan.notice_id({"title": "Sans identifiant"})
    assert hashed.startswith("h") and len(hashed) == 17
    assert hashed == plan.notice_id({"title": "Sans identifiant"})


def test_new_records_are_created_under_their_cosoter_id():
    index = plan.MatchIndex()
    decisions = [plan.plan_record(r, index, _never) for r in _results("marcjs_bib.mrc")]
    assert [d.action for d in decisions] == [plan.CREATE] * 6
    assert decisions[0].key == "fonds/nfrbnf323046990000009"
    assert decisions[0].identifier == "FRBNF323046990000009"
    assert all(d.raw_sha1 and d.content_hash for d in decisions)


def test_match_on_001_first_then_isbn():
    ici = _results("marcjs_bib-one.mrc")[0]
    index = plan.MatchIndex()
    # a Notice catalogued by hand with the same ISBN, no COSOTer identifier
    index.add("fonds/a-la-main", None, ["2070742443", "2-07-074244-X"])
    decision = plan.plan_record(ici, index, _never)
    assert (decision.action, decision.key, decision.matched_by) == (
        plan.UPDATE,
        "fonds/a-la-main",
        "isbn",
    )
    # the identifier wins over the ISBN
    index.add("fonds/n123456789", "123456789")
    decision = plan.plan_record(ici, index, _never)
    assert (decision.key, decision.matched_by) == ("fonds/n123456789", "cosoter_id")


def test_isbn_of_another_cosoter_record_is_not_a_match():
    ici = _results("marcjs_bib-one.mrc")[0]
    index = plan.MatchIndex()
    index.add("fonds/n999", "999", ["2-07-074244-X"])
    decision = plan.plan_record(ici, index, _never)
    assert decision.action == plan.CREATE
    assert decision.key == "fonds/n123456789"


def test_unchanged_when_the_stored_hash_is_the_same():
    ici = _results("marcjs_bib-one.mrc")[0]
    first = plan.plan_record(ici, plan.MatchIndex(), _never)
    index = plan.MatchIndex()
    index.add_mapped("fonds/n123456789", first.mapped)
    same = plan.plan_record(ici, index, {"fonds/n123456789": first.content_hash}.get)
    assert same.action == plan.UNCHANGED
    changed = plan.plan_record(ici, index, {"fonds/n123456789": "other"}.get)
    assert changed.action == plan.UPDATE


def test_broken_record_is_rejected_with_position_offset_and_reason():
    decisions = [
        plan.plan_record(r, plan.MatchIndex(), _never) for r in _results("pymarc_bad_records.mrc")
    ]
    rejected = [d for d in decisions if d.action == plan.REJECT]
    assert len(rejected) == 1
    assert rejected[0].position == 7
    assert rejected[0].offset == 764
    assert "notice" in rejected[0].reason


def test_records_without_any_identifier_match_their_own_content():
    results = [r for r in _results("pymarc_bad_records.mrc") if r.ok]
    index = plan.MatchIndex()
    first = plan.plan_record(results[0], index, _never)
    assert first.action == plan.CREATE and first.key.startswith("fonds/h")
    index.add_mapped(first.key, first.mapped)
    again = plan.plan_record(results[0], index, {first.key: first.content_hash}.get)
    assert (again.action, again.matched_by) == (plan.UNCHANGED, "hash")
