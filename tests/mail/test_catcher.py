"""The development mail catcher: a real SMTP server on loopback writing .eml files."""

import os
import smtplib
import subprocess
from email.message import EmailMessage

from live_servers import REPO
from live_servers import free_port

from rt.infodoc.mail.address import DEFAULT_ADDRESS
from rt.infodoc.mail.address import catcher_address
from rt.infodoc.mail.catcher import Catcher
from rt.infodoc.mail.catcher import body_text
from rt.infodoc.mail.catcher import message_files


def _message(subject="Votre bibliographie (2 références)"):
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = '"Ressources & Territoires" <documentation@ressources-territoires.com>'
    message["To"] = "lectrice@example.org"
    message.set_content("Apprendre à lire aux adultes, Érès, 2012.")
    return message


def test_address_comes_from_the_environment():
    assert catcher_address({}) == ("127.0.0.1", 8025) and DEFAULT_ADDRESS == "127.0.0.1:8025"
    assert catcher_address({"RT_INFODOC_SMTP": "127.0.0.1:2525"}) == ("127.0.0.1", 2525)
    assert catcher_address({"RT_INFODOC_SMTP": "nonsense"}) == ("127.0.0.1", 8025)


def test_every_message_becomes_an_eml_file(tmp_path):
    with Catcher(tmp_path, port=free_port()) as catcher:
        with smtplib.SMTP("127.0.0.1", catcher.port, timeout=10) as smtp:
            smtp.send_message(_message(), to_addrs=["lectrice@example.org", "cachee@example.org"])
            smtp.send_message(_message("Contact"))
        files = message_files(tmp_path)
        assert len(files) == 2 and all(f.suffix == ".eml" for f in files)
        first, second = catcher.messages()
    assert first["Subject"] == "Votre bibliographie (2 références)"
    assert first.get_all("X-Envelope-To") == ["lectrice@example.org", "cachee@example.org"]
    assert "Apprendre à lire aux adultes, Érès, 2012." in body_text(first)
    assert second["Subject"] == "Contact"
    assert list((tmp_path / "tmp").iterdir()) == []  # nothing half-written left


def test_script_starts_lists_shows_and_stops(tmp_path):
    port = free_port()
    env = dict(os.environ, RT_INFODOC_VAR=str(tmp_path), RT_INFODOC_SMTP=f"127.0.0.1:{port}")

    def script(*args, check=True):
        return subprocess.run(
            [str(REPO / "scripts" / "mailcatcher"), *args],
            env=env,
            capture_output=True,
            text=True,
            check=check,
            timeout=60,
        )

    assert "Mail catcher up" in script("start").stdout
    try:
        assert script("status").returncode == 0
        assert "Aucun message" in script("list").stdout
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp:
            smtp.send_message(_message())
        assert "« Votre bibliographie (2 références) »" in script("list").stdout
        shown = script("show", "last").stdout
        assert "Subject: Votre bibliographie (2 références)" in shown
        assert "Apprendre à lire aux adultes" in shown
        assert (tmp_path / "mail").is_dir() and len(message_files(tmp_path / "mail")) == 1
    finally:
        assert "stopped" in script("stop").stdout
    assert script("status", check=False).returncode == 3
