-- wrk script for bench/http-load.sh. With QUERIES_FILE set, each request is the next query of the mix against /search
-- (URL-encoded, cycling); without it, wrk requests its command-line URL. Either way done() prints one parseable line.
local queries = {}
local file = os.getenv("QUERIES_FILE")

local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

if file and file ~= "" then
  for line in io.lines(file) do
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local text = line:match("^[^\t]+\t(.+)$")
      if text then table.insert(queries, "/search?q=" .. encode(text)) end
    end
  end

  local counter = 0
  request = function()
    counter = counter + 1
    return wrk.format("GET", queries[(counter % #queries) + 1])
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
