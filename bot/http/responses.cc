#include "http/responses.h"

namespace bot {
namespace {

void SendErrorBody(httplib::Response& res, int status, const std::string& code,
                   const std::string& message, const std::string& field) {
  SendJson(res, status, {{"error", {{"code", code}, {"message", message}, {"field", field}}}});
}

}  // namespace

int StatusFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalid: return 400;
    case ErrorKind::kUnauthorized: return 401;
    case ErrorKind::kNotFound: return 404;
    case ErrorKind::kEnded: return 409;
    case ErrorKind::kConflict: return 409;
    case ErrorKind::kDuplicate: return 409;
    case ErrorKind::kTooLarge: return 413;
    case ErrorKind::kStorage: return 500;
    case ErrorKind::kInternal: return 500;
    case ErrorKind::kUnavailable: return 503;
  }
  return 500;
}

void SendJson(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json");
}

void SendError(httplib::Response& res, const Error& e) {
  SendErrorBody(res, StatusFor(e.kind), e.code, e.message, e.field);
}

void SendError(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  SendErrorBody(res, status, code, message, "");
}

}  // namespace bot
