#!/usr/bin/python3
"""A real SMTP server for tests: aiosmtpd on loopback, every message kept as a file.

Needs only Debian's python3 and python3-aiosmtpd (run it with /usr/bin/python3).

    smtp_sink.py DIR [--host 127.0.0.1] [--port 0]
                     [--tls-cert CERT.pem --tls-key KEY.pem] [--implicit-tls] [--require-starttls]
                     [--auth USER:PASSWORD]

Once listening it prints "READY <port>" on stdout (port 0 = the system picks a free one; the
listening socket is bound before the port is printed, so there is no race).

Each accepted message is stored as DIR/NNNNNN-<random>.eml: the raw bytes as received (after
SMTP dot-unstuffing), plus DIR/NNNNNN-<random>.json with the envelope:
    {"mail_from": ..., "rcpt_tos": [...], "tls": true|false, "auth_user": ... or null}
The .json is written first and the .eml is renamed into place last, so a reader that sees the
.eml sees a complete delivery. Then "DELIVERED <file name>" is printed on stdout.

--tls-cert/--tls-key offer STARTTLS (or, with --implicit-tls, speak TLS from the first byte).
--require-starttls refuses mail before STARTTLS. --auth requires AUTH PLAIN/LOGIN with those
credentials (over TLS unless --implicit-tls already encrypts the connection).
SIGTERM or SIGINT stops it cleanly.

    smtp_sink.py parse FILE.eml

parses a stored message with Python's email package (an independent parser) and prints one
JSON line: from, to, subject, date, message_id, auto_submitted, content_type, text, html,
defects (every RFC violation the parser noticed; a well-formed message has none).
"""
import argparse
import asyncio
import json
import logging
import os
import secrets
import signal
import ssl
import sys

try:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
except ImportError:  # pragma: no cover - reported to the test
    print("ERROR python3-aiosmtpd is not installed for " + sys.executable +
          " (Debian: apt-get install python3-aiosmtpd)", flush=True)
    sys.exit(3)


class Store:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = "%06d-%s" % (self.count, secrets.token_hex(4))
        transport = server.transport
        tls = session.ssl is not None or (
            transport is not None and transport.get_extra_info("ssl_object") is not None)
        auth_user = None
        if session.authenticated and isinstance(session.auth_data, LoginPassword):
            auth_user = session.auth_data.login.decode("utf-8", "replace")
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "tls": bool(tls),
            "auth_user": auth_user,
        }
        write_atomically(os.path.join(self.folder, base + ".json"), json.dumps(meta).encode("utf-8"))
        write_atomically(os.path.join(self.folder, base + ".eml"), envelope.original_content)
        print("DELIVERED " + base + ".eml", flush=True)
        return "250 2.0.0 OK stored as " + base


def write_atomically(path, data):
    folder, name = os.path.split(path)
    temp = os.path.join(folder, "." + name + ".tmp")
    with open(temp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temp, path)


class Authenticator:
    def __init__(self, user, password):
        self.user = user.encode("utf-8")
        self.password = password.encode("utf-8")

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and
              auth_data.login == self.user and auth_data.password == self.password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)


async def serve(args):
    tls_context = None
    if args.tls_cert:
        tls_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        tls_context.load_cert_chain(args.tls_cert, args.tls_key)

    kwargs = {
        "hostname": "smtp-sink.test",
        "ident": "tessera-smtp-sink",
    }
    if tls_context is not None and not args.implicit_tls:
        kwargs["tls_context"] = tls_context
        kwargs["require_starttls"] = args.require_starttls
    if args.auth:
        user, _, password = args.auth.partition(":")
        kwargs["authenticator"] = Authenticator(user, password)
        kwargs["auth_required"] = True
        # With implicit TLS the connection is already encrypted; aiosmtpd only knows STARTTLS.
        kwargs["auth_require_tls"] = not args.implicit_tls
        if args.no_auth_plain:
            kwargs["auth_exclude_mechanism"] = ["PLAIN"]

    store = Store(args.folder)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(store, loop=loop, **kwargs),
        host=args.host, port=args.port,
        ssl=tls_context if args.implicit_tls else None)
    port = server.sockets[0].getsockname()[1]
    print("READY %d" % port, flush=True)

    stop = loop.create_future()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, lambda: stop.done() or stop.set_result(None))
    await stop
    server.close()
    await server.wait_closed()


def parse(path):
    import email
    from email import policy
    with open(path, "rb") as f:
        message = email.message_from_binary_file(f, policy=policy.default)
    defects = [type(d).__name__ for part in message.walk() for d in part.defects]
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    print(json.dumps({
        "from": str(message["from"]),
        "to": str(message["to"]),
        "subject": str(message["subject"]),
        "date": str(message["date"]),
        "message_id": str(message["message-id"]),
        "auto_submitted": str(message["auto-submitted"]),
        "content_type": message.get_content_type(),
        "text": text.get_content() if text is not None else None,
        "html": html.get_content() if html is not None else None,
        "defects": defects,
    }), flush=True)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "parse":
        parse(sys.argv[2])
        return
    parser = argparse.ArgumentParser(description="SMTP sink for tests (aiosmtpd)")
    parser.add_argument("folder")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--require-starttls", action="store_true")
    parser.add_argument("--auth", help="USER:PASSWORD required for AUTH")
    parser.add_argument("--no-auth-plain", action="store_true", help="offer AUTH LOGIN only")
    args = parser.parse_args()
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error("--tls-cert and --tls-key go together")
    if (args.implicit_tls or args.require_starttls) and not args.tls_cert:
        parser.error("--implicit-tls and --require-starttls need --tls-cert/--tls-key")
    os.makedirs(args.folder, exist_ok=True)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    try:
        asyncio.run(serve(args))
    except OSError as e:
        print("ERROR cannot listen on %s:%d: %s" % (args.host, args.port, e), flush=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
