"""The development mail catcher: a real SMTP server on loopback (aiosmtpd) that
keeps every message it receives as a ``.eml`` file in a directory (``var/mail/``).

No Zope here: ``scripts/mailcatcher`` runs ``python -m rt.infodoc.mail.catcher``
(``serve``, ``list``, ``show``); the tests start :class:`Catcher` in a thread.
Each message is written to ``tmp/`` and renamed into place, so a reader never sees
half a file; the SMTP envelope (sender, recipients, Bcc included) is prepended as
``X-Envelope-From`` / ``X-Envelope-To`` headers.
"""

import argparse
import itertools
import os
import signal
import sys
import threading
import time
from email import message_from_bytes
from email import policy
from pathlib import Path

from rt.infodoc.mail.address import catcher_address

SUFFIX = ".eml"
_counter = itertools.count(1)
_lock = threading.Lock()


class Keeper:
    """aiosmtpd handler: writes each message into ``directory``."""

    def __init__(self, directory):
        self.directory = Path(directory)
        (self.directory / "tmp").mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server, session, envelope):
        headers = [f"X-Envelope-From: {envelope.mail_from}"]
        headers += [f"X-Envelope-To: {rcpt}" for rcpt in envelope.rcpt_tos]
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8")
        data = ("\r\n".join(headers) + "\r\n").encode("ascii", "replace") + content
        write_message(self.directory, data)
        return "250 Message accepted for delivery"


def write_message(directory, data):
    """Write ``data`` as a new ``.eml`` file (tmp/ then rename); its path."""
    directory = Path(directory)
    with _lock:
        name = f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{next(_counter):05d}{SUFFIX}"
    temporary = directory / "tmp" / name
    temporary.parent.mkdir(parents=True, exist_ok=True)
    temporary.write_bytes(data)
    target = directory / name
    os.replace(temporary, target)
    return target


class Catcher:
    """The SMTP server in a thread of this process (tests, ``serve``)."""

    def __init__(self, directory, host="127.0.0.1", port=8025):
        from aiosmtpd.controller import Controller

        self.directory = Path(directory)
        self.host, self.port = host, int(port)
        self.controller = Controller(Keeper(directory), hostname=host, port=self.port)

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.controller.stop()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def messages(self):
        return [read(path) for path in message_files(self.directory)]


def message_files(directory):
    """The kept messages, oldest first."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.suffix == SUFFIX and p.is_file())


def read(path):
    return message_from_bytes(Path(path).read_bytes(), policy=policy.default)


def summary_line(path):
    message = read(path)
    to = ", ".join(message.get_all("X-Envelope-To", [])) or message.get("To", "")
    received = time.strftime("%d/%m/%Y %H:%M", time.localtime(path.stat().st_mtime))
    return f"{path.name}  reçu le {received}  pour {to}  « {message.get('Subject', '')} »"


def body_text(message):
    part = message.get_body(preferencelist=("plain", "html"))
    return part.get_content() if part is not None else ""


def _serve(args):
    catcher = Catcher(args.dir, args.host, args.port).start()
    print(f"Mail catcher on {args.host}:{args.port}, messages in {args.dir}", flush=True)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()
    catcher.stop()
    return 0


def _list(args):
    files = message_files(args.dir)
    if not files:
        print(f"Aucun message dans {args.dir}.")
    for path in files:
        print(summary_line(path))
    return 0


def _show(args):
    files = message_files(args.dir)
    if args.name in (None, "last"):
        if not files:
            print(f"Aucun message dans {args.dir}.", file=sys.stderr)
            return 1
        path = files[-1]
    else:
        path = Path(args.dir) / Path(args.name).name
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        if not path.is_file():
            print(f"Message introuvable : {path.name}", file=sys.stderr)
            return 1
    message = read(path)
    for header in ("Date", "From", "To", "Reply-To", "Subject"):
        if message.get(header):
            print(f"{header}: {message[header]}")
    print()
    print(body_text(message))
    return 0


def main(argv=None):
    host, port = catcher_address()
    parser = argparse.ArgumentParser(prog="mailcatcher", description=__doc__.split("\n")[0])
    parser.add_argument("--dir", default=os.environ.get("RT_INFODOC_MAIL_DIR", "var/mail"))
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("serve", help="run the SMTP server (until SIGTERM)")
    serve.add_argument("--host", default=host)
    serve.add_argument("--port", type=int, default=port)
    commands.add_parser("list", help="one line per kept message")
    show = commands.add_parser("show", help="headers and text of a message (default: the last)")
    show.add_argument("name", nargs="?")
    args = parser.parse_args(argv)
    return {"serve": _serve, "list": _list, "show": _show}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
