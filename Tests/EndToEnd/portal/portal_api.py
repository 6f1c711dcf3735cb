"""Set-up through the Frontend API, as a native SDK (clerk-ios) does it: what a test prepares before the portal.

Kept small on purpose; Tests/Contract/fapi.py is the full, spec-validating client.
"""

import time

import pyotp
import requests

API_VERSION = "2026-05-12"
TEST_CODE = "424242"


class Api:
    """One native client: `_is_native`, the API version header, the client token carried in `Authorization`."""

    def __init__(self, base_url: str):
        self.base_url = base_url.rstrip("/")
        self.http = requests.Session()
        self.http.trust_env = False
        self.token = None

    def request(self, method: str, path: str, data: dict | None = None, params: dict | None = None) -> requests.Response:
        headers = {"clerk-api-version": API_VERSION, "x-mobile": "1", "Accept": "application/json"}
        if self.token:
            headers["Authorization"] = self.token
        response = self.http.request(method, self.base_url + path, data=data or {},
                                     params={"_is_native": "true", **(params or {})}, headers=headers, timeout=30)
        token = response.headers.get("Authorization")
        if token:
            self.token = token.removeprefix("Bearer ").strip() or None
        return response

    def post(self, path: str, data: dict | None = None, params: dict | None = None) -> requests.Response:
        return self.request("POST", path, data, params)

    def get(self, path: str, params: dict | None = None) -> requests.Response:
        return self.request("GET", path, params=params)

    def delete(self, path: str, params: dict | None = None) -> requests.Response:
        return self.request("DELETE", path, params=params)

    def patient_post(self, path: str, data: dict | None = None, params: dict | None = None) -> requests.Response:
        """`post`, waiting out a 429 (`Retry-After`) a few times: set-up must not fail on the per-IP limits."""
        for _ in range(4):
            response = self.post(path, data, params)
            if response.status_code != 429:
                return response
            time.sleep(int(response.headers.get("Retry-After", "1")))
        return response

    def ok(self, path: str, data: dict | None = None, params: dict | None = None) -> dict:
        response = self.patient_post(path, data, params)
        assert response.status_code == 200, f"POST {path} -> {response.status_code}: {response.text[:600]}"
        return response.json()

    def sign_up(self, email: str, password: str, read_code=lambda: TEST_CODE) -> str:
        """Creates a user (email + password + email code, `read_code()` once it was sent); returns the session id."""
        sign_up = self.ok("/v1/client/sign_ups", {"email_address": email, "password": password})["response"]
        path = f"/v1/client/sign_ups/{sign_up['id']}"
        self.ok(f"{path}/prepare_verification", {"strategy": "email_code"})
        done = self.ok(f"{path}/attempt_verification", {"strategy": "email_code", "code": read_code()})["response"]
        assert done["status"] == "complete", done
        return done["created_session_id"]

    def enroll_totp(self, session_id: str) -> tuple[str, list[str]]:
        """Adds a verified authenticator app to the signed-in user; returns its secret and the backup codes."""
        params = {"_clerk_session_id": session_id}
        secret = self.ok("/v1/me/totp", params=params)["response"]["secret"]
        verified = self.ok("/v1/me/totp/attempt_verification", {"code": pyotp.TOTP(secret).now()}, params)
        assert verified["response"]["verified"] is True, verified
        return secret, verified["response"].get("backup_codes") or []

    def create_sign_in(self, identifier: str) -> requests.Response:
        return self.post("/v1/client/sign_ins", {"identifier": identifier})

    def password_sign_in(self, identifier: str, password: str) -> requests.Response:
        """One-shot sign-in with identifier and password (clerk-ios `signInWithPassword`)."""
        return self.patient_post("/v1/client/sign_ins", {"identifier": identifier, "password": password})
