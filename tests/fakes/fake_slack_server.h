// FakeSlackServer: a local stand-in for the Slack Web API, response_url endpoints and webhook
// receivers: an httplib::Server on 127.0.0.1 port 0 that records every request and answers from a
// per-path script (default: 200 {"ok":true}; auth.test names the bot UBOT/BBOT). Thread-safe.
#ifndef TESTS_FAKES_FAKE_SLACK_SERVER_H_
#define TESTS_FAKES_FAKE_SLACK_SERVER_H_

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "server_thread.h"

namespace bot {

struct RecordedRequest {
  std::string path, authorization, body;
  httplib::Headers headers;
  nlohmann::json Json() const { return nlohmann::json::parse(body, nullptr, false); }
};

struct ScriptedReply {
  int status = 200;
  std::string body = R"({"ok":true})";
  std::string retry_after;  // Retry-After header when not empty
  int delay_ms = 0;         // a slow receiver: the answer waits this long
};

class FakeSlackServer {
 public:
  FakeSlackServer();

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(running_->port()); }
  // The next requests to `path` get these replies, in order; then the default again.
  void Script(const std::string& path, std::vector<ScriptedReply> replies);
  // Waits (on a condition variable, up to 10 s) until `count` requests to `path` arrived.
  bool WaitFor(const std::string& path, size_t count);
  std::vector<RecordedRequest> Requests(const std::string& path = "") const;

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<RecordedRequest> requests_;
  std::map<std::string, std::deque<ScriptedReply>> script_;
  httplib::Server server_;
  std::unique_ptr<ServerThread> running_;  // last: stops before the members it uses
};

}  // namespace bot

#endif  // TESTS_FAKES_FAKE_SLACK_SERVER_H_
