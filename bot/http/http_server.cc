#include "http/http_server.h"

#include <algorithm>
#include <iostream>

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

httplib::Server::HandlerResponse HttpServer::Guard(const httplib::Request& req,
                                                   httplib::Response& res) {
  using R = httplib::Server::HandlerResponse;
  const Route* route = FindRoute(req.path);
  if (!route) {
    SendError(res, NoRoute());
    return R::Handled;
  }
  const std::string method = req.method == "HEAD" ? "GET" : req.method;
  if (std::find(route->methods.begin(), route->methods.end(), method) == route->methods.end()) {
    res.set_header("Allow", Join(route->methods));
    SendError(res, 405, "method_not_allowed",
              req.method + " is not allowed here; allowed: " + Join(route->methods));
    return R::Handled;
  }
  if (StartsWith(req.path, "/api/") || StartsWith(req.path, "/slack/")) {
    int retry_after = 0;
    if (!deps_.limiter.Allow(req.remote_addr, &retry_after)) {
      res.set_header("Retry-After", std::to_string(retry_after));
      SendError(res, 429, "rate_limited",
                "too many requests from this address; retry in " + std::to_string(retry_after) + " s");
      return R::Handled;
    }
  }
  if (req.method != "POST") return R::Unhandled;
  if (req.has_header("Transfer-Encoding")) {
    SendError(res, 415, "unsupported_media_type",
              "Transfer-Encoding request bodies are not accepted; send the body with a "
              "Content-Length");
    return R::Handled;
  }
  if (req.has_header("Content-Encoding")) {
    SendError(res, 415, "unsupported_media_type",
              "compressed request bodies (Content-Encoding) are not accepted");
    return R::Handled;
  }
  if (!req.has_header("Content-Length")) {
    SendError(res, 411, "length_required", "POST requests need a Content-Length header");
    return R::Handled;
  }
  const std::string length = req.get_header_value("Content-Length");
  if (length.empty() || length.size() > 12 ||
      length.find_first_not_of("0123456789") != std::string::npos) {
    SendError(res, {ErrorKind::kInvalid, "invalid_header", "Content-Length must be a decimal number", ""});
    return R::Handled;
  }
  if (std::stoull(length) > config_.max_body_bytes) {
    SendError(res, {ErrorKind::kTooLarge, "body_too_large",
                    "the body is " + length + " bytes; the limit is " +
                        std::to_string(config_.max_body_bytes),
                    ""});
    return R::Handled;
  }
  if (route->body == RouteBody::kJson) {
    const std::string type = Lower(req.get_header_value("Content-Type"));
    if (type != "application/json" && !StartsWith(type, "application/json;")) {
      SendError(res, 415, "unsupported_media_type",
                "the body must be JSON with Content-Type: application/json");
      return R::Handled;
    }
  }
  return R::Unhandled;
}

void HttpServer::Install(httplib::Server* server) {
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
  // httplib's own errors (unparsable request, body over the limit) arrive with an empty body.
  server->set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (res.status == 413) {
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
  server->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
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
