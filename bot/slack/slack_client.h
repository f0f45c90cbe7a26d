// SlackClient: the Slack Web API calls the bot makes (auth.test, chat.postMessage,
// conversations.open) and posts to a slash command's response_url. HttpSlackClient is the real one
// over an HttpPoster, with the bot token as a Bearer header and a configurable API base URL; it
// turns HTTP 429 + Retry-After, other HTTP failures and `ok: false` into a SlackResult. Thread-safe.
#ifndef BOT_SLACK_SLACK_CLIENT_H_
#define BOT_SLACK_SLACK_CLIENT_H_

#include <string>

#include <nlohmann/json.hpp>

#include "slack/http_poster.h"

namespace bot {

struct SlackResult {
  bool ok = false;
  bool retryable = false;        // worth another attempt later (429, 5xx, no answer)
  int retry_after_seconds = -1;  // from a 429
  std::string error;             // "" when ok
  nlohmann::json body;           // Slack's answer (API methods)
};

class SlackClient {
 public:
  virtual ~SlackClient() = default;
  // An API method with a JSON body: "auth.test", "chat.postMessage", "conversations.open".
  virtual SlackResult Call(const std::string& method, const nlohmann::json& body) = 0;
  virtual SlackResult PostToResponseUrl(const std::string& url, const nlohmann::json& body) = 0;
};

class HttpSlackClient : public SlackClient {
 public:
  HttpSlackClient(HttpPoster& poster, std::string api_base_url, std::string bot_token)
      : poster_(poster), base_(std::move(api_base_url)), token_(std::move(bot_token)) {}
  SlackResult Call(const std::string& method, const nlohmann::json& body) override;
  SlackResult PostToResponseUrl(const std::string& url, const nlohmann::json& body) override;

 private:
  HttpPoster& poster_;
  std::string base_, token_;
};

// The failure an HTTP reply stands for, or ok; shared with the webhook sender.
SlackResult ResultOfHttp(const HttpReply& reply);

}  // namespace bot

#endif  // BOT_SLACK_SLACK_CLIENT_H_
