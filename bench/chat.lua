-- wrk script of the chat benchmark: every request is a metered chat of one of the signed-up users,
-- taken in turn, so the load spreads over the users' usage accounts as real traffic does.
-- The tokens come from the file named by BENCH_TOKENS (one JWT a line), written by bench/bench.py.

local tokens = {}
local next_token = 0
local body = '{"message":"Write one sentence about metering."}'

function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    tokens[#tokens + 1] = line
  end
  -- each wrk thread starts at its own place in the list
  next_token = math.random(#tokens)
end

function request()
  next_token = next_token % #tokens + 1
  return wrk.format("POST", "/api/ai/chat", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[next_token],
  }, body)
end

function done(summary, latency, requests)
  -- one line wrk's caller parses: the percentiles in microseconds and the errors
  io.write(string.format("BENCH p50=%d p90=%d p99=%d max=%d requests=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
end
