-- POST /api/score with a 300-word answer to question 4.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open(os.getenv("ANSWER_FILE") or "answer.txt", "r")
local answer = f:read("*a")
f:close()
answer = answer:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("\n", "\\n")
wrk.body = '{"question": 4, "answer": "' .. answer .. '"}'
