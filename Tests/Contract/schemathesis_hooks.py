"""Schemathesis hooks (loaded through SCHEMATHESIS_HOOKS by run_schemathesis.py): every generated request
goes out as a signed-in native client would send it.

- `_is_native=true`, `clerk-api-version`, and the `Authorization` client token of a signed-in user;
- operations that end or delete things (sign-out, session end/remove/revoke, DELETE /v1/me, DELETE /v1/me/totp,
  deleting or leaving an organization, changing roles, revoking or accepting invitations, removing logos or domains)
  get a fresh signed-in client each, so they cannot sign the shared client out from under the others;
- each client administers an organization (with a domain and a pending invitation) and holds an invitation to
  another one, so organization paths reach real ids; operations on membership requests first get one (a user at
  the organization's verified domain accepts its suggestion), and `acceptTicket` may get the ticket of the
  client's invitation;
- each client and its organization pay for a plan with a saved test card, so billing paths reach a real checkout,
  payment method, subscription item, statement and payment attempt;
- a generated path id is swapped for a real one of that client when its length is even (deterministic per case,
  so shrinking still reproduces), so the fuzzer reaches existing sign-ins, sign-ups and sessions as well as
  unknown ids.
"""
from __future__ import annotations

import os
import uuid
from urllib.parse import parse_qs, urlsplit

import requests
import schemathesis

import schemathesis_common  # noqa: F401  (registers the shared hooks)

API_VERSION = "2026-05-12"
CODE = "424242"
PASSWORD = "schemathesis passphrase 1"
DESTRUCTIVE = {"deleteUser", "deleteClientSessions", "removeClientSessionsAndRetainCookie", "endSession",
               "removeSession", "revokeSession", "deleteTOTP", "deleteOrganization", "deleteOrganizationMemberships",
               "UpdateOrganizationMembership", "revokePendingOrganizationInvitation", "acceptOrganizationInvitation",
               "deleteOrganizationLogo", "deleteOrganizationDomain", "removeOrganizationMember",
               "acceptOrganizationMembershipRequest", "rejectOrganizationMembershipRequest"}
NEEDS_REQUEST = {"listOrganizationMembershipRequests", "acceptOrganizationMembershipRequest",
                 "rejectOrganizationMembershipRequest"}


class Device:
    """A native client signed in as a fresh +clerk_test user, with a pending sign-in and sign-up of its own (`minimal`:
    only signed in, as `email`)."""

    def __init__(self, base_url: str, *, email: str | None = None, minimal: bool = False):
        self.base_url = base_url
        self.http = requests.Session()
        self.http.trust_env = False
        self.token: str | None = None
        email = email or f"fuzz-{uuid.uuid4().hex[:12]}+clerk_test@example.com"
        sign_up = self.post("/v1/client/sign_ups", {"email_address": email, "password": PASSWORD})["response"]
        self.post(f"/v1/client/sign_ups/{sign_up['id']}/prepare_verification", {"strategy": "email_code"})
        done = self.post(f"/v1/client/sign_ups/{sign_up['id']}/attempt_verification",
                         {"strategy": "email_code", "code": CODE})["response"]
        self.session_id = done["created_session_id"]
        self.user_id = done["created_user_id"]
        if minimal:
            return
        # A second user whose sign-in sits on this client: fuzzed attempts lock that user, not this one.
        other = f"fuzz-other-{uuid.uuid4().hex[:12]}+clerk_test@example.com"
        other_device = requests.Session()
        other_device.trust_env = False
        other_sign_up = other_device.post(f"{base_url}/v1/client/sign_ups", params={"_is_native": "true"},
                                          data={"email_address": other, "password": PASSWORD}, timeout=30)
        other_sign_up.raise_for_status()
        other_token = other_sign_up.headers["Authorization"]
        other_id = other_sign_up.json()["response"]["id"]
        for path, data in ((f"/v1/client/sign_ups/{other_id}/prepare_verification", {"strategy": "email_code"}),
                           (f"/v1/client/sign_ups/{other_id}/attempt_verification",
                            {"strategy": "email_code", "code": CODE})):
            step = other_device.post(base_url + path, params={"_is_native": "true"}, data=data,
                                     headers={"Authorization": other_token}, timeout=30)
            step.raise_for_status()
            other_token = step.headers.get("Authorization", other_token)  # rotated once the session exists
        self.sign_in_id = self.post("/v1/client/sign_ins", {"identifier": other})["response"]["id"]
        pending = self.post("/v1/client/sign_ups",
                            {"email_address": f"fuzz-pending-{uuid.uuid4().hex[:12]}+clerk_test@example.com"})
        self.sign_up_id = pending["response"]["id"]
        self.organizations(email, other_device, other_token)
        self.billing()

    def organizations(self, email: str, other_device: requests.Session, other_token: str) -> None:
        """An organization this client administers (with a domain and an invitation), and an invitation to this
        client's user from an organization of the other user."""
        me = {"_clerk_session_id": self.session_id}
        self.organization_id = self.post("/v1/organizations", {"name": "Fuzz Org"}, params=me)["response"]["id"]
        domain = f"fuzz{uuid.uuid4().hex[:10]}.example"
        self.domain_id = self.post(f"/v1/organizations/{self.organization_id}/domains", {"name": domain}, params=me)["response"]["id"]
        theirs = other_device.post(f"{self.base_url}/v1/organizations", params={"_is_native": "true"}, data={"name": "Other Org"},
                                   headers={"Authorization": other_token}, timeout=30)
        theirs.raise_for_status()
        invitation = other_device.post(f"{self.base_url}/v1/organizations/{theirs.json()['response']['id']}/invitations",
                                       params={"_is_native": "true"}, data={"email_address": email, "role": "org:member"},
                                       headers={"Authorization": other_token}, timeout=30)
        invitation.raise_for_status()
        self.invitation_id = invitation.json()["response"]["id"]
        self.ticket = parse_qs(urlsplit(invitation.json()["response"]["url"]).query)["__clerk_ticket"][0]
        self.domain = domain
        self.request_id: str | None = None

    def membership_request(self) -> str:
        """A pending request to join this client's organization: its domain is verified and suggests, and a new user
        at the domain accepts the suggestion."""
        if self.request_id:
            return self.request_id
        me = {"_clerk_session_id": self.session_id}
        base = f"/v1/organizations/{self.organization_id}/domains/{self.domain_id}"
        self.post(f"{base}/prepare_affiliation_verification", {"affiliation_email_address": f"it+clerk_test@{self.domain}"}, params=me)
        self.post(f"{base}/attempt_affiliation_verification", {"code": CODE}, params=me)
        self.post(f"{base}/update_enrollment_mode", {"enrollment_mode": "automatic_suggestion"}, params=me)
        requester = Device(self.base_url, email=f"req-{uuid.uuid4().hex[:12]}+clerk_test@{self.domain}", minimal=True)
        suggestion = requester.get("/v1/me/organization_suggestions")["response"]["data"][0]
        requester.post(f"/v1/me/organization_suggestions/{suggestion['id']}/accept", {})
        requests = self.get(f"/v1/organizations/{self.organization_id}/membership_requests", params=me)["response"]["data"]
        self.request_id = requests[0]["id"]
        return self.request_id

    def billing(self) -> None:
        """Pays for `team` (the organization) and `plus` (the user) with test cards; keeps the user's ids for billing
        paths (an organization path given one of them answers 404, as for any unknown id)."""
        me = {"_clerk_session_id": self.session_id}
        plans = {p["slug"]: p["id"] for p in self.get("/v1/billing/plans")["data"]}
        for base, plan in ((f"/v1/organizations/{self.organization_id}/billing", "team"), ("/v1/me/billing", "plus")):
            card = requests.post(f"{self.base_url}/v1/dev_gateway/payment_tokens", timeout=30,
                                 data={"number": "4242424242424242", "exp_month": "12", "exp_year": "2034", "cvc": "123"})
            card.raise_for_status()
            method = self.post(f"{base}/payment_methods", {"gateway": "development",
                                                           "payment_token": card.json()["payment_token"]}, params=me)
            checkout = self.post(f"{base}/checkouts", {"plan_id": plans[plan], "plan_period": "month"}, params=me)
            self.send("PATCH", f"{base}/checkouts/{checkout['response']['id']}/confirm", {}, params=me)
        self.payment_method_id = method["response"]["id"]
        self.checkout_id = checkout["response"]["id"]
        self.subscription_item_id = self.get("/v1/me/billing/subscription", params=me)["response"]["subscription_items"][0]["id"]
        self.statement_id = self.get("/v1/me/billing/statements", params=me)["response"]["data"][0]["id"]
        self.payment_attempt_id = self.get("/v1/me/billing/payment_attempts", params=me)["response"]["data"][0]["id"]

    def post(self, path: str, data: dict, params: dict | None = None) -> dict:
        return self.send("POST", path, data, params)

    def get(self, path: str, params: dict | None = None) -> dict:
        return self.send("GET", path, None, params)

    def send(self, method: str, path: str, data: dict | None, params: dict | None) -> dict:
        headers = {"clerk-api-version": API_VERSION}
        if self.token:
            headers["Authorization"] = self.token
        response = self.http.request(method, self.base_url + path, params={"_is_native": "true", **(params or {})}, data=data,
                                     headers=headers, timeout=30)
        response.raise_for_status()
        self.token = response.headers.get("Authorization", self.token)
        return response.json()

    def ids(self) -> dict:
        return {"session_id": self.session_id, "sign_in_id": self.sign_in_id, "sign_up_id": self.sign_up_id,
                "organization_id": self.organization_id, "domain_id": self.domain_id, "invitation_id": self.invitation_id,
                "user_id": self.user_id, "request_id": self.request_id, "organizationID": self.organization_id,
                "planIdOrSlug": "pro", "paymentMethodID": self.payment_method_id, "checkoutID": self.checkout_id,
                "subscriptionItemID": self.subscription_item_id, "statementID": self.statement_id,
                "paymentAttemptID": self.payment_attempt_id}


_shared: Device | None = None


def shared_device() -> Device:
    global _shared
    if _shared is None:
        _shared = Device(os.environ["FAPI_URL"])
    return _shared


@schemathesis.hook
def before_call(context, case, kwargs):
    operation_id = case.operation.definition.raw.get("operationId", "")
    device = Device(os.environ["FAPI_URL"]) if operation_id in DESTRUCTIVE else shared_device()
    query = dict(case.query or {})
    query["_is_native"] = "true"
    if (case.path.startswith("/v1/me") or case.path.startswith("/v1/organizations")) and "_clerk_session_id" not in query:
        query["_clerk_session_id"] = device.session_id
    case.query = query
    headers = dict(case.headers or {})
    headers["Authorization"] = device.token
    headers["clerk-api-version"] = API_VERSION
    case.headers = headers
    if operation_id in NEEDS_REQUEST:
        device.membership_request()
    if operation_id == "acceptTicket" and len(str(query.get("ticket", ""))) % 2 == 0:
        query["ticket"] = device.ticket
    if case.path_parameters:
        real = device.ids()
        parameters = dict(case.path_parameters)
        for name, value in parameters.items():
            if real.get(name) and len(str(value)) % 2 == 0:
                parameters[name] = real[name]
        case.path_parameters = parameters
