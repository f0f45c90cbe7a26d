#include "slack/slack_client.h"

namespace bot {

SlackResult ResultOfHttp(const HttpReply& reply) {
  SlackResult r;
  if (reply.status == 0) {
    r.retryable = true;
    r.error = reply.error;
  } else if (reply.status == 429) {
    r.retryable = true;
    r.retry_after_seconds = reply.retry_after_seconds;
    r.error = "HTTP 429 rate limited";
  } else if (reply.status < 200 || reply.status >= 300) {
    r.retryable = reply.status >= 500 || reply.status == 408;
    r.error = "HTTP " + std::to_string(reply.status);
  } else {
    r.ok = true;
  }
  return r;
}

SlackResult HttpSlackClient::Call(const std::string& method, const nlohmann::json& body) {
  const HttpReply reply = poster_.Post(base_ + "/" + method, {{"Authorization", "Bearer " + token_}},
                                       body.dump(), "application/json; charset=utf-8");
  SlackResult r = ResultOfHttp(reply);
  if (!r.ok) return r;
  r.body = nlohmann::json::parse(reply.body, nullptr, false);
  if (!r.body.is_object() || !r.body.value("ok", false)) {
    r.ok = false;
    const std::string error =
        r.body.is_object() && r.body.contains("error") && r.body["error"].is_string()
            ? r.body["error"].get<std::string>()
            : "malformed answer";
    // Slack's own transient failures; anything else (channel_not_found, invalid_auth) will not heal.
    r.retryable = error == "ratelimited" || error == "internal_error" || error == "service_unavailable";
    r.error = "slack " + method + ": " + error;
  }
  return r;
}

SlackResult HttpSlackClient::PostToResponseUrl(const std::string& url, const nlohmann::json& body) {
  // response_url answers with "ok" as plain text, or a JSON error; only the status matters.
  return ResultOfHttp(poster_.Post(url, {}, body.dump(), "application/json; charset=utf-8"));
}

}  // namespace bot
