#!/usr/bin/env bash
# Installs everything the whole test suite needs on a fresh Debian machine, then runs it.
# Extra arguments go to pytest (e.g. `bash tests/run.sh -k explorer`).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

# The browser tests drive Debian's own chromium; Playwright never downloads a browser here.
# The CJK font only makes the Chinese screenshots legible. HAProxy: the balancer test serves two
# copies of the app behind it, as deploy/serve.py does for a class.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Two worker processes, each test file kept on one worker (files share a server or a cache).
exec python3 -m pytest -n 2 --dist loadfile --no-loadscope-reorder --durations=25 "$@"
