#!/usr/bin/env bash
# Installs the system packages the tests and the demo use. Only as root (CI and these machines run as root);
# otherwise it says what is missing and the tests that need it are skipped with a reason.
set -euo pipefail
need=()
command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
fc-list 2>/dev/null | grep -qi "Liberation Sans" || need+=(fonts-liberation)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Not root, so not installing: ${need[*]}. Tests that need them will be skipped."
  exit 0
fi
echo "Installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
