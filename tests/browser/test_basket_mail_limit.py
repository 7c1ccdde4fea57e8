"""Anonymous readers cannot turn the basket's e-mail form into a mail relay."""

import time

import pytest
import requests
from lxml import html
from test_basket import smtp  # noqa: F401 - the local SMTP server fixture

from rt.infodoc.browser import mail_limit


@pytest.fixture()
def fresh_limit():
    mail_limit.LIMIT.reset()
    yield mail_limit.LIMIT
    mail_limit.LIMIT.reset()


def _send(live_fund, address):
    return requests.post(
        f"{live_fund['base']}/panier",
        cookies={"rt_panier": live_fund["lire"].UID()},
        data={"basket_action": "email", "email": address},
        allow_redirects=False,
        timeout=30,
    )


def _wait_for(inbox, count):
    for _ in range(50):
        if len(inbox.messages) >= count:
            return
        time.sleep(0.1)


def test_anonymous_sends_stop_at_the_hourly_quota(live_fund, smtp, fresh_limit):  # noqa: F811
    statuses = [
        _send(live_fund, f"lecteur{n}@example.org").status_code
        for n in range(mail_limit.PER_CLIENT)
    ]
    assert statuses == [302] * mail_limit.PER_CLIENT
    refused = _send(live_fund, "une-de-plus@example.org")
    assert refused.status_code == 429
    error = html.fromstring(refused.content).xpath("string(//p[@id='rt-mail-email-error'])")
    assert "Trop de bibliographies" in error and "Réessayez dans une heure" in error
    _wait_for(smtp, mail_limit.PER_CLIENT + 1)
    recipients = sorted(rcpt for rcpts, _message in smtp.messages for rcpt in rcpts)
    assert recipients == sorted(f"lecteur{n}@example.org" for n in range(mail_limit.PER_CLIENT))
