-- wrk script: cycles over the paths in the file named by PATHS_FILE (one per line), each wrk
-- thread starting at its own offset, so consecutive requests ask for different articles.
local file = os.getenv("PATHS_FILE") or error("set PATHS_FILE")
local paths = {}
for line in io.lines(file) do
  if #line > 0 then paths[#paths + 1] = line end
end
if #paths == 0 then error("no paths in " .. file) end

local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local counter = 0
function init(args)
  counter = ((id or 0) * 7919) % #paths
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
