#!/usr/bin/env bash
# Serves the web application and runs the background worker beside it; Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python manage.py db_worker --queue-name "*" &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
echo "EHCP QA is running on http://127.0.0.1:8000 (accounts and password: see README.md). Ctrl+C stops it."
.venv/bin/python manage.py runserver 127.0.0.1:8000 --noreload
