"""Runs schemathesis against the implemented operations with checks `not_a_server_error` and
`response_schema_conformance`, in two passes, each on a fresh `clerk-tui serve`: issue 2's operations, the organization
ones, acceptTicket and the billing ones on Config/examples/organizations.toml with the billing of
Config/examples/billing.toml (hooks: schemathesis_hooks.py); then the ways in (the waitlist, email links, API keys) on a
waitlist instance with email links and API keys on (schemathesis_ways_hooks.py). Exits non-zero if either pass fails."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from conftest import BILLING, IMPLEMENTED, ORGANIZATION_ADMIN, ORGANIZATIONS, WAYS_IN  # noqa: E402
from server import REPO_ROOT, Server, binary, merge  # noqa: E402
from settings import example  # noqa: E402

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "20"))
SEED = os.environ.get("SCHEMATHESIS_SEED", "20261126")


def run_pass(settings: dict, operation_ids: list[str], hooks: str) -> int:
    with tempfile.TemporaryDirectory(prefix="clerk-schemathesis-") as scratch:
        server = Server(Path(scratch) / "data", settings)
        url = server.start()
        try:
            command = [sys.executable, "-m", "schemathesis.cli", "run", str(HERE / "fapi-openapi.yml"),
                       "--url", url,
                       "--checks", "not_a_server_error,response_schema_conformance",
                       "--phases", "examples,coverage,fuzzing",
                       "--max-examples", str(MAX_EXAMPLES), "--seed", SEED,
                       "--workers", "2", "--request-timeout", "30",
                       "--suppress-health-check", "all",
                       "--report", "junit", "--report-dir", str(Path(scratch) / "report")]
            for operation_id in operation_ids:
                command += ["--include-operation-id", operation_id]
            environment = {**os.environ, "SCHEMATHESIS_HOOKS": str(HERE / hooks), "FAPI_URL": url,
                           "FAPI_DATA_DIR": str(server.data_dir), "FAPI_CONFIG": str(server.config_path),
                           "CLERK_TUI_BIN": binary(),
                           "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE), os.environ.get("PYTHONPATH")]))}
            status = subprocess.run(command, env=environment, cwd=scratch).returncode
        finally:
            alive = server.alive
            log_tail = server.log_tail()
            if alive:
                server.stop()
            else:
                server.kill9()
        if not alive:
            print(f"server died during schemathesis; log tail:\n{log_tail}", file=sys.stderr)
            return 1
        return status


def main() -> int:
    with open(REPO_ROOT / "Config" / "examples" / "billing.toml", "rb") as handle:
        billing = tomllib.load(handle)["billing"]
    first = run_pass(example("organizations.toml", billing=billing),
                     IMPLEMENTED + ORGANIZATIONS + ORGANIZATION_ADMIN + BILLING, "schemathesis_hooks.py")
    ways_in = merge(example("api-keys.toml"), {"sign_up_mode": "waitlist", "first_factors": {"email_link": True}})
    second = run_pass(ways_in, WAYS_IN, "schemathesis_ways_hooks.py")
    return first or second


if __name__ == "__main__":
    sys.exit(main())
