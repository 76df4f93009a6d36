#!/usr/bin/env bash
# Set everything up on a fresh Debian machine and run the whole test suite.
#   bash scripts/test.sh [PYTEST ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages the tests use as independent consumers: headless Chromium (browser tests),
# raptor2-utils (`rapper -c` validates RDF exports), graphviz (`dot` renders the DOT export).
packages=(chromium raptor2-utils graphviz)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  echo "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade 'pip==26.3'
.venv/bin/python -m pip install -q -e '.[all]' --group test
exec .venv/bin/python -m pytest "$@"
