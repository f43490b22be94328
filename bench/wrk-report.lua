-- wrk script for bench/http-load.sh. With PATHS_FILE set, each request is the next line of that file (request paths
-- of the query mix, written by bench/engines.py for one engine), cycling; without it, wrk requests its command-line
-- URL. Either way done() prints one parseable line.
local paths = {}
local file = os.getenv("PATHS_FILE")

if file and file ~= "" then
  for line in io.lines(file) do
    if line ~= "" then table.insert(paths, line) end
  end

  local counter = 0
  request = function()
    counter = counter + 1
    return wrk.format("GET", paths[(counter % #paths) + 1])
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f max_ms=%.3f errors=%d status_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, e.status))
end
