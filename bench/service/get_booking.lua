-- wrk script: GET /v2/bookings/{reference} as the booking's owner, cycling over the booking
-- references in the file named by $LB_BENCH_BOOKINGS. Environment: LB_BENCH_TOKEN.
local counter = 0
local refs = {}
local token = os.getenv("LB_BENCH_TOKEN")

function init(args)
  for line in io.lines(os.getenv("LB_BENCH_BOOKINGS")) do
    if #line > 0 then table.insert(refs, line) end
  end
  assert(#refs > 0, "no bookings in " .. os.getenv("LB_BENCH_BOOKINGS"))
end

function request()
  counter = counter + 1
  return wrk.format("GET", "/v2/bookings/" .. refs[(counter % #refs) + 1], {
    ["Authorization"] = "Bearer " .. token,
  })
end
