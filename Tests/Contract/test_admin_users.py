"""The operator's marks on users (`clerk-tui admin users lock|unlock|ban`), made beside the running server, which sees
each at once: a locked user's sign-in answers `user_locked` and their session gets no tokens until unlocked; a banned
user's sessions end and their sign-in answers `user_banned`."""
from flows import PASSWORD, mint_token, sign_in_password, sign_up, unique_email
from settings import settings

SETTINGS = settings()


def test_lock_and_unlock(server, native):
    client = native()
    user = sign_up(client, unique_email("lockable"))
    mint_token(client, user["session_id"]).expect(200)
    server.admin("users", "lock", user["email"])
    mint_token(client, user["session_id"]).expect_error("authentication_invalid", 401)
    locked = sign_in_password(native(), user["email"], PASSWORD).expect_error("user_locked", 403)
    assert "contact support" in locked["message"]
    me = client.get("/v1/client").expect(200).client
    assert me["sessions"][0]["user"]["locked"] is True and me["sessions"][0]["user"]["lockout_expires_in_seconds"] is None
    assert [u["status"] for u in server.admin_json("users", "list") if u["id"] == user["user_id"]] == ["locked"]
    server.admin("users", "unlock", user["user_id"])
    mint_token(client, user["session_id"]).expect(200)
    sign_in_password(native(), user["email"], PASSWORD).expect(200)


def test_ban(server, native):
    client = native()
    user = sign_up(client, unique_email("bannable"))
    server.admin("users", "ban", user["email"])
    mint_token(client, user["session_id"]).expect_error("authentication_invalid", 401)
    assert client.get("/v1/client").expect(200).response["sessions"] == []
    native().post("/v1/client/sign_ins", {"identifier": user["email"]}).expect_error("user_banned", 403)
    assert [u["status"] for u in server.admin_json("users", "list") if u["id"] == user["user_id"]] == ["banned"]
