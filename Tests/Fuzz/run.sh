#!/usr/bin/env bash
# Fuzzes the local server's body parsers (Sources/FrontendServer/HTTP/FormBody.swift and MultipartBody.swift) with
# libFuzzer (swiftc -sanitize=fuzzer,address). Not part of CI. Usage: Tests/Fuzz/run.sh [RUNS] (default 1000000).
# The corpus in Tests/Fuzz/corpus grows with what libFuzzer finds; commit it. Crashes land in Tests/Fuzz/crashes.
set -euo pipefail
cd "$(dirname "$0")"
runs="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The parsers' own files, compiled alone: their one module import is dropped (Stand-ins.swift supplies its names).
for file in FormBody MultipartBody; do
    grep -v '^import FrontendAPI$' "../../Sources/FrontendServer/HTTP/$file.swift" > "$work/$file.swift"
done
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name FuzzParsers \
    "$work/FormBody.swift" "$work/MultipartBody.swift" Stand-ins.swift FuzzParsers.swift -o "$work/fuzz-parsers"
mkdir -p corpus crashes
"$work/fuzz-parsers" -runs="$runs" -max_len=4096 -artifact_prefix=crashes/ -print_final_stats=1 corpus
