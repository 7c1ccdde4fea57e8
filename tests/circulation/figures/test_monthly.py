"""The figures' month objects on a real ZODB (FileStorage, two connections):
two desks counting at the same moment both commit and no count is lost."""

import transaction
from ZODB import DB
from ZODB.FileStorage import FileStorage

from rt.infodoc.circulation.figures.counters import Activity
from rt.infodoc.circulation.figures.counters import keys
from rt.infodoc.circulation.figures.monthly import MonthCounts
from rt.infodoc.circulation.figures.monthly import month_of


def _loan(site, theme, day=(2026, 12, 7)):
    import datetime

    return keys(Activity("pret", datetime.date(*day), site, (theme,), "ouvrage", "usager"))


def test_month_of_a_key():
    assert month_of("pret|2026|3|total|") == "2026-03"
    assert month_of("accueil|2011|12|site|foix") == "2011-12"


def test_concurrent_counts_merge_without_conflict(tmp_path):
    database = DB(FileStorage(str(tmp_path / "Data.fs")))
    try:
        first, second = transaction.TransactionManager(), transaction.TransactionManager()
        root = database.open(first).root()
        root["month"] = MonthCounts()
        root["month"].add(_loan("toulouse", "sante"))
        first.commit()
        one = root["month"]
        other = database.open(second).root()["month"]
        assert dict(other.items()) == dict(one.items())  # both read the same state

        one.add(_loan("foix", "sante"))
        other.add(_loan("toulouse", "habitat"))
        other.add(_loan("toulouse", "habitat"))
        first.commit()
        second.commit()  # resolved by the storage: no ConflictError

        check = transaction.TransactionManager()
        counts = dict(database.open(check).root()["month"].items())
        assert counts["pret|2026|12|total|"] == 4
        assert counts["pret|2026|12|site|toulouse"] == 3
        assert counts["pret|2026|12|site|foix"] == 1
        assert counts["pret|2026|12|theme|sante"] == 2
        assert counts["pret|2026|12|theme|habitat"] == 2
        assert counts["pret|2026|12|categorie|usager"] == 4
    finally:
        database.close()
