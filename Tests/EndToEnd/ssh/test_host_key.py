"""The host key: generated once (0600, OpenSSH format, fingerprint as ssh-keygen prints it), or supplied."""
from __future__ import annotations

import os
import stat
import subprocess

from sshserver import make_key


def keygen_fingerprint(path) -> str:
    return subprocess.run(["ssh-keygen", "-lf", str(path)], capture_output=True, text=True, check=True).stdout.split()[1]


def test_generated_on_first_start_and_reused(start_server):
    server = start_server()
    path = server.root / "data/clerk-tui/ssh_host_ed25519_key"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert keygen_fingerprint(path) == server.fingerprint
    assert "generated" in server.stdout_path.read_text()
    server.stop()

    again = server.__class__(server.root).start()
    try:
        assert again.fingerprint == server.fingerprint
        assert "loaded" in again.stdout_path.read_text()
    finally:
        again.stop()


def test_openssh_key_from_ssh_keygen_is_served(start_server, tmp_path, key):
    host_key = make_key(tmp_path, "host_key")
    server = start_server("--host-key", str(host_key))
    assert server.fingerprint == keygen_fingerprint(host_key)
    # The client sees exactly that key.
    known_hosts = tmp_path / "known_hosts"
    public = host_key.with_suffix(".pub").read_text().split()
    known_hosts.write_text(f"[127.0.0.1]:{server.port} {public[0]} {public[1]}\n")
    result = subprocess.run(
        ["ssh", "-o", "StrictHostKeyChecking=yes", "-o", f"UserKnownHostsFile={known_hosts}", "-o", "BatchMode=yes",
         "-i", str(key), "-o", "IdentitiesOnly=yes", "-p", str(server.port), "127.0.0.1", "x"],
        capture_output=True, text=True, timeout=20)
    assert "does not run commands" in result.stderr


def test_rsa_host_key_is_refused_with_a_reason(tmp_path):
    from sshserver import BINARY
    rsa = tmp_path / "rsa"
    subprocess.run(["ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", str(rsa)], check=True)
    result = subprocess.run([str(BINARY), "ssh", "--port", "0", "--host-key", str(rsa)], capture_output=True,
                            text=True, timeout=30, env={**os.environ, "XDG_DATA_HOME": str(tmp_path / "d")})
    assert result.returncode != 0
    assert "host keys must be ed25519, not ssh-rsa" in result.stderr
