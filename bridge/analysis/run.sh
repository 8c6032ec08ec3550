#!/usr/bin/env bash
# Static analysis of our Solidity (bridge/contracts) with Slither, offline: `npm run analyze:contracts`.
#
# 1. Creates bridge/analysis/.venv (python3 -m venv) and installs Slither from requirements.txt
#    (every package pinned) when it is missing or holds another version.
# 2. export.ts compiles our contracts with the npm solc (solc-0817, the `trestle` unit's settings)
#    and writes out/trestle_export.json in crytic-compile's standard export format; Slither loads
#    that file, so no native solc and no solc-select download are needed.
# 3. Slither runs every detector; findings in node_modules are filtered out. Its JSON report goes to
#    out/slither.json, its text report to out/slither.txt.
# 4. triage.ts compares the findings with triaged.json (see TRIAGE.md), writes out/summary.md and
#    exits 1 when a finding is not triaged.
#
# Not part of `npm test`. Needs python3 with the venv module and a reachable PyPI on first run.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
VENV="$HERE/.venv"
OUT="$HERE/out"
SLITHER_VERSION="$(sed -n 's/^slither-analyzer==//p' "$HERE/requirements.txt")"

cd "$REPO"

if [ ! -x "$VENV/bin/slither" ] || [ "$("$VENV/bin/slither" --version 2>/dev/null)" != "$SLITHER_VERSION" ]; then
  echo "[analysis] installing slither-analyzer $SLITHER_VERSION into ${VENV#"$REPO"/}"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
  # urllib3 ships a JavaScript worker for Pyodide; `eslint .` (npm test) would lint it, as ESLint's
  # flat config ignores node_modules but not .venv. CPython never loads it.
  find "$VENV" -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' \) -delete
fi

mkdir -p "$OUT"
node --import tsx "$HERE/export.ts" "$OUT"

# Slither refuses to overwrite its JSON report.
rm -f "$OUT/slither.json"
set +e
"$VENV/bin/slither" "$OUT/trestle_export.json" \
  --filter-paths node_modules \
  --fail-none \
  --disable-color \
  --json "$OUT/slither.json" >"$OUT/slither.txt" 2>&1
status=$?
set -e
if [ "$status" -ne 0 ] || [ ! -s "$OUT/slither.json" ]; then
  cat "$OUT/slither.txt" >&2
  echo "[analysis] slither failed (exit $status)" >&2
  exit 2
fi
tail -n 1 "$OUT/slither.txt"

exec node --import tsx "$HERE/triage.ts" "$OUT/slither.json" "$HERE/triaged.json" "$OUT/summary.md"
