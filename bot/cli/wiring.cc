#include "cli/wiring.h"

#include "http/responses.h"
#include "slack/report_link.h"

namespace bot {

void AddSlackRoutes(HttpServer& http, SlackRoutes& slack, RateLimiter& limiter) {
  for (const auto& endpoint : SlackRoutes::Endpoints()) {
    const std::string kind = endpoint.kind;
    // Slack posts forms (commands, interactions) and JSON (events), and interaction payloads are
    // often over the 8 KB httplib allows a form it parses itself: raw bodies, any type.
    http.AddRoute({endpoint.path, endpoint.label, {"POST"}, RouteBody::kRaw,
                   [&slack, &limiter, kind](const httplib::Request& req, const std::string& body,
                                            httplib::Response& res) {
                     std::string ack;
                     MaybeError e;
                     if (req.get_header_value_count("X-Slack-Signature") > 1 ||
                         req.get_header_value_count("X-Slack-Request-Timestamp") > 1) {
                       e = Error{ErrorKind::kUnauthorized, "invalid_signature",
                                 "send X-Slack-Request-Timestamp and X-Slack-Signature once each", ""};
                     } else {
                       e = slack.Receive(kind, req.get_header_value("X-Slack-Request-Timestamp"),
                                         req.get_header_value("X-Slack-Signature"), body, &ack);
                     }
                     int retry_after = 0;
                     if (e && e->kind == ErrorKind::kUnauthorized &&
                         !limiter.Allow(req.remote_addr, &retry_after)) {
                       res.set_header("Retry-After", std::to_string(retry_after));
                       return SendError(res, 429, "rate_limited",
                                        "too many unverified requests from this address; retry in " +
                                            std::to_string(retry_after) + " s");
                     }
                     if (e) return SendError(res, *e);
                     res.status = 200;
                     if (!ack.empty()) res.set_content(ack, "application/json");
                   }});
  }
}

std::function<bool(const std::string& id, const std::string& token)> ReportTokenCheck(
    const std::string& signing_secret) {
  return [key = ReportLinkKey(signing_secret)](const std::string& id, const std::string& token) {
    return ValidReportToken(key, id, token);
  };
}

}  // namespace bot
