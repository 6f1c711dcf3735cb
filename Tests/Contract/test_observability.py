"""What an operator of `serve` sees: `--log-format json` writes one JSON object a line (every request with its id,
method, route pattern, status and latency; never a password, code or token), and `--metrics-port` serves Prometheus
text with per-route request counts and latency histograms, the database pool and retries, and rate-limit refusals.
On PostgreSQL (run_postgres.sh) the same holds for each node of the pair."""
import base64
import json
import os
import re

import requests

from fapi import NativeClient
from flows import PASSWORD, TEST_CODE, mint_token, sign_up, unique_email
from server import Server, TEST_DATABASE, create_database
from settings import settings

METRICS_LINE = re.compile(r"Metrics listening on (http://\S+/metrics)")
# Sign-ins from one address are limited to 5 per 10 s: the 6th is refused.
SETTINGS = settings(rate_limits={"enabled": True})


class ObservedServer(Server):
    """`serve` with JSON logs and a metrics port."""

    def command(self) -> list[str]:
        return super().command() + ["--log-format", "json", "--metrics-port", "0"]

    def metrics_url(self) -> str:
        match = METRICS_LINE.search(self.log_text())
        assert match, f"no metrics line in the output:\n{self.log_tail()}"
        return match.group(1)


def start(tmp_path) -> ObservedServer:
    environment = {}
    database_url = None
    if TEST_DATABASE:
        database_url = create_database(tmp_path.name)
        environment["CLERK_TUI_DATA_KEY"] = base64.b64encode(os.urandom(32)).decode()
    server = ObservedServer(tmp_path / "data", SETTINGS, environment, database_url=database_url)
    server.start()
    return server


def json_lines(server: Server) -> list[dict]:
    """The log's JSON objects (the stdout lines the harness mirrors into the same file are not JSON)."""
    objects = []
    for line in server.log_text().splitlines():
        if line.startswith("{"):
            objects.append(json.loads(line))
    return objects


def test_json_logs_name_every_request_and_hold_no_secret(tmp_path):
    server = start(tmp_path)
    try:
        client = NativeClient(server.url)
        user = sign_up(client, unique_email("observed"))
        token = mint_token(client, user["session_id"]).expect(200).body["jwt"]
        client.get("/v1/client/sign_ins/sia_unknown").expect_error("resource_not_found", 404)
    finally:
        assert server.stop() == 0
    lines = json_lines(server)
    assert lines, "no JSON log lines"
    for line in lines:
        assert {"ts", "level", "message"} <= line.keys(), line
    requests_logged = [line for line in lines if line["message"] == "request"]
    routes = {(line["method"], line["route"], line["status"]) for line in requests_logged}
    assert ("POST", "/v1/client/sign_ups", 200) in routes, routes
    assert ("POST", "/v1/client/sessions/{id}/tokens", 200) in routes, f"routes are logged as patterns: {routes}"
    assert ("GET", "/v1/client/sign_ins/{id}", 404) in routes, routes
    for line in requests_logged:
        assert re.fullmatch(r"[0-9a-f]+", str(line["request_id"])), line
        assert float(line["latency_ms"]) >= 0, line
    text = server.log_text()
    for secret in (PASSWORD, TEST_CODE, token, *client.tokens_seen):
        assert secret not in text, "a password, code or token reached the log"


def test_metrics_count_routes_time_them_and_count_refusals(tmp_path):
    server = start(tmp_path)
    try:
        metrics = server.metrics_url()
        client = NativeClient(server.url)
        for _ in range(3):
            client.get("/v1/environment").expect(200)
        statuses = [client.post("/v1/client/sign_ins", {"identifier": unique_email("limited")}).status
                    for _ in range(7)]
        assert 429 in statuses, statuses
        page = requests.get(metrics, timeout=10)
        assert page.status_code == 200
        assert page.headers["Content-Type"].startswith("text/plain"), page.headers
        text = page.text
    finally:
        server.stop()
    labels = 'http_route="/v1/environment",http_request_method="GET",http_response_status_code="200"'
    assert re.search(r"^hb_requests\{" + re.escape(labels) + r"\} 3$", text, re.M), text
    assert re.search(r'^hb_requests\{http_route="/v1/client/sign_ins",.*status_code="429"\} [1-9]', text, re.M), text
    assert re.search(r"^http_server_request_duration_bucket\{" + re.escape(labels) + r',le="\+Inf"\} 3$', text, re.M), text
    assert re.search(r'^clerk_tui_rate_limit_refusals_total\{rule="sign_in_create"\} [1-9]', text, re.M), text
    if TEST_DATABASE:  # the pool is PostgreSQL's
        assert re.search(r"^clerk_tui_db_connections_in_use(\{.*\})? \d", text, re.M), text
