-- The wrk script of `scripts/load wrk` (docs/benchmarks.md): every request picks one line of
-- the file it is given (a header that signs the request in, and a case id or a search) at
-- random, so the 50 connections draw the cases uniformly from all those loaded, each request
-- as the case worker assigned to that case.
--
-- Lines: HEADER-NAME <tab> HEADER-VALUE <tab> CASE-ID or URL-ENCODED QUERY
-- Arguments (after --): FILE KIND, KIND one of summary, words, search.

local lines = {}
local kind = "summary"
local bad = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  kind = args[2] or "summary"
  for line in io.lines(args[1]) do
    local name, value, param = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
    if name then
      table.insert(lines, { name, value, param })
    end
  end
  if #lines == 0 then
    error("no lines in " .. tostring(args[1]))
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
  local l = lines[math.random(#lines)]
  local path
  if kind == "words" then
    path = "/cases/" .. l[3] .. "/words"
  elseif kind == "search" then
    path = "/api/v1/cases?q=" .. l[3]
  else
    path = "/cases/" .. l[3]
  end
  return wrk.format("GET", path, { [l[1]] = l[2] })
end

-- Anything but 200 (a redirect to sign-in, a 404) is an error, and `done` says how many.
function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + (t:get("bad") or 0)
  end
  io.write(string.format("answers other than 200: %d\n", total))
  io.write(string.format("p50 %.1f ms, p99 %.1f ms, %.0f requests/s\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
