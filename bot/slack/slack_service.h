// SlackService: the Slack integration assembled for serve: the real HTTP clients, the inbound
// routes, the conversation (on the session service) and the worker thread that drains the inbox and
// delivers the outbox, completion webhooks included. Built once on the main thread; Start()/Stop()
// bracket the worker. The parts it hands out are thread-safe as documented in their headers.
#ifndef BOT_SLACK_SLACK_SERVICE_H_
#define BOT_SLACK_SLACK_SERVICE_H_

#include <string>

#include "core/delivery_queue.h"
#include "core/session_service.h"
#include "slack/http_poster.h"
#include "slack/outbox_sender.h"
#include "slack/slack_client.h"
#include "slack/slack_config.h"
#include "slack/slack_conversation.h"
#include "slack/slack_routes.h"
#include "slack/slack_worker.h"

namespace bot {

class SlackService {
 public:
  // `queue` is the delivery queue on the sessions' database.
  SlackService(SlackConfig config, SessionService& sessions, DeliveryQueue& queue, const Clock& clock);

  SlackRoutes& routes() { return routes_; }
  // Used for links in Slack unless PUBLIC_BASE_URL is set.
  void SetDefaultBaseUrl(const std::string& url);
  // One line for the start-up log: what is enabled (never a secret).
  std::string Describe() const;
  void Start() { worker_.Start(); }
  void Stop() { worker_.Stop(); }

 private:
  SlackConfig config_;
  HttplibPoster poster_;
  HttpSlackClient client_;
  SlackConversation conversation_;
  OutboxSender sender_;
  SlackWorker worker_;
  SlackRoutes routes_;
};

}  // namespace bot

#endif  // BOT_SLACK_SLACK_SERVICE_H_
