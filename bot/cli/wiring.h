// How serve joins the transports: Slack's endpoints become routes of the HTTP server's table, each
// handing the raw request to SlackRoutes and its answer back. The one place bot/http and bot/slack
// meet; serve and the tests that run Slack over HTTP both use it. Call before HttpServer::Install.
#ifndef BOT_CLI_WIRING_H_
#define BOT_CLI_WIRING_H_

#include "http/http_server.h"
#include "http/rate_limiter.h"
#include "slack/slack_routes.h"

namespace bot {

// A request whose signature verifies is not rate-limited (Slack sends from few addresses); one that
// does not costs its address a token of `limiter`, and is 429 once the address has none left.
void AddSlackRoutes(HttpServer& http, SlackRoutes& slack, RateLimiter& limiter);
// ServerConfig::report_token_valid for the report links the bot gives (slack/report_link.h).
std::function<bool(const std::string& id, const std::string& token)> ReportTokenCheck(
    const std::string& signing_secret);

}  // namespace bot

#endif  // BOT_CLI_WIRING_H_
