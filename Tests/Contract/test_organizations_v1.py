"""Version 1 session tokens (`[sessions] token_version = 1`) and the per-user creation limit, on
Config/examples/organizations.toml."""
import uuid

from flows import sign_up
from orgs import create_org, token_claims, touch
from settings import example

SETTINGS = example("organizations.toml", sessions={"token_version": 1},
                   organizations={"create_organizations_limit": 1})


def test_v1_tokens_carry_org_claims(native):
    client = native()
    user = sign_up(client)
    org = create_org(client, user["session_id"], f"V1 {uuid.uuid4().hex[:8]}")
    personal = token_claims(client, user["session_id"])
    assert "v" not in personal and "sts" not in personal and "org_id" not in personal and "o" not in personal
    touch(client, user["session_id"], org["id"]).expect(200)
    claims = token_claims(client, user["session_id"])
    assert claims["org_id"] == org["id"] and claims["org_slug"] == org["slug"] and claims["org_role"] == "org:admin"
    assert claims["org_permissions"] == [], "system permissions stay out of the token"
    assert "o" not in claims and "fea" not in claims and isinstance(claims["fva"], list)


def test_the_creation_limit(native):
    client = native()
    user = sign_up(client)
    assert client.get("/v1/me").expect(200).response["create_organizations_limit"] == 1
    create_org(client, user["session_id"], "Only One")
    client.post("/v1/organizations", {"name": "One Too Many"}).expect_error("quota_exceeded", 403)
