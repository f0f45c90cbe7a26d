// SlackService: the Slack integration and completion webhooks assembled for serve: the delivery
// queue on the session database, the real HTTP clients, the inbound routes and the worker thread.
// Built once on the main thread; Start()/Stop() bracket the worker. The parts it hands out are
// thread-safe as documented in their headers.
#ifndef BOT_SLACK_SLACK_SERVICE_H_
#define BOT_SLACK_SLACK_SERVICE_H_

#include <memory>
#include <string>

#include "slack/completion_webhooks.h"
#include "slack/http_poster.h"
#include "slack/outbox_sender.h"
#include "slack/slack_client.h"
#include "slack/slack_config.h"
#include "slack/slack_conversation.h"
#include "slack/slack_routes.h"
#include "slack/slack_worker.h"
#include "store/sqlite_delivery_queue.h"

namespace bot {

class SlackService {
 public:
  SlackService(SlackConfig config, const Interview& interview, SqliteStore& store, const Clock& clock);

  CompletionListener& completion() { return completion_; }
  void Install(httplib::Server* server) { routes_.Install(server); }
  void UseSessionLocks(HttpServer& http) {
    conversation_.SetSessionLocks([&http](const std::string& id) -> std::mutex& { return http.LockFor(id); });
  }
  // Used for links in Slack and webhooks unless PUBLIC_BASE_URL is set.
  void SetDefaultBaseUrl(const std::string& url);
  // One line for the start-up log: what is enabled (never a secret).
  std::string Describe() const;
  void Start() { worker_.Start(); }
  void Stop() { worker_.Stop(); }

 private:
  SlackConfig config_;
  SqliteDeliveryQueue queue_;
  HttplibPoster poster_;
  HttpSlackClient client_;
  CompletionWebhooks completion_;
  SlackConversation conversation_;
  OutboxSender sender_;
  SlackWorker worker_;
  SlackRoutes routes_;
};

}  // namespace bot

#endif  // BOT_SLACK_SLACK_SERVICE_H_
