"""Email links on Config/examples/email-links.toml: the environment advertises them; sign-in, sign-up and the
profile's address verification send a link (`prepare_*` with `strategy=email_link`) that an HTTP client on another
device follows (`verify`), while the client that started waits by re-reading its sign-in or sign-up; expired, used,
replaced and forged links answer as Clerk does."""
from flows import PASSWORD, factor, unique_email
from settings import ALLOWED_ORIGIN, example
from ways import follow, outbox_link, redirect_query

SETTINGS = example("email-links.toml")
REDIRECT = ALLOWED_ORIGIN + "/verify"


def sign_up_by_link(server, client) -> dict:
    """A sign-up whose address is verified by following its link from elsewhere; returns the completed sign-up."""
    email = unique_email("linked", test_identity=False)
    created = client.post("/v1/client/sign_ups", {"email_address": email, "password": PASSWORD}).expect(200).response
    assert created["verifications"]["email_address"]["supported_strategies"] == ["email_link"]
    prepared = client.post(f"/v1/client/sign_ups/{created['id']}/prepare_verification", {"strategy": "email_link"})
    verification = prepared.expect(200).response["verifications"]["email_address"]
    assert verification["strategy"] == "email_link" and verification["status"] == "unverified"
    page = follow(outbox_link(server, email, "sign_up"))
    assert page.status == 200 and "Return to your terminal" in page.text
    token_before = client.token
    done = client.get(f"/v1/client/sign_ups/{created['id']}").expect(200)
    assert done.response["status"] == "complete" and done.response["created_session_id"], done.describe()
    assert client.token != token_before, "the waiting client collects a rotated token once"
    assert done.client["last_active_session_id"] == done.response["created_session_id"]
    return {"email": email, **done.response}


def test_environment_advertises_email_links(native):
    env = native().get("/v1/environment").expect(200).body
    attribute = env["user_settings"]["attributes"]["email_address"]
    assert "email_link" in attribute["first_factors"] and attribute["verifications"] == ["email_link"]
    assert "email_link" in env["auth_config"]["first_factors"]


def test_sign_up_by_link_followed_elsewhere(server, native):
    sign_up_by_link(server, native())


def test_a_code_is_not_offered_where_links_verify(native):
    client = native()
    created = client.post("/v1/client/sign_ups", {"email_address": unique_email("code"), "password": PASSWORD}).expect(200)
    client.post(f"/v1/client/sign_ups/{created.response['id']}/prepare_verification", {"strategy": "email_code"}) \
        .expect_error("strategy_for_user_invalid", 422)


def start_link_sign_in(server, client, email: str, **extra) -> tuple[dict, str]:
    started = client.post("/v1/client/sign_ins", {"identifier": email}).expect(200).response
    link_factor = factor(started["supported_first_factors"], "email_link")
    assert link_factor and link_factor["safe_identifier"] == email
    seen = server.outbox_ids()
    prepared = client.post(f"/v1/client/sign_ins/{started['id']}/prepare_first_factor",
                           {"strategy": "email_link", "email_address_id": link_factor["email_address_id"], **extra})
    verification = prepared.expect(200).response["first_factor_verification"]
    assert verification["object"] == "verification_email_link" and verification["status"] == "unverified"
    return started, outbox_link(server, email, "sign_in", exclude=seen)


def test_sign_in_by_link_followed_elsewhere(server, native):
    account = sign_up_by_link(server, native())
    client = native()
    started, link = start_link_sign_in(server, client, account["email"])
    waiting = client.get(f"/v1/client/sign_ins/{started['id']}").expect(200).response
    assert waiting["status"] == "needs_first_factor"
    assert follow(link).status == 200
    token_before = client.token
    done = client.get(f"/v1/client/sign_ins/{started['id']}").expect(200)
    assert done.response["status"] == "complete" and done.response["created_session_id"]
    verification = done.response["first_factor_verification"]
    assert verification["status"] == "verified" and "verified_at_client" not in verification, \
        "opened with no client: verified from another device"
    assert client.token != token_before
    assert done.client["last_active_session_id"] == done.response["created_session_id"]
    follow(link).expect_error("verification_expired", 400)


def test_a_redirect_url_gets_the_status_and_session(server, native):
    account = sign_up_by_link(server, native())
    client = native()
    started, link = start_link_sign_in(server, client, account["email"], redirect_url=REDIRECT)
    query = redirect_query(follow(link))
    assert query["__clerk_status"] == "verified" and query["__clerk_created_session"].startswith("sess_")
    assert redirect_query(follow(link))["__clerk_status"] == "expired", "a used link"


def test_a_resent_link_replaces_the_old_one(server, native):
    account = sign_up_by_link(server, native())
    client = native()
    started, old = start_link_sign_in(server, client, account["email"])
    seen = server.outbox_ids()
    client.post(f"/v1/client/sign_ins/{started['id']}/prepare_first_factor", {"strategy": "email_link"}).expect(200)
    new = outbox_link(server, account["email"], "sign_in", exclude=seen)
    follow(old).expect_error("verification_expired", 400)
    assert follow(new).status == 200


def test_a_forged_link_fails(server, native):
    account = sign_up_by_link(server, native())
    _, link = start_link_sign_in(server, native(), account["email"])
    follow(link[:-3] + ("xyz" if not link.endswith("xyz") else "abc")).expect_error("verification_failed", 400)
    follow(server.url + "/v1/verify?token=").expect_error("form_param_missing")


def test_the_same_client_following_its_link_is_told_so(server, native, browser):
    account = sign_up_by_link(server, native())
    client = browser()
    started, link = start_link_sign_in(server, client, account["email"], redirect_url=REDIRECT)
    token = link.split("token=", 1)[1]
    opened = client.get("/v1/verify", params={"token": token})
    assert redirect_query(opened)["__clerk_status"] == "verified"
    done = client.get(f"/v1/client/sign_ins/{started['id']}").expect(200).response
    assert done["first_factor_verification"]["verified_at_client"] == client.get("/v1/client").expect(200).response["id"]


def test_profile_address_verified_by_link(server, native):
    client = native()
    sign_up_by_link(server, client)
    email = unique_email("second", test_identity=False)
    added = client.post("/v1/me/email_addresses", {"email_address": email}).expect(200).response
    prepared = client.post(f"/v1/me/email_addresses/{added['id']}/prepare_verification",
                           {"strategy": "email_link", "redirect_url": REDIRECT}).expect(200).response
    assert prepared["verification"]["strategy"] == "email_link" and prepared["verification"]["status"] == "unverified"
    assert redirect_query(follow(outbox_link(server, email, "verify_email_address")))["__clerk_status"] == "verified"
    after = client.get(f"/v1/me/email_addresses/{added['id']}").expect(200).response
    assert after["verification"]["status"] == "verified"
