#include "http/http_server.h"

#include <algorithm>
#include <cstring>
#include <iostream>
#include <optional>

#include "http/responses.h"
#include "http/web_assets.h"

namespace bot {
namespace {

const char kCsp[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// At most 64 printable ASCII characters of a client's token ('?' for anything else), for messages.
std::string Printable(const std::string& s) {
  std::string out;
  for (char c : s.substr(0, 64)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  return s.size() > 64 ? out + "..." : out;
}

Error NoRoute() {
  return {ErrorKind::kNotFound, "not_found", "there is no such page or API route", ""};
}

void SendWebFile(const std::string& web_dir, const std::string& name, const char* missing,
                 httplib::Response& res) {
  auto file = LoadWebFile(web_dir, name);
  if (!file) return SendError(res, {ErrorKind::kNotFound, "not_found", missing, ""});
  res.set_header("Cache-Control", "no-cache");
  res.set_content(file->body, file->content_type);
}

}  // namespace

HttpServer::HttpServer(ServerDeps deps, ServerConfig config)
    : deps_(deps), config_(std::move(config)) {
  using B = RouteBody;
  using H = void (HttpServer::*)(const httplib::Request&, const std::string&, httplib::Response&);
  const auto to = [this](H handler) -> RouteHandler {
    return [this, handler](const httplib::Request& req, const std::string& body,
                           httplib::Response& res) { (this->*handler)(req, body, res); };
  };
  std::vector<Route> routes = {
      {"/", "page", {"GET"}, B::kNone, to(&HttpServer::Page)},
      {"/s/[0-9a-f]{32}", "page", {"GET"}, B::kNone, to(&HttpServer::Page)},
      {"/s/[0-9a-f]{32}/report", "page", {"GET"}, B::kNone, to(&HttpServer::Page)},
      {"/([A-Za-z0-9_-]+\\.(js|css|svg|png|ico))", "asset", {"GET"}, B::kNone, to(&HttpServer::Asset)},
      {"/healthz", "healthz", {"GET"}, B::kNone, to(&HttpServer::Health)},
      {"/metrics", "metrics", {"GET"}, B::kNone, to(&HttpServer::MetricsText)},
      {"/api/questions", "api_questions", {"GET"}, B::kNone, to(&HttpServer::Questions)},
      {"/api/questions/([^/]+)", "api_question", {"GET"}, B::kNone, to(&HttpServer::Question)},
      {"/api/score", "api_score", {"POST"}, B::kJson, to(&HttpServer::Score)},
      {"/api/sessions", "api_sessions", {"POST"}, B::kJson, to(&HttpServer::CreateSession)},
      {"/api/sessions/([^/]+)", "api_session", {"GET"}, B::kNone, to(&HttpServer::GetSession)},
      {"/api/sessions/([^/]+)/messages", "api_messages", {"POST"}, B::kJson,
       to(&HttpServer::PostMessage)},
      {"/api/sessions/([^/]+)/report(\\.json|\\.md)?", "api_report", {"GET"}, B::kNone,
       to(&HttpServer::Report)},
      {"/api/history", "api_history", {"GET"}, B::kNone, to(&HttpServer::History)},
  };
  for (auto& route : routes) AddRoute(std::move(route));
}

void HttpServer::AddRoute(Route route) {
  std::regex regex(route.pattern);
  routes_.push_back({std::move(route), std::move(regex)});
}

const Route* HttpServer::FindRoute(const std::string& path) const {
  for (const auto& r : routes_) {
    if (std::regex_match(path, r.regex)) return &r.route;
  }
  return nullptr;
}

namespace {

constexpr size_t kMaxHeaders = 100;  // counting the 4 httplib adds (REMOTE_ADDR, ...)

bool IsTokenChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("!#$%&'*+-.^_`|~", c);
}

// A rejection before the body is read: the connection is closed after it, so body bytes the client
// still sends are never read as a request of their own (smuggling).
httplib::Server::HandlerResponse Reject(httplib::Response& res, int status, const std::string& code,
                                        const std::string& message) {
  SendError(res, status, code, message);
  res.set_header("Connection", "close");
  return httplib::Server::HandlerResponse::Handled;
}
httplib::Server::HandlerResponse Reject(httplib::Response& res, const Error& error) {
  SendError(res, error);
  res.set_header("Connection", "close");
  return httplib::Server::HandlerResponse::Handled;
}

// The framing checks every request passes: one way to find where its body ends.
std::optional<std::pair<int, std::string>> BadFraming(const httplib::Request& req) {
  if (req.headers.size() > kMaxHeaders) {
    return std::make_pair(431, "too many header lines; at most " + std::to_string(kMaxHeaders - 4) + " are allowed");
  }
  for (const auto& [name, value] : req.headers) {
    if (name.empty() || !std::all_of(name.begin(), name.end(), IsTokenChar)) {
      return std::make_pair(400, "the header name \"" + Printable(name) +
                                     "\" is not a token (no spaces before the colon)");
    }
  }
  if (req.get_header_value_count("Content-Length") > 1) {
    return std::make_pair(400, std::string("more than one Content-Length header"));
  }
  if (req.method != "POST" && (req.has_header("Transfer-Encoding") ||
                               (req.has_header("Content-Length") && req.get_header_value("Content-Length") != "0"))) {
    return std::make_pair(400, req.method + " requests have no body here");
  }
  return std::nullopt;
}

}  // namespace

httplib::Server::HandlerResponse HttpServer::Guard(const httplib::Request& req,
                                                   httplib::Response& res) {
  using R = httplib::Server::HandlerResponse;
  MarkHeadersRead();
  if (auto bad = BadFraming(req)) {
    return Reject(res, bad->first, bad->first == 431 ? "headers_too_large" : "bad_request", bad->second);
  }
  const Route* route = FindRoute(req.path);
  if (!route) return Reject(res, NoRoute());
  const std::string method = req.method == "HEAD" ? "GET" : req.method;
  if (std::find(route->methods.begin(), route->methods.end(), method) == route->methods.end()) {
    res.set_header("Allow", Join(route->methods));
    return Reject(res, 405, "method_not_allowed",
                  Printable(req.method) + " is not allowed here; allowed: " + Join(route->methods));
  }
  // Slack's routes charge the limiter only for requests whose signature fails (cli/wiring.h).
  if (StartsWith(req.path, "/api/")) {
    int retry_after = 0;
    if (!deps_.limiter.Allow(req.remote_addr, &retry_after)) {
      res.set_header("Retry-After", std::to_string(retry_after));
      return Reject(res, 429, "rate_limited",
                    "too many requests from this address; retry in " + std::to_string(retry_after) + " s");
    }
  }
  if (req.method != "POST") return R::Unhandled;
  if (req.has_header("Transfer-Encoding")) {
    return Reject(res, 415, "unsupported_media_type",
                  "Transfer-Encoding request bodies are not accepted; send the body with a "
                  "Content-Length");
  }
  if (req.has_header("Content-Encoding")) {
    return Reject(res, 415, "unsupported_media_type",
                  "compressed request bodies (Content-Encoding) are not accepted");
  }
  if (!req.has_header("Content-Length")) {
    return Reject(res, 411, "length_required", "POST requests need a Content-Length header");
  }
  const std::string length = req.get_header_value("Content-Length");
  if (length.empty() || length.size() > 12 ||
      length.find_first_not_of("0123456789") != std::string::npos) {
    return Reject(res, {ErrorKind::kInvalid, "invalid_header", "Content-Length must be a decimal number", ""});
  }
  if (std::stoull(length) > config_.max_body_bytes) {
    return Reject(res, {ErrorKind::kTooLarge, "body_too_large",
                        "the body is " + length + " bytes; the limit is " +
                            std::to_string(config_.max_body_bytes),
                        ""});
  }
  if (route->body == RouteBody::kJson) {
    const std::string type = Lower(req.get_header_value("Content-Type"));
    if (type != "application/json" && !StartsWith(type, "application/json;")) {
      return Reject(res, 415, "unsupported_media_type",
                    "the body must be JSON with Content-Type: application/json");
    }
  }
  return R::Unhandled;
}

void HttpServer::Install(GuardedServer* server) {
  server->set_payload_max_length(config_.max_body_bytes);
  server->set_tcp_nodelay(true);
  server->set_read_timeout(10, 0);
  server->set_write_timeout(10, 0);
  // httplib holds a worker thread per open connection; idle keep-alives give theirs back quickly.
  server->set_keep_alive_timeout(2);
  // The default (5 requests) makes busy clients reconnect constantly, and reconnections overflow
  // the library's fixed listen backlog of 5: SYN retries then add a second to the tail latency.
  server->set_keep_alive_max_count(1000);
  server->set_default_headers({{"X-Content-Type-Options", "nosniff"},
                               {"Referrer-Policy", "no-referrer"},
                               {"X-Frame-Options", "DENY"},
                               {"Content-Security-Policy", kCsp}});
  server->set_pre_routing_handler(
      [this](const httplib::Request& req, httplib::Response& res) { return Guard(req, res); });
  // httplib's own errors (unparsable request, body over the limit) arrive with an empty body. The
  // body was not read: the connection closes after the answer.
  server->set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    res.set_header("Connection", "close");
    if (HeadersTooLarge()) {
      SendError(res, 431, "headers_too_large", "the request line and headers are over the limit");
    } else if (res.status == 413) {
      SendError(res, {ErrorKind::kTooLarge, "body_too_large", "the request body is over the limit", ""});
    } else if (res.status == 404) {
      SendError(res, NoRoute());
    } else {
      SendError(res, res.status, "bad_request", "the HTTP request could not be processed");
    }
    return httplib::Server::HandlerResponse::Handled;
  }));
  server->set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          std::cerr << "interview-bot: internal error on " << req.method << " " << req.path
                    << ": " << e.what() << "\n";
        } catch (...) {
          std::cerr << "interview-bot: internal error on " << req.method << " " << req.path << "\n";
        }
        SendError(res, {ErrorKind::kInternal, "internal", "internal error; it has been logged", ""});
      });
  // Called once the response is written: a response that says "Connection: close" now closes.
  server->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    if (res.get_header_value("Connection") == "close") CloseAfterResponse();
    const Route* route = FindRoute(req.path);
    deps_.metrics.CountRequest(route ? route->label : "unmatched", req.method, res.status);
  });
  for (const auto& compiled : routes_) {
    const Route& r = compiled.route;
    const RouteHandler& handle = r.handler;
    for (const auto& method : r.methods) {
      if (method == "GET") {
        server->Get(r.pattern, [handle](const httplib::Request& req, httplib::Response& res) {
          handle(req, req.body, res);
        });
      } else if (r.body == RouteBody::kRaw) {
        server->Post(r.pattern, [handle](const httplib::Request& req, httplib::Response& res,
                                         const httplib::ContentReader& reader) {
          std::string body;
          reader([&](const char* data, size_t length) {
            body.append(data, length);
            return true;
          });
          handle(req, body, res);
        });
      } else {
        server->Post(r.pattern, [handle](const httplib::Request& req, httplib::Response& res) {
          handle(req, req.body, res);
        });
      }
    }
  }
}

void HttpServer::Page(const httplib::Request&, const std::string&, httplib::Response& res) {
  SendWebFile(config_.web_dir, "index.html", "the page is not built", res);
}

void HttpServer::Asset(const httplib::Request& req, const std::string&, httplib::Response& res) {
  SendWebFile(config_.web_dir, req.matches[1], "no such file", res);
}

void HttpServer::Health(const httplib::Request&, const std::string&, httplib::Response& res) {
  const MaybeError db = deps_.sessions.Check();
  SendJson(res, db ? 503 : 200,
           {{"status", db ? "error" : "ok"},
            {"version", config_.version},
            {"database", db ? "error: " + db->message : "ok"},
            {"questions", deps_.sessions.bank().questions.size()}});
}

void HttpServer::MetricsText(const httplib::Request&, const std::string&, httplib::Response& res) {
  int active = -1;  // -1 when the store cannot say
  if (deps_.sessions.CountActive(&active)) active = -1;
  res.set_content(deps_.metrics.Render(active), "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace bot
