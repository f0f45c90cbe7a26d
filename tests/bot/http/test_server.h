// TestServer: the real HttpServer on the mini bank, a SQLite file and port 0, in-process, plus a raw
// socket client for requests httplib's client will not send. Not thread-safe itself; the server it
// runs is.
#ifndef TESTS_BOT_HTTP_TEST_SERVER_H_
#define TESTS_BOT_HTTP_TEST_SERVER_H_

#include <httplib.h>

#include <memory>
#include <string>
#include <thread>

#include "core/session_service.h"
#include "fakes/fake_clock.h"
#include "http/http_server.h"
#include "store/sqlite_store.h"

#include "server_thread.h"

namespace bot {

class TestServer {
 public:
  // `db_path` empty: a fresh temporary file. `rate_per_minute` 0 disables the rate limit.
  // `read_timeout_seconds` 0 keeps the one Install() sets (what serve uses); tests of the timeout
  // itself shorten it.
  // `limits`: the connection limits (slowloris tests shorten the header time). Like serve, 32 workers.
  explicit TestServer(std::string db_path = "", int rate_per_minute = 0, int read_timeout_seconds = 0,
                      ConnectionLimits limits = {});

  int port() const { return running_->port(); }
  const std::string& db_path() const { return db_path_; }
  httplib::Client Client() const;
  FakeClock& clock() { return clock_; }
  Metrics& metrics() { return metrics_; }

  // POSTs JSON, returns (status, parsed body or null).
  std::pair<int, nlohmann::json> Post(const std::string& path, const nlohmann::json& body) const;
  std::pair<int, nlohmann::json> Get(const std::string& path) const;
  // Sends `raw` bytes on a fresh connection; returns everything the server answered.
  std::string Raw(const std::string& raw, int timeout_ms = 2000) const;

 private:
  rubric::Bank bank_;
  std::unique_ptr<rubric::Scorer> scorer_;
  FakeClock clock_;
  SecureRandom random_;
  Metrics metrics_;
  RateLimiter limiter_;
  std::unique_ptr<Interview> interview_;
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<SessionService> sessions_;
  std::unique_ptr<HttpServer> http_;
  GuardedServer server_;
  std::string db_path_;
  std::unique_ptr<ServerThread> running_;  // last: stops before the members it uses
};

}  // namespace bot

#endif  // TESTS_BOT_HTTP_TEST_SERVER_H_
