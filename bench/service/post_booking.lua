-- wrk script: POST /v2/bookings with a unique Idempotency-Key per request (every request is a
-- new booking), cycling over the routing references in the file named by $LB_BENCH_REFS.
-- Environment: LB_BENCH_TOKEN (a shipper's API key), LB_BENCH_REFS, LB_BENCH_EQUIPMENT (42G1).
local counter = 0
thread_tag = "0"  -- set per thread by setup()
local refs = {}
local token = os.getenv("LB_BENCH_TOKEN")
local equipment = os.getenv("LB_BENCH_EQUIPMENT") or "42G1"

local threads = {}
function setup(thread)
  thread:set("thread_tag", tostring(#threads + 1) .. "-" .. tostring(os.time()))
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("LB_BENCH_REFS")) do
    if #line > 0 then table.insert(refs, line) end
  end
  assert(#refs > 0, "no routing references in " .. os.getenv("LB_BENCH_REFS"))
end

function request()
  counter = counter + 1
  local ref = refs[(counter % #refs) + 1]
  local body = '{"routingReference":"' .. ref .. '","ISOEquipmentCode":"' .. equipment ..
               '","units":1}'
  return wrk.format("POST", "/v2/bookings", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. thread_tag .. "-" .. counter,
  }, body)
end
