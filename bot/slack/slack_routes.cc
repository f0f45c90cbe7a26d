#include "slack/slack_routes.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "slack/slack_signature.h"

namespace bot {
namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

Error BadBody(const std::string& message, const std::string& field) {
  return Error{ErrorKind::kInvalid, "invalid_field", message, field};
}

}  // namespace

const std::vector<SlackRoutes::Endpoint>& SlackRoutes::Endpoints() {
  static const std::vector<Endpoint> endpoints = {
      {"/slack/commands", "slack_commands", "commands"},
      {"/slack/events", "slack_events", "events"},
      {"/slack/interactions", "slack_interactions", "interactions"},
  };
  return endpoints;
}

MaybeError SlackRoutes::Receive(const std::string& kind, const std::string& timestamp,
                                const std::string& signature, const std::string& body,
                                std::string* ack) {
  if (!config_.slack_enabled()) {
    return Error{ErrorKind::kUnavailable, "slack_not_configured",
                 "Slack is not configured on this server: set SLACK_SIGNING_SECRET and "
                 "SLACK_BOT_TOKEN",
                 ""};
  }
  if (auto e = VerifySlackSignature(config_.signing_secret, timestamp, signature, body,
                                    clock_.NowMs())) {
    return e;
  }
  return Accept(kind, body, ack);
}

MaybeError SlackRoutes::Accept(const std::string& kind, const std::string& body, std::string* ack) {
  InboxItem item;
  if (kind == "events") {
    const json j = json::parse(body, nullptr, false);
    if (!j.is_object()) return BadBody("the body must be a JSON object", "");
    if (Str(j, "type") == "url_verification") {
      *ack = json{{"challenge", Str(j, "challenge")}}.dump();
      return std::nullopt;
    }
    if (Str(j, "type") != "event_callback") return std::nullopt;  // acknowledged, ignored
    if (Str(j, "event_id").empty()) return BadBody("event_id is required", "event_id");
    item = {0, "event:" + Str(j, "event_id"), "event", body};
  } else {
    httplib::Params params;
    httplib::detail::parse_query_text(body, params);
    const auto get = [&params](const char* key) {
      auto it = params.find(key);
      return it == params.end() ? std::string() : it->second;
    };
    if (kind == "commands") {
      if (get("user_id").empty()) return BadBody("user_id is required", "user_id");
      json command = json::object();
      for (const char* key : {"team_id", "user_id", "user_name", "channel_id", "channel_name",
                              "text", "response_url", "trigger_id"}) {
        command[key] = get(key);
      }
      // Slack does not retry slash commands; the trigger id still guards against a replay.
      item = {0, "command:" + get("trigger_id") + ":" + get("user_id"), "command",
              command.dump(-1, ' ', false, json::error_handler_t::replace)};
    } else {
      const json payload = json::parse(get("payload"), nullptr, false);
      if (!payload.is_object()) return BadBody("the form field payload must hold a JSON object", "payload");
      const json actions = payload.value("actions", json::array());
      const std::string action_ts =
          actions.is_array() && !actions.empty() ? Str(actions[0], "action_ts") : "";
      item = {0, "interaction:" + Str(payload, "trigger_id") + ":" + action_ts, "interaction",
              payload.dump(-1, ' ', false, json::error_handler_t::replace)};
    }
  }
  bool duplicate = false;
  if (auto e = queue_.AddInbound(item, clock_.NowMs(), &duplicate)) return e;
  if (!duplicate && on_stored_) on_stored_();
  return std::nullopt;
}

}  // namespace bot
