"""What a reader reads for one copy (pure Python)."""

from datetime import date

from rt.infodoc.circulation.availability import copy_label
from rt.infodoc.circulation.availability import of


class _Copy:
    def __init__(self, status, site):
        self.status, self.site = status, site


class _Loan:
    due = date(2027, 2, 3)


SITES = {"albi": "Albi", "foix": "Foix", "auch": "Auch"}


def test_relay_sites_read_as_french():
    assert of("Foix") == "de Foix" and of("Albi") == "d'Albi" and of("Auch") == "d'Auch"
    assert copy_label(_Copy("disponible", "albi"), site_titles=SITES)[0] == "Au site relais d'Albi"
    assert copy_label(_Copy("disponible", "foix"), site_titles=SITES)[0] == "Au site relais de Foix"
    assert copy_label(_Copy("disponible", "toulouse"), site_titles=SITES)[0] == "En rayon"


def test_a_copy_on_loan_tells_its_due_date():
    label, _css = copy_label(_Copy("en-pret", "toulouse"), loan=_Loan())
    assert label == "En prêt jusqu'au 03/02/2027"
