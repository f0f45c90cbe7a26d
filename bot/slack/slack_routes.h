// SlackRoutes: what the inbound Slack endpoints (/slack/commands, /slack/events,
// /slack/interactions) do with a request. Each request's signature is verified first (unauthorized,
// nothing stored, when it fails); a genuine delivery is committed to the inbox before the 200 ack
// and processed later by the worker, so the ack never waits on scoring or Slack. Without Slack
// settings they are unavailable. The HTTP layer declares the routes (serve wires them, see
// cli/wiring.h); this knows only bytes and headers. Called from HTTP worker threads concurrently; the
// class holds only thread-safe collaborators.
#ifndef BOT_SLACK_SLACK_ROUTES_H_
#define BOT_SLACK_SLACK_ROUTES_H_

#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/delivery_queue.h"
#include "slack/slack_config.h"

namespace bot {

class SlackRoutes {
 public:
  // One endpoint: its path, its metrics label and the kind of delivery it takes.
  struct Endpoint {
    const char* path;
    const char* label;
    const char* kind;  // commands, events, interactions
  };
  static const std::vector<Endpoint>& Endpoints();

  // `on_stored` wakes the worker after a delivery is stored.
  SlackRoutes(const SlackConfig& config, DeliveryQueue& queue, const Clock& clock,
              std::function<void()> on_stored)
      : config_(config), queue_(queue), clock_(clock), on_stored_(std::move(on_stored)) {}

  // One request to the endpoint of `kind`: the header values ("" when absent) and the raw body.
  // *ack is the body Slack expects in the 200 ack ("" for an empty one), or an Error.
  MaybeError Receive(const std::string& kind, const std::string& timestamp,
                     const std::string& signature, const std::string& body, std::string* ack);
  // Parses and stores one verified delivery.
  MaybeError Accept(const std::string& kind, const std::string& body, std::string* ack);

 private:
  const SlackConfig& config_;
  DeliveryQueue& queue_;
  const Clock& clock_;
  std::function<void()> on_stored_;
};

}  // namespace bot

#endif  // BOT_SLACK_SLACK_ROUTES_H_
