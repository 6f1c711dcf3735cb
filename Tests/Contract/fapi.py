"""HTTP clients that speak to the local Frontend API the way Clerk's SDKs do.

`NativeClient` behaves like clerk-ios / clerk-android / Expo: `_is_native=true`, the
`clerk-api-version` header, form bodies, and the client token kept from the `Authorization` response header and
sent back raw (or as `Bearer <token>`). `BrowserClient` behaves like clerk-js in a browser: the `__client` cookie,
an `Origin` header, and `POST ?_method=X` for every verb other than GET and POST.

Every response is validated against fapi-openapi.yml before the caller sees it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import requests

from spec import SPEC

API_VERSION = "2026-05-12"
TIMEOUT = 30

# Several nodes behind one suite (`server.Cluster`): the first node's URL maps to a rotation of every node's, and each
# request to it goes to the next one, so that consecutive requests of one client reach different nodes.
NODES: dict = {}


def route(base_url: str) -> str:
    rotation = NODES.get(base_url)
    return next(rotation) if rotation else base_url


@dataclass
class Reply:
    """One HTTP exchange: status, headers and decoded body, already checked against the spec."""

    method: str
    path: str
    status: int
    headers: requests.structures.CaseInsensitiveDict
    text: str
    body: object = None
    operation_id: str | None = None

    @property
    def response(self):
        return self.body.get("response") if isinstance(self.body, dict) else None

    @property
    def client(self):
        return self.body.get("client") if isinstance(self.body, dict) else None

    @property
    def errors(self) -> list:
        return self.body.get("errors", []) if isinstance(self.body, dict) else []

    @property
    def error_code(self) -> str | None:
        return self.errors[0].get("code") if self.errors else None

    def describe(self) -> str:
        return f"{self.method} {self.path} -> {self.status}: {self.text[:1500]}"

    def expect(self, status: int) -> "Reply":
        assert self.status == status, f"expected {status}; {self.describe()}"
        return self

    def expect_ok(self) -> "Reply":
        assert 200 <= self.status < 300, f"expected 2xx; {self.describe()}"
        return self

    def expect_error(self, code: str, status: int | None = None) -> dict:
        """Asserts a Clerk error response with `code` (and `status`); returns that error object."""
        assert 400 <= self.status < 500, f"expected a 4xx with {code}; {self.describe()}"
        if status is not None:
            assert self.status == status, f"expected {status} {code}; {self.describe()}"
        codes = [e.get("code") for e in self.errors]
        assert code in codes, f"expected error code {code}, got {codes}; {self.describe()}"
        return self.errors[codes.index(code)]


@dataclass
class Coverage:
    """Which spec operations were answered with which statuses during the run."""

    seen: dict = field(default_factory=dict)
    # (operation id, status, error code) answered with a status its spec entry does not declare (see README).
    undeclared: set = field(default_factory=set)

    def record(self, operation_id: str, status: int, declared: bool = True, error_code: str | None = None) -> None:
        self.seen.setdefault(operation_id, set()).add(status)
        if not declared:
            self.undeclared.add((operation_id, status, error_code or "-"))


COVERAGE = Coverage()


class BaseClient:
    """The transport shared by both client kinds: builds the request, validates the reply."""

    def __init__(self, base_url: str, *, validate: bool = True, source: str | None = None):
        self.base_url = base_url.rstrip("/")
        self.validate = validate  # False only outside the tests (benchmark set-up)
        self.http = requests.Session()
        self.http.trust_env = False
        if source:  # another loopback address (127.0.0.x) as the client's, for per-address limits
            self.http.mount("http://", _SourceAddressAdapter(source))
        # Cookies are kept by hand (BrowserClient) so that their attributes can be checked.
        self.http.cookies.set_policy(_NoCookies())

    # Hooks the two client kinds fill in.
    def _query(self) -> dict:
        return {}

    def _headers(self) -> dict:
        return {}

    def _absorb(self, response: requests.Response) -> None:
        pass

    def _wire_method(self, method: str, query: dict) -> str:
        return method

    def request(self, method: str, path: str, data=None, params=None, headers=None, *,
                raw_body: bytes | None = None, validate: bool | None = None) -> Reply:
        """Sends one request; `data` is form-encoded (lists become repeated keys), `raw_body` is sent as is."""
        method = method.upper()
        query = {**self._query(), **(params or {})}
        wire_method = self._wire_method(method, query)
        all_headers = {"Accept": "application/json", **self._headers(), **(headers or {})}
        body = raw_body
        if body is None and data is not None:
            body = urlencode(data, doseq=True).encode()
        if body is not None or wire_method not in ("GET", "HEAD"):
            all_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        response = self.http.request(wire_method, route(self.base_url) + path, params=query, data=body,
                                     headers=all_headers, timeout=TIMEOUT, allow_redirects=False)
        self._absorb(response)
        return check(method, path, response, validate=self.validate if validate is None else validate)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, data=None, **kw):
        return self.request("POST", path, data=data, **kw)

    def patch(self, path, data=None, **kw):
        return self.request("PATCH", path, data=data, **kw)

    def put(self, path, data=None, **kw):
        return self.request("PUT", path, data=data, **kw)

    def delete(self, path, data=None, **kw):
        return self.request("DELETE", path, data=data, **kw)


def check(method: str, path: str, response: requests.Response, *, validate: bool = True) -> Reply:
    """Decodes a response and holds it to the spec: JSON everywhere, never a 5xx, the schema of its status."""
    reply = Reply(method=method, path=path, status=response.status_code, headers=response.headers,
                  text=response.text)
    assert response.status_code < 500, f"server error; {reply.describe()}"
    if response.content:
        try:
            reply.body = response.json()
        except ValueError:
            raise AssertionError(f"body is not JSON; {reply.describe()}") from None
    if reply.status >= 400:
        # Clerk's error shape on every failure, whatever the operation.
        errors = reply.errors
        assert errors and all(isinstance(e, dict) and e.get("code") and "message" in e and "long_message" in e
                              for e in errors), f"not Clerk's error shape; {reply.describe()}"
    if validate:
        op = SPEC.validate(method, path, reply.status, reply.body)
        reply.operation_id = op.operation_id
        COVERAGE.record(op.operation_id, reply.status, op.response_definition(reply.status) is not None,
                        reply.error_code)
    return reply


class NativeClient(BaseClient):
    """A native SDK: `_is_native`, API version header, client token in `Authorization` both ways."""

    def __init__(self, base_url: str, *, bearer: bool = False, native_flag: str = "true", validate: bool = True,
                 source: str | None = None):
        super().__init__(base_url, validate=validate, source=source)
        self.token: str | None = None
        self.bearer = bearer
        self.native_flag = native_flag
        self.tokens_seen: list[str] = []

    def _query(self) -> dict:
        return {"_is_native": self.native_flag}

    def _headers(self) -> dict:
        headers = {"clerk-api-version": API_VERSION, "x-mobile": "1"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}" if self.bearer else self.token
        return headers

    def _absorb(self, response: requests.Response) -> None:
        value = response.headers.get("Authorization")
        if value is None:
            return
        value = value.strip()
        # clerk-ios: an empty value or a bare "Bearer" clears the stored token.
        if value in ("", "Bearer"):
            self.token = None
        else:
            self.token = value[len("Bearer "):] if value.startswith("Bearer ") else value
            self.tokens_seen.append(self.token)


class BrowserClient(BaseClient):
    """clerk-js in a browser: `__client` cookie, an `Origin`, only GET/POST on the wire (`?_method=`)."""

    def __init__(self, base_url: str, origin: str):
        super().__init__(base_url)
        self.origin = origin
        self.cookies: dict[str, str] = {}
        self.last_set_cookies: list[SimpleCookie] = []

    def _query(self) -> dict:
        return {"__clerk_api_version": API_VERSION, "_clerk_js_version": "6.29.3"}

    def _headers(self) -> dict:
        headers = {"Origin": self.origin} if self.origin else {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return headers

    def _wire_method(self, method: str, query: dict) -> str:
        if method in ("GET", "POST"):
            return method
        query["_method"] = method
        return "POST"

    def _absorb(self, response: requests.Response) -> None:
        self.last_set_cookies = []
        for header in _set_cookie_headers(response):
            jar = SimpleCookie()
            jar.load(header)
            self.last_set_cookies.append(jar)
            for name, morsel in jar.items():
                expired = morsel["max-age"] == "0" or morsel.value == ""
                if expired:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def set_cookie(self, name: str):
        """The morsel of the last response's Set-Cookie for `name`, or None."""
        for jar in self.last_set_cookies:
            if name in jar:
                return jar[name]
        return None


def _set_cookie_headers(response: requests.Response) -> list[str]:
    raw = getattr(response.raw, "headers", None)
    if raw is not None and hasattr(raw, "getlist"):
        return raw.getlist("Set-Cookie")
    value = response.headers.get("Set-Cookie")
    return [value] if value else []


class _SourceAddressAdapter(requests.adapters.HTTPAdapter):
    """Connects from a given local address."""

    def __init__(self, source: str):
        self.source = source
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.source, 0)
        super().init_poolmanager(*args, **kwargs)


class _NoCookies(requests.cookies.cookielib.DefaultCookiePolicy):
    def set_ok(self, cookie, request):
        return False


def form(**fields) -> dict:
    """Form fields with None dropped, as both SDKs do."""
    return {k: v for k, v in fields.items() if v is not None}


def pretty(value) -> str:
    return json.dumps(value, indent=2, sort_keys=True)[:4000]
