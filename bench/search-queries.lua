-- wrk script for bench/search.sh: cycles over the search queries in QUERIES_FILE (one per line,
-- already URL-encoded), each wrk thread from its own offset, and prints the 95th percentile
-- latency, which wrk's own --latency table leaves out.
local file = os.getenv("QUERIES_FILE") or error("set QUERIES_FILE")
local queries = {}
for line in io.lines(file) do
  if #line > 0 then queries[#queries + 1] = "/search?q=" .. line end
end
if #queries == 0 then error("no queries in " .. file) end

local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local counter = 0
function init(args)
  counter = ((id or 0) * 31) % #queries
end

function request()
  counter = counter % #queries + 1
  return wrk.format("GET", queries[counter])
end

function done(summary, latency, requests)
  io.write(string.format("p95_ms %.2f\n", latency:percentile(95) / 1000))
  io.write(string.format("p50_ms %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("p99_ms %.2f\n", latency:percentile(99) / 1000))
end
