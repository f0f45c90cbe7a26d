-- A chat turn: answers posted to interviews created beforehand (SESSIONS_FILE, one id per line),
-- round-robin, so concurrent connections rarely share a session; every answer is scored and
-- committed before its reply. Each interview is question 4 alone, which the answer is written for:
-- two turns (the answer, then the answer to its follow-up, which ends the interview).
local answer_body
local sessions = {}
local next_index = 1

function init(args)
  local f = io.open(os.getenv("ANSWER_FILE") or "answer.txt", "r")
  local answer = f:read("*a")
  f:close()
  answer = answer:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("\n", "\\n")
  answer_body = '{"text": "' .. answer .. '"}'
  for line in io.lines(os.getenv("SESSIONS_FILE")) do sessions[#sessions + 1] = line end
  -- Each wrk thread starts at its own offset so threads do not march in step.
  next_index = (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % #sessions + 1
end

function request()
  local id = sessions[next_index]
  next_index = next_index % #sessions + 1
  return wrk.format("POST", "/api/sessions/" .. id .. "/messages",
                    {["Content-Type"] = "application/json"}, answer_body)
end
