// Any bytes as the body of each JSON API request: the parsers must answer with a request or an
// Error (a 4xx with a code), never throw, crash or return a 5xx; and the error must serialise the
// way SendError does. The first byte picks the parser.
#include <cstdint>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "http/api_requests.h"
#include "http/responses.h"

namespace {

void CheckError(const bot::MaybeError& e) {
  if (!e) return;
  const int status = bot::StatusFor(e->kind);
  if (status < 400 || status > 499 || e->code.empty() || e->message.empty()) std::abort();
  const nlohmann::json body = {{"error", {{"code", e->code}, {"message", e->message},
                                          {"field", e->field}}}};
  // The error text is built from request bytes; it must be valid UTF-8 for the strict dump.
  (void)body.dump();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 3) {
    case 0: {
      bot::ScoreRequest request;
      CheckError(bot::ParseScoreRequest(body, &request));
      break;
    }
    case 1: {
      bot::StartRequest request;
      CheckError(bot::ParseStartRequest(body, &request));
      break;
    }
    default: {
      bot::Input request;
      CheckError(bot::ParseMessageRequest(body, &request));
      break;
    }
  }
  return 0;
}
