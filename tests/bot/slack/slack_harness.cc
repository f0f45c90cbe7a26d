#include "bot/slack/slack_harness.h"

#include <doctest/doctest.h>

#include <atomic>

#include "cli/wiring.h"
#include "slack/report_link.h"
#include "slack/slack_signature.h"
#include "temp_path.h"

namespace bot {

std::string TempDbPath() {
  static std::atomic<int> n{0};
  return TempPath("slack-db" + std::to_string(n++) + ".sqlite");
}

SlackConfig ConfiguredFor(const FakeSlackServer& fake) {
  SlackConfig c;
  c.signing_secret = kTestSigningSecret;
  c.bot_token = "xoxb-test";
  c.api_base_url = fake.base_url() + "/api";
  c.public_base_url = "https://bot.example";
  return c;
}

SlackHarness::SlackHarness(const std::string& db_path, SlackConfig config, int rate_per_minute)
    : limiter_(clock_, rate_per_minute, std::max(1, rate_per_minute / 3)), config_(std::move(config)) {
  rubric::Status status;
  bank_ = *rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status);
  scorer_ = rubric::Scorer::Compile(bank_, &status);
  interview_ = std::make_unique<Interview>(*scorer_, clock_, random_);
  std::string error;
  store_ = SqliteStore::Open(db_path, 4, &error);
  REQUIRE_MESSAGE(store_, error);
  queue_ = std::make_unique<SqliteDeliveryQueue>(*store_);
  client_ = std::make_unique<HttpSlackClient>(poster_, config_.api_base_url, config_.bot_token);
  notice_ = std::make_unique<CompletionNotice>(bank_, config_.webhook_urls, config_.public_base_url);
  sessions_ = std::make_unique<SessionService>(*interview_, *store_, notice_.get());
  conversation_ = std::make_unique<SlackConversation>(*sessions_, config_.public_base_url,
                                                      ReportLinkKey(config_.signing_secret));
  SlackClient* slack = config_.slack_enabled() ? client_.get() : nullptr;
  sender_ = std::make_unique<OutboxSender>(*queue_, slack, poster_, config_.webhook_secret, clock_);
  worker_ = std::make_unique<SlackWorker>(*queue_, slack ? conversation_.get() : nullptr, slack,
                                          *sender_, clock_);
  routes_ = std::make_unique<SlackRoutes>(config_, *queue_, clock_, nullptr);
  ServerConfig server_config;
  server_config.report_token_valid = ReportTokenCheck(config_.signing_secret);
  http_ = std::make_unique<HttpServer>(ServerDeps{*sessions_, metrics_, limiter_}, server_config);
  AddSlackRoutes(*http_, *routes_, limiter_);
  http_->Install(&server_);
  running_ = std::make_unique<ServerThread>(server_);
}

httplib::Result SlackHarness::PostSigned(const std::string& path, const std::string& body,
                                         const std::string& content_type,
                                         const std::string& timestamp) {
  const std::string ts = timestamp.empty() ? std::to_string(clock_.NowMs() / 1000) : timestamp;
  httplib::Client client("127.0.0.1", running_->port());
  client.set_read_timeout(10, 0);
  return client.Post(path.c_str(),
                     {{"X-Slack-Request-Timestamp", ts},
                      {"X-Slack-Signature", SlackSignature(kTestSigningSecret, ts, body)}},
                     body, content_type.c_str());
}

httplib::Result SlackHarness::PostCommand(const std::string& text, const std::string& response_url,
                                          const std::string& trigger_id) {
  const std::string body = "team_id=T1&user_id=U1&user_name=ada&channel_id=D1&channel_name="
                           "directmessage&command=%2Finterview&text=" +
                           httplib::detail::encode_query_param(text) +
                           "&response_url=" + httplib::detail::encode_query_param(response_url) +
                           "&trigger_id=" + trigger_id;
  return PostSigned("/slack/commands", body, "application/x-www-form-urlencoded");
}

httplib::Result SlackHarness::PostEvent(const nlohmann::json& body) {
  return PostSigned("/slack/events", body.dump(), "application/json");
}

httplib::Result SlackHarness::PostInteraction(const nlohmann::json& payload) {
  return PostSigned("/slack/interactions",
                    "payload=" + httplib::detail::encode_query_param(payload.dump()),
                    "application/x-www-form-urlencoded");
}

void SlackHarness::Drain() {
  for (int i = 0; i < 20; ++i) {
    const int handled = worker_->RunOnce();
    sender_->WaitForWebhooks();
    if (handled == 0) break;
  }
}

std::vector<InboxItem> SlackHarness::Pending() {
  std::vector<InboxItem> items;
  REQUIRE(queue_->PendingInbound(100, &items) == std::nullopt);
  return items;
}

std::string SlackHarness::ActiveSession(const std::string& slack_user) {
  std::string id;
  REQUIRE(store_->ActiveSlackSession(slack_user, &id) == std::nullopt);
  return id;
}

Session SlackHarness::Load(const std::string& id) {
  Session s;
  REQUIRE(store_->Load(id, &s) == std::nullopt);
  return s;
}

}  // namespace bot
