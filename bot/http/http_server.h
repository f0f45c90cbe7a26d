// HttpServer: the web chat's HTTP surface on cpp-httplib: the page, the JSON API (docs/api.md),
// health and metrics, with the guards Debian's cpp-httplib 0.11.4 needs (no Transfer-Encoding or
// Content-Encoding request bodies, Content-Length required on POST, body limits, per-client rate
// limit, JSON errors, an exception handler that never leaks exception text). Install() once; the
// handlers are then called from httplib's worker threads concurrently.
#ifndef BOT_HTTP_HTTP_SERVER_H_
#define BOT_HTTP_HTTP_SERVER_H_

#include <array>
#include <functional>
#include <mutex>
#include <regex>
#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/error.h"
#include "core/interview.h"
#include "http/metrics.h"
#include "http/rate_limiter.h"
#include "core/session_store.h"

namespace bot {
class CompletionListener;
}

namespace bot {

struct ServerConfig {
  std::string version = "0.1.0";
  std::string web_dir;                 // serve web/ from here instead of the binary (development)
  size_t max_body_bytes = 64 * 1024;   // request bodies
};

struct ServerDeps {
  const Interview& interview;
  SessionStore& store;
  const Clock& clock;
  Metrics& metrics;
  RateLimiter& limiter;
  // Told when a web request finishes an interview (completion webhooks); null for none.
  CompletionListener* completion = nullptr;
};

class HttpServer {
 public:
  HttpServer(ServerDeps deps, ServerConfig config);

  // Registers routes, guards, error and exception handlers on `server`.
  void Install(httplib::Server* server);

  // A route the guards and metrics know; other components (Slack) add theirs before Install().
  struct Route {
    std::regex pattern;
    std::string label;
    std::vector<std::string> methods;
    bool json_body = true;  // POST bodies must be application/json
  };
  void AddRoute(const std::string& pattern, const std::string& label,
                std::vector<std::string> methods, bool json_body = true);

  // Serialises work on one session across threads (the API handlers and the Slack worker).
  std::mutex& LockFor(const std::string& session_id);

  static void SendJson(httplib::Response& res, int status, const nlohmann::json& body);
  static void SendError(httplib::Response& res, const Error& error);

 private:
  const Route* FindRoute(const std::string& path) const;
  httplib::Server::HandlerResponse Guard(const httplib::Request& req, httplib::Response& res);
  void InstallApi(httplib::Server* server);
  void InstallPages(httplib::Server* server);

  void HandleCreateSession(const httplib::Request& req, httplib::Response& res);
  void HandleMessage(const httplib::Request& req, httplib::Response& res);
  void HandleScore(const httplib::Request& req, httplib::Response& res);

  ServerDeps deps_;
  ServerConfig config_;
  std::vector<Route> routes_;
  std::array<std::mutex, 64> session_locks_;
};

}  // namespace bot

#endif  // BOT_HTTP_HTTP_SERVER_H_
