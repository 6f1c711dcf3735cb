"""Organization request sequences shared by the organization tests: create, switch, invite, decode token claims,
and the narrow spec allowances the organization features need (each says which lag of the spec it covers)."""
from __future__ import annotations

import copy
import struct
import uuid
import zlib

import jwt

from fapi import Reply
from flows import me_params, sign_up, unique_email
from spec import SPEC


def create_org(client, session_id: str, name: str, **fields) -> dict:
    reply = client.post("/v1/organizations", {"name": name, **fields}, params=me_params(session_id)).expect(200)
    org = reply.response
    assert org["object"] == "organization" and org["id"].startswith("org_"), reply.describe()
    return org


def admin_with_org(native, email: str | None = None) -> tuple:
    """A new user (a fresh client) who creates an organization: (client, user, organization)."""
    client = native()
    user = sign_up(client, email)
    return client, user, create_org(client, user["session_id"], f"Org {uuid.uuid4().hex[:8]}")


def member_of(native, admin_client, org_id: str, role: str = "org:member", email: str | None = None) -> dict:
    """A new user who joined `org_id` with `role` by accepting an invitation; the user with its `client`."""
    client = native()
    email = email or unique_email("member")
    admin_client.post(f"/v1/organizations/{org_id}/invitations", {"email_address": email, "role": role}).expect(200)
    user = sign_up(client, email)
    pending = client.get("/v1/me/organization_invitations", params={"status": "pending"}).expect(200).response["data"]
    invitation = next(i for i in pending if i["organization_id"] == org_id)
    client.post(f"/v1/me/organization_invitations/{invitation['id']}/accept").expect(200)
    return {**user, "client": client}


def domain_name() -> str:
    return f"d{uuid.uuid4().hex[:10]}.example"


def touch(client, session_id: str, organization: str | None) -> Reply:
    """Switches like clerk-js `setActive` (`intent=select_org`); `""` is the personal account, None omits the field."""
    data = {"intent": "select_org"}
    if organization is not None:
        data["active_organization_id"] = organization
    return client.post(f"/v1/client/sessions/{session_id}/touch", data)


def token_claims(client, session_id: str, **data) -> dict:
    """Mints a session token (with `data`, e.g. `organization_id`) and returns its verified claims."""
    reply = client.post(f"/v1/client/sessions/{session_id}/tokens", data or None).expect(200)
    return verify(client, reply.body["jwt"])


def verify(client, token: str) -> dict:
    """The claims of an RS256 session token checked against the server's JWKS."""
    keyset = jwt.PyJWKSet.from_dict(client.get("/.well-known/jwks.json").expect(200).body)
    header = jwt.get_unverified_header(token)
    key = next(k for k in keyset.keys if k.key_id == header["kid"])
    return jwt.decode(token, key.key, algorithms=["RS256"], options={"verify_aud": False}, leeway=5)


def session_in(reply: Reply, session_id: str) -> dict:
    return next(s for s in (reply.client or {}).get("sessions", []) if s["id"] == session_id)


def org_permissions_of(claims: dict) -> list[str]:
    """The custom permissions a v2 token grants, decoded as clerk-js `jwtPayloadParser.ts` does: features of `fea`
    scoped `o`, names of `o.per`, one bitmask of `o.fpm` per feature, least significant bit first."""
    o = claims.get("o") or {}
    names = [p for p in (o.get("per") or "").split(",") if p]
    masks = [int(m) for m in (o.get("fpm") or "").split(",") if m]
    features = [f.split(":", 1)[1] for f in (claims.get("fea") or "").split(",") if f.startswith("o")]
    granted = []
    for feature, mask in zip(features, masks):
        granted += [f"org:{feature}:{name}" for bit, name in enumerate(names) if mask >> bit & 1]
    return granted


def png() -> bytes:
    """A valid 1x1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00\x00"))
            + chunk(b"IEND", b""))


def multipart(field: str, filename: str, content: bytes, content_type: str = "image/png") -> tuple[bytes, str]:
    boundary = "clerkTuiBoundary7MA4YWxk"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n"
            f"Content-Type: {content_type}\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


# Spec allowances. Each covers one place where the spec lags what Clerk sends and its SDKs read; everything else in
# the body is still validated.

def validate_environment_with_forced_selection(reply: Reply) -> None:
    """`organization_settings.force_organization_selection` is sent by Clerk and read by clerk-js
    (`OrganizationSettingsJSON`) and clerk-ios, but `Client.OrganizationSettings` (additionalProperties: false) does
    not list it yet: validate the rest."""
    body = copy.deepcopy(reply.body)
    assert body["organization_settings"].pop("force_organization_selection") is True, reply.describe()
    SPEC.validate("GET", "/v1/environment", reply.status, body)


def validate_with_pending_sessions(method: str, path: str, reply: Reply) -> None:
    """Operations answered with the older `Client.Client` (`getOrganizationCreationDefaults`,
    `updateOrganizationLogo`) use `Client.SessionBase`, whose status enum lacks `pending`; the newer
    `schemas-Client.SessionBase` (and clerk-js, clerk-ios) have it. Validate with pending sessions read as active."""
    body = copy.deepcopy(reply.body)
    for session in (body.get("client") or {}).get("sessions", []):
        if session.get("status") == "pending":
            session["status"] = "active"
    SPEC.validate(method, path, reply.status, body)
