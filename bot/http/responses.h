// How the HTTP layer answers: JSON bodies with Cache-Control: no-store, and errors as
// {"error": {"code", "message", "field"}} (docs/api.md). StatusFor is the one place where an Error's
// kind becomes a status code. Pure functions; thread-safe.
#ifndef BOT_HTTP_RESPONSES_H_
#define BOT_HTTP_RESPONSES_H_

#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/error.h"

namespace bot {

int StatusFor(ErrorKind kind);

void SendJson(httplib::Response& res, int status, const nlohmann::json& body);
void SendError(httplib::Response& res, const Error& error);
// The HTTP layer's own rejections, which no other layer makes (405, 411, 415, 429, a request
// httplib could not parse): the status is given, the field is "".
void SendError(httplib::Response& res, int status, const std::string& code, const std::string& message);

}  // namespace bot

#endif  // BOT_HTTP_RESPONSES_H_
