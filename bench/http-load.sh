#!/usr/bin/env bash
# HTTP load against the real host (Release build) on loopback: GET /search with the query mix of bench/queries.txt
# next to GET /health/live (no search work) as the baseline, measured the same way in the same run, alternating.
# Runs twice, with the output cache off (every request searches) and on (OutputCache:Duration, 10 s). Also reports cold start (process start →
# first answered /search, next to first answered /health/live) and peak working set (VmHWM). The server is pinned to
# one core and wrk to the other.
# Usage: bench/http-load.sh [--docs N] [--duration S] [--connections C] [--repeat K] [--port P]
set -euo pipefail
cd "$(dirname "$0")/.."

docs=100 duration=10 connections=16 repeat=2 port=5108
while (($#)); do
  case "$1" in
    --docs) docs=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    *) echo "usage: $0 [--docs N] [--duration S] [--connections C] [--repeat K] [--port P]" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "http-load: wrk missing (apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "http-load: curl missing" >&2; exit 1; }

work=$(mktemp -d)
load_before=$(cut -d" " -f1-3 /proc/loadavg)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "http-load: publishing the host (Release) and preparing an index of $docs documents" >&2
dotnet publish -c Release src/FlinkSearch -o "$work/app" -v quiet -nologo >/dev/null
dotnet build -c Release bench/FlinkSearch.Benchmarks -v quiet -nologo >/dev/null
data=$(dotnet bench/FlinkSearch.Benchmarks/bin/Release/net10.0/FlinkSearch.Benchmarks.dll prepare --docs "$docs")

base="http://127.0.0.1:$port"
# Rate limiting would turn a load test into a 429 test; no background reindex or crawl may start during the run.
export RateLimiting__Enabled=false Reindex__OnStart=false Reindex__Schedule="" ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning
# Pinned to one core, the runtime sees one CPU and waits 10x longer (1 s) after the last new method before promoting hot
# code to its optimised tier; a search keeps meeting new code paths, so the server stayed mostly on unoptimised code
# (docs/benchmarks.md §6). The image sets the same for one-CPU containers; pass 10 (the runtime's default) to compare.
export DOTNET_TC_DelaySingleProcMultiplier=${DOTNET_TC_DelaySingleProcMultiplier:-1}

run() { # label url queries-file seconds
  QUERIES_FILE=${3:-} taskset -c 1 wrk -t1 -c"$connections" -d"$4"s --latency -s bench/wrk-report.lua "$2" | grep '^RESULT' | sed "s/^RESULT/$1/"
}

# One server per cache mode: cold start, warm-up, then /health/live and /search alternately.
measure() { # output-cache-duration label
  started=$(date +%s%N)
  OutputCache__Duration=$1 taskset -c 0 dotnet "$work/app/FlinkSearch.dll" --urls "$base" --data-dir "$data" >"$work/server-$2.log" 2>&1 &
  server=$!
  local live_ms="" search_ms=""
  for _ in $(seq 1 3000); do
    if [ -z "$live_ms" ] && curl -fs -o /dev/null "$base/health/live"; then live_ms=$(( ($(date +%s%N) - started) / 1000000 )); fi
    if [ -n "$live_ms" ] && curl -fs -o /dev/null "$base/search?q=flink"; then search_ms=$(( ($(date +%s%N) - started) / 1000000 )); break; fi
    kill -0 "$server" 2>/dev/null || { echo "http-load: the server exited:" >&2; cat "$work/server-$2.log" >&2; exit 1; }
    sleep 0.01
  done
  [ -n "$search_ms" ] || { echo "http-load: no answer from $base/search within 30 s" >&2; exit 1; }
  echo "$2 cold_live_ms=$live_ms cold_search_ms=$search_ms" >>"$work/start.txt"

  echo "http-load: cache $2: warming up" >&2
  run warm "$base/search" bench/queries.txt 5 >/dev/null
  run warm "$base/health/live" "" 3 >/dev/null
  for ((i = 1; i <= repeat; i++)); do
    echo "http-load: cache $2: run $i of $repeat" >&2
    run "$2-$i-live" "$base/health/live" "" "$duration" >>"$work/results.txt"
    run "$2-$i-search" "$base/search" bench/queries.txt "$duration" >>"$work/results.txt"
  done
  echo "$2 hwm_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$server/status") rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$server/status")" >>"$work/start.txt"
  documents=$(curl -fs "$base/stats" | grep -o '"documents":[0-9]*' | cut -d: -f2)
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

measure 00:00:00 off
measure 00:00:10 on

echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average (1/5/15 min) before: $load_before, after: $(cut -d" " -f1-3 /proc/loadavg)"
echo "documents served: $documents; $connections connections, ${duration} s per run, server on core 0, wrk on core 1; DOTNET_TC_DelaySingleProcMultiplier=$DOTNET_TC_DelaySingleProcMultiplier"
awk '{ for (f = 2; f <= NF; f++) { split($f, kv, "="); v[$1, kv[1]] = kv[2] } }
  END {
    for (n = 1; n <= 2; n++) {
      m = (n == 1 ? "off" : "on")
      printf "output cache %s: cold start (process start → first 200) /health/live %d ms (baseline), /search %d ms; peak working set (VmHWM) %d MiB, resident at the end %d MiB\n",
        m, v[m, "cold_live_ms"], v[m, "cold_search_ms"], v[m, "hwm_kb"] / 1024, v[m, "rss_kb"] / 1024
    }
  }' "$work/start.txt"
echo
echo "| output cache | run | endpoint | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | req/s ratio to /health/live |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"
awk -v repeat="$repeat" '
  { for (f = 2; f <= NF; f++) { split($f, kv, "="); v[$1, kv[1]] = kv[2] } }
  END {
    for (c = 1; c <= 2; c++) for (i = 1; i <= repeat; i++) for (n = 1; n <= 2; n++) {
      m = (c == 1 ? "off" : "on"); e = (n == 1 ? "live" : "search"); k = m "-" i "-" e
      printf "| %s | %d | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %.2f |\n", m, i, (n == 1 ? "/health/live (baseline)" : "/search (query mix)"),
        v[k, "rps"], v[k, "p50_ms"], v[k, "p95_ms"], v[k, "p99_ms"], v[k, "max_ms"], v[k, "errors"], v[k, "rps"] / v[m "-" i "-live", "rps"]
    }
  }' "$work/results.txt"
