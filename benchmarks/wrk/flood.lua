-- Sends requests whose paths are all distinct (wrk ... -s flood.lua -- FIRST LIMIT): in turn
-- /app/items/ID (the app-version rule reads three headers), /web/items/ID (the browser rule)
-- and /api/items/ID (the API-version rule), which the sample answers with 200, each ID used
-- once, so that nothing a server keeps per path is ever reused; the IDs start at FIRST, so
-- that runs one after the other stay distinct. After LIMIT requests it sends / again and
-- again. Prints "distinct paths: N".

local chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
local first = 0
local limit = 1000000
n = 0
local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	first = tonumber(args[1] or first)
	limit = tonumber(args[2] or limit)
end

function request()
	if n >= limit then
		return wrk.format("GET", "/", { ["User-Agent"] = chrome })
	end
	n = n + 1
	local id = first + n
	local kind = id % 3
	if kind == 0 then
		return wrk.format("GET", "/app/items/" .. id, { ["User-Agent"] = chrome, ["X-App-Platform"] = "ios", ["X-App-Version"] = "5.3.1" })
	elseif kind == 1 then
		return wrk.format("GET", "/web/items/" .. id, { ["User-Agent"] = chrome, ["Accept"] = "text/html,*/*;q=0.8" })
	end
	return wrk.format("GET", "/api/items/" .. id, { ["User-Agent"] = chrome, ["API-Version"] = "2" })
end

function done(summary, latency, requests)
	local total = 0
	for _, thread in ipairs(threads) do
		total = total + thread:get("n")
	end
	io.write(string.format("distinct paths: %d\n", total))
end
