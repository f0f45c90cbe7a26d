// SlackConfig: the Slack and completion-webhook settings, read from the environment (secrets never
// come from flags or files). A value type; thread-safe once built.
#ifndef BOT_SLACK_SLACK_CONFIG_H_
#define BOT_SLACK_SLACK_CONFIG_H_

#include <functional>
#include <string>
#include <vector>

namespace bot {

struct SlackConfig {
  std::string signing_secret, bot_token;
  std::string api_base_url = "https://slack.com/api";
  std::string public_base_url;  // absolute links in Slack ("http://localhost:PORT" when unset)
  std::vector<std::string> webhook_urls;
  std::string webhook_secret;

  // Slack routes work only with both the signing secret and the bot token.
  bool slack_enabled() const { return !signing_secret.empty() && !bot_token.empty(); }
};

// `lookup` returns the variable's value or "" (std::getenv in serve, a map in tests).
SlackConfig SlackConfigFromEnv(const std::function<std::string(const char*)>& lookup);

}  // namespace bot

#endif  // BOT_SLACK_SLACK_CONFIG_H_
