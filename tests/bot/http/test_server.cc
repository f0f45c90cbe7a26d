#include "bot/http/test_server.h"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>

#include "temp_path.h"

namespace bot {
namespace {

std::string TempDb() {
  static std::atomic<int> n{0};
  return TempPath("db" + std::to_string(n++) + ".sqlite");
}

}  // namespace

TestServer::TestServer(std::string db_path, int rate_per_minute, int read_timeout_seconds,
                       ConnectionLimits limits)
    : limiter_(clock_, rate_per_minute, std::max(1, rate_per_minute / 3)),
      server_(limits),
      db_path_(db_path.empty() ? TempDb() : std::move(db_path)) {
  server_.new_task_queue = [] { return new httplib::ThreadPool(32); };
  rubric::Status status;
  bank_ = *rubric::LoadBank(TEST_DATA_DIR "/mini-bank", &status);
  scorer_ = rubric::Scorer::Compile(bank_, &status);
  interview_ = std::make_unique<Interview>(*scorer_, clock_, random_);
  std::string error;
  store_ = SqliteStore::Open(db_path_, 4, &error);
  REQUIRE_MESSAGE(store_, error);
  sessions_ = std::make_unique<SessionService>(*interview_, *store_, nullptr);
  http_ = std::make_unique<HttpServer>(ServerDeps{*sessions_, metrics_, limiter_}, ServerConfig{});
  http_->Install(&server_);
  if (read_timeout_seconds > 0) server_.set_read_timeout(read_timeout_seconds, 0);
  running_ = std::make_unique<ServerThread>(server_);
}

httplib::Client TestServer::Client() const {
  httplib::Client client("127.0.0.1", running_->port());
  client.set_read_timeout(10, 0);
  return client;
}

std::pair<int, nlohmann::json> TestServer::Post(const std::string& path,
                                                const nlohmann::json& body) const {
  auto res = Client().Post(path.c_str(), body.dump(), "application/json");
  REQUIRE(res);
  return {res->status, nlohmann::json::parse(res->body, nullptr, false)};
}

std::pair<int, nlohmann::json> TestServer::Get(const std::string& path) const {
  auto res = Client().Get(path.c_str());
  REQUIRE(res);
  return {res->status, nlohmann::json::parse(res->body, nullptr, false)};
}

std::string TestServer::Raw(const std::string& raw, int timeout_ms) const {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(running_->port()));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  size_t sent = 0;
  while (sent < raw.size()) {
    const ssize_t n = send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string out;
  char buf[4096];
  pollfd p{fd, POLLIN, 0};
  while (poll(&p, 1, timeout_ms) > 0) {
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
    // One response is enough: stop once its Content-Length bytes have arrived.
    const size_t head = out.find("\r\n\r\n");
    const size_t cl = out.find("Content-Length: ");
    if (head != std::string::npos && cl != std::string::npos && cl < head &&
        out.size() >= head + 4 + std::stoul(out.substr(cl + 16))) {
      break;
    }
  }
  close(fd);
  return out;
}

}  // namespace bot
