#!/usr/bin/env bash
# Installs Debian's Chromium for the report rendering test (ReportRenderIT), once; the build
# calls this before the integration tests. Needs root or sudo; does nothing when it is there.
set -euo pipefail
CHROMIUM=${LR_CHROMIUM:-/usr/bin/chromium}
if [[ -x $CHROMIUM ]]; then
  exit 0
fi
SUDO=
if [[ $(id -u) != 0 ]]; then
  command -v sudo > /dev/null || { echo "error: $CHROMIUM missing and no sudo to install it: apt-get install chromium" >&2; exit 1; }
  SUDO=sudo
fi
echo "[install-chromium] apt-get install chromium" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq > /dev/null || echo "[install-chromium] apt-get update failed; trying the cached lists" >&2
$SUDO apt-get install -y -qq --no-install-recommends chromium > /dev/null
[[ -x $CHROMIUM ]] || { echo "error: chromium installed but $CHROMIUM is missing" >&2; exit 1; }
