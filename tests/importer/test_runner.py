"""Importing real MARC files into a test site (functional layer, real commits)."""

import pytest
import transaction
from plone import api

from rt.infodoc.importer.options import ImportOptions
from rt.infodoc.importer.runner import apply_deleted
from rt.infodoc.importer.runner import import_file
from rt.infodoc.importer.runner import revert_batch
from rt.infodoc.marc.reader import read_records
from rt.infodoc.marc.writers import to_iso2709

from .conftest import DATA


def notices(site):
    return {
        b.getObject().cosoter_id or b.getId: b.getObject()
        for b in api.content.find(context=site, portal_type="Notice", unrestricted=True)
    }


def write_records(path, records):
    with open(path, "wb") as stream:
        for record in records:
            stream.write(to_iso2709(record))
    return path


def records_of(name):
    return [r.record for r in read_records(DATA / name)]


def test_real_files_are_imported_with_exact_counts_and_french_titles(site):
    report = import_file(site, DATA / "marcjs_bib.mrc")
    assert report.counts() == {
        "created": 6,
        "updated": 0,
        "unchanged": 0,
        "withdrawn": 0,
        "rejected": 0,
    }
    assert report.exit_status() == 0
    found = notices(site)
    assert len(found) == 6
    papier = found["FRBNF323617380000007"]
    assert papier.title.startswith("Le Papier, recherches et notes pour servir à l'histoire")
    assert found["FRBNF32385266000000X"].title == "La gravure en France au XVIe siècle"
    assert papier.getId() == "nfrbnf323617380000007"
    assert papier.aq_parent.getId() == "fonds"
    assert api.content.get_state(papier) == "published"
    assert papier.marc_flavour == "unimarc"
    assert papier.marc_record.startswith(papier.marc_record[:5]) and "\x1d" in papier.marc_record
    assert "FRBNF323617380000007" in papier.marc_record
    assert papier.UID() and papier.getOwner().getId()
    # the catalog knows them and anonymous can find them
    from plone.app.testing import logout

    logout()
    brains = api.content.find(portal_type="Notice", SearchableText="gravure")
    assert "nfrbnf32385266000000x" in [b.getId for b in brains]
    assert len(api.content.find(portal_type="Notice")) == 6


def test_broken_file_reports_each_rejection(site):
    report = import_file(site, DATA / "pymarc_bad_records.mrc")
    assert report.records == 8
    assert report.rejected == 1
    rejection = report.rejections[0]
    assert (rejection.position, rejection.offset) == (7, 764)
    assert rejection.reason
    assert report.exit_status() == 1
    # 7 readable records without 001 nor ISBN: identical ones are one Notice
    assert report.created + report.unchanged + report.updated == 7
    assert len(notices(site)) == report.created
    assert "n° 7 (octet 764" in report.summary_fr()


def test_unchanged_reimport_writes_nothing(site):
    import_file(site, DATA / "marcjs_bib.mrc")
    before = {k: (o._p_serial, o.modified()) for k, o in notices(site).items()}
    report = import_file(site, DATA / "marcjs_bib.mrc")
    assert report.counts()["unchanged"] == 6 and report.created == report.updated == 0
    after = {k: (o._p_serial, o.modified()) for k, o in notices(site).items()}
    assert after == before


def test_update_keeps_the_centres_own_fields(site, tmp_path):
    import_file(site, DATA / "marcjs_bib.mrc")
    gravure = notices(site)["FRBNF32385266000000X"]
    gravure.themes = ["education"]
    gravure.territory = ["31"]
    gravure.local_note = "Exemplaire dédicacé"
    transaction.commit()
    records = records_of("marcjs_bib.mrc")
    records[5]["200"]["a"] = "La gravure en France au seizième siècle"
    changed = write_records(tmp_path / "changed.mrc", records)
    report = import_file(site, changed)
    assert (report.updated, report.unchanged, report.created) == (1, 5, 0)
    gravure = notices(site)["FRBNF32385266000000X"]
    assert gravure.title == "La gravure en France au seizième siècle"
    assert gravure.themes == ["education"] and gravure.territory == ["31"]
    assert gravure.local_note == "Exemplaire dédicacé"
    assert len(notices(site)) == 6


def test_isbn_matches_a_notice_catalogued_by_hand(site):
    fonds = site["fonds"]
    hand = api.content.create(
        container=fonds,
        type="Notice",
        id="ici-a-la-main",
        title="Ici (saisie locale)",
        isbn=["2-07-074244-X"],
    )
    hand.local_note = "saisie avant l'import"
    transaction.commit()
    report = import_file(site, DATA / "marcjs_bib-one.mrc")
    assert (report.created, report.updated) == (0, 1)
    assert hand.cosoter_id == "123456789" and hand.title == "Ici"
    assert hand.local_note == "saisie avant l'import"
    assert len(notices(site)) == 1


def test_withdraw_missing_then_come_back(site, tmp_path):
    import_file(site, DATA / "marcjs_bib.mrc")
    records = records_of("marcjs_bib.mrc")
    partial = write_records(tmp_path / "partial.mrc", records[:5])
    report = import_file(site, partial, ImportOptions(withdraw_missing=True))
    assert report.withdrawn == 1 and report.unchanged == 5
    assert report.withdrawals[0]["cosoter_id"] == "FRBNF32385266000000X"
    gravure = notices(site)["FRBNF32385266000000X"]
    assert api.content.get_state(gravure) == "private"
    assert "retirées : 1" in report.summary_fr()
    # without the option, nothing is withdrawn
    assert import_file(site, partial).withdrawn == 0
    # back upstream: published again
    report = import_file(site, DATA / "marcjs_bib.mrc")
    assert report.updated == 1
    assert api.content.get_state(notices(site)["FRBNF32385266000000X"]) == "published"


def test_deleted_oai_header_withdraws(site):
    import_file(site, DATA / "marcjs_bib-one.mrc")
    assert apply_deleted(site, "123456789") == "fonds/n123456789"
    assert apply_deleted(site, "inconnu") is None
    transaction.commit()
    assert api.content.get_state(site["fonds"]["n123456789"]) == "private"


def test_dry_run_writes_nothing_and_reports_the_same(site):
    dry = import_file(site, DATA / "marcjs_bib.mrc", ImportOptions(dry_run=True))
    assert dry.dry_run and dry.created == 6
    assert notices(site) == {}
    assert "Simulation" in dry.summary_fr()
    real = import_file(site, DATA / "marcjs_bib.mrc")
    assert real.counts() == dry.counts()


def test_revert_an_update_then_a_creation(site, tmp_path):
    first = import_file(site, DATA / "marcjs_bib.mrc")
    records = records_of("marcjs_bib.mrc")
    records[0]["200"]["a"] = "Caractères grecs"
    second = import_file(site, write_records(tmp_path / "v2.mrc", records))
    assert second.updated == 1 and len(second.batches) == 1
    assert notices(site)["FRBNF323046990000009"].title == "Caractères grecs"
    counts = revert_batch(site, second.batches[0])
    assert counts == {"deleted": 0, "restored": 1, "republished": 0}
    assert notices(site)["FRBNF323046990000009"].title == "Greek printing types"
    # the update can be imported again after its revert (not skipped as unchanged)
    assert import_file(site, tmp_path / "v2.mrc").updated == 1
    counts = revert_batch(site, first.batches[0])
    assert counts["deleted"] == 6
    assert notices(site) == {}
    with pytest.raises(ValueError):
        revert_batch(site, first.batches[0])
    with pytest.raises(KeyError):
        revert_batch(site, "inconnu")


class _Crash(Exception):
    pass


def test_a_run_interrupted_after_a_batch_resumes_after_it(site, demo_fund, monkeypatch):
    from rt.infodoc.importer import runner

    real_items = runner.items_from_file

    def crashing(path, flavour=None):
        for n, item in enumerate(real_items(path, flavour)):
            if n == 25:  # batches of 10: 2 committed, the 3rd half done
                raise _Crash()
            yield item

    monkeypatch.setattr(runner, "items_from_file", crashing)
    with pytest.raises(_Crash):
        import_file(site, demo_fund, ImportOptions(batch_size=10))
    assert len(notices(site)) == 20
    monkeypatch.setattr(runner, "items_from_file", real_items)
    report = import_file(site, demo_fund, ImportOptions(batch_size=10))
    assert report.resumed_at == 20
    assert report.records == 40 and report.created == 40
    assert len(notices(site)) == 40
    again = import_file(site, demo_fund, ImportOptions(batch_size=10))
    assert again.resumed_at is None and again.unchanged == 40


def _with_subjects(record, theme_label, territory_label):
    from pymarc import Field
    from pymarc import Subfield

    record.add_ordered_field(
        Field(tag="606", indicators=[" ", " "], subfields=[Subfield("a", theme_label)])
    )
    record.add_ordered_field(
        Field(tag="607", indicators=[" ", " "], subfields=[Subfield("a", territory_label)])
    )
    return record


def test_new_notices_get_the_themes_their_subjects_name(site, tmp_path):
    record = _with_subjects(
        records_of("marcjs_bib-one.mrc")[0], "Savoirs de base et illettrisme", "Haute-Garonne"
    )
    import_file(site, write_records(tmp_path / "themes.mrc", [record]))
    notice = notices(site)["123456789"]
    assert notice.themes == ["savoirs-de-base"] and notice.territory == ["31"]
    found = api.content.find(context=site, themes="savoirs-de-base", portal_type="Notice")
    assert [b.getObject() for b in found] == [notice]


def test_an_update_fills_themes_only_where_the_centre_set_none(site, tmp_path):
    import_file(site, DATA / "marcjs_bib.mrc")
    chosen = notices(site)["FRBNF32385266000000X"]
    chosen.themes = ["education"]
    transaction.commit()
    records = [
        _with_subjects(r, "Emploi et insertion", "Tarn") for r in records_of("marcjs_bib.mrc")
    ]
    import_file(site, write_records(tmp_path / "subjects.mrc", records))
    by_id = notices(site)
    assert by_id["FRBNF32385266000000X"].themes == ["education"]  # the centre's choice stays
    others = [n for key, n in by_id.items() if key != "FRBNF32385266000000X"]
    assert all(n.themes == ["emploi-insertion"] and n.territory == ["81"] for n in others)


def test_withdrawal_by_the_importer_leaves_an_oai_tombstone(site, tmp_path):
    from rt.infodoc.oaiprovider.tombstones import get_store

    import_file(site, DATA / "marcjs_bib.mrc")
    uid = notices(site)["FRBNF32385266000000X"].UID()
    partial = write_records(tmp_path / "partial.mrc", records_of("marcjs_bib.mrc")[:5])
    import_file(site, partial, ImportOptions(withdraw_missing=True))
    assert uid in get_store(site)
    import_file(site, DATA / "marcjs_bib.mrc")  # back upstream: the tombstone goes
    assert uid not in get_store(site)
