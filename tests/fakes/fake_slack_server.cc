#include "fakes/fake_slack_server.h"

#include <doctest/doctest.h>

#include <chrono>

namespace bot {

FakeSlackServer::FakeSlackServer() {
  server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
    ScriptedReply reply;
    if (req.path == "/api/auth.test") reply.body = R"({"ok":true,"user_id":"UBOT","bot_id":"BBOT"})";
    {
      std::lock_guard<std::mutex> l(mu_);
      requests_.push_back({req.path, req.get_header_value("Authorization"), req.body, req.headers});
      auto it = script_.find(req.path);
      if (it != script_.end() && !it->second.empty()) {
        reply = it->second.front();
        it->second.pop_front();
      }
    }
    cv_.notify_all();
    if (reply.delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(reply.delay_ms));
    res.status = reply.status;
    if (!reply.retry_after.empty()) res.set_header("Retry-After", reply.retry_after);
    res.set_content(reply.body, "application/json");
  });
  running_ = std::make_unique<ServerThread>(server_);
}

void FakeSlackServer::Script(const std::string& path, std::vector<ScriptedReply> replies) {
  std::lock_guard<std::mutex> l(mu_);
  for (auto& r : replies) script_[path].push_back(std::move(r));
}

bool FakeSlackServer::WaitFor(const std::string& path, size_t count) {
  std::unique_lock<std::mutex> l(mu_);
  return cv_.wait_for(l, std::chrono::seconds(10), [&] {
    size_t n = 0;
    for (const auto& r : requests_) n += r.path == path;
    return n >= count;
  });
}

std::vector<RecordedRequest> FakeSlackServer::Requests(const std::string& path) const {
  std::lock_guard<std::mutex> l(mu_);
  std::vector<RecordedRequest> out;
  for (const auto& r : requests_) {
    if (path.empty() || r.path == path) out.push_back(r);
  }
  return out;
}

}  // namespace bot
