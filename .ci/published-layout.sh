#!/usr/bin/env bash
# Proves the container layout without Docker by doing what the Dockerfile does: publish the app to a folder, bake the
# committed source lists into index-data/ as the only writable place, start the published app from that folder as an
# unprivileged user on a loopback port, query it, run the `healthcheck` verb with the container's environment, stop it.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
app="$work/app"
log="$work/server.log"
server_pid=""
user=nobody
uid=$(id -u "$user")
gid=$(id -g "$user")

cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "layout: FAILED: $*" >&2
  if [ -f "$log" ]; then echo "layout: last lines of the server log:" >&2; tail -n 30 "$log" >&2; fi
  exit 1
}

# Runs a command as the unprivileged user with only the environment a container would give it.
as_app_user() {
  setpriv --reuid="$uid" --regid="$gid" --clear-groups \
    env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$work/home" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 "$@"
}

started=$(date +%s)
echo "layout: dotnet publish -c Release -o <temp>/app"
dotnet publish src/FlinkSearch -c Release -o "$app" --nologo >"$work/publish.log" 2>&1 || { tail -n 30 "$work/publish.log"; fail "dotnet publish failed"; }
[ -f "$app/FlinkSearch.dll" ] || fail "FlinkSearch.dll missing from the published folder"
[ -f "$app/appsettings.json" ] || fail "appsettings.json missing from the published folder"
ls "$app"/defaults/sources/*.md >/dev/null 2>&1 || fail "the source lists are not shipped under defaults/sources"

# As the Dockerfile: the app folder is read-only for the app's user; index-data/ (the volume) is its own, seeded.
mkdir -p "$app/index-data" "$work/home"
cp -r "$app/defaults/sources" "$app/index-data/sources"
chmod -R a+rX,go-w "$work"
chown -R "$uid:$gid" "$app/index-data" "$work/home"

echo "layout: starting the published app as $user from its folder"
(cd "$app" && exec setpriv --reuid="$uid" --regid="$gid" --clear-groups \
  env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$work/home" DOTNET_CLI_TELEMETRY_OPTOUT=1 \
  ASPNETCORE_URLS=http://127.0.0.1:0 Logging__Console__FormatterName=json dotnet FlinkSearch.dll) >"$log" 2>&1 &
server_pid=$!

port=""
for _ in $(seq 1 600); do
  port=$(grep -aoE 'Now listening on: http://127\.0\.0\.1:[0-9]+' "$log" | head -n1 | sed 's/.*://') || true
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || fail "the app exited during start-up"
  sleep 0.2
done
[ -n "$port" ] || fail "the app did not report a listening address"
base="http://127.0.0.1:$port"

ready=""
for _ in $(seq 1 600); do
  if curl -sf "$base/health/ready" >/dev/null; then ready=1; break; fi
  kill -0 "$server_pid" 2>/dev/null || fail "the app exited before it was ready"
  sleep 0.2
done
[ -n "$ready" ] || fail "/health/ready did not answer 200 within 120 s"

body=$(curl -sf "$base/search?q=checkpoint") || fail "GET /search failed"
grep -qE '"total":[1-9]' <<<"$body" || fail "GET /search?q=checkpoint found nothing: ${body:0:200}"
# Whole bodies first: `curl | grep -q` can end in SIGPIPE, which pipefail would report as a failure.
openapi=$(curl -sf "$base/openapi/v1.json") || fail "GET /openapi/v1.json failed"
grep -qE '"openapi": *"3\.' <<<"$openapi" || fail "GET /openapi/v1.json is not an OpenAPI 3 document"
metrics=$(curl -sf "$base/metrics") || fail "GET /metrics failed"
grep -q '^flinksearch_search_duration_seconds_count' <<<"$metrics" || fail "GET /metrics lacks the search latency histogram"
status=$(curl -s -o /dev/null -w '%{http_code}' "$base/search?q=$(head -c 9000 /dev/zero | tr '\0' a)")
[ "$status" = 414 ] || fail "a 9 KB request line answered $status instead of 414"
# The page and the embeddable widget from the published static assets: the loader names a version folder whose entry
# module and the modules it imports are served (compressed when asked) and cached for a year.
page=$(curl -sf "$base/") || fail "GET / failed"
grep -q '<flink-search' <<<"$page" || fail "GET / is not the search page"
loader=$(curl -sf "$base/embed.js") || fail "GET /embed.js failed"
entry=$(grep -oE 'widget/[0-9a-f]{16}/flink-search\.js' <<<"$loader") || fail "/embed.js names no versioned entry module"
for module in "$entry" "${entry%/*}/layout.js" "${entry%/*}/limits.js" "${entry%/*}/flink-search.css"; do
  headers=$(curl -sf -o /dev/null -D - -H 'Accept-Encoding: br, gzip' "$base/$module") || fail "GET /$module failed"
  grep -qi '^cache-control: .*immutable' <<<"$headers" || fail "/$module is not cached as immutable: $headers"
done
[ -d "$app/index-data/index" ] || fail "no index was written to index-data/"
# The image logs JSON (Logging__Console__FormatterName=json): one JSON object per line.
non_json=$(grep -avc '^{' "$log" || true)
[ "$non_json" = 0 ] || fail "$non_json log lines are not JSON objects"
[ "$(stat -c %u "$app/index-data/index")" = "$uid" ] || fail "index-data/index is not owned by the app's user"

# The HEALTHCHECK of the image: the app's own verb, with the port from ASPNETCORE_HTTP_PORTS as in the container.
(cd "$app" && as_app_user ASPNETCORE_HTTP_PORTS="$port" dotnet FlinkSearch.dll healthcheck) >/dev/null || fail "the healthcheck verb reported the running app unhealthy"

kill -TERM "$server_pid"
stopped=""
for _ in $(seq 1 150); do
  if ! kill -0 "$server_pid" 2>/dev/null; then stopped=1; break; fi
  sleep 0.2
done
[ -n "$stopped" ] || fail "the app did not stop within 30 s of SIGTERM"
wait "$server_pid" && code=0 || code=$?
server_pid=""
[ "$code" = 0 ] || fail "the app exited with $code on SIGTERM"
if (cd "$app" && as_app_user ASPNETCORE_HTTP_PORTS="$port" dotnet FlinkSearch.dll healthcheck) >/dev/null 2>&1; then
  fail "the healthcheck verb reported a stopped app healthy"
fi

echo "layout: ok: published app ran as $user from its folder on port $port, served the page and widget, searched, described, measured, healthchecked and stopped ($(( $(date +%s) - started )) s)"
