#!/usr/bin/env bash
# Installs gasflow's build and test dependencies from Debian 12 packages.
# Skips apt-get when everything is already there.
set -euo pipefail
packages=(build-essential cmake pkg-config libxml2-dev libsuitesparse-dev libcmocka-dev libxml2-utils libopenblas0-pthread)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
