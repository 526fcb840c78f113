-- Newsletter sign-ups, each with an address no other request used: POST /newsletters/SLUG/signup
-- as the block's script sends it (Accept: application/json). SLUG comes from the environment.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

-- id: set per thread by setup(), so addresses never repeat across threads
function init(args)
  slug = os.getenv("SIGNUP_SLUG")
  run = os.getenv("SIGNUP_RUN") or "r"
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Accept"] = "application/json"
end

function request()
  counter = counter + 1
  local body = "email=bench-" .. run .. "-" .. id .. "-" .. counter .. "%40bench.test&website=&page=%2F"
  return wrk.format("POST", "/newsletters/" .. slug .. "/signup", nil, body)
end
