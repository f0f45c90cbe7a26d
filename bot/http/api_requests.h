// The JSON API's request bodies parsed into plain requests: bytes in, a request or an Error naming
// the field at fault out. Pure (no bank, no store, no I/O), so the handlers and the fuzzer
// (fuzz/api_request_fuzzer.cc) run exactly the same code on the same bytes.
#ifndef BOT_HTTP_API_REQUESTS_H_
#define BOT_HTTP_API_REQUESTS_H_

#include <string>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/interview.h"

namespace bot {

// POST /api/score. The question is not looked up here: unknown ids are the handler's 404.
struct ScoreRequest {
  std::string question, answer, follow_up;
  bool has_follow_up = false;
};

// Parses a JSON object; invalid UTF-8 is an Error whose field is the key holding the bad string
// ("track.value"), or "" when the bad bytes are outside any value.
MaybeError ParseJsonObject(const std::string& body, nlohmann::json* out);

// Slack's sessions use client ids "slack-{team}-{user}" (not secret): the web may not use them.
bool IsSlackClientId(const std::string& client_id);
// CheckClientId, and not in Slack's namespace.
MaybeError CheckWebClientId(const std::string& client_id);

MaybeError ParseScoreRequest(const std::string& body, ScoreRequest* out);
// POST /api/sessions: name, client_id and track (defaults to all questions).
MaybeError ParseStartRequest(const std::string& body, StartRequest* out);
// POST /api/sessions/{id}/messages: exactly one of text or command.
MaybeError ParseMessageRequest(const std::string& body, Input* out);

}  // namespace bot

#endif  // BOT_HTTP_API_REQUESTS_H_
