#!/usr/bin/env bash
# Issue 14: the runnable jar works with `java -jar` from a directory that is not the repository, including the
# commands that load native libraries (OR-Tools in `env plan`, DuckDB in `env ingest`). Run by `mvn verify`.
set -euo pipefail
jar="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "jar-check: $*" >&2; exit 1; }
java -jar "$jar" --version | grep -q "lichain" || fail "--version"
out="$(java -jar "$jar" curve --year 2025 --json --quiet)"
echo "$out" | grep -q '"price_source" : "China battery-grade Li2CO3 spot, 2025 average' || fail "curve price source"
java -jar "$jar" env spill --outfall OF-YICHUN-CITY --tl-kg 5 --at 2025-01-15T08:00 --emit-measurements m.csv >/dev/null
java -jar "$jar" env ingest m.csv --db m.duckdb --json | grep -q '"quarantined" : 0' || fail "env ingest (DuckDB)"
java -jar "$jar" env plan --month 2025-01 --db m.duckdb --json | grep -q '"solver" : "OR-Tools SCIP' \
  || fail "env plan (OR-Tools)"
java -jar "$jar" assets show cn-jx-01 --json | grep -q '"id" : "CN-JX-01"' || fail "assets show"
echo "jar-check: $jar works with java -jar from $work"
