"""Starts a fresh `clerk-tui serve` on Config/examples/organizations.toml, with the billing of Config/examples/billing.toml,
and runs schemathesis against the implemented operations (issue 2's, the organization ones, acceptTicket and the billing
ones) with checks `not_a_server_error` and `response_schema_conformance`; exits with schemathesis's status."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from conftest import BILLING, IMPLEMENTED, ORGANIZATION_ADMIN, ORGANIZATIONS  # noqa: E402
from server import REPO_ROOT, Server  # noqa: E402
from settings import example  # noqa: E402

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "20"))
SEED = os.environ.get("SCHEMATHESIS_SEED", "20261126")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="clerk-schemathesis-") as scratch:
        with open(REPO_ROOT / "Config" / "examples" / "billing.toml", "rb") as handle:
            billing = tomllib.load(handle)["billing"]
        server = Server(Path(scratch) / "data", example("organizations.toml", billing=billing))
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
            for operation_id in IMPLEMENTED + ORGANIZATIONS + ORGANIZATION_ADMIN + BILLING:
                command += ["--include-operation-id", operation_id]
            environment = {**os.environ, "SCHEMATHESIS_HOOKS": str(HERE / "schemathesis_hooks.py"), "FAPI_URL": url,
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


if __name__ == "__main__":
    sys.exit(main())
