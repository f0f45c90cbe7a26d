// SlackRoutes: the inbound Slack endpoints (/slack/commands, /slack/events, /slack/interactions).
// Each request's signature is verified first (401, nothing stored, when it fails); a genuine
// delivery is committed to the inbox before the 200 ack and processed later by the worker, so the
// ack never waits on scoring or Slack. Without Slack settings they answer 503. Handlers run on
// httplib's worker threads concurrently; the class holds only thread-safe collaborators.
#ifndef BOT_SLACK_SLACK_ROUTES_H_
#define BOT_SLACK_SLACK_ROUTES_H_

#include <functional>
#include <string>

#include <httplib.h>

#include "core/clock.h"
#include "core/delivery_queue.h"
#include "http/http_server.h"
#include "slack/slack_config.h"

namespace bot {

class SlackRoutes {
 public:
  // `on_stored` wakes the worker after a delivery is stored.
  SlackRoutes(const SlackConfig& config, DeliveryQueue& queue, const Clock& clock,
              std::function<void()> on_stored)
      : config_(config), queue_(queue), clock_(clock), on_stored_(std::move(on_stored)) {}

  // Makes the routes known to the guards and metrics; call before http.Install().
  static void Register(HttpServer& http);
  // Adds the handlers; call after http.Install().
  void Install(httplib::Server* server);

  // Parses and stores one verified delivery; the body Slack expects in the 200 ack, or an Error.
  MaybeError Accept(const std::string& kind, const std::string& body, std::string* ack);

 private:
  void Handle(const std::string& kind, const httplib::Request& req, httplib::Response& res,
              const httplib::ContentReader& reader);

  const SlackConfig& config_;
  DeliveryQueue& queue_;
  const Clock& clock_;
  std::function<void()> on_stored_;
};

}  // namespace bot

#endif  // BOT_SLACK_SLACK_ROUTES_H_
