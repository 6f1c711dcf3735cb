"""Bad input never yields a 5xx or a crash: malformed form bodies, invalid UTF-8, oversized bodies, wrong
types, wrong content types and unknown ids get a 4xx in Clerk's error shape, and nothing is half-written."""
import json
import socket
from urllib.parse import quote, urlparse

import pytest

from fapi import NativeClient
from flows import PASSWORD, sign_up, unique_email

BAD_BODIES = {
    "bad percent escape": b"identifier=%ZZ&password=x",
    "truncated escape": b"identifier=abc%2",
    "invalid utf-8 escaped": b"identifier=%FF%FE%FD&password=%C3%28",
    "invalid utf-8 raw": b"identifier=\xff\xfe\xc3\x28&password=x",
    "nul byte": b"identifier=a%00b%40example.com&password=pass%00word123",
    "no equals": b"identifier&password",
    "only separators": b"&&&===&&",
    "repeated keys": b"identifier=a@example.com&identifier=b@example.com&password=x&password=y",
    "json instead of form": b'{"identifier": "a@example.com", "password": "x"}',
    "huge key": b"x" * 20000 + b"=1",
}


@pytest.fixture
def account(server):
    """A fresh user per test: failed attempts here must not add up to a lockout."""
    return sign_up(NativeClient(server.url))


@pytest.mark.parametrize("name", list(BAD_BODIES))
def test_bad_sign_in_bodies(native, name):
    reply = native().post("/v1/client/sign_ins", raw_body=BAD_BODIES[name])
    assert reply.status < 500
    if reply.status >= 400:
        assert reply.errors, reply.describe()


@pytest.mark.parametrize("name", list(BAD_BODIES))
def test_bad_sign_up_bodies(native, name):
    reply = native().post("/v1/client/sign_ups", raw_body=BAD_BODIES[name])
    assert reply.status < 500


def test_bad_escape_is_a_400_family_error(native):
    reply = native().post("/v1/client/sign_ups", raw_body=b"email_address=%ZZ%40example.com&password=x")
    assert reply.status in (400, 422), reply.describe()


def test_nul_in_password_never_truncates(native, account):
    """A NUL must not end the password early (C-string bcrypt): `<password>\\0extra` is not `<password>`."""
    body = (f"identifier={quote(account['email'])}&password={quote(PASSWORD)}%00extra").encode()
    reply = native().post("/v1/client/sign_ins", raw_body=body)
    assert reply.status != 200 or reply.response["status"] != "complete", \
        f"a password followed by NUL and more must not match the password; {reply.describe()}"


@pytest.mark.parametrize("field,value", [
    ("transfer", "maybe"),
    ("transfer", "2"),
    ("strategy", "definitely_not_a_strategy"),
    ("identifier", ""),
])
def test_wrong_types_on_sign_in(native, field, value):
    reply = native().post("/v1/client/sign_ins", {field: value})
    assert reply.status < 500


def test_wrong_boolean_on_reset_password(native, account):
    client = native()
    started = client.post("/v1/client/sign_ins", {"identifier": account["email"]}).expect(200).response
    reply = client.post(f"/v1/client/sign_ins/{started['id']}/reset_password",
                        {"password": "new passphrase here", "sign_out_of_other_sessions": "perhaps"})
    assert 400 <= reply.status < 500, reply.describe()


@pytest.mark.parametrize("strategy", ["password", "email_code", "totp", "backup_code", "bogus", ""])
def test_attempts_without_code(native, account, strategy):
    client = native()
    started = client.post("/v1/client/sign_ins", {"identifier": account["email"]}).expect(200).response
    reply = client.post(f"/v1/client/sign_ins/{started['id']}/attempt_first_factor", {"strategy": strategy})
    assert 400 <= reply.status < 500, reply.describe()
    reply = client.post(f"/v1/client/sign_ins/{started['id']}/attempt_second_factor", {"strategy": strategy})
    assert 400 <= reply.status < 500, reply.describe()
    if strategy != "email_code":  # email_code may default to the identifier's address
        reply = client.post(f"/v1/client/sign_ins/{started['id']}/prepare_first_factor", {"strategy": strategy})
        assert 400 <= reply.status < 500, reply.describe()


def test_prepare_with_foreign_email_address_id(native, account):
    other = sign_up(native())
    client = native()
    started = client.post("/v1/client/sign_ins", {"identifier": account["email"]}).expect(200).response
    me = NativeClient(client.base_url)
    sign_in_other = me.post("/v1/client/sign_ins", {"identifier": other["email"]}).expect(200).response
    foreign_id = next(f["email_address_id"] for f in sign_in_other["supported_first_factors"]
                      if f["strategy"] == "email_code")
    reply = client.post(f"/v1/client/sign_ins/{started['id']}/prepare_first_factor",
                        {"strategy": "email_code", "email_address_id": foreign_id})
    assert 400 <= reply.status < 500, f"another user's email id must be refused; {reply.describe()}"


def test_deeply_nested_metadata(native):
    nested = "[" * 5000 + "]" * 5000
    reply = native().post("/v1/client/sign_ups", {"email_address": unique_email("deep"), "password": PASSWORD,
                                                  "unsafe_metadata": nested})
    assert 400 <= reply.status < 500, reply.describe()
    reply = native().post("/v1/client/sign_ups", {"email_address": unique_email("deep"), "password": PASSWORD,
                                                  "unsafe_metadata": "{not json"})
    assert 400 <= reply.status < 500, reply.describe()


@pytest.mark.parametrize("path", [
    "/v1/client/sign_ins/sia_x%00y", "/v1/client/sign_ins/" + "a" * 5000, "/v1/client/sessions/..%2f..%2fetc",
    "/v1/client/sign_ups/%FF%FE", "/v1/client/sessions/sess_%2e%2e/tokens",
])
def test_odd_ids(native, path):
    client = native()
    client.post("/v1/client").expect(200)
    method = "POST" if path.endswith("/tokens") else "GET"
    reply = client.request(method, path, validate=False)
    assert 400 <= reply.status < 500, reply.describe()
    assert reply.errors, reply.describe()


def test_unknown_route_is_clerk_404(native):
    reply = native().get("/v1/definitely/not/a/route", validate=False)
    assert reply.status == 404 and reply.errors, reply.describe()


def test_unknown_method_override(native):
    reply = native().post("/v1/client", params={"_method": "TRACE"}, validate=False)
    assert reply.status < 500, reply.describe()


def raw_request(server, request: bytes) -> tuple[int, bytes]:
    """Sends bytes as they are and reads the answer, tolerating a server that stops reading or closes early."""
    address = urlparse(server.url)
    with socket.create_connection((address.hostname, address.port), timeout=15) as sock:
        try:
            sock.sendall(request)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass  # the server answered (or gave up) before taking the whole body
        data = b""
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), None)
                if length is not None and len(body) >= length:
                    break
        except (ConnectionResetError, TimeoutError):
            pass
    assert data.startswith(b"HTTP/1."), f"no HTTP answer (connection dropped): {data[:200]!r}"
    return int(data.split(b" ", 2)[1]), data


@pytest.mark.parametrize("size", [256 * 1024, 4 * 1024 * 1024])
def test_oversized_body(server, size):
    body = b"identifier=" + b"a" * size
    head = (f"POST /v1/client/sign_ins?_is_native=true HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n"
            f"Connection: close\r\n\r\n").encode()
    status, data = raw_request(server, head + body)
    assert 400 <= status < 500, data[:500]
    assert status == 413 or b'"errors"' in data, data[:500]
    _, _, payload = data.partition(b"\r\n\r\n")
    if payload.strip() and b"chunked" not in data.split(b"\r\n\r\n")[0].lower():
        assert "errors" in json.loads(payload), payload[:300]


def test_lying_content_length(server):
    head = (b"POST /v1/client/sign_ins?_is_native=true HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 999999999999\r\n"
            b"Connection: close\r\n\r\nidentifier=x")
    try:
        status, data = raw_request(server, head)
        assert status < 500, data[:300]
    except (AssertionError, TimeoutError) as error:
        if "no HTTP answer" not in str(error):
            raise
    NativeClient(server.url).get("/v1/health").expect(200)


def test_server_survived(server, native):
    assert server.alive, server.log_tail()
    native().get("/v1/health").expect(200)


def test_nothing_half_written(native):
    """A sign-up refused for a pwned password leaves no trace: the same email can then sign up cleanly."""
    email = unique_email("atomic")
    native().post("/v1/client/sign_ups", {"email_address": email, "password": "password123"}).expect_error(
        "form_password_pwned", 422)
    native().post("/v1/client/sign_ups", {"email_address": email, "password": "x"}).expect_error(
        "form_password_length_too_short", 422)
    user = sign_up(native(), email)
    assert user["email"] == email
