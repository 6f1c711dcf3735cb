"""`make install` into a temporary prefix: a release build with the Swift runtime linked in, themes, manual pages and
shell completions; the installed binary runs from a clean environment (no build folder, no PATH to the toolchain);
`make uninstall` leaves nothing behind. `make deb` packages the same files with the runtime libraries as Depends.
"""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SUBCOMMANDS = ["serve", "outbox", "token", "status", "switch", "sign-out", "ssh"]


def make(target: str, prefix: Path | None = None) -> None:
    variables = [f"PREFIX={prefix}"] if prefix else []
    result = subprocess.run(["make", "-C", str(ROOT), target, *variables], capture_output=True, text=True,
                            timeout=2700)
    assert result.returncode == 0, f"make {target} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"


def clean_run(binary: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    """The installed binary with nothing of this checkout or the toolchain in its environment."""
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}
    return subprocess.run([str(binary), *args], env=environment, cwd=home, capture_output=True, text=True, timeout=60)


def test_install_runs_from_a_clean_environment_then_uninstall_leaves_nothing(tmp_path):
    prefix, home = tmp_path / "prefix", tmp_path / "home"
    home.mkdir()
    make("install", prefix)
    binary = prefix / "bin" / "clerk-tui"

    version = clean_run(binary, home, "--version")
    assert version.returncode == 0 and re.fullmatch(r"\d+\.\d+\.\d+ \(commit [0-9a-f]{12}(-dirty)?\)\n", version.stdout)
    status = clean_run(binary, home, "status")
    assert status.returncode == 0, status.stderr
    assert re.search(r"Instance: http://127\.0\.0\.1:\d+ \(local\)", status.stdout) and "Signed out" in status.stdout

    linked = subprocess.run(["ldd", str(binary)], capture_output=True, text=True).stdout
    assert "libswiftCore" not in linked and "libFoundation" not in linked, linked
    for help_page in SUBCOMMANDS:
        assert "Examples:" in clean_run(binary, home, help_page, "--help").stdout, help_page
    share = prefix / "share"
    assert (share / "man" / "man1" / "clerk-tui.1").is_file()
    assert (share / "clerk-tui" / "themes" / "default.toml").is_file()
    assert "clerk-tui" in (share / "bash-completion" / "completions" / "clerk-tui").read_text()

    make("uninstall", prefix)
    left = sorted(str(path.relative_to(tmp_path)) for path in prefix.rglob("*")) if prefix.exists() else []
    assert left == [], left


def test_deb_names_the_runtime_libraries_and_holds_a_binary_that_runs(tmp_path):
    make("deb")
    [package] = (ROOT / ".build").glob("clerk-tui_*.deb")
    control = subprocess.run(["dpkg-deb", "--field", str(package), "Package", "Version", "Depends"],
                             capture_output=True, text=True, check=True).stdout
    depends = {entry.split()[0] for entry in control.split("Depends:", 1)[1].split(",")}
    assert {"libncursesw6", "libcurl4", "libssl3", "libqrencode4", "libfido2-1", "libmaxminddb0"} <= depends, control
    assert not any(name.startswith("libswift") for name in depends), control

    root, home = tmp_path / "root", tmp_path / "home"
    home.mkdir()
    subprocess.run(["dpkg-deb", "--extract", str(package), str(root)], check=True)
    version = clean_run(root / "usr" / "bin" / "clerk-tui", home, "--version")
    assert version.returncode == 0 and version.stdout.split()[0] in control, version
    assert (root / "usr" / "share" / "man" / "man1" / "clerk-tui.1").is_file()
