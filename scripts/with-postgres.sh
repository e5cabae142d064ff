#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster on loopback, then removes the cluster.
# Usage: scripts/with-postgres.sh COMMAND...   (EHCPQA_DATABASE_URL is set for the command)
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "SKIPPED: PostgreSQL is not installed (run 'make setup' as root to install it)."
  exit 0
fi
port=${EHCPQA_PG_PORT:-54329}
dir=$(mktemp -d /tmp/ehcpqa-pg.XXXXXX)
run_as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
cleanup() { run_as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT
run_as_pg "$bindir/initdb" -D "$dir/data" -U ehcpqa --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_as_pg "$bindir/pg_ctl" -D "$dir/data" -o "-k $dir -h 127.0.0.1 -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off" -l "$dir/log" -w start >/dev/null
export EHCPQA_DATABASE_URL="postgres://ehcpqa@127.0.0.1:$port/postgres"
"$@"
