#include <doctest/doctest.h>

#include <map>

#include "slack/slack_config.h"

namespace bot {
namespace {

TEST_CASE("SlackConfigFromEnv reads the variables, splits webhook URLs, trims slashes") {
  const std::map<std::string, std::string> env = {
      {"SLACK_SIGNING_SECRET", "sig"},
      {"SLACK_BOT_TOKEN", "xoxb-1"},
      {"SLACK_API_BASE_URL", "http://127.0.0.1:9/api/"},
      {"PUBLIC_BASE_URL", "https://bot.example/"},
      {"COMPLETION_WEBHOOK_URLS", " https://a.example/x , ,https://hooks.slack.com/services/1 "},
      {"COMPLETION_WEBHOOK_SECRET", "wh"}};
  const SlackConfig c = SlackConfigFromEnv([&](const char* name) {
    auto it = env.find(name);
    return it == env.end() ? std::string() : it->second;
  });
  CHECK(c.signing_secret == "sig");
  CHECK(c.bot_token == "xoxb-1");
  CHECK(c.api_base_url == "http://127.0.0.1:9/api");
  CHECK(c.public_base_url == "https://bot.example");
  CHECK(c.webhook_urls == std::vector<std::string>{"https://a.example/x", "https://hooks.slack.com/services/1"});
  CHECK(c.webhook_secret == "wh");
  CHECK(c.slack_enabled());
}

TEST_CASE("without variables Slack is disabled and the API is slack.com's") {
  const SlackConfig c = SlackConfigFromEnv([](const char*) { return std::string(); });
  CHECK_FALSE(c.slack_enabled());
  CHECK(c.api_base_url == "https://slack.com/api");
  CHECK(c.webhook_urls.empty());
}

}  // namespace
}  // namespace bot
