#!/usr/bin/env bash
# Loopback soak of the real published host: DURATION (60s) at CONNECTIONS (32) concurrent clients with wrk, while the
# `index` verb rebuilds the index and the server switches generations underneath. Rate limiting is OFF for the run
# (RateLimiting__Enabled=false) and so is the output cache (OutputCache__Duration=0), so every request reaches the
# index. Prints status counts, latency and the server's memory over time; exits 1 on any non-200 answer or socket error.
# Needs wrk (apt-get install -y wrk). On two cores the server is pinned to core 0 and wrk to core 1 (PIN=0: no pinning).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-5199}
command -v wrk >/dev/null || { echo "soak: wrk is missing (apt-get install -y wrk)"; exit 2; }

work=$(mktemp -d)
server_pid=""
sampler_pid=""
reindex_pid=""
cleanup() {
  for pid in "$reindex_pid" "$sampler_pid" "$server_pid"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  done
  [ -n "${KEEP_SOAK:-}" ] && echo "soak: kept $work" || rm -rf "$work"
}
trap cleanup EXIT

pin_server=() pin_load=()
if [ "${PIN:-1}" = 1 ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then pin_server=(taskset -c 0) pin_load=(taskset -c 1); fi
# A server pinned to one core sees one CPU; without this .NET keeps the search path on unoptimised code for long
# (docs/benchmarks.md §6), as the image's setting also avoids.
export DOTNET_TC_DelaySingleProcMultiplier=${DOTNET_TC_DelaySingleProcMultiplier:-1}

echo "soak: publishing (Release)"
dotnet publish src/FlinkSearch -c Release -o "$work/app" --nologo >"$work/publish.log" 2>&1 || { tail -n 30 "$work/publish.log"; exit 1; }
data="$work/data"
base="http://127.0.0.1:$PORT"

# Request logs off for the run (one line per request would measure the console); index switches stay logged.
(cd "$work/app" && exec env RateLimiting__Enabled=false OutputCache__Duration=00:00:00 \
  "Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning" \
  "${pin_server[@]}" dotnet FlinkSearch.dll --urls "$base" --data-dir "$data") >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do curl -sf "$base/health/ready" >/dev/null && break; sleep 0.2; done
curl -sf "$base/health/ready" >/dev/null || { tail -n 30 "$work/server.log"; echo "soak: server not ready"; exit 1; }

rss() { awk '/^VmRSS/{print int($2/1024)}' "/proc/$server_pid/status"; }
# Live managed heap after a forced full GC, when dotnet-gcdump is installed (dotnet tool install -g dotnet-gcdump):
# the figure that shows whether switched-away generations are really released.
gcdump=${GCDUMP:-$(command -v dotnet-gcdump || true)}
live() {
  [ -n "$gcdump" ] || { echo "n/a (no dotnet-gcdump)"; return; }
  local mb=""
  for _ in 1 2 3; do
    mb=$(timeout 60 "$gcdump" report -p "$server_pid" 2>/dev/null | awk '/GC Heap bytes/{gsub(",","",$1); printf "%.1f MB", $1/1048576}') || true
    [ -n "$mb" ] && break
    sleep 2
  done
  echo "${mb:-unavailable}"
}
# Managed heap after the last GC, summed over generations, from the app's own /metrics.
heap() { curl -sf "$base/metrics" | awk '/^dotnet_gc_last_collection_heap_size_bytes/{s+=$NF} END{printf "%.1f", s/1048576}'; }
echo "soak: server ready, RSS $(rss) MB; warming up 5 s"
"${pin_load[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/soak.lua "$base" >/dev/null
heap_before=$(heap)
live_before=$(live)
echo "soak: after warm-up RSS $(rss) MB, managed heap after last GC $heap_before MB, live heap after full GC $live_before"

# Memory every 5 s while the load runs.
(while kill -0 "$server_pid" 2>/dev/null; do echo "$(date +%s) $(rss)"; sleep 5; done) >"$work/rss.txt" &
sampler_pid=$!

# Rebuild the index from the CLI, as an operator would, every 10 s during the run.
(cd "$work/app" && while true; do
  if Logging__LogLevel__Default=Warning dotnet FlinkSearch.dll index --data-dir "$data" >/dev/null 2>&1; then echo ok; else echo failed; fi
  sleep 10
done) >"$work/reindex.txt" &
reindex_pid=$!

echo "soak: wrk -t$THREADS -c$CONNECTIONS -d$DURATION against $base/search (rate limiting and output cache off)"
SOAK_COUNTS="$work/counts.txt" "${pin_load[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/soak.lua "$base"

kill "$reindex_pid"; wait "$reindex_pid" 2>/dev/null || true; reindex_pid=""
kill "$sampler_pid"; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""
switches=$(grep -ac "Serving index generation" "$work/server.log" || true)
echo "soak: index rebuilds during the run: $(grep -c ok "$work/reindex.txt" || true) ok, $(grep -c failed "$work/reindex.txt" || true) failed; generations served since start: $switches"
echo "soak: RSS MB over the run (every 5 s): $(awk '{printf "%s ", $2}' "$work/rss.txt")"
echo "soak: RSS MB first/max/last: $(awk 'NR==1{f=$2} {if($2>m)m=$2; l=$2} END{print f "/" m "/" l}' "$work/rss.txt")"
echo "soak: managed heap after last GC: $heap_before MB after warm-up, $(heap) MB at the end"
echo "soak: live heap after a full GC: $live_before after warm-up, $(live) at the end"
# Unhandled request errors only (the readiness check logs "Unhealthy" at error level while the first index builds).
errors=$(grep -acE '^(fail|crit): (Microsoft\.AspNetCore\.(Diagnostics|Server)|FlinkSearch)' "$work/server.log" || true)
echo "soak: server request-error log entries: $errors; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

read -r ok c4xx c5xx other sock <"$work/counts.txt"
if [ "$c5xx" -ne 0 ] || [ "$c4xx" -ne 0 ] || [ "$other" -ne 0 ] || [ "$sock" -ne 0 ] || [ "$errors" -ne 0 ]; then
  echo "soak: FAILED ($ok ok, $c4xx 4xx, $c5xx 5xx, $other other, $sock socket errors, $errors error logs)"
  exit 1
fi
echo "soak: passed: $ok answers, all 200, zero 5xx"
