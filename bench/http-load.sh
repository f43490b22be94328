#!/usr/bin/env bash
# HTTP load against the real host (Release build) on loopback: GET /search with the query mix of bench/queries.txt
# next to GET /health/live (no search work) as the baseline, measured the same way in the same run, alternating.
# Runs FlinkSearch twice, with the output cache off (every request searches) and on (the app's default); with
# --peer groonga also Groonga's HTTP server on the same documents and query mix (next to its `status` command as its
# baseline, query cache off). Every server is pinned to core 0 and wrk to core 1, with the same connections and duration.
# Also reports each engine's own time per query (FlinkSearch's tookMs, Groonga's elapsed time) over one pass of the mix,
# the index build rate of what the run built, cold start (process start → first answered query, next to the first
# answered baseline) and peak working set (VmHWM).
# Usage: bench/http-load.sh [--docs N] [--duration S] [--connections C] [--repeat K] [--port P] [--peer groonga] [--fresh-index]
set -euo pipefail
cd "$(dirname "$0")/.."

usage="usage: $0 [--docs N] [--duration S] [--connections C] [--repeat K] [--port P] [--peer groonga] [--fresh-index]"
docs=100 duration=10 connections=8 repeat=2 port=5108 peer="" fresh=""
while (($#)); do
  case "$1" in
    --docs) docs=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --peer) [ "${2:-}" = groonga ] || { echo "http-load: the only peer is groonga" >&2; exit 2; }; peer=$2; shift 2 ;;
    --fresh-index) fresh=1; shift ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done

# A missing tool is installed from Debian when this runs as root with apt-get, else named.
need() { # command package
  command -v "$1" >/dev/null && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "http-load: installing $2" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null
  fi
  command -v "$1" >/dev/null || { echo "http-load: $1 missing (apt-get install $2)" >&2; exit 1; }
}
need wrk wrk
need curl curl
need python3 python3
need taskset util-linux
[ -z "$peer" ] || need groonga groonga-bin

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
bench="bench/FlinkSearch.Benchmarks/bin/Release/net10.0/FlinkSearch.Benchmarks.dll"
data=$(dotnet "$bench" prepare --docs "$docs" ${fresh:+--data-dir "$work/data"} 2>"$work/prepare.log") || { cat "$work/prepare.log" >&2; exit 1; }
cat "$work/prepare.log" >&2
python3 bench/engines.py paths flinksearch bench/queries.txt >"$work/flinksearch.paths"

# Groonga's database of the same documents, built twice to time both of its ways (only the bulk build is served):
# load, then the index column built from the loaded columns; and load with the index column in place, as an
# application adding documents one by one would. Times are Groonga's own, from its response headers.
build_groonga() {
  # Beyond 10,000 the bench index holds the 10,000-document unit N times (BenchIndex.cs); Groonga gets the same.
  local unit=$docs copies=1
  if ((docs > 10000 && docs % 10000 == 0)); then unit=10000 copies=$((docs / 10000)); fi
  echo "http-load: loading the same $docs documents into Groonga" >&2
  dotnet "$bench" export --docs "$unit" --out "$work/documents.tsv"
  python3 bench/engines.py groonga-load "$work/documents.tsv" "$copies" >"$work/load.grn"
  python3 bench/engines.py groonga-index >"$work/index.grn"
  for build in bulk online; do
    mkdir "$work/groonga-$build"
    python3 bench/engines.py groonga-tables | groonga --log-path "$work/groonga.log" -n "$work/groonga-$build/db" >/dev/null
  done
  local bulk_load bulk_index online_load
  bulk_load=$(elapsed bulk "$work/load.grn")
  bulk_index=$(elapsed bulk "$work/index.grn")
  elapsed online "$work/index.grn" >/dev/null
  online_load=$(elapsed online "$work/load.grn")
  echo "bulk_load_s=$bulk_load bulk_index_s=$bulk_index online_load_s=$online_load" \
    "bulk_mib=$(du -sm "$work/groonga-bulk" | cut -f1) online_mib=$(du -sm "$work/groonga-online" | cut -f1)" >"$work/groonga-build.txt"
  rm -r "$work/load.grn" "$work/groonga-online"
}

elapsed() { # build commands-file: the seconds Groonga reports for the command; fails unless it loaded every document
  groonga --log-path "$work/groonga.log" "$work/groonga-$1/db" <"$2" | tr -d '[]' | awk -F, -v want="$docs" '
    $1 != 0 || ($4 != "true" && $4 != want) { print "http-load: Groonga failed: " $0 > "/dev/stderr"; exit 1 }
    { printf "%.3f\n", $3 }'
}

if [ -n "$peer" ]; then
  build_groonga
  python3 bench/engines.py paths groonga bench/queries.txt >"$work/groonga.paths"
fi

base="http://127.0.0.1:$port"
groonga_base="http://127.0.0.1:$((port + 1))"
# Rate limiting would turn a load test into a 429 test; no background reindex or crawl may start during the run.
export RateLimiting__Enabled=false Reindex__OnStart=false Reindex__Schedule="" ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning
# Pinned to one core, the runtime sees one CPU and waits 10x longer (1 s) after the last new method before promoting hot
# code to its optimised tier; a search keeps meeting new code paths, so the server stayed mostly on unoptimised code
# (docs/benchmarks.md §6). The image sets the same for one-CPU containers; pass 10 (the runtime's default) to compare.
export DOTNET_TC_DelaySingleProcMultiplier=${DOTNET_TC_DelaySingleProcMultiplier:-1}
# The image's floor for the collector's new-object budget (32 MB, Dockerfile, docs/benchmarks.md §16); pass 0 for the
# runtime's own budget.
export DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x2000000}

run() { # label url paths-file seconds
  PATHS_FILE=${3:-} taskset -c 1 wrk -t1 -c"$connections" -d"$4"s --latency -s bench/wrk-report.lua "$2" | grep '^RESULT' | sed "s/^RESULT/$1/"
}

start_flinksearch() { # label [output cache duration; none: the app's default]
  local cache=(); [ -z "${2:-}" ] || cache=(env "OutputCache__Duration=$2")
  "${cache[@]}" taskset -c 0 dotnet "$work/app/FlinkSearch.dll" --urls "$base" --data-dir "$data" >"$work/server-$1.log" 2>&1 &
  server=$!
}

start_groonga() { # label
  taskset -c 0 groonga -s --protocol http --bind-address 127.0.0.1 -p "$((port + 1))" --log-path "$work/groonga.log" \
    "$work/groonga-bulk/db" >"$work/server-$1.log" 2>&1 &
  server=$!
}

# One server per label, started at $started: cold start, warm-up, one sampled pass of the mix (when the engine's own
# time per query is wanted), then the baseline and the query mix alternately.
measure() { # label base-url baseline-path engine sample(yes|no)
  local label=$1 url=$2 baseline=$3 engine=$4 paths="$work/$4.paths" live_ms="" search_ms=""
  for _ in $(seq 1 3000); do
    if [ -z "$live_ms" ] && curl -fs -o /dev/null "$url$baseline"; then live_ms=$(( ($(date +%s%N) - started) / 1000000 )); fi
    if [ -n "$live_ms" ] && curl -fs -o /dev/null "$url$(head -1 "$paths")"; then search_ms=$(( ($(date +%s%N) - started) / 1000000 )); break; fi
    kill -0 "$server" 2>/dev/null || { echo "http-load: the $label server exited:" >&2; cat "$work/server-$label.log" >&2; exit 1; }
    sleep 0.01
  done
  [ -n "$search_ms" ] || { echo "http-load: no answer from the $label server within 30 s" >&2; exit 1; }
  echo "$label cold_live_ms=$live_ms cold_search_ms=$search_ms" >>"$work/start.txt"

  echo "http-load: $label: warming up" >&2
  run warm "$url" "$paths" 5 >/dev/null
  run warm "$url$baseline" "" 3 >/dev/null
  if [ "$5" = yes ]; then
    local sampled; sampled=$(taskset -c 1 python3 bench/engines.py sample "$engine" "$url" "$paths")
    echo "$engine $sampled" >>"$work/in-process.txt"
  fi
  for ((i = 1; i <= repeat; i++)); do
    echo "http-load: $label: run $i of $repeat" >&2
    run "$label-$i-live" "$url$baseline" "" "$duration" >>"$work/results.txt"
    run "$label-$i-search" "$url" "$paths" "$duration" >>"$work/results.txt"
  done
  echo "$label hwm_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$server/status") rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$server/status")" >>"$work/start.txt"
  if [ "$engine" = flinksearch ]; then documents=$(curl -fs "$url/stats" | grep -o '"documents":[0-9]*' | cut -d: -f2); fi
  if [ "$engine" = groonga ]; then groonga_documents=$(curl -fs "$url/d/select?table=Docs&limit=0" | tr -d '[]' | cut -d, -f4); fi
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

started=$(date +%s%N); start_flinksearch off 00:00:00
measure off "$base" /health/live flinksearch yes
started=$(date +%s%N); start_flinksearch on
measure on "$base" /health/live flinksearch no
labels="off on"
if [ -n "$peer" ]; then
  started=$(date +%s%N); start_groonga groonga
  measure groonga "$groonga_base" /d/status groonga yes
  labels="off on groonga"
fi

echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average (1/5/15 min) before: $load_before, after: $(cut -d" " -f1-3 /proc/loadavg)"
echo "documents served: FlinkSearch $documents$([ -z "$peer" ] || echo ", Groonga $groonga_documents ($(groonga --version | head -1 | cut -d' ' -f1-2), TokenBigram + NormalizerAuto on title and body)")"
echo "query mix: the $(wc -l <"$work/flinksearch.paths") queries of bench/queries.txt, cycled"
echo "$connections connections (wrk -t1), ${duration} s per run, servers on core 0, wrk on core 1; DOTNET_TC_DelaySingleProcMultiplier=$DOTNET_TC_DelaySingleProcMultiplier DOTNET_GCgen0size=$DOTNET_GCgen0size"
awk '{ for (f = 2; f <= NF; f++) { split($f, kv, "="); v[$1, kv[1]] = kv[2] } }
  END {
    n = split("off on groonga", labels, " ")
    for (i = 1; i <= n; i++) {
      m = labels[i]; if (!((m, "cold_live_ms") in v)) continue
      printf "%s: cold start (process start → first 200) baseline %d ms, first query of the mix %d ms; peak working set (VmHWM) %d MiB, resident at the end %d MiB\n",
        (m == "groonga" ? "Groonga" : "FlinkSearch, output cache " m), v[m, "cold_live_ms"], v[m, "cold_search_ms"], v[m, "hwm_kb"] / 1024, v[m, "rss_kb"] / 1024
    }
  }' "$work/start.txt"
echo
echo "| engine | output cache | run | endpoint | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | req/s ratio to the engine's baseline |"
echo "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"
awk -v repeat="$repeat" -v labels="$labels" '
  { for (f = 2; f <= NF; f++) { split($f, kv, "="); v[$1, kv[1]] = kv[2] } }
  END {
    n = split(labels, ls, " ")
    for (c = 1; c <= n; c++) for (i = 1; i <= repeat; i++) for (e = 1; e <= 2; e++) {
      m = ls[c]; k = m "-" i "-" (e == 1 ? "live" : "search")
      if (m == "groonga") { engine = "Groonga"; cache = "off (`cache=no`)"; endpoint = (e == 1 ? "/d/status (baseline)" : "/d/select (query mix)") }
      else { engine = "FlinkSearch"; cache = m; endpoint = (e == 1 ? "/health/live (baseline)" : "/search (query mix)") }
      printf "| %s | %s | %d | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %.2f |\n", engine, cache, i, endpoint,
        v[k, "rps"], v[k, "p50_ms"], v[k, "p95_ms"], v[k, "p99_ms"], v[k, "max_ms"], v[k, "errors"], v[k, "rps"] / v[m "-" i "-live", "rps"]
    }
    if (n < 3) exit
    print ""
    for (i = 1; i <= repeat; i++)
      printf "run %d: FlinkSearch uncached /search against Groonga /d/select: req/s %.2f×, p99 %.2f×\n", i,
        v["off-" i "-search", "rps"] / v["groonga-" i "-search", "rps"], v["off-" i "-search", "p99_ms"] / v["groonga-" i "-search", "p99_ms"]
  }' "$work/results.txt"

echo
echo "| engine | own time per query, one pass of the mix after warm-up | queries | p50 ms | p99 ms | mean ms | max ms | hits over the mix |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
awk '{ for (f = 2; f <= NF; f++) { split($f, kv, "="); v[kv[1]] = kv[2] }
  printf "| %s | %s | %d | %.2f | %.2f | %.2f | %.2f | %d |\n", ($1 == "groonga" ? "Groonga" : "FlinkSearch, output cache off"),
    ($1 == "groonga" ? "elapsed time in the response header" : "`tookMs` of the response"), v["queries"], v["p50_ms"], v["p99_ms"], v["mean_ms"], v["max_ms"], v["hits"]
  p50[$1] = v["p50_ms"]; p99[$1] = v["p99_ms"] }
  END { if ("groonga" in p50) printf "\nFlinkSearch tookMs against Groonga elapsed: p50 %.2f×, p99 %.2f×\n", p50["flinksearch"] / p50["groonga"], p99["flinksearch"] / p99["groonga"] }' \
  "$work/in-process.txt"

echo
echo "| engine | index build | documents | seconds | documents/s | on disk MiB |"
echo "|---|---|---:|---:|---:|---:|"
# prepare prints "bench: built N documents in S s: R docs/s, … M MiB on disk" only when it built (indexes are cached).
built=$(tr -d ',' <"$work/prepare.log" | sed -nE 's|^bench: built ([0-9]+) documents in ([0-9.]+) s: ([0-9]+) docs/s.* ([0-9.]+) MiB on disk.*|\1 \2 \3 \4|p')
if [ -n "$built" ]; then
  echo "$built" | awk '{ printf "| FlinkSearch | `prepare` (the app'\''s IndexBuilder, two cores) | %d | %.1f | %.0f | %.1f |\n", $1, $2, $3, $4 }'
else
  echo "| FlinkSearch | not built in this run: the index of this size came from the bench cache (--fresh-index builds it) | | | | |"
fi
if [ -n "$peer" ]; then
  awk -v d="$docs" '{ for (f = 1; f <= NF; f++) { split($f, kv, "="); v[kv[1]] = kv[2] } }
    END {
      printf "| Groonga | `load`, then the index column built from the loaded columns (%.1f + %.1f s, its own elapsed times; served) | %d | %.1f | %.0f | %d |\n",
        v["bulk_load_s"], v["bulk_index_s"], d, v["bulk_load_s"] + v["bulk_index_s"], d / (v["bulk_load_s"] + v["bulk_index_s"]), v["bulk_mib"]
      printf "| Groonga | `load` with the index column in place (updated record by record) | %d | %.1f | %.0f | %d |\n",
        d, v["online_load_s"], d / v["online_load_s"], v["online_mib"]
      if (built != "") { split(built, b, " "); printf "\nFlinkSearch build against Groonga bulk build (documents/s): %.2f×\n", b[3] / (d / (v["bulk_load_s"] + v["bulk_index_s"])) }
    }' built="$built" "$work/groonga-build.txt"
fi
