#!/usr/bin/env bash
# Cold start of the container image, for two or more images in one run (the first is the baseline), alternating:
# container start → first 200 from /health/live and from /search?q=checkpoint, and the time of that first answered
# search itself; on a fresh named volume (the app builds its catalog index first) and on a volume that already holds
# the index (a new container on it, as after an upgrade). Wall time moves with the machine's load, so the app process's
# CPU time up to that first answer is printed too. Also prints each image's size. No crawl: Reindex__OnStart=false.
# Usage: bench/container-start.sh [--rounds N] IMAGE [IMAGE...]      ENGINE=docker to use docker (default: podman)
set -euo pipefail

rounds=5
images=()
while (($#)); do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    -*) echo "usage: $0 [--rounds N] IMAGE [IMAGE...]" >&2; exit 2 ;;
    *) images+=("$1"); shift ;;
  esac
done
((${#images[@]} >= 2)) || { echo "usage: $0 [--rounds N] IMAGE [IMAGE...] (the first image is the baseline)" >&2; exit 2; }
engine=${ENGINE:-podman}
command -v "$engine" >/dev/null || { echo "container-start: $engine missing" >&2; exit 1; }

work=$(mktemp -d)
load_before=$(cut -d" " -f1-3 /proc/loadavg)
containers=() volumes=()
cleanup() {
  for c in "${containers[@]}"; do "$engine" rm -f "$c" >/dev/null 2>&1 || true; done
  for v in "${volumes[@]}"; do "$engine" volume rm -f "$v" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# One container on the given volume: prints "live_ms search_ms first_search_ms cpu_ms", then removes the container.
start_once() { # image volume
  local started ctr base pid live_ms="" search_ms="" first_ms="" cpu_ms answer
  started=$(now_ms)
  ctr=$("$engine" run -d -p 127.0.0.1::8080 -v "$2:/app/index-data" -e Reindex__OnStart=false "$1" 2>>"$work/engine.log")
  containers+=("$ctr")
  base="http://$("$engine" port "$ctr" 8080 2>>"$work/engine.log" | head -n1)"
  pid=$("$engine" inspect "$ctr" --format '{{.State.Pid}}')
  for _ in $(seq 1 12000); do
    if [ -z "$live_ms" ] && curl -fs -o /dev/null "$base/health/live"; then live_ms=$(( $(now_ms) - started )); fi
    if [ -n "$live_ms" ]; then
      answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$base/search?q=checkpoint" || true)
      if [ "${answer%% *}" = 200 ]; then
        search_ms=$(( $(now_ms) - started ))
        first_ms=$(awk -v t="${answer#* }" 'BEGIN { printf "%d", t * 1000 }')
        break
      fi
    fi
    [ "$("$engine" inspect "$ctr" --format '{{.State.Running}}' 2>/dev/null)" = true ] \
      || { echo "container-start: $1 exited:" >&2; "$engine" logs "$ctr" 2>&1 | tail -n 20 >&2; exit 1; }
    sleep 0.01
  done
  [ -n "$search_ms" ] || { echo "container-start: $1 answered no /search within 120 s" >&2; exit 1; }
  # utime + stime of the app (the container's first process), in clock ticks
  cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$pid/stat")
  "$engine" rm -f "$ctr" >/dev/null 2>>"$work/engine.log"
  echo "$live_ms $search_ms $first_ms $cpu_ms"
}

for ((round = 1; round <= rounds; round++)); do
  for i in "${!images[@]}"; do
    echo "container-start: round $round of $rounds: ${images[$i]}" >&2
    volume="flinksearch-start-$$-$round-$i"
    volumes+=("$volume")
    "$engine" volume create "$volume" >/dev/null
    echo "$i fresh $(start_once "${images[$i]}" "$volume")" >>"$work/times.txt"
    echo "$i existing $(start_once "${images[$i]}" "$volume")" >>"$work/times.txt"
    "$engine" volume rm -f "$volume" >/dev/null
  done
done

echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $engine, load average (1/5/15 min) before: $load_before, after: $(cut -d" " -f1-3 /proc/loadavg)"
echo "medians of $rounds rounds, ms from \`$engine run\` to the first 200; ratios to the first image (baseline)"
echo
echo "| image | size MB | volume | → /health/live | → /search | first search itself | app CPU to then | /search ratio | CPU ratio |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|"
ratio() { awk -v a="$1" -v b="${!2}" 'BEGIN { print a / b }'; } # value, name of the baseline's variable
for i in "${!images[@]}"; do
  size=$("$engine" image inspect "${images[$i]}" --format '{{.Size}}')
  for kind in fresh existing; do
    median() { awk -v i="$i" -v k="$kind" -v f="$1" '$1 == i && $2 == k { print $f }' "$work/times.txt" | sort -n \
      | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)) }'; }
    live=$(median 3) search=$(median 4) first=$(median 5) cpu=$(median 6)
    [ "$i" = 0 ] && eval "base_search_$kind=$search base_cpu_$kind=$cpu"
    printf '| %s | %d | %s | %d | %d | %d | %d | %.2f | %.2f |\n' "${images[$i]}" $((size / 1000000)) "$kind" \
      "$live" "$search" "$first" "$cpu" "$(ratio "$search" "base_search_$kind")" "$(ratio "$cpu" "base_cpu_$kind")"
  done
done
