#include <doctest/doctest.h>

#include <vector>

#include "slack/slack_signature.h"

namespace bot {
namespace {

// Slack's documented example ("Verifying requests from Slack").
const char kSecret[] = "8f742231b10e8888abcd99yyyzzz85a5";
const char kTimestamp[] = "1531420618";
const char kBody[] =
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id="
    "G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-"
    "collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%"
    "2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121."
    "803a0bc887a14d10d2c447fce8b6703c";
const char kExpected[] = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
const int64_t kThenMs = 1531420618LL * 1000;

TEST_CASE("SlackSignature reproduces Slack's documented example") {
  CHECK(SlackSignature(kSecret, kTimestamp, kBody) == kExpected);
  CHECK(VerifySlackSignature(kSecret, kTimestamp, kExpected, kBody, kThenMs) == std::nullopt);
}

TEST_CASE("VerifySlackSignature rejects forged, stale and incomplete requests") {
  const Error missing{ErrorKind::kUnauthorized, "invalid_signature",
                      "X-Slack-Request-Timestamp and X-Slack-Signature headers are required", ""};
  const Error mismatch{ErrorKind::kUnauthorized, "invalid_signature", "X-Slack-Signature does not match the request", ""};
  const Error stale{ErrorKind::kUnauthorized, "stale_request",
                    "X-Slack-Request-Timestamp is more than 5 minutes from the server's clock", ""};
  const Error not_seconds{ErrorKind::kUnauthorized, "invalid_signature", "X-Slack-Request-Timestamp must be Unix seconds", ""};
  struct Case {
    const char* name;
    std::string timestamp, signature, body;
    int64_t now_ms;
    MaybeError expected;
  };
  const std::string flipped = std::string(kExpected).substr(0, 66) + "0";
  const std::vector<Case> cases = {
      {"genuine, 5 minutes late", kTimestamp, kExpected, kBody, kThenMs + 300 * 1000, std::nullopt},
      {"genuine, 5 minutes early", kTimestamp, kExpected, kBody, kThenMs - 300 * 1000, std::nullopt},
      {"wrong signature", kTimestamp, flipped, kBody, kThenMs, mismatch},
      {"body changed", kTimestamp, kExpected, std::string(kBody) + "&x=1", kThenMs, mismatch},
      {"wrong secret's signature", kTimestamp, SlackSignature("other", kTimestamp, kBody), kBody,
       kThenMs, mismatch},
      {"no v0= prefix", kTimestamp, std::string(kExpected).substr(3), kBody, kThenMs, mismatch},
      {"stale: 301 s old", kTimestamp, kExpected, kBody, kThenMs + 301 * 1000, stale},
      {"future: 301 s ahead", kTimestamp, kExpected, kBody, kThenMs - 301 * 1000, stale},
      {"missing timestamp", "", kExpected, kBody, kThenMs, missing},
      {"missing signature", kTimestamp, "", kBody, kThenMs, missing},
      {"timestamp not a number", "15314x0618", kExpected, kBody, kThenMs, not_seconds},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    CHECK(VerifySlackSignature(kSecret, c.timestamp, c.signature, c.body, c.now_ms) == c.expected);
  }
}

}  // namespace
}  // namespace bot
