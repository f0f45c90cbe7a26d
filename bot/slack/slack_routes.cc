#include "slack/slack_routes.h"

#include "slack/slack_signature.h"

namespace bot {
namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

Error BadBody(const std::string& message, const std::string& field) {
  return Error{400, "invalid_field", message, field};
}

}  // namespace

void SlackRoutes::Register(HttpServer& http) {
  // Slack posts forms (commands, interactions) and JSON (events): the guard must not demand JSON.
  http.AddRoute("/slack/commands", "slack_commands", {"POST"}, false);
  http.AddRoute("/slack/events", "slack_events", {"POST"}, false);
  http.AddRoute("/slack/interactions", "slack_interactions", {"POST"}, false);
}

void SlackRoutes::Install(httplib::Server* server) {
  // ContentReader handlers: Debian's httplib answers 413 to url-encoded bodies over 8 KB when it
  // parses them itself, and interaction payloads are often larger.
  for (const char* kind : {"commands", "events", "interactions"}) {
    server->Post(std::string("/slack/") + kind,
                 [this, kind](const httplib::Request& req, httplib::Response& res,
                              const httplib::ContentReader& reader) {
                   Handle(kind, req, res, reader);
                 });
  }
}

void SlackRoutes::Handle(const std::string& kind, const httplib::Request& req,
                         httplib::Response& res, const httplib::ContentReader& reader) {
  std::string body;
  reader([&](const char* data, size_t length) {
    body.append(data, length);
    return true;
  });
  if (!config_.slack_enabled()) {
    return HttpServer::SendError(
        res, {503, "slack_not_configured",
              "Slack is not configured on this server: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN",
              ""});
  }
  if (auto e = VerifySlackSignature(config_.signing_secret,
                                    req.get_header_value("X-Slack-Request-Timestamp"),
                                    req.get_header_value("X-Slack-Signature"), body, clock_.NowMs())) {
    return HttpServer::SendError(res, *e);
  }
  std::string ack;
  if (auto e = Accept(kind, body, &ack)) return HttpServer::SendError(res, *e);
  res.status = 200;
  if (!ack.empty()) res.set_content(ack, "application/json");
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
