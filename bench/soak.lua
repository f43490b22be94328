-- wrk script for bench/soak.sh: rotates through real queries and pages, counts answers by status class per thread.
local queries = {
  "checkpoint", "%E7%AA%97%E5%8F%A3", "flink", "%E7%8A%B6%E6%80%81", "exactly-once", "watermark", "%E8%83%8C%E5%8E%8B",
  "kafka", "sql", "%22%E6%BB%9A%E5%8A%A8%E7%AA%97%E5%8F%A3%22", "checkpoint~", "chec*", "%E6%97%B6%E9%97%B4%20%E8%AF%AD%E4%B9%89",
  "state%20backend", "cep", "join", "%E5%8F%8C%E6%B5%81%20join", "rocksdb", "savepoint", "table%20api",
}
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  n = id * 7
  ok, c4xx, c5xx, other = 0, 0, 0, 0
  codes = ""  -- every status other than 200, in order ("408 503 ..."), to say which
end

function request()
  n = n + 1
  local q = queries[(n % #queries) + 1]
  local page = (n % 5) + 1
  local size = 5 + (n % 3) * 5
  return wrk.format("GET", "/search?q=" .. q .. "&page=" .. page .. "&size=" .. size)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1; return end
  if status >= 500 then c5xx = c5xx + 1
  elseif status >= 400 then c4xx = c4xx + 1
  else other = other + 1 end
  if #codes < 200 then codes = codes .. status .. " " end
end

function done(summary, latency, requests)
  local t = { ok = 0, c4xx = 0, c5xx = 0, other = 0 }
  local codes = ""
  for _, thread in ipairs(threads) do
    for key, _ in pairs(t) do t[key] = t[key] + thread:get(key) end
    codes = codes .. thread:get("codes")
  end
  if #codes > 0 then io.write("soak: statuses other than 200 (first ones): " .. codes .. "\n") end
  io.write(string.format("soak: status 200=%d 4xx=%d 5xx=%d other=%d, socket errors connect=%d read=%d write=%d timeout=%d\n",
    t.ok, t.c4xx, t.c5xx, t.other, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("soak: latency p50=%.2f ms p99=%.2f ms max=%.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  local f = io.open(os.getenv("SOAK_COUNTS") or "/dev/null", "w")
  f:write(string.format("%d %d %d %d %d\n", t.ok, t.c4xx, t.c5xx, t.other,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  f:close()
end
