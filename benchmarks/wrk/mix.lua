-- Cycles through one series of requests (wrk ... -s mix.lua -- SERIES):
--   mix (the default)  seven allowed requests, one for each kind of client the sample serves
--   app                /app/hello from a current app that also sends an API version and a
--                      current browser's agent, as a new user's first try would
--   pass               / from current browsers: no rule that reads a header applies
--   rejected           five requests that each get a 426
-- Every request is built once, in init. Counts the answers whose status is not the expected
-- one (200, or 426) and prints "unexpected statuses: N".

local chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
local firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
local safari = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"
local oldChrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/100.0.4896.75 Safari/537.36"

local requests = {}
local n = 0
local expected = 200
unexpected = 0
local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	local h = function(t) return t end
	local series = args[1] or "mix"
	if series == "rejected" then
		expected = 426
		requests = {
			wrk.format("GET", "/api/hello", h { ["User-Agent"] = "curl/8.11.0", ["API-Version"] = "1" }),
			wrk.format("GET", "/app/hello", h { ["User-Agent"] = "okhttp/4.12.0", ["X-App-Platform"] = "android", ["X-App-Version"] = "4.9.0" }),
			wrk.format("GET", "/web/", h { ["User-Agent"] = oldChrome, ["Accept"] = "text/html" }),
			wrk.format("GET", "/h2/hello", h { ["User-Agent"] = "curl/8.11.0" }),
			wrk.format("GET", "/secure/hello", h { ["User-Agent"] = firefox }),
		}
	elseif series == "app" then
		requests = {
			wrk.format("GET", "/app/hello", h { ["User-Agent"] = chrome, ["X-App-Platform"] = "ios", ["X-App-Version"] = "5.3.1", ["API-Version"] = "2" }),
			wrk.format("GET", "/app/hello", h { ["User-Agent"] = firefox, ["X-App-Platform"] = "android", ["X-App-Version"] = "5.4.0", ["API-Version"] = "2" }),
			wrk.format("GET", "/app/hello", h { ["User-Agent"] = safari, ["X-App-Platform"] = "ios", ["X-App-Version"] = "6.0.2", ["API-Version"] = "2" }),
		}
	elseif series == "pass" then
		requests = {
			wrk.format("GET", "/", h { ["User-Agent"] = chrome }),
			wrk.format("GET", "/", h { ["User-Agent"] = firefox }),
			wrk.format("GET", "/", h { ["User-Agent"] = safari }),
		}
	elseif series == "mix" then
		requests = {
			wrk.format("GET", "/", h { ["User-Agent"] = chrome }),
			wrk.format("GET", "/api/hello", h { ["User-Agent"] = "curl/8.11.0", ["API-Version"] = "2" }),
			wrk.format("GET", "/app/hello", h { ["User-Agent"] = "okhttp/4.12.0", ["X-App-Platform"] = "ios", ["X-App-Version"] = "5.3.1" }),
			wrk.format("GET", "/web/", h { ["User-Agent"] = chrome, ["Accept"] = "text/html" }),
			wrk.format("GET", "/web/", h { ["User-Agent"] = firefox, ["Accept"] = "text/html" }),
			wrk.format("GET", "/web/", h { ["User-Agent"] = safari, ["Accept"] = "text/html" }),
			wrk.format("GET", "/beta/hello", h { ["User-Agent"] = "ExampleApp/6.1.0 (Android 15)" }),
		}
	else
		error("unknown series: " .. series)
	end
end

function request()
	n = n % #requests + 1
	return requests[n]
end

function response(status, headers, body)
	if status ~= expected then
		unexpected = unexpected + 1
	end
end

function done(summary, latency, requests)
	local total = 0
	for _, thread in ipairs(threads) do
		total = total + thread:get("unexpected")
	end
	io.write(string.format("unexpected statuses: %d\n", total))
end
