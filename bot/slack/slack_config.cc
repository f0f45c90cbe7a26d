#include "slack/slack_config.h"

namespace bot {
namespace {

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string WithoutTrailingSlash(std::string s) {
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace

SlackConfig SlackConfigFromEnv(const std::function<std::string(const char*)>& lookup) {
  SlackConfig c;
  c.signing_secret = lookup("SLACK_SIGNING_SECRET");
  c.bot_token = lookup("SLACK_BOT_TOKEN");
  if (std::string base = lookup("SLACK_API_BASE_URL"); !base.empty()) {
    c.api_base_url = WithoutTrailingSlash(base);
  }
  c.public_base_url = WithoutTrailingSlash(lookup("PUBLIC_BASE_URL"));
  const std::string urls = lookup("COMPLETION_WEBHOOK_URLS");
  size_t start = 0;
  while (start <= urls.size()) {
    const size_t comma = urls.find(',', start);
    const std::string url = Trim(urls.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (!url.empty()) c.webhook_urls.push_back(url);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  c.webhook_secret = lookup("COMPLETION_WEBHOOK_SECRET");
  return c;
}

}  // namespace bot
