"""The import page lists the damaged records and the held ones, and a documentaliste
accepts a held record from it (real HTTP requests on the test WSGI server)."""

import re

import marc_damage as damage
import requests
import transaction

from rt.infodoc.importer import held
from rt.infodoc.importer.runner import import_file
from rt.infodoc.importer.state import get_state
from rt.infodoc.marc.mapping import to_notice
from rt.infodoc.marc.reader import iter_raw_iso2709
from rt.infodoc.marc.reader import read_records

from .test_view import PASSWORD
from .test_view import _token
from .test_view import base  # noqa: F401 - the fixture
from .test_view import follow
from .test_view import upload


def test_held_records_are_listed_and_accepted_from_the_page(base, site, demo_fund, tmp_path):  # noqa: F811
    auth = ("doc", PASSWORD)
    import_file(site, demo_fund)
    transaction.commit()
    raws = [raw for _pos, _off, raw in iter_raw_iso2709(demo_fund)]
    mapped = [to_notice(r.record, r.flavour) for r in read_records(demo_fund)]
    index = next(i for i, notice in enumerate(mapped) if notice.get("isbn"))
    cosoter = mapped[index]["cosoter_id"]
    path = tmp_path / "abime.mrc"
    path.write_bytes(raws[index - 1] + damage.retag(raws[index], b"001", b"0O1"))

    job_page = upload(base, auth, path, "export-abime.mrc")
    assert follow(base, auth, job_page)[0]["status"] == "done"
    html = requests.get(job_page, auth=auth, timeout=60).text
    # the run's report: the damaged record, its offset and why it was put aside
    assert "Notices abîmées (structure réparée à la lecture)" in html
    assert re.search(r"écart \(à vérifier\)</th>\s*<td>1</td>", html)
    assert f">{len(raws[index - 1])}<" in html  # its byte offset
    assert "aurait modifié la notice" in html and "reconnue par son ISBN" in html
    assert "champ 0O1 : indicateurs" in html
    # the list of held records, with the Notice at stake
    assert 'id="mises-a-l-ecart"' in html and "Accepter et importer" in html
    assert f"{base}/fonds/n{cosoter.lower()}" in html
    assert "export-abime.mrc" in html
    # no internal names or raw data on the page
    for internal in ("digest", "outcome", "'held'", "cosoter_id", "\\x1e"):
        assert internal not in html.replace('name="form.accept"', ""), internal

    digest = re.search(r'name="form.accept" value="([0-9a-f]{40})"', html).group(1)
    refused = requests.post(
        f"{base}/@@import-marc",
        auth=auth,
        timeout=60,
        data={"_authenticator": _token(html), "form.accept": digest},
    )
    assert "Cochez « Je confirme » pour accepter cette notice" in refused.text
    transaction.begin()
    assert len(held.pending(get_state(site))) == 1

    accepted = requests.post(
        f"{base}/@@import-marc",
        auth=auth,
        timeout=60,
        data={"_authenticator": _token(html), "form.accept": digest, "confirmer": "1"},
    )
    assert accepted.history and accepted.history[0].status_code == 303
    assert "Notice acceptée : la notice « " in accepted.text
    assert "identifiant COSOTer (001)" in accepted.text and "conservé" in accepted.text
    assert 'name="form.accept"' not in accepted.text
    transaction.begin()
    assert held.pending(get_state(site)) == []
    notice = site["fonds"][f"n{cosoter.lower()}"]
    assert notice.cosoter_id == cosoter  # accepted, and still found by its 001

    again = requests.post(
        f"{base}/@@import-marc",
        auth=auth,
        timeout=60,
        data={"_authenticator": _token(html), "form.accept": digest, "confirmer": "1"},
    )
    assert "déjà été acceptée ou rejetée" in again.text


def test_accept_without_token_is_refused(base, site):  # noqa: F811
    refused = requests.post(
        f"{base}/@@import-marc",
        auth=("doc", PASSWORD),
        timeout=60,
        data={"form.accept": "0" * 40, "confirmer": "1"},
    )
    assert refused.status_code == 403


def test_a_held_record_is_dismissed_from_the_page(base, site, demo_fund, tmp_path):  # noqa: F811
    auth = ("doc", PASSWORD)
    import_file(site, demo_fund)
    raws = [raw for _pos, _off, raw in iter_raw_iso2709(demo_fund)]
    mapped = [to_notice(r.record, r.flavour) for r in read_records(demo_fund)]
    index = next(i for i, notice in enumerate(mapped) if notice.get("isbn"))
    path = tmp_path / "abime.mrc"
    path.write_bytes(damage.retag(raws[index], b"001", b"0O1"))
    assert import_file(site, path).held == 1
    transaction.commit()
    html = requests.get(f"{base}/@@import-marc", auth=auth, timeout=60).text
    digest = re.search(r'name="form.dismiss" value="([0-9a-f]{40})"', html).group(1)

    dismissed = requests.post(
        f"{base}/@@import-marc",
        auth=auth,
        timeout=60,
        data={"_authenticator": _token(html), "form.dismiss": digest},
    )

    assert "écartée : elle ne sera pas importée" in dismissed.text
    assert 'name="form.dismiss"' not in dismissed.text
    transaction.begin()
    assert held.pending(get_state(site)) == []
    again = import_file(site, path)
    assert again.held == 0 and again.rejected == 1
    assert again.damaged[0]["why"].startswith("écartée par doc le ")
