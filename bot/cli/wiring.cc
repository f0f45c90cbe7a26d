#include "cli/wiring.h"

#include "http/responses.h"

namespace bot {

void AddSlackRoutes(HttpServer& http, SlackRoutes& slack) {
  for (const auto& endpoint : SlackRoutes::Endpoints()) {
    const std::string kind = endpoint.kind;
    // Slack posts forms (commands, interactions) and JSON (events), and interaction payloads are
    // often over the 8 KB httplib allows a form it parses itself: raw bodies, any type.
    http.AddRoute({endpoint.path, endpoint.label, {"POST"}, RouteBody::kRaw,
                   [&slack, kind](const httplib::Request& req, const std::string& body,
                                  httplib::Response& res) {
                     std::string ack;
                     if (auto e = slack.Receive(kind, req.get_header_value("X-Slack-Request-Timestamp"),
                                                req.get_header_value("X-Slack-Signature"), body, &ack)) {
                       return SendError(res, *e);
                     }
                     res.status = 200;
                     if (!ack.empty()) res.set_content(ack, "application/json");
                   }});
  }
}

}  // namespace bot
