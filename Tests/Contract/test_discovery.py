"""Unauthenticated discovery: environment, health, JWKS, OpenID configuration."""
from fapi import BrowserClient, NativeClient
from settings import settings

SETTINGS = settings(application_name="Acme Contract", password={"hash_cost": 10, "min_length": 10})


def test_environment_is_bare_and_reflects_settings(native):
    reply = native().get("/v1/environment").expect(200)
    env = reply.body
    assert "response" not in env and "client" not in env, "environment must be bare, not enveloped"
    display = env["display_config"]
    assert display["application_name"] == "Acme Contract"
    assert display["instance_environment_type"] == "development"
    for key in ("logo_image_url", "home_url", "preferred_sign_in_strategy", "branded"):
        assert key in display, f"display_config.{key} is required by clerk-ios"
    assert env["auth_config"]["single_session_mode"] is False
    user = env["user_settings"]
    email = user["attributes"]["email_address"]
    assert email["enabled"] is True and email["used_for_first_factor"] is True
    assert "email_code" in email.get("first_factors", [])
    assert user["attributes"]["password"]["enabled"] is True
    assert user["attributes"]["phone_number"]["enabled"] is False
    for attribute in user["attributes"].values():
        for key in ("enabled", "required", "used_for_first_factor", "used_for_second_factor", "verify_at_sign_up"):
            assert key in attribute, f"user_settings.attributes.*.{key} is required by clerk-ios"
    assert user["attributes"]["authenticator_app"]["enabled"] is True
    assert user["attributes"]["backup_code"]["enabled"] is True
    passwords = user["password_settings"]
    assert passwords["min_length"] == 10
    assert passwords["max_length"] >= 64
    for rule in ("require_uppercase", "require_lowercase", "require_numbers", "require_special_char"):
        assert passwords[rule] is False, f"no composition rules by default ({rule})"
    sign_up = user["sign_up"]
    assert sign_up["mode"] == "public"
    for key in ("captcha_enabled", "custom_action_required", "progressive", "legal_consent_enabled"):
        assert key in sign_up
    for key in ("delete_self", "create_organization"):
        assert key in user["actions"]


def test_environment_via_query_version_and_browser(server):
    reply = BrowserClient(server.url, origin=None).get("/v1/environment").expect(200)
    assert reply.body["display_config"]["application_name"] == "Acme Contract"


def test_health(native):
    reply = native().get("/v1/health").expect(200)
    assert reply.body == {"status": "healthy"} or reply.body["status"] == "healthy"


def test_jwks_publishes_rsa_signing_keys(native):
    reply = native().get("/.well-known/jwks.json").expect(200)
    keys = reply.body["keys"]
    assert keys, "JWKS must publish at least one key"
    for key in keys:
        assert key["kty"] == "RSA" and key["alg"] == "RS256" and key["use"] == "sig"
        assert key["kid"] and key["n"] and key["e"]
        for private in ("d", "p", "q", "dp", "dq", "qi"):
            assert private not in key, f"private component {private} published in the JWKS"


def test_openid_configuration_points_at_jwks(server):
    reply = NativeClient(server.url).get("/.well-known/openid-configuration").expect(200)
    config = reply.body
    assert config["jwks_uri"].endswith("/.well-known/jwks.json")
    assert config["issuer"]
    assert "RS256" in config.get("id_token_signing_alg_values_supported", ["RS256"])


def test_date_header_on_responses(native):
    reply = native().get("/v1/environment").expect(200)
    assert reply.headers.get("Date"), "clerk-ios orders responses by the Date header"
