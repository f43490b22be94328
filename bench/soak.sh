#!/usr/bin/env bash
# Loopback soak of the real published host with real reindexes: DURATION (30m) of wrk at CONNECTIONS (32) concurrent
# clients on /search, rate limiting and the output cache OFF (every request reaches the index), while a reindex
# (crawl + build, the server's own POST /admin/reindex) starts every REINDEX_EVERY seconds (120) against a loopback
# article site that this script starts itself (`FlinkSearch.Benchmarks site`: WeChat-built pages from the bench corpus;
# every FLAP_EVERY-th page flaps between its article and WeChat's verification check from one fetch to the next, the
# page after each of those changes its text on every fetch).
#
# Prints status counts and latency (wrk), and samples every SAMPLE_EVERY seconds the server's resident memory, open
# file descriptors (/proc/PID/fd), generation directories and one probe search's latency, with each one's first-third
# and last-third averages; then every reindex's outcome as the server recorded it (GET /admin/reindex/{id}).
# Exits 1 when any of these fails:
#   - an answer other than 200, a socket error, a failed probe search, or an unhandled-error log entry of the server;
#   - a reindex that did not succeed, is missing from the record, or indexed fewer documents than the site has pages
#     (a flapping page keeps its last good copy);
#   - no verification page was met at all (the flapping did not happen, so the run proved nothing about it);
#   - unbounded growth: the last third's average above the first third's by more than 25 % (resident memory) or by more
#     than 25 % + 10 (open descriptors), or more than 3 generation directories at any sample (current, previous, and
#     the one before those, which stays until the next build removes it before writing its own).
# Runs on demand (not in CI as such: CI runs DURATION=2m REINDEX_EVERY=30, see .ci/run). Needs wrk and jq
# (apt-get install -y wrk jq). On two cores the server is pinned to core 0 and wrk to core 1 (PIN=0: no pinning).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30m}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
REINDEX_EVERY=${REINDEX_EVERY:-120}
SAMPLE_EVERY=${SAMPLE_EVERY:-10}
PAGES=${PAGES:-200}
FLAP_EVERY=${FLAP_EVERY:-10}
PORT=${PORT:-5199}
for tool in wrk jq curl; do command -v "$tool" >/dev/null || { echo "soak: $tool is missing (apt-get install -y $tool)"; exit 2; }; done

# wrk's duration syntax (90s, 30m, 1h) in seconds, for the reindex schedule.
seconds() {
  case "$1" in
    *h) echo $(( ${1%h} * 3600 )) ;; *m) echo $(( ${1%m} * 60 )) ;; *s) echo "${1%s}" ;; *) echo "$1" ;;
  esac
}
duration_s=$(seconds "$DURATION")

work=$(mktemp -d)
server_pid="" site_pid="" sampler_pid="" reindex_pid=""
cleanup() {
  for pid in "$reindex_pid" "$sampler_pid" "$server_pid" "$site_pid"; do
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
export DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x2000000}   # as the image (Dockerfile)

echo "soak: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "soak: publishing the server and building the site (Release)"
dotnet publish src/FlinkSearch -c Release -o "$work/app" --nologo >"$work/publish.log" 2>&1 || { tail -n 30 "$work/publish.log"; exit 1; }
dotnet build bench/FlinkSearch.Benchmarks -c Release -o "$work/bench" --nologo >"$work/bench-build.log" 2>&1 || { tail -n 30 "$work/bench-build.log"; exit 1; }

# The article site, on a loopback port of the OS's choosing.
dotnet "$work/bench/FlinkSearch.Benchmarks.dll" site --docs "$PAGES" --flap-every "$FLAP_EVERY" >"$work/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 1 300); do grep -q '^site: listening' "$work/site.log" && break; kill -0 "$site_pid" 2>/dev/null || break; sleep 0.2; done
site=$(grep -o '^site: listening on http://[0-9.:]*' "$work/site.log" | grep -o 'http://.*' || true)
[ -n "$site" ] || { cat "$work/site.log"; echo "soak: the article site did not start"; exit 1; }
echo "soak: $(grep '^site: listening' "$work/site.log" | cut -c7-)"

data="$work/data"
mkdir -p "$data/sources"
curl -sf "$site/sources.md" >"$data/sources/soak.md"
base="http://127.0.0.1:$PORT"
key="soak-$RANDOM$RANDOM"

# Request logs off for the run (one line per request would measure the console); index switches stay logged. No
# scheduled or on-start reindex: this script starts each one. History large enough to keep every run of the soak.
(cd "$work/app" && exec env RateLimiting__Enabled=false OutputCache__Duration=00:00:00 \
  "Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning" \
  Admin__ApiKey="$key" Reindex__Schedule= Reindex__OnStart=false Reindex__History=1000 \
  Crawler__AllowPrivateNetworks=true Crawler__PerHostDelay=00:00:00 Crawler__MaxConcurrency=4 Crawler__MaxConcurrencyPerHost=4 \
  "${pin_server[@]}" dotnet FlinkSearch.dll --urls "$base" --data-dir "$data") >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do curl -sf "$base/health/ready" >/dev/null && break; sleep 0.2; done
curl -sf "$base/health/ready" >/dev/null || { tail -n 30 "$work/server.log"; echo "soak: server not ready"; exit 1; }

# Starts one reindex and waits for its end. Appends its id to reindex-ids.txt with the crawled bodies /stats reports
# once its generation is served (the record itself is read back at the end).
reindex() {
  local id state generation crawled=-
  id=$(curl -sf -X POST -H "X-Api-Key: $key" "$base/admin/reindex" | jq -r .id) || { echo "start-failed -" >>"$work/reindex-ids.txt"; return; }
  for _ in $(seq 1 900); do
    state=$(curl -sf -H "X-Api-Key: $key" "$base/admin/reindex/$id" | jq -r .state) || state=unknown
    case "$state" in succeeded|failed|cancelled|skipped) break ;; esac
    sleep 1
  done
  generation=$(curl -sf -H "X-Api-Key: $key" "$base/admin/reindex/$id" | jq -r '.generation // ""') || generation=""
  for _ in $(seq 1 50); do
    [ -n "$generation" ] || break
    read -r served crawled_now < <(curl -sf "$base/stats" | jq -r '"\(.generation) \(.crawled)"') || true
    [ "${served:-}" = "$generation" ] && { crawled=$crawled_now; break; }
    sleep 0.2
  done
  echo "$id $crawled" >>"$work/reindex-ids.txt"
}

echo "soak: server ready, RSS $(awk '/^VmRSS/{print int($2/1024)}' "/proc/$server_pid/status") MB; first reindex (crawl of the site) before the load"
reindex
echo "soak: warming up 5 s"
"${pin_load[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s bench/soak.lua "$base" >/dev/null

# Every SAMPLE_EVERY s: seconds since the load started, RSS MB, open fds, generation dirs, probe search ms, probe status.
sample() {
  local rss fds gens probe
  rss=$(awk '/^VmRSS/{print int($2/1024)}' "/proc/$server_pid/status")
  fds=$(ls "/proc/$server_pid/fd" | wc -l)
  gens=$(find "$data/index" -maxdepth 1 -type d -name 'gen-*' | wc -l)
  probe=$(curl -s -o /dev/null -w '%{time_total} %{http_code}' --max-time 10 "$base/search?q=checkpoint") || probe="10 000"
  echo "$(( $(date +%s) - load_started )) $rss $fds $gens $(awk -v p="$probe" 'BEGIN{split(p, a, " "); printf "%.1f %s", a[1] * 1000, a[2]}')"
}
load_started=$(date +%s)
(while kill -0 "$server_pid" 2>/dev/null; do sample; sleep "$SAMPLE_EVERY"; done) >"$work/samples.txt" &
sampler_pid=$!

# A reindex at the start of the load and then every REINDEX_EVERY s while it lasts.
(k=0; while [ $(( k * REINDEX_EVERY )) -lt "$duration_s" ]; do
  wait_s=$(( load_started + k * REINDEX_EVERY - $(date +%s) ))
  [ "$wait_s" -gt 0 ] && sleep "$wait_s"
  reindex
  k=$((k + 1))
done) &
reindex_pid=$!

echo "soak: wrk -t$THREADS -c$CONNECTIONS -d$DURATION against $base/search (rate limiting and output cache off), a reindex every $REINDEX_EVERY s"
SOAK_COUNTS="$work/counts.txt" "${pin_load[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/soak.lua "$base"

# The reindex started last may still run: let it end (its record is checked like the others).
wait "$reindex_pid" || true
reindex_pid=""
kill "$sampler_pid"; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""
failures=()

echo
echo "soak: reindexes as recorded by the server (GET /admin/reindex/{id}):"
echo "  id            state     fetched unchanged failed indexed crawled  failure reasons  build"
runs=0 verification=0
while read -r id crawled; do
  runs=$((runs + 1))
  record=$(curl -sf -H "X-Api-Key: $key" "$base/admin/reindex/$id" 2>/dev/null || true)
  if [ -z "$record" ]; then
    echo "  $id  MISSING"; failures+=("reindex $id has no record"); continue
  fi
  jq -r '"  \(.id)  \(.state | . + " " * (9 - length)) \(.counts.fetched) \(.counts.unchanged) \(.counts.failed) \(.counts.indexed) '"$crawled"'  \(.failures | to_entries | map("\(.key)=\(.value)") | join(",") | if . == "" then "-" else . end)  \(.build // .reason // "")"' <<<"$record"
  state=$(jq -r .state <<<"$record")
  pages=$(jq -r '.counts.fetched + .counts.unchanged + .counts.failed' <<<"$record")
  verification=$((verification + $(jq -r '.failures.verification // 0' <<<"$record")))
  [ "$state" = succeeded ] || failures+=("reindex $id ended $state")
  # Every page is crawled each run, and every article keeps a good copy, flapping or not.
  [ "$state" != succeeded ] || [ "$pages" -eq "$PAGES" ] || failures+=("reindex $id crawled $pages of $PAGES pages")
  [ "$state" != succeeded ] || [ "$crawled" = "$PAGES" ] || failures+=("reindex $id served $crawled articles with bodies, not $PAGES")
done <"$work/reindex-ids.txt"
echo "soak: $runs reindexes, verification pages met $verification times; generations served since start: $(grep -ac "Serving index generation" "$work/server.log" || true)"
[ "$verification" -gt 0 ] || failures+=("no verification page was met: the flapping pages never flapped")

# Averages of the first and last third of the samples, and the growth rule for each.
echo
echo "soak: samples (every $SAMPLE_EVERY s): s rss_mb fds generations probe_ms status"
awk '{printf "%s%s", (NR > 1 ? " | " : "  "), $0} END{print ""}' "$work/samples.txt" | fold -w 160
thirds() { # column → "first-third-average last-third-average max"
  awk -v c="$1" '{v[NR]=$c} END{n=NR; t=int(n/3); if (t < 1) t = 1;
    for (i=1; i<=t; i++) f+=v[i]; for (i=n-t+1; i<=n; i++) l+=v[i]; for (i=1; i<=n; i++) if (v[i] > m) m = v[i];
    printf "%.1f %.1f %s", f/t, l/t, m}' "$work/samples.txt"
}
read -r rss_first rss_last rss_max <<<"$(thirds 2)"
read -r fd_first fd_last fd_max <<<"$(thirds 3)"
read -r gen_first gen_last gen_max <<<"$(thirds 4)"
read -r probe_first probe_last probe_max <<<"$(thirds 5)"
printf 'soak: %-22s first third %8s, last third %8s, max %6s  (%s)\n' \
  "resident memory MB" "$rss_first" "$rss_last" "$rss_max" "$(awk -v a="$rss_first" -v b="$rss_last" 'BEGIN{printf "%+.1f %%", (b / a - 1) * 100}')" \
  "open descriptors" "$fd_first" "$fd_last" "$fd_max" "$(awk -v a="$fd_first" -v b="$fd_last" 'BEGIN{printf "%+.1f", b - a}')" \
  "generation dirs" "$gen_first" "$gen_last" "$gen_max" "at most 3 allowed" \
  "probe search ms" "$probe_first" "$probe_last" "$probe_max" "reported only: the machine is shared"
awk -v a="$rss_first" -v b="$rss_last" 'BEGIN{exit !(b > a * 1.25)}' && failures+=("resident memory grew: $rss_first → $rss_last MB")
awk -v a="$fd_first" -v b="$fd_last" 'BEGIN{exit !(b > a * 1.25 + 10)}' && failures+=("open descriptors grew: $fd_first → $fd_last")
[ "$gen_max" -le 3 ] || failures+=("$gen_max generation directories at once")
probe_failed=$(awk '$6 != 200' "$work/samples.txt" | wc -l)
[ "$probe_failed" -eq 0 ] || failures+=("$probe_failed probe searches failed")

# Unhandled request errors only (the readiness check logs "Unhealthy" at error level while the first index builds).
errors=$(grep -acE '^(fail|crit): (Microsoft\.AspNetCore\.(Diagnostics|Server)|FlinkSearch)' "$work/server.log" || true)
[ "$errors" -eq 0 ] || { grep -aE -A3 '^(fail|crit): ' "$work/server.log" | head -n 20; failures+=("$errors error log entries"); }
read -r ok c4xx c5xx other sock <"$work/counts.txt"
echo "soak: answers $ok × 200, $c4xx × 4xx, $c5xx × 5xx, $other other, $sock socket errors; server error log entries $errors; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$c5xx" -eq 0 ] && [ "$c4xx" -eq 0 ] && [ "$other" -eq 0 ] && [ "$sock" -eq 0 ] ||
  failures+=("failed searches: $c4xx × 4xx, $c5xx × 5xx, $other other, $sock socket errors (timeouts are wrk's --timeout 10s)")

if [ "${#failures[@]}" -gt 0 ]; then
  printf 'soak: FAILED: %s\n' "${failures[@]}"
  exit 1
fi
echo "soak: passed: $ok answers, all 200, zero 5xx; $runs reindexes all recorded and succeeded; no unbounded growth"
