// Verification of Slack's request signatures ("Verifying requests from Slack"): X-Slack-Signature
// must be "v0=" + hex HMAC-SHA256(signing secret, "v0:{timestamp}:{raw body}") and the timestamp
// within five minutes of now. Pure; thread-safe.
#ifndef BOT_SLACK_SLACK_SIGNATURE_H_
#define BOT_SLACK_SLACK_SIGNATURE_H_

#include <cstdint>
#include <string>

#include "core/error.h"

namespace bot {

constexpr int64_t kSlackMaxSkewSeconds = 5 * 60;

std::string SlackSignature(const std::string& secret, const std::string& timestamp,
                           const std::string& body);

// An unauthorized Error (code "invalid_signature" or "stale_request") unless the request is genuine
// and fresh.
// `timestamp` and `signature` are the header values, "" when absent.
MaybeError VerifySlackSignature(const std::string& secret, const std::string& timestamp,
                                const std::string& signature, const std::string& body,
                                int64_t now_ms);

}  // namespace bot

#endif  // BOT_SLACK_SLACK_SIGNATURE_H_
