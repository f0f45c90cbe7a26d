#include "http/http_server.h"

#include <iostream>

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

}  // namespace

HttpServer::HttpServer(ServerDeps deps, ServerConfig config)
    : deps_(deps), config_(std::move(config)) {
  AddRoute("/", "page", {"GET"});
  AddRoute("/s/[0-9a-f]{32}", "page", {"GET"});
  AddRoute("/s/[0-9a-f]{32}/report", "page", {"GET"});
  AddRoute("/[A-Za-z0-9_-]+\\.(js|css|svg|png|ico)", "asset", {"GET"});
  AddRoute("/healthz", "healthz", {"GET"});
  AddRoute("/metrics", "metrics", {"GET"});
  AddRoute("/api/questions", "api_questions", {"GET"});
  AddRoute("/api/questions/[^/]+", "api_question", {"GET"});
  AddRoute("/api/score", "api_score", {"POST"});
  AddRoute("/api/sessions", "api_sessions", {"POST"});
  AddRoute("/api/sessions/[^/]+", "api_session", {"GET"});
  AddRoute("/api/sessions/[^/]+/messages", "api_messages", {"POST"});
  AddRoute("/api/sessions/[^/]+/report(\\.json|\\.md)?", "api_report", {"GET"});
  AddRoute("/api/history", "api_history", {"GET"});
}

void HttpServer::AddRoute(const std::string& pattern, const std::string& label,
                          std::vector<std::string> methods, bool json_body) {
  routes_.push_back({std::regex(pattern), label, std::move(methods), json_body});
}

const HttpServer::Route* HttpServer::FindRoute(const std::string& path) const {
  for (const auto& r : routes_) {
    if (std::regex_match(path, r.pattern)) return &r;
  }
  return nullptr;
}

void HttpServer::SendJson(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json");
}

void HttpServer::SendError(httplib::Response& res, const Error& e) {
  SendJson(res, e.status,
           {{"error", {{"code", e.code}, {"message", e.message}, {"field", e.field}}}});
}

httplib::Server::HandlerResponse HttpServer::Guard(const httplib::Request& req,
                                                   httplib::Response& res) {
  using R = httplib::Server::HandlerResponse;
  const Route* route = FindRoute(req.path);
  if (!route) {
    SendError(res, {404, "not_found", "there is no such page or API route", ""});
    return R::Handled;
  }
  const std::string method = req.method == "HEAD" ? "GET" : req.method;
  if (std::find(route->methods.begin(), route->methods.end(), method) == route->methods.end()) {
    res.set_header("Allow", Join(route->methods));
    SendError(res, {405, "method_not_allowed",
                    req.method + " is not allowed here; allowed: " + Join(route->methods), ""});
    return R::Handled;
  }
  if (StartsWith(req.path, "/api/") || StartsWith(req.path, "/slack/")) {
    int retry_after = 0;
    if (!deps_.limiter.Allow(req.remote_addr, &retry_after)) {
      res.set_header("Retry-After", std::to_string(retry_after));
      SendError(res, {429, "rate_limited",
                      "too many requests from this address; retry in " +
                          std::to_string(retry_after) + " s",
                      ""});
      return R::Handled;
    }
  }
  if (req.method != "POST") return R::Unhandled;
  if (req.has_header("Transfer-Encoding")) {
    SendError(res, {415, "unsupported_media_type",
                    "Transfer-Encoding request bodies are not accepted; send the body with a "
                    "Content-Length",
                    ""});
    return R::Handled;
  }
  if (req.has_header("Content-Encoding")) {
    SendError(res, {415, "unsupported_media_type",
                    "compressed request bodies (Content-Encoding) are not accepted", ""});
    return R::Handled;
  }
  if (!req.has_header("Content-Length")) {
    SendError(res, {411, "length_required", "POST requests need a Content-Length header", ""});
    return R::Handled;
  }
  const std::string length = req.get_header_value("Content-Length");
  if (length.empty() || length.size() > 12 ||
      length.find_first_not_of("0123456789") != std::string::npos) {
    SendError(res, {400, "invalid_header", "Content-Length must be a decimal number", ""});
    return R::Handled;
  }
  if (std::stoull(length) > config_.max_body_bytes) {
    SendError(res, {413, "body_too_large",
                    "the body is " + length + " bytes; the limit is " +
                        std::to_string(config_.max_body_bytes),
                    ""});
    return R::Handled;
  }
  if (route->json_body) {
    const std::string type = Lower(req.get_header_value("Content-Type"));
    if (type != "application/json" && !StartsWith(type, "application/json;")) {
      SendError(res, {415, "unsupported_media_type",
                      "the body must be JSON with Content-Type: application/json", ""});
      return R::Handled;
    }
  }
  return R::Unhandled;
}

std::mutex& HttpServer::LockFor(const std::string& session_id) {
  return session_locks_[std::hash<std::string>()(session_id) % session_locks_.size()];
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
    const int status = res.status;
    if (status == 413) {
      SendError(res, {413, "body_too_large", "the request body is over the limit", ""});
    } else if (status == 404) {
      SendError(res, {404, "not_found", "there is no such page or API route", ""});
    } else {
      SendError(res, {status, "bad_request", "the HTTP request could not be processed", ""});
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
        SendError(res, {500, "internal", "internal error; it has been logged", ""});
      });
  server->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    const Route* route = FindRoute(req.path);
    deps_.metrics.CountRequest(route ? route->label : "unmatched", req.method, res.status);
  });
  InstallPages(server);
  InstallApi(server);
}

void HttpServer::InstallPages(httplib::Server* server) {
  const auto page = [this](const httplib::Request&, httplib::Response& res) {
    auto file = LoadWebFile(config_.web_dir, "index.html");
    if (!file) return SendError(res, {404, "not_found", "the page is not built", ""});
    res.set_header("Cache-Control", "no-cache");
    res.set_content(file->body, file->content_type);
  };
  server->Get("/", page);
  server->Get("/s/[0-9a-f]{32}", page);
  server->Get("/s/[0-9a-f]{32}/report", page);
  server->Get("/([A-Za-z0-9_-]+\\.(js|css|svg|png|ico))",
              [this](const httplib::Request& req, httplib::Response& res) {
                auto file = LoadWebFile(config_.web_dir, req.matches[1]);
                if (!file) return SendError(res, {404, "not_found", "no such file", ""});
                res.set_header("Cache-Control", "no-cache");
                res.set_content(file->body, file->content_type);
              });
  server->Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    const MaybeError db = deps_.store.Check();
    SendJson(res, db ? 503 : 200,
             {{"status", db ? "error" : "ok"},
              {"version", config_.version},
              {"database", db ? "error: " + db->message : "ok"},
              {"questions", deps_.interview.bank().questions.size()}});
  });
  server->Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(deps_.metrics.Render(deps_.store.CountActive()),
                    "text/plain; version=0.0.4; charset=utf-8");
  });
}

}  // namespace bot
