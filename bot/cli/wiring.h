// How serve joins the transports: Slack's endpoints become routes of the HTTP server's table, each
// handing the raw request to SlackRoutes and its answer back. The one place bot/http and bot/slack
// meet; serve and the tests that run Slack over HTTP both use it. Call before HttpServer::Install.
#ifndef BOT_CLI_WIRING_H_
#define BOT_CLI_WIRING_H_

#include "http/http_server.h"
#include "slack/slack_routes.h"

namespace bot {

void AddSlackRoutes(HttpServer& http, SlackRoutes& slack);

}  // namespace bot

#endif  // BOT_CLI_WIRING_H_
