// What the tests of the real serve binary send as Slack would, signed with kTestSigningSecret: a
// slash command and a DM event, and the environment that points serve at a FakeSlackServer.
#ifndef TESTS_BOT_CLI_SERVE_SLACK_REQUESTS_H_
#define TESTS_BOT_CLI_SERVE_SLACK_REQUESTS_H_

#include <httplib.h>
#include <stdlib.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot/slack/slack_harness.h"
#include "slack/slack_signature.h"

namespace bot {

// Sets the variables for the child processes started while it lives.
class ScopedEnv {
 public:
  explicit ScopedEnv(std::vector<std::pair<std::string, std::string>> vars) : vars_(std::move(vars)) {
    for (const auto& [k, v] : vars_) setenv(k.c_str(), v.c_str(), 1);
  }
  ~ScopedEnv() {
    for (const auto& kv : vars_) unsetenv(kv.first.c_str());
  }

 private:
  std::vector<std::pair<std::string, std::string>> vars_;
};

inline httplib::Result Signed(int port, const std::string& path, const std::string& body,
                       const std::string& type) {
  const std::string ts = std::to_string(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(10, 0);
  return client.Post(path.c_str(),
                     {{"X-Slack-Request-Timestamp", ts},
                      {"X-Slack-Signature", SlackSignature(kTestSigningSecret, ts, body)}},
                     body, type.c_str());
}

inline httplib::Result Command(int port, const std::string& text, const std::string& response_url,
                        const std::string& trigger) {
  return Signed(port, "/slack/commands",
                "team_id=T1&user_id=U1&user_name=ada&channel_name=directmessage&text=" +
                    httplib::detail::encode_query_param(text) + "&response_url=" +
                    httplib::detail::encode_query_param(response_url) + "&trigger_id=" + trigger,
                "application/x-www-form-urlencoded");
}

inline httplib::Result Dm(int port, const std::string& event_id, const std::string& text) {
  return Signed(port, "/slack/events",
                nlohmann::json{{"type", "event_callback"}, {"team_id", "T1"}, {"event_id", event_id},
                     {"event", {{"type", "message"}, {"channel_type", "im"}, {"channel", "D1"},
                                {"user", "U1"}, {"text", text}, {"ts", "1.0"}}}}
                    .dump(),
                "application/json");
}

}  // namespace bot

#endif  // TESTS_BOT_CLI_SERVE_SLACK_REQUESTS_H_
