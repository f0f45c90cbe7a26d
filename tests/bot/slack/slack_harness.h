// SlackHarness: the Slack integration wired as serve wires it (real SQLite store and queue, the
// session service with the completion notice, real HTTP client pointed at a FakeSlackServer, real
// routes on port 0 through cli/wiring.h) but with a FakeClock and the worker driven by RunOnce()
// from the test. Destroying and re-creating it on the same database file is a restart. Not
// thread-safe itself.
#ifndef TESTS_BOT_SLACK_SLACK_HARNESS_H_
#define TESTS_BOT_SLACK_SLACK_HARNESS_H_

#include <httplib.h>

#include <memory>
#include <string>
#include <thread>

#include "core/completion_notice.h"
#include "core/session_service.h"
#include "fakes/fake_clock.h"
#include "fakes/fake_slack_server.h"
#include "http/http_server.h"
#include "slack/outbox_sender.h"
#include "slack/slack_config.h"
#include "slack/slack_conversation.h"
#include "slack/slack_routes.h"
#include "slack/slack_worker.h"
#include "store/sqlite_delivery_queue.h"

#include "server_thread.h"

namespace bot {

constexpr char kTestSigningSecret[] = "test-signing-secret";

// A fresh SQLite file path in a per-process temporary directory.
std::string TempDbPath();

// Slack configured against `fake`: the test signing secret, a bot token, the fake's API and
// https://bot.example as the public base URL.
SlackConfig ConfiguredFor(const FakeSlackServer& fake);

class SlackHarness {
 public:
  // `config.api_base_url` is usually fake.base_url() + "/api".
  // `rate_per_minute` 0: no rate limit.
  SlackHarness(const std::string& db_path, SlackConfig config, int rate_per_minute = 0);

  // Signed with kTestSigningSecret at the fake clock's time (or `timestamp` when given).
  httplib::Result PostSigned(const std::string& path, const std::string& body,
                             const std::string& content_type, const std::string& timestamp = "");
  httplib::Result PostCommand(const std::string& text, const std::string& response_url,
                              const std::string& trigger_id);
  httplib::Result PostEvent(const nlohmann::json& body);
  httplib::Result PostInteraction(const nlohmann::json& payload);
  // Runs the worker until a pass handles nothing.
  void Drain();
  // The inbox's unprocessed deliveries, the user's active session id ("" when none), a session.
  std::vector<InboxItem> Pending();
  std::string ActiveSession(const std::string& slack_user);
  Session Load(const std::string& id);

  FakeClock& clock() { return clock_; }
  SqliteStore& store() { return *store_; }
  SqliteDeliveryQueue& queue() { return *queue_; }
  SessionService& sessions() { return *sessions_; }
  SlackConversation& conversation() { return *conversation_; }
  SlackWorker& worker() { return *worker_; }
  int port() const { return running_->port(); }

 private:
  rubric::Bank bank_;
  std::unique_ptr<rubric::Scorer> scorer_;
  FakeClock clock_;
  SecureRandom random_;
  Metrics metrics_;
  RateLimiter limiter_;
  SlackConfig config_;
  std::unique_ptr<Interview> interview_;
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<SqliteDeliveryQueue> queue_;
  HttplibPoster poster_;
  std::unique_ptr<HttpSlackClient> client_;
  std::unique_ptr<CompletionNotice> notice_;
  std::unique_ptr<SessionService> sessions_;
  std::unique_ptr<SlackConversation> conversation_;
  std::unique_ptr<OutboxSender> sender_;
  std::unique_ptr<SlackWorker> worker_;
  std::unique_ptr<SlackRoutes> routes_;
  std::unique_ptr<HttpServer> http_;
  GuardedServer server_;
  std::unique_ptr<ServerThread> running_;  // last: stops before the members it uses
};

}  // namespace bot

#endif  // TESTS_BOT_SLACK_SLACK_HARNESS_H_
