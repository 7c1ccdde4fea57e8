"""The upload page, through real HTTP requests on the test WSGI server: the file is
imported by a background job whose progress the page follows, then its report."""

import re
import time

import pytest
import requests
import transaction
from plone import api

from ..conftest import DATA

PASSWORD = "secret-Doc-2026"


@pytest.fixture()
def base(site, functional, tmp_path, monkeypatch):
    monkeypatch.setenv("RT_INFODOC_VAR", str(tmp_path / "var"))
    api.user.create(email="doc@example.org", username="doc", password=PASSWORD, roles=("Member",))
    api.user.grant_roles(username="doc", roles=["Documentaliste"])
    api.user.create(email="membre@example.org", username="membre", password=PASSWORD)
    transaction.commit()
    return f"http://{functional['host']}:{functional['port']}/plone"


def _token(html):
    return re.search(r'name="_authenticator" value="([^"]+)"', html).group(1)


def upload(base, auth, path, name, **fields):
    """Send ``path`` from the page's form; returns the job page URL it redirects to."""
    page = requests.get(f"{base}/@@import-marc", auth=auth, timeout=60)
    with open(path, "rb") as stream:
        posted = requests.post(
            f"{base}/@@import-marc",
            auth=auth,
            timeout=120,
            allow_redirects=False,
            data={"_authenticator": _token(page.text), "form.submitted": "1", **fields},
            files={"fichier": (name, stream, "application/marc")},
        )
    assert posted.status_code == 303, posted.text[:500]
    assert "@@import-marc?job=" in posted.headers["Location"]
    return posted.headers["Location"]


def follow(base, auth, job_page, timeout=180):
    """Poll the job's progress (as the page's script does) until it ends; returns
    every JSON state seen, the last one first."""
    job_id = job_page.rsplit("job=", 1)[1]
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = requests.get(
            f"{base}/@@import-marc-progress", params={"job": job_id}, auth=auth, timeout=30
        ).json()
        seen.append(state)
        if state["status"] not in ("queued", "running"):
            return [state] + seen[:-1]
        time.sleep(0.2)
    raise AssertionError(f"import still running after {timeout} s: {seen[-1]}")


def test_documentaliste_uploads_a_file_and_sees_the_report(base, site):
    auth = ("doc", PASSWORD)
    page = requests.get(f"{base}/@@import-marc", auth=auth, timeout=60)
    assert page.status_code == 200
    assert "<h1" in page.text and "Importer des notices MARC" in page.text
    assert '<label class="form-label" for="import-fichier">' in page.text
    job_page = upload(base, auth, DATA / "pymarc_bad_records.mrc", "export-cosoter.mrc")
    final = follow(base, auth, job_page)[0]
    assert final["status"] == "done" and final["label"] == "terminé"
    assert final["done"] == final["total"] == 8  # 7 good records and 1 rejected
    html = requests.get(job_page, auth=auth, timeout=60).text
    assert "Résultat de l'import" in html and "export-cosoter.mrc" in html
    assert re.search(r"rejetées</th>\s*<td>1</td>", html)
    assert "notice sans aucun champ" in html and ">764<" in html
    link = re.search(r'href="([^"]+@@import-marc-rapport\?id=[^"]+)"', html).group(1)
    report = requests.get(link.replace("&amp;", "&"), auth=auth, timeout=30).json()
    assert report["rejected"] == 1 and report["rejections"][0]["position"] == 7
    assert report["created"] >= 1
    transaction.begin()
    assert (
        len(api.content.find(context=site, portal_type="Notice", unrestricted=True))
        == report["created"]
    )
    # the page lists it among the last imports, and the form is back
    again = requests.get(f"{base}/@@import-marc", auth=auth, timeout=60).text
    assert "Derniers imports" in again and "export-cosoter.mrc" in again
    assert 'id="import-fichier"' in again


def test_dry_run_from_the_page_writes_nothing(base, site):
    auth = ("doc", PASSWORD)
    job_page = upload(base, auth, DATA / "marcjs_bib.mrc", "bib.mrc", dry_run="1")
    assert follow(base, auth, job_page)[0]["status"] == "done"
    html = requests.get(job_page, auth=auth, timeout=60).text
    assert "Résultat de la simulation" in html
    assert re.search(r"créées</th>\s*<td>6</td>", html)
    transaction.begin()
    assert len(api.content.find(context=site, portal_type="Notice", unrestricted=True)) == 0


def test_a_large_file_shows_its_progress_and_blocks_a_second_upload(base, site, tmp_path):
    """The whole file goes in (no limit per request); while it runs the page shows a
    progress bar, the JSON counts up, and another upload is refused in French."""
    from rt.infodoc.demo.fund import write_fund

    auth = ("doc", PASSWORD)
    fund = tmp_path / "fonds.mrc"
    write_fund(str(fund), count=1500)
    other_tab = requests.get(f"{base}/@@import-marc", auth=auth, timeout=60)  # form open
    job_page = upload(base, auth, fund, "fonds.mrc")
    running = requests.get(job_page, auth=auth, timeout=60).text
    assert '<progress id="import-barre"' in running and "data-import-progress" in running
    assert "Un import est en cours" in running and 'id="import-fichier"' not in running
    with open(DATA / "marcjs_bib.mrc", "rb") as stream:
        refused = requests.post(
            f"{base}/@@import-marc",
            auth=auth,
            timeout=60,
            allow_redirects=False,
            data={"_authenticator": _token(other_tab.text), "form.submitted": "1"},
            files={"fichier": ("autre.mrc", stream)},
        )
    assert refused.status_code == 200
    assert "Un import est déjà en cours" in refused.text
    states = follow(base, auth, job_page)
    final = states[0]
    assert final["status"] == "done" and final["done"] == final["total"] == 1500
    partial = [s for s in states[1:] if s["status"] == "running" and 0 < s["done"] < 1500]
    assert partial, "no intermediate progress seen"
    assert all(a["done"] <= b["done"] for a, b in zip(partial, partial[1:], strict=False))
    assert "notices traitées sur 1500" in partial[0]["text"]
    transaction.begin()
    assert len(api.content.find(context=site, portal_type="Notice", unrestricted=True)) == 1500


def test_uploads_sent_at_the_same_moment_start_one_import(base, site, tmp_path):
    """Three tabs send a file at once: one import starts, the others are refused.
    (Whether the requests overlap here depends on the server; the conflict that
    settles truly simultaneous launches is tested in test_jobs.py.)"""
    from concurrent.futures import ThreadPoolExecutor

    from rt.infodoc.demo.fund import write_fund

    auth = ("doc", PASSWORD)
    fund = tmp_path / "fonds.mrc"
    write_fund(str(fund), count=600)
    token = _token(requests.get(f"{base}/@@import-marc", auth=auth, timeout=60).text)

    def send(name):
        with open(fund, "rb") as stream:
            return requests.post(
                f"{base}/@@import-marc",
                auth=auth,
                timeout=120,
                allow_redirects=False,
                data={"_authenticator": token, "form.submitted": "1"},
                files={"fichier": (name, stream, "application/marc")},
            )

    with ThreadPoolExecutor(3) as pool:
        answers = list(pool.map(send, ["a.mrc", "b.mrc", "c.mrc"]))
    started = [a for a in answers if a.status_code == 303]
    refused = [a for a in answers if a.status_code == 200]
    assert len(started) == 1 and len(refused) == 2
    assert all("Un import est déjà en cours" in a.text for a in refused)
    assert follow(base, auth, started[0].headers["Location"])[0]["status"] == "done"
    transaction.begin()
    from rt.infodoc.importer import jobs

    assert len(jobs.jobs_tree(jobs.get_state(site))) == 1
    assert len(api.content.find(context=site, portal_type="Notice", unrestricted=True)) == 600


def test_an_interrupted_import_is_resumed_from_the_page(base, site, tmp_path):
    """A job whose Zope went away (another process, silent for too long) shows as
    interrupted; "Reprendre" continues after its last committed batch."""
    from rt.infodoc.demo.fund import write_fund
    from rt.infodoc.importer import jobs
    from rt.infodoc.importer.options import ImportOptions
    from rt.infodoc.importer.runner import import_file

    fund = tmp_path / "fonds.mrc"
    write_fund(str(fund), count=120)
    # what the dead process had committed: two batches of 50 of its file
    kept = jobs.job_dir() / "20260101T000000-dead00.mrc"
    kept.write_bytes(fund.read_bytes())
    import_file(site, str(kept), ImportOptions(batch_size=50, limit=100))
    tree = jobs.jobs_tree(jobs.get_state(site), create=True)
    tree["20260101T000000-dead00"] = {
        "id": "20260101T000000-dead00",
        "filename": "fonds.mrc",
        "path": str(kept),
        "status": "running",
        "user": "doc",
        "dry_run": False,
        "withdraw_missing": False,
        "total": 120,
        "done": 100,
        "created": time.time() - 4000,
        "updated": time.time() - jobs.STALE_AFTER - 60,
        "finished": None,
        "report_id": None,
        "error": None,
        "process": "another-zope",
        "resumed_from": None,
    }
    transaction.commit()
    auth = ("doc", PASSWORD)
    html = requests.get(
        f"{base}/@@import-marc?job=20260101T000000-dead00", auth=auth, timeout=60
    ).text
    assert "interrompu" in html and "Reprendre</button>" in html
    assert re.search(r"\(100 notices\s+traitées\s+sur 120\)", html)
    resumed = requests.post(
        f"{base}/@@import-marc",
        auth=auth,
        timeout=60,
        allow_redirects=False,
        data={"_authenticator": _token(html), "form.resume": "20260101T000000-dead00"},
    )
    assert resumed.status_code == 303, resumed.text[:3000]
    final = follow(base, auth, resumed.headers["Location"])[0]
    assert final["status"] == "done" and final["resumed_from"] == "20260101T000000-dead00"
    page = requests.get(resumed.headers["Location"], auth=auth, timeout=60).text
    assert "reprise après la notice" in page
    assert re.search(r"créées</th>\s*<td>120</td>", page)
    transaction.begin()
    notices = api.content.find(context=site, portal_type="Notice", unrestricted=True)
    assert len(notices) == 120
    assert len({brain.cosoter_id for brain in notices}) == 120
    old = requests.get(
        f"{base}/@@import-marc?job=20260101T000000-dead00", auth=auth, timeout=60
    ).text
    assert "Reprendre</button>" not in old  # resumed once, not twice


def test_post_without_token_is_refused(base, site):
    with open(DATA / "marcjs_bib.mrc", "rb") as stream:
        posted = requests.post(
            f"{base}/@@import-marc",
            auth=("doc", PASSWORD),
            timeout=60,
            data={"form.submitted": "1"},
            files={"fichier": ("bib.mrc", stream)},
        )
    assert posted.status_code == 403
    transaction.begin()
    assert len(api.content.find(context=site, portal_type="Notice", unrestricted=True)) == 0


def test_an_import_is_undone_from_its_page(base, site):
    """Like Koha's "Undo import into catalog": the Notices the import created go, and
    the file can be imported again."""
    auth = ("doc", PASSWORD)
    job_page = upload(base, auth, DATA / "marcjs_bib.mrc", "bib.mrc")
    assert follow(base, auth, job_page)[0]["status"] == "done"
    html = requests.get(job_page, auth=auth, timeout=60).text
    assert 'id="revert-form"' in html and "Les 6 notices créées seront supprimées" in html
    job_id = job_page.rsplit("job=", 1)[1]
    # without the confirmation box: a French message, nothing deleted
    refused = requests.post(
        f"{base}/@@import-marc",
        auth=auth,
        timeout=60,
        data={"_authenticator": _token(html), "form.revert": job_id},
    )
    assert "Cochez « Je confirme »" in refused.text
    transaction.begin()
    assert len(api.content.find(context=site, portal_type="Notice", unrestricted=True)) == 6

    posted = requests.post(
        f"{base}/@@import-marc",
        auth=auth,
        timeout=60,
        allow_redirects=False,
        data={"_authenticator": _token(html), "form.revert": job_id, "confirmer": "1"},
    )
    assert posted.status_code == 303
    final = follow(base, auth, posted.headers["Location"])[0]
    assert final["status"] == "done" and final["kind"] == "revert"
    assert final["counts"] == {"deleted": 6, "restored": 0, "republished": 0}
    page = requests.get(posted.headers["Location"], auth=auth, timeout=60).text
    assert "Annulation de l'import de bib.mrc" in page
    assert re.search(r"Import annulé : 6 notices supprimées", page)
    transaction.begin()
    assert len(api.content.find(context=site, portal_type="Notice", unrestricted=True)) == 0
    undone = requests.get(job_page, auth=auth, timeout=60).text
    assert "Cet import a été annulé" in undone and 'id="revert-form"' not in undone
    # the same file goes in again, from the start
    again = upload(base, auth, DATA / "marcjs_bib.mrc", "bib.mrc")
    assert follow(base, auth, again)[0]["status"] == "done"
    transaction.begin()
    assert len(api.content.find(context=site, portal_type="Notice", unrestricted=True)) == 6


def test_only_the_latest_import_can_be_undone(base, site):
    auth = ("doc", PASSWORD)
    first = upload(base, auth, DATA / "marcjs_bib.mrc", "bib.mrc")
    follow(base, auth, first)
    second = upload(base, auth, DATA / "pymarc_bad_records.mrc", "autre.mrc")
    follow(base, auth, second)
    html = requests.get(first, auth=auth, timeout=60).text
    assert 'id="revert-form"' not in html
    assert "seul le dernier import peut être annulé" in html
    refused = requests.post(
        f"{base}/@@import-marc",
        auth=auth,
        timeout=60,
        data={
            "_authenticator": _token(requests.get(second, auth=auth, timeout=60).text),
            "form.revert": first.rsplit("job=", 1)[1],
            "confirmer": "1",
        },
    )
    assert "seul le dernier import peut être annulé" in refused.text
    assert 'id="revert-form"' in requests.get(second, auth=auth, timeout=60).text


@pytest.mark.parametrize("auth", [None, ("membre", PASSWORD)], ids=["anonyme", "membre"])
def test_anonymous_and_members_are_refused(base, auth):
    page = requests.get(f"{base}/@@import-marc", auth=auth, timeout=60, allow_redirects=False)
    assert page.status_code in (302, 401, 403)
    assert "import-fichier" not in page.text
    progress = requests.get(
        f"{base}/@@import-marc-progress?job=x", auth=auth, timeout=60, allow_redirects=False
    )
    assert progress.status_code in (302, 401, 403)


def test_unknown_job(base):
    auth = ("doc", PASSWORD)
    page = requests.get(f"{base}/@@import-marc?job=inconnu", auth=auth, timeout=60)
    assert page.status_code == 404 and "Cet import est inconnu." in page.text
    progress = requests.get(f"{base}/@@import-marc-progress?job=inconnu", auth=auth, timeout=60)
    assert progress.status_code == 404 and progress.json() == {"error": "Import inconnu."}
