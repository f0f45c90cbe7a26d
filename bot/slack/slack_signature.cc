#include "slack/slack_signature.h"

#include "slack/hmac.h"

namespace bot {

std::string SlackSignature(const std::string& secret, const std::string& timestamp,
                           const std::string& body) {
  return "v0=" + HmacSha256Hex(secret, "v0:" + timestamp + ":" + body);
}

MaybeError VerifySlackSignature(const std::string& secret, const std::string& timestamp,
                                const std::string& signature, const std::string& body,
                                int64_t now_ms) {
  if (timestamp.empty() || signature.empty()) {
    return Error{ErrorKind::kUnauthorized, "invalid_signature",
                 "X-Slack-Request-Timestamp and X-Slack-Signature headers are required", ""};
  }
  if (timestamp.size() > 12 || timestamp.find_first_not_of("0123456789") != std::string::npos) {
    return Error{ErrorKind::kUnauthorized, "invalid_signature", "X-Slack-Request-Timestamp must be Unix seconds", ""};
  }
  const int64_t skew = std::stoll(timestamp) - now_ms / 1000;
  if (skew > kSlackMaxSkewSeconds || skew < -kSlackMaxSkewSeconds) {
    return Error{ErrorKind::kUnauthorized, "stale_request",
                 "X-Slack-Request-Timestamp is more than 5 minutes from the server's clock", ""};
  }
  // Computed before comparing, so a wrong signature and a malformed one take the same time.
  if (!ConstantTimeEquals(SlackSignature(secret, timestamp, body), signature)) {
    return Error{ErrorKind::kUnauthorized, "invalid_signature", "X-Slack-Signature does not match the request", ""};
  }
  return std::nullopt;
}

}  // namespace bot
