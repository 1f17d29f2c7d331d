-- wrk script: sends the callbacks that dev.smstrack.bench.SignedRequests signed ahead, each once.
--   wrk -t THREADS -c CONNECTIONS -d SECONDS -s bench/wrk/signed-callbacks.lua URL -- FILE THREADS
-- Each thread takes every THREADS-th line of FILE and stops when it has sent them all; it then
-- leaves FILE.done.<thread> behind, since wrk itself runs until SECONDS are up or it gets SIGINT.
-- At the end it prints the same summary lines as LoadGenerator.

local created = 0
function setup(thread)
    thread:set("id", created)
    created = created + 1
end

local requests = {}
local next_request = 0
local done_marker

function init(args)
    local file, threads = args[1], tonumber(args[2])
    done_marker = file .. ".done." .. id
    local line_number = 0
    for line in io.lines(file) do
        if line_number % threads == id then
            local nonce, timestamp, signature, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
            requests[#requests + 1] = wrk.format("POST", nil, {
                ["Content-Type"] = "application/json",
                ["x-sinch-webhook-signature"] = signature,
                ["x-sinch-webhook-signature-algorithm"] = "HmacSHA256",
                ["x-sinch-webhook-signature-nonce"] = nonce,
                ["x-sinch-webhook-signature-timestamp"] = timestamp,
            }, body)
        end
        line_number = line_number + 1
    end
end

function request()
    next_request = next_request + 1
    if next_request > #requests then
        if next_request == #requests + 1 then
            io.open(done_marker, "w"):close()
        end
        wrk.thread:stop()
        return requests[#requests]
    end
    return requests[next_request]
end

function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local failed = summary.errors.status
    local unanswered = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    local accepted = summary.requests - failed
    io.write(string.format("requests %d, accepted (2xx) %d = %.0f/s, no answer %d, error answers %d\n",
        summary.requests, accepted, accepted / seconds, unanswered, failed))
    io.write(string.format("latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f\n",
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000))
end
