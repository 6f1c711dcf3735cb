"""Schemathesis hooks of the ways-in pass (run_schemathesis.py's second run, on a waitlist instance with email links
and API keys): every generated request goes out as its caller would send it.

- the Frontend API operations (`joinWaitlist`, `verify`) as a native client;
- the API keys operations as clerk-js sends them: the session token of a user (signed up by an invitation ticket from
  `clerk-tui admin invitations create`, since sign-up is closed) as `Authorization: Bearer`, minted fresh for each call;
- a generated `subject` is swapped for the user's id, an `apiKeyID` for one of their keys, and a `token` for a fresh
  email link's, when the generated value's length is even (deterministic per case, so shrinking still reproduces).
"""
from __future__ import annotations

import json
import os
import subprocess
import uuid
from urllib.parse import parse_qs, urlsplit

import requests
import schemathesis

import schemathesis_common  # noqa: F401  (registers the shared hooks)

API_VERSION = "2026-05-12"
PASSWORD = "schemathesis passphrase 1"
API_KEYS = {"getApiKeys", "createApiKey", "updateApiKey", "revokeApiKey"}


def admin(*args: str) -> str:
    command = [os.environ["CLERK_TUI_BIN"], "admin", "--data-dir", os.environ["FAPI_DATA_DIR"],
               "--config", os.environ["FAPI_CONFIG"], *args]
    return subprocess.run(command, capture_output=True, check=True, timeout=60).stdout.decode()


def outbox_link(recipient: str) -> str:
    command = [os.environ["CLERK_TUI_BIN"], "outbox", "--data-dir", os.environ["FAPI_DATA_DIR"], "--json", "--limit", "1000"]
    lines = subprocess.run(command, capture_output=True, check=True, timeout=60).stdout.decode().splitlines()
    entries = [json.loads(line) for line in lines if line.strip()]
    return next(e["code"] for e in reversed(entries) if e["to"] == recipient and e["code"].startswith("http"))


class Caller:
    """A user let in by an invitation, signed in on a native client, with an API key of their own."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.http = requests.Session()
        self.http.trust_env = False
        self.token: str | None = None
        self.email = f"ways-{uuid.uuid4().hex[:12]}+clerk_test@example.com"
        admin("invitations", "create", self.email)
        ticket = parse_qs(urlsplit(outbox_link(self.email)).query)["__clerk_ticket"][0]
        done = self.post("/v1/client/sign_ups", {"strategy": "ticket", "ticket": ticket, "password": PASSWORD})["response"]
        self.session_id = done["created_session_id"]
        self.user_id = done["created_user_id"]
        created = requests.post(f"{base_url}/api_keys", json={"name": "fuzz key", "subject": self.user_id},
                                headers={"Authorization": f"Bearer {self.session_token()}"}, timeout=30)
        created.raise_for_status()
        self.key_id = created.json()["id"]

    def post(self, path: str, data: dict) -> dict:
        headers = {"clerk-api-version": API_VERSION, **({"Authorization": self.token} if self.token else {})}
        response = self.http.post(self.base_url + path, params={"_is_native": "true"}, data=data, headers=headers, timeout=30)
        response.raise_for_status()
        self.token = response.headers.get("Authorization", self.token)
        return response.json()

    def session_token(self) -> str:
        return self.post(f"/v1/client/sessions/{self.session_id}/tokens", {})["jwt"]

    def email_link_token(self) -> str:
        """The token of a fresh sign-in link to this user, from another client."""
        other = requests.Session()
        other.trust_env = False
        started = other.post(f"{self.base_url}/v1/client/sign_ins", params={"_is_native": "true"},
                             data={"identifier": self.email, "strategy": "email_link"}, timeout=30)
        started.raise_for_status()
        return parse_qs(urlsplit(outbox_link(self.email)).query)["token"][0]


_caller: Caller | None = None


def caller() -> Caller:
    global _caller
    if _caller is None:
        _caller = Caller(os.environ["FAPI_URL"])
    return _caller


@schemathesis.hook
def before_call(context, case, kwargs):
    operation_id = case.operation.definition.raw.get("operationId", "")
    query = dict(case.query or {})
    headers = dict(case.headers or {})
    if operation_id in API_KEYS:
        headers["Authorization"] = f"Bearer {caller().session_token()}"
        if "subject" in query and len(str(query["subject"])) % 2 == 0:
            query["subject"] = caller().user_id
        if isinstance(case.body, dict) and "subject" in case.body and len(str(case.body["subject"])) % 2 == 0:
            case.body = {**case.body, "subject": caller().user_id}
        if case.path_parameters and len(str(case.path_parameters.get("apiKeyID", ""))) % 2 == 0:
            case.path_parameters = {**case.path_parameters, "apiKeyID": caller().key_id}
    else:
        query["_is_native"] = "true"
        headers["clerk-api-version"] = API_VERSION
        if operation_id == "verify" and len(str(query.get("token", ""))) % 2 == 0:
            query["token"] = caller().email_link_token()
    case.query = query
    case.headers = headers
