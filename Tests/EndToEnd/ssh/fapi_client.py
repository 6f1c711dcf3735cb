"""Just enough of the native FAPI protocol to create users and check their sessions from a test."""
from __future__ import annotations

import uuid

import requests


class NativeClient:
    """Just enough of the native FAPI protocol: `_is_native`, the client token in `Authorization`."""

    def __init__(self, base_url: str, token: str | None = None):
        self.base_url = base_url
        self.token = token

    def request(self, method: str, path: str, data: dict | None = None) -> dict:
        headers = {"clerk-api-version": "2026-05-12", "x-mobile": "1"}
        if self.token:
            headers["Authorization"] = self.token
        response = requests.request(method, self.base_url + path, params={"_is_native": "true"}, data=data,
                                    headers=headers, timeout=10)
        if value := response.headers.get("Authorization"):
            self.token = value.removeprefix("Bearer ").strip()
        assert response.status_code == 200, response.text
        return response.json()

    def sign_up(self) -> str:
        email = f"ssh-{uuid.uuid4().hex[:10]}+clerk_test@example.com"
        self.email = email
        created = self.request("POST", "/v1/client/sign_ups", {"email_address": email, "password": "correct horse battery staple"})
        sign_up_id = created["response"]["id"]
        self.request("POST", f"/v1/client/sign_ups/{sign_up_id}/prepare_verification", {"strategy": "email_code"})
        done = self.request("POST", f"/v1/client/sign_ups/{sign_up_id}/attempt_verification",
                            {"strategy": "email_code", "code": "424242"})
        assert done["response"]["status"] == "complete"
        return done["response"]["created_session_id"]

    def active_sessions(self) -> list[str]:
        client = self.request("GET", "/v1/client")["response"] or {}
        return [session["id"] for session in client.get("sessions", []) if session["status"] == "active"]
