"""File modes: `serve` keeps its data directory 0700 and every file in it 0600 (the store and its `-wal` and `-shm`,
keys, images), on a fresh directory and on one that already exists 0755 with a 0644 file in it (both tightened)."""
import os
import stat
from pathlib import Path

from fapi import NativeClient
from flows import sign_up
from server import Server
from settings import BASE

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cf"
                    "c0f01f0005000200ff1d6c3c1a0000000049454e44ae426082")


def modes(directory: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(directory.stat().st_mode)}
    for path in directory.rglob("*"):
        found[str(path.relative_to(directory))] = stat.S_IMODE(path.stat().st_mode)
    return found


def exercise(server):
    """Writes what the server writes: a user (the store and its WAL) and a profile image."""
    client = NativeClient(server.url)
    user = sign_up(client)
    client.request("POST", "/v1/me/profile_image", params={"_clerk_session_id": user["session_id"]},
                   raw_body=PNG, headers={"Content-Type": "application/octet-stream"}).expect(200)


def check(directory: Path):
    found = modes(directory)
    assert {"fapi.sqlite", "fapi.sqlite-wal", "fapi.sqlite-shm"} <= found.keys(), sorted(found)
    assert any(name.startswith("images/") for name in found), sorted(found)
    wrong = {name: oct(mode) for name, mode in found.items()
             if mode != (0o700 if (directory / name).is_dir() else 0o600)}
    assert not wrong, f"directories must be 0700 and files 0600: {wrong}"


def run(data_dir: Path):
    server = Server(data_dir, BASE, create_data_dir=False)
    old_umask = os.umask(0o022)  # the server inherits a umask that lets others read
    try:
        server.start()
    finally:
        os.umask(old_umask)
    try:
        exercise(server)
        check(data_dir)
    finally:
        server.stop()
    return server


def test_fresh_data_directory(tmp_path):
    run(tmp_path / "fresh" / "data")


def test_existing_0755_data_directory_is_tightened(tmp_path):
    data_dir = tmp_path / "existing"
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    (data_dir / "notes.txt").write_text("left here by someone")
    (data_dir / "notes.txt").chmod(0o644)
    server = run(data_dir)
    assert "tightened file mode" in server.log_text()
