#include "slack/slack_service.h"

#include "slack/report_link.h"

namespace bot {

SlackService::SlackService(SlackConfig config, SessionService& sessions, DeliveryQueue& queue,
                           const Clock& clock)
    : config_(std::move(config)),
      client_(poster_, config_.api_base_url, config_.bot_token),
      conversation_(sessions, config_.public_base_url, ReportLinkKey(config_.signing_secret)),
      sender_(queue, config_.slack_enabled() ? &client_ : nullptr, poster_, config_.webhook_secret,
              clock),
      worker_(queue, config_.slack_enabled() ? &conversation_ : nullptr,
              config_.slack_enabled() ? &client_ : nullptr, sender_, clock),
      routes_(config_, queue, clock, [this] { worker_.Notify(); }) {}

void SlackService::SetDefaultBaseUrl(const std::string& url) {
  if (config_.public_base_url.empty()) conversation_.SetPublicBaseUrl(url);
}

std::string SlackService::Describe() const {
  std::string out = "interview-bot: Slack " +
                    std::string(config_.slack_enabled()
                                    ? "enabled (API " + config_.api_base_url + ")"
                                    : "disabled (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)") +
                    "; " + std::to_string(config_.webhook_urls.size()) + " completion webhook(s)";
  if (!config_.webhook_urls.empty() && config_.webhook_secret.empty()) {
    out += " (unsigned: COMPLETION_WEBHOOK_SECRET is not set)";
  }
  return out + "\n";
}

}  // namespace bot
