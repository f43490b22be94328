#!/usr/bin/env bash
# Installs the named Debian packages that are missing (apt-get update first, only when something is missing).
set -uo pipefail
missing=()
for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
((${#missing[@]})) || exit 0
echo "ci: installing ${missing[*]}"
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
