#!/usr/bin/env bash
# The test runs behind `make test`. Each part prints its own pytest summary; the script fails if any part fails.
set -uo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
pytest=(.venv/bin/pytest -q)
status=0
run() { echo "== $1"; shift; "$@" || status=1; }

if [[ $what == all || $what == unit ]]; then
  run "Unit, engine and web tests on SQLite" "${pytest[@]}" -m "not browser"
fi
if [[ $what == all || $what == postgres ]]; then
  EHCPQA_ONLY_DATABASE_TESTS=1 run "Database tests on PostgreSQL" bash scripts/with-postgres.sh "${pytest[@]}" -m "not browser"
fi
if [[ $what == all || $what == browser ]]; then
  if [ -x /usr/bin/chromium ]; then
    run "Browser tests in Chromium" "${pytest[@]}" -m browser tests/browser
  else
    echo "SKIPPED: browser tests (Chromium is not installed; run 'make setup' as root)."
  fi
fi
exit $status
