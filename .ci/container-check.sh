#!/usr/bin/env bash
# The container image built from the Dockerfile as committed and run for real, by ../shared/tools/container/check.sh:
# podman with local stand-ins for the two Microsoft base images (no registry is reachable from these machines), then
# health, search, user, volume and restart checks. Exit 0 passed, 1 failed, 3 skipped (the reason is printed).
set -uo pipefail
cd "$(dirname "$0")/.."

check=../shared/tools/container/check.sh
skip() { echo "container: SKIPPED: $*"; exit 3; }

[ -f "$check" ] || skip "$check is absent (the shared tools sit beside the repo on the build machines only)"
[ "$(id -u)" = 0 ] || skip "the check runs podman as root, and this is uid $(id -u)"
bash .ci/apt-install.sh podman runc debootstrap || true
if ! command -v podman >/dev/null || ! command -v runc >/dev/null || ! command -v debootstrap >/dev/null; then
  command -v docker >/dev/null && skip "docker is here, but the check needs podman, runc and debootstrap, which could not be installed"
  skip "neither podman (with runc and debootstrap) nor docker is installed, and apt-get could not install podman"
fi
# Can podman start a container at all here? The host's own root as a throwaway overlay needs no image.
if ! probe=$(CONTAINERS_CONF=$(dirname "$check")/containers.conf podman run --rm --net=none --rootfs /:O true 2>&1); then
  skip "podman cannot run a container on this machine: $(tail -n 1 <<<"$probe")"
fi

started=$(date +%s)
log=$(mktemp)
bash "$check" . 2>&1 | tee "$log"
echo "container: check.sh took $(( $(date +%s) - started )) s"
# The check's own fallback builds a patched copy when the restore layer lacks projects; only the file as committed counts.
if grep -q '^PASS build (Dockerfile as committed)' "$log" && grep -q '^RESULT PASS' "$log"; then
  rm -f "$log"; exit 0
fi
rm -f "$log"
echo "container: FAILED: the image did not build as committed or did not pass its run checks; see the FAIL lines above"
exit 1
