"""Request sequences of the ways into an instance: invitation links, the waitlist, email links followed by an HTTP
client with no cookies (as a mail reader's browser on another device is), and API key calls as clerk-js makes them."""
from __future__ import annotations

import json
import time
from urllib.parse import parse_qs, urlsplit

import requests

from fapi import COVERAGE, BrowserClient, NativeClient, Reply, check
from spec import SPEC


def outbox_link(server, recipient: str, purpose: str, *, exclude: set | None = None) -> str:
    """The newest link the outbox "sent" to `recipient` for `purpose` (`invitation`, `sign_in`, `sign_up`, …)."""
    exclude = exclude or set()
    deadline = time.monotonic() + 10
    while True:
        for entry in reversed(server.outbox()):
            if (entry.get("to", "").lower() == recipient.lower() and entry.get("purpose") == purpose
                    and entry.get("id") not in exclude and entry.get("code", "").startswith("http")):
                return entry["code"]
        assert time.monotonic() < deadline, f"no {purpose} link for {recipient} in the outbox"
        time.sleep(0.2)


def ticket_of(link: str) -> str:
    return parse_qs(urlsplit(link).query)["__clerk_ticket"][0]


def follow(link: str) -> Reply:
    """Opens an email link with a plain HTTP client (no client cookie, no redirects followed), as operation `verify`:
    a 200 page, a 303 to the flow's redirect URL, or Clerk's error body, each held to the spec."""
    response = requests.get(link, allow_redirects=False, timeout=30)
    path = urlsplit(link).path
    if response.status_code == 200:
        assert response.headers.get("Content-Type", "").startswith("text/html"), response.text[:300]
        SPEC.validate("GET", path, 200, None)
        COVERAGE.record("verify", 200)
        return Reply(method="GET", path=path, status=200, headers=response.headers, text=response.text)
    return check("GET", path, response)


def redirect_query(reply: Reply) -> dict:
    """The query of a 303's Location, one value per key."""
    assert reply.status == 303, reply.describe()
    return {key: values[0] for key, values in parse_qs(urlsplit(reply.headers["Location"]).query).items()}


def session_token(client: NativeClient | BrowserClient, session_id: str) -> str:
    return client.post(f"/v1/client/sessions/{session_id}/tokens").expect(200).body["jwt"]


def jwt_claims(token: str) -> dict:
    import base64
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


class APIKeysClient:
    """clerk-js's `APIKeys` module: `/api_keys` with no `/v1`, JSON bodies, `Authorization: Bearer <session token>`."""

    def __init__(self, base_url: str, token: str, origin: str | None = None):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.origin = origin

    def request(self, method: str, path: str, body: dict | None = None, params: dict | None = None, *,
                token: str | None = None) -> Reply:
        headers = {"Accept": "application/json", "Content-Type": "application/json"}
        bearer = self.token if token is None else token
        if bearer:
            headers["Authorization"] = f"Bearer {bearer}"
        if self.origin:
            headers["Origin"] = self.origin
        data = None if body is None else json.dumps(body)
        response = requests.request(method, self.base_url + path, params=params, data=data, headers=headers,
                                    timeout=30, allow_redirects=False)
        return check(method, path, response)

    def list(self, subject: str, *, token: str | None = None, **params) -> Reply:
        return self.request("GET", "/api_keys", params={"subject": subject, **params}, token=token)

    def create(self, subject: str, name: str, **fields) -> Reply:
        return self.request("POST", "/api_keys", {"type": "api_key", "name": name, "subject": subject, **fields})

    def update(self, key_id: str, **fields) -> Reply:
        return self.request("PATCH", f"/api_keys/{key_id}", fields)

    def revoke(self, key_id: str, reason: str | None = None) -> Reply:
        return self.request("POST", f"/api_keys/{key_id}/revoke", {"revocation_reason": reason})
