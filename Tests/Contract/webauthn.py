"""A WebAuthn authenticator and browser for the passkey tests, written independently of the server with
`cryptography` and `cbor2`: it makes registrations (attestation `none`, `packed` self or x5c) and assertions the way
a platform authenticator and clerk-js would, and can be told to misbehave (another RP ID, another origin, a bad
signature, a counter that goes back) so that each refusal is tested on its own.

It also holds the one spec allowance passkeys need: `schemas-Client.SignIn.first_factor_verification` lists no
`Stubs.Verification.Passkey`, although Clerk sends it there and clerk-js (`SignIn.authenticateWithPasskey`) and
clerk-ios (`getCredentialForPasskey`) read the challenge from its `nonce`."""
from __future__ import annotations

import base64
import copy
import datetime
import hashlib
import json
import os
import struct
from dataclasses import dataclass, field

import cbor2
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.x509.oid import NameOID

from fapi import COVERAGE, Reply
from spec import SPEC

RP_ID = "localhost"
ORIGIN = "https://localhost"
ALGORITHMS = {"ES256": -7, "EdDSA": -8, "RS256": -257}
UP, UV, AT = 0x01, 0x04, 0x40


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def new_key(alg: str):
    if alg == "ES256":
        return ec.generate_private_key(ec.SECP256R1())
    if alg == "EdDSA":
        return ed25519.Ed25519PrivateKey.generate()
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def sign(key, data: bytes) -> bytes:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(hashes.SHA256()))
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return key.sign(data)
    return key.sign(data, padding.PKCS1v15(), hashes.SHA256())


def cose_key(key) -> bytes:
    public = key.public_key()
    if isinstance(key, ec.EllipticCurvePrivateKey):
        numbers = public.public_numbers()
        return cbor2.dumps({1: 2, 3: -7, -1: 1, -2: numbers.x.to_bytes(32, "big"), -3: numbers.y.to_bytes(32, "big")},
                           canonical=True)
    if isinstance(key, ed25519.Ed25519PrivateKey):
        raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return cbor2.dumps({1: 1, 3: -8, -1: 6, -2: raw}, canonical=True)
    numbers = public.public_numbers()
    return cbor2.dumps({1: 3, 3: -257, -1: numbers.n.to_bytes(256, "big"), -2: numbers.e.to_bytes(3, "big")},
                       canonical=True)


def attestation_certificate(key) -> bytes:
    """A self-made `packed` attestation certificate (x5c[0]) for `key`, shaped as WebAuthn §8.2.1 asks."""
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "US"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "clerk-tui tests"),
                      x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "Authenticator Attestation"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "Test authenticator")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
                   .not_valid_after(now + datetime.timedelta(days=30))
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                   .sign(key, hashes.SHA256()))
    return certificate.public_bytes(serialization.Encoding.DER)


@dataclass
class Credential:
    credential_id: bytes
    key: object
    user_handle: bytes
    sign_count: int = 0


@dataclass
class TestAuthenticator:
    """One authenticator with its credentials. `attestation` is `none`, `packed` (self) or `packed-x5c`."""

    alg: str = "ES256"
    attestation: str = "none"
    origin: str = ORIGIN
    counter_step: int = 1
    user_verified: bool = True
    aaguid: bytes = bytes(16)
    credentials: list[Credential] = field(default_factory=list)

    def authenticator_data(self, rp_id: str, flags: int, count: int, attested: bytes = b"") -> bytes:
        return hashlib.sha256(rp_id.encode()).digest() + bytes([flags]) + struct.pack(">I", count) + attested

    def client_data(self, kind: str, challenge: str, origin: str | None) -> bytes:
        return json.dumps({"type": kind, "challenge": challenge, "origin": origin or self.origin,
                           "crossOrigin": False}, separators=(",", ":")).encode()

    def create(self, nonce: str, *, rp_id: str | None = None, origin: str | None = None,
               tamper_signature: bool = False) -> str:
        """navigator.credentials.create() as clerk-js serializes it: the `public_key_credential` JSON string."""
        options = json.loads(nonce)
        assert options["rp"]["id"] == RP_ID and any(p["alg"] == ALGORITHMS[self.alg] for p in options["pubKeyCredParams"])
        key = new_key(self.alg)
        credential = Credential(os.urandom(32), key, unb64url(options["user"]["id"]), self.counter_step)
        self.credentials.append(credential)
        attested = self.aaguid + struct.pack(">H", 32) + credential.credential_id + cose_key(key)
        flags = UP | AT | (UV if self.user_verified else 0)
        auth_data = self.authenticator_data(rp_id or options["rp"]["id"], flags, credential.sign_count, attested)
        client_data = self.client_data("webauthn.create", options["challenge"], origin)
        signed = auth_data + hashlib.sha256(client_data).digest()
        if self.attestation == "none":
            fmt, statement = "none", {}
        elif self.attestation == "packed":
            fmt, statement = "packed", {"alg": ALGORITHMS[self.alg], "sig": sign(key, signed)}
        else:
            attestation_key = new_key("ES256")
            fmt, statement = "packed", {"alg": -7, "sig": sign(attestation_key, signed),
                                        "x5c": [attestation_certificate(attestation_key)]}
        if tamper_signature:
            statement["sig"] = flip(statement["sig"])
        attestation_object = cbor2.dumps({"fmt": fmt, "attStmt": statement, "authData": auth_data})
        return json.dumps({"id": b64url(credential.credential_id), "rawId": b64url(credential.credential_id),
                           "type": "public-key", "authenticatorAttachment": "cross-platform",
                           "response": {"clientDataJSON": b64url(client_data),
                                        "attestationObject": b64url(attestation_object), "transports": ["usb"]}})

    def get(self, nonce: str, *, credential: Credential | None = None, rp_id: str | None = None,
            origin: str | None = None, count: int | None = None, tamper_signature: bool = False) -> str:
        """navigator.credentials.get(): an assertion over the nonce's challenge, as clerk-js serializes it."""
        options = json.loads(nonce)
        allowed = [unb64url(c["id"]) for c in options.get("allowCredentials") or []]
        credential = credential or next(c for c in self.credentials if not allowed or c.credential_id in allowed)
        credential.sign_count = credential.sign_count + self.counter_step if count is None else count
        flags = UP | (UV if self.user_verified else 0)
        auth_data = self.authenticator_data(rp_id or options["rpId"], flags, credential.sign_count)
        client_data = self.client_data("webauthn.get", options["challenge"], origin)
        signature = sign(credential.key, auth_data + hashlib.sha256(client_data).digest())
        if tamper_signature:
            signature = flip(signature)
        return json.dumps({"id": b64url(credential.credential_id), "rawId": b64url(credential.credential_id),
                           "type": "public-key", "authenticatorAttachment": "cross-platform",
                           "response": {"clientDataJSON": b64url(client_data), "authenticatorData": b64url(auth_data),
                                        "signature": b64url(signature), "userHandle": b64url(credential.user_handle)}})


def flip(signature: bytes) -> bytes:
    """The same signature with one bit of its last byte flipped."""
    return signature[:-1] + bytes([signature[-1] ^ 0x01])


def validate_sign_in(reply: Reply) -> Reply:
    """Holds a reply carrying a passkey sign-in to the spec: each `verification_passkey` first factor verification
    of a sign-in (the response, or the client's current sign-in) against `Stubs.Verification.Passkey`, the rest of
    the body against the operation's schema with those verifications set aside."""
    body = copy.deepcopy(reply.body)
    passkey_schema = {"$ref": "#/components/schemas/Stubs.Verification.Passkey"}
    sign_ins = [body.get("response"), (body.get("client") or {}).get("sign_in")]
    for sign_in in sign_ins:
        if isinstance(sign_in, dict) and sign_in.get("object") == "sign_in":
            verification = sign_in.get("first_factor_verification") or {}
            if verification.get("object") == "verification_passkey":
                errors = list(SPEC.validator(passkey_schema).iter_errors(verification))
                assert not errors, f"passkey verification violates Stubs.Verification.Passkey: {errors[0].message}"
                sign_in["first_factor_verification"] = None
    op = SPEC.validate(reply.method, reply.path, reply.status, body)
    reply.operation_id = op.operation_id
    COVERAGE.record(op.operation_id, reply.status)
    return reply
