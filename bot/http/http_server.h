// HttpServer: the HTTP surface on cpp-httplib: the chat page, the JSON API (docs/api.md), health and
// metrics, and whatever other transports add (Slack's routes, wired in by serve). Every route is
// declared once, in one table: its pattern, metrics label, methods, body type and handler. It
// guards what Debian's cpp-httplib 0.11.4 does not (no Transfer-Encoding or Content-Encoding
// request bodies, Content-Length required on POST, body limits, per-client rate limit, JSON errors,
// an exception handler that never leaks exception text). The API handlers translate requests to
// SessionService and its answers back. Install() once; the handlers then run on httplib's worker
// threads concurrently.
#ifndef BOT_HTTP_HTTP_SERVER_H_
#define BOT_HTTP_HTTP_SERVER_H_

#include <functional>
#include <regex>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/session_service.h"
#include "http/guarded_server.h"
#include "http/metrics.h"
#include "http/rate_limiter.h"

namespace bot {

struct ServerConfig {
  std::string version = "0.1.0";
  std::string web_dir;                // serve web/ from here instead of the binary (development)
  size_t max_body_bytes = 64 * 1024;  // request bodies
  // True when `token` (the report link's ?t=) opens the report of the Slack session `id` to the web.
  // serve wires Slack's check (slack/report_link.h); unset, Slack sessions are never shown here.
  std::function<bool(const std::string& id, const std::string& token)> report_token_valid;
  std::string public_base_url;        // absolute links in reports ("" : paths only)
};

struct ServerDeps {
  SessionService& sessions;
  Metrics& metrics;
  RateLimiter& limiter;
};

// The body a route takes.
enum class RouteBody {
  kNone,  // GET
  kJson,  // POST with Content-Type: application/json, read by httplib
  kRaw,   // POST of any type (Slack's forms), read here so httplib's 8 KB form limit does not apply
};

// `body` is the request body (req.body for kJson, the bytes read for kRaw, "" for GET).
using RouteHandler =
    std::function<void(const httplib::Request& req, const std::string& body, httplib::Response& res)>;

struct Route {
  std::string pattern;  // a regex matched against the whole path; its groups are req.matches
  std::string label;    // the metrics label
  std::vector<std::string> methods;
  RouteBody body = RouteBody::kNone;
  RouteHandler handler;
};

class HttpServer {
 public:
  HttpServer(ServerDeps deps, ServerConfig config);

  // Adds a route to the table; call before Install().
  void AddRoute(Route route);
  // Registers every route, the guards, error and exception handlers on `server`.
  void Install(GuardedServer* server);
  // Known once the port is bound; call before the server listens.
  void SetPublicBaseUrl(std::string url) { config_.public_base_url = std::move(url); }

 private:
  struct CompiledRoute {
    Route route;
    std::regex regex;
  };
  const Route* FindRoute(const std::string& path) const;
  // Whether the web may see `s`: a Slack session is unknown_session (its existence is not
  // revealed) unless `with_token` and the request's ?t= opens its report.
  MaybeError WebAccess(const httplib::Request& req, bool with_token, const Session& s) const;
  // Loads the session of the request's path for the web, as WebAccess allows.
  MaybeError LoadForWeb(const httplib::Request& req, bool with_token, Session* s) const;
  httplib::Server::HandlerResponse Guard(const httplib::Request& req, httplib::Response& res);

  // The routes' handlers (http_server.cc: pages, health, metrics; api_handlers.cc: the API).
  void Page(const httplib::Request& req, const std::string& body, httplib::Response& res);
  void Asset(const httplib::Request& req, const std::string& body, httplib::Response& res);
  void Health(const httplib::Request& req, const std::string& body, httplib::Response& res);
  void MetricsText(const httplib::Request& req, const std::string& body, httplib::Response& res);
  void Questions(const httplib::Request& req, const std::string& body, httplib::Response& res);
  void Question(const httplib::Request& req, const std::string& body, httplib::Response& res);
  void Score(const httplib::Request& req, const std::string& body, httplib::Response& res);
  void CreateSession(const httplib::Request& req, const std::string& body, httplib::Response& res);
  void GetSession(const httplib::Request& req, const std::string& body, httplib::Response& res);
  void PostMessage(const httplib::Request& req, const std::string& body, httplib::Response& res);
  void Report(const httplib::Request& req, const std::string& body, httplib::Response& res);
  void History(const httplib::Request& req, const std::string& body, httplib::Response& res);

  ServerDeps deps_;
  ServerConfig config_;
  std::vector<CompiledRoute> routes_;
};

}  // namespace bot

#endif  // BOT_HTTP_HTTP_SERVER_H_
