"""Two nodes on one PostgreSQL database (the suite's second pass, run_postgres.sh; the SQLite pass has one node and
skips this module): a client token one node issued is accepted by the other, a session token one node minted verifies
against the other's JWKS, a rotation made with `clerk-tui rotate-signing-key` is published by every node within the
reload interval (10 s) and signs only after its lead, and a node keeps nothing on its own disk."""
import subprocess
import time

import jwt
import pytest
import requests

from fapi import NativeClient
from flows import mint_token, sign_up, unique_email
from server import REPO_ROOT, TEST_DATABASE, binary

pytestmark = pytest.mark.skipif(not TEST_DATABASE, reason="several nodes need the PostgreSQL pass (run_postgres.sh)")

RELOAD_BOUND = 15  # the nodes reload the ring every 10 s


def jwks(node) -> dict:
    reply = requests.get(f"{node.url}/.well-known/jwks.json", timeout=10)
    assert reply.status_code == 200, reply.text
    return {key["kid"]: key for key in reply.json()["keys"]}


def verify(token: str, node) -> dict:
    kid = jwt.get_unverified_header(token)["kid"]
    key = jwks(node).get(kid)
    assert key, f"{node.url} does not publish {kid}"
    return jwt.decode(token, jwt.PyJWK(key).key, algorithms=["RS256"], options={"verify_aud": False})


def test_a_client_token_from_one_node_is_accepted_by_the_other(server):
    first, second = server.nodes[0], server.nodes[1]
    on_second = NativeClient(second.url)  # pinned: only the first node's URL rotates between nodes
    user = sign_up(on_second, unique_email("cluster"))
    reply = requests.get(f"{first.url}/v1/client", params={"_is_native": "true"},
                         headers={"Authorization": on_second.token}, timeout=10)
    assert reply.status_code == 200, reply.text
    assert reply.json()["response"]["last_active_session_id"] == user["session_id"]
    token = mint_token(on_second, user["session_id"]).expect(200).body["jwt"]
    assert verify(token, first)["sid"] == user["session_id"]


def test_a_rotation_reaches_every_node_before_it_signs(server):
    first, second = server.nodes[0], server.nodes[1]
    before = set(jwks(first))
    result = subprocess.run([binary(), "rotate-signing-key", "--data-dir", str(first.data_dir.parent / "operator"),
                             "--database", first.database_url],
                            env={"PATH": "/usr/bin:/bin", **first.environment}, capture_output=True, timeout=60,
                            cwd=REPO_ROOT)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    kid = result.stdout.decode().split("New signing key ", 1)[1].split(":", 1)[0]
    assert kid not in before
    deadline = time.monotonic() + RELOAD_BOUND
    while not all(kid in jwks(node) for node in (first, second)):
        assert time.monotonic() < deadline, f"{kid} not published by both nodes within {RELOAD_BOUND} s"
        time.sleep(0.5)
    # Published, not yet signing: a token minted now still carries an older key, which both nodes publish.
    client = NativeClient(second.url)
    user = sign_up(client, unique_email("rotation"))
    token = mint_token(client, user["session_id"]).expect(200).body["jwt"]
    assert jwt.get_unverified_header(token)["kid"] != kid
    assert verify(token, first)["sid"] == user["session_id"]


def test_a_node_keeps_nothing_on_its_own_disk(server):
    for node in server.nodes:
        files = {path.name for path in node.data_dir.rglob("*") if path.is_file()}
        # `server-url` only tells `clerk-tui admin` on the same machine where this node last listened.
        assert files <= {"server-url"}, f"{node.data_dir}: {sorted(files)}"
