// Protocol abuse against the real server on loopback (port 0), as raw bytes on sockets: request
// smuggling through early rejections and ambiguous framing, slowloris, header floods, pipelining
// and half-closed clients (issue 15). What only a front closes is in docs/reliability.md.
#include "http/guarded_server.h"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "bot/http/test_server.h"

namespace {

using SteadyClock = std::chrono::steady_clock;

double SecondsSince(SteadyClock::time_point t) {
  return std::chrono::duration<double>(SteadyClock::now() - t).count();
}

// A connection from `from` (any 127.x.y.z: loopback is a /8 on Linux) to the server.
int Connect(int port, const char* from = "127.0.0.1") {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  inet_pton(AF_INET, from, &local.sin_addr);
  REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  return fd;
}

void Send(int fd, const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<size_t>(n);
  }
}

// Everything the server sends until it closes the connection or `patience_ms` pass quietly.
struct Received {
  std::string bytes;
  bool closed = false;
  int Responses() const {
    int n = 0;
    for (size_t at = bytes.find("HTTP/1.1 "); at != std::string::npos; at = bytes.find("HTTP/1.1 ", at + 1)) {
      if (bytes.compare(at + 9, 3, "100") != 0) ++n;
    }
    return n;
  }
};

Received ReadAll(int fd, int patience_ms) {
  Received r;
  char buf[4096];
  pollfd p{fd, POLLIN, 0};
  while (poll(&p, 1, patience_ms) > 0) {
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) {
      r.closed = true;
      break;
    }
    r.bytes.append(buf, static_cast<size_t>(n));
  }
  return r;
}

Received Exchange(int port, const std::string& bytes, int patience_ms = 3000) {
  const int fd = Connect(port);
  Send(fd, bytes);
  Received r = ReadAll(fd, patience_ms);
  close(fd);
  return r;
}

const std::string kSmuggled =
    "POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 27\r\n\r\n"
    "{\"client_id\":\"smuggled-1\"}\n";

std::string Head(const std::string& request_line, const std::string& headers) {
  return request_line + "\r\nHost: x\r\n" + headers + "\r\n";
}

}  // namespace

TEST_CASE("an early rejection closes the connection: a body sent after it never runs as a request") {
  bot::TestServer server;
  const std::string cl = "Content-Length: " + std::to_string(kSmuggled.size()) + "\r\n";
  struct Case {
    const char* name;
    std::string first, then;  // `then` is sent after the answer to `first` arrived
    const char* status;
  };
  const std::vector<Case> cases = {
      {"404", Head("POST /nope HTTP/1.1", cl), kSmuggled, "404"},
      {"405", Head("POST /api/questions HTTP/1.1", cl), kSmuggled, "405"},
      {"413", Head("POST /api/sessions HTTP/1.1", "Content-Type: application/json\r\nContent-Length: 9999999\r\n"), kSmuggled, "413"},
      {"415 type", Head("POST /api/sessions HTTP/1.1", "Content-Type: text/plain\r\n" + cl), kSmuggled, "415"},
      {"415 gzip", Head("POST /api/sessions HTTP/1.1", "Content-Type: application/json\r\nContent-Encoding: gzip\r\n" + cl), kSmuggled, "415"},
      {"CL and TE", Head("POST /api/sessions HTTP/1.1", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n" + cl), kSmuggled, "415"},
      {"Expect 100 then 413", Head("POST /api/sessions HTTP/1.1", "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 9999999\r\n"), kSmuggled, "413"},
      {"two Content-Lengths", Head("POST /api/sessions HTTP/1.1", "Content-Type: application/json\r\nContent-Length: 0\r\n" + cl), kSmuggled, "400"},
      {"space before the colon", Head("POST /api/sessions HTTP/1.1", "Content-Type: application/json\r\nTransfer-Encoding : chunked\r\n" + cl), kSmuggled, "400"},
      {"GET with a body", Head("GET /healthz HTTP/1.1", cl), kSmuggled, "400"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const int fd = Connect(server.port());
    Send(fd, c.first);
    Received first = ReadAll(fd, 300);  // the rejection, before any body byte was sent
    Send(fd, c.then);
    const Received rest = ReadAll(fd, 3000);
    close(fd);
    CHECK(first.bytes.find(std::string("HTTP/1.1 ") + c.status) != std::string::npos);
    CHECK(first.bytes.find("Connection: close\r\n") != std::string::npos);
    CHECK(first.Responses() == 1);
    CHECK(rest.Responses() == 0);  // the smuggled POST was not answered...
    CHECK((first.closed || rest.closed));
  }
  // ...nor stored.
  auto [status, history] = server.Get("/api/history?client_id=smuggled-1");
  REQUIRE(status == 200);
  CHECK(history["sessions"].size() == 0);
}

TEST_CASE("a rate-limited POST closes its connection too") {
  bot::TestServer server("", 60);  // bursts of 20
  for (int i = 0; i < 20; ++i) server.Get("/api/questions");
  const std::string head = Head("POST /api/sessions HTTP/1.1", "Content-Type: application/json\r\nContent-Length: " +
                                                                   std::to_string(kSmuggled.size()) + "\r\n");
  const Received r = Exchange(server.port(), head + kSmuggled);
  CHECK(r.bytes.rfind("HTTP/1.1 429", 0) == 0);
  CHECK(r.Responses() == 1);
  CHECK(r.closed);
}

TEST_CASE("header floods are refused with 431 and the connection closed") {
  bot::TestServer server;
  std::string many;
  for (int i = 0; i < 100; ++i) many += "X-" + std::to_string(i) + ": a\r\n";
  std::string flood;
  for (int i = 0; i < 25000; ++i) flood += "X-Flood: aaaaaaaaaaaaaaaaaaaaaaaa\r\n";  // 850 KB
  for (const auto& headers : {many, flood}) {
    const Received r = Exchange(server.port(), Head("GET /healthz HTTP/1.1", headers));
    CHECK(r.bytes.rfind("HTTP/1.1 431", 0) == 0);
    CHECK(r.bytes.find("\"code\":\"headers_too_large\"") != std::string::npos);
    CHECK(r.closed);
  }
  CHECK(server.Get("/healthz").first == 200);
}

TEST_CASE("pipelined requests are all answered, and so is a client that half-closed") {
  bot::TestServer server;
  const std::string get = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  const Received three = Exchange(server.port(), get + get + get + "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  CHECK(three.Responses() == 4);
  CHECK(three.closed);

  const int fd = Connect(server.port());
  Send(fd, get);
  shutdown(fd, SHUT_WR);
  const Received half = ReadAll(fd, 3000);
  close(fd);
  CHECK(half.Responses() == 1);
  CHECK(half.bytes.rfind("HTTP/1.1 200", 0) == 0);
}

TEST_CASE("slowloris from one address: its connections are capped and cut, other clients are served") {
  bot::ConnectionLimits limits;
  limits.header_ms = 1500;
  bot::TestServer server("", 0, 0, limits);
  constexpr int kSlow = 34;
  std::atomic<bool> stop{false};
  std::atomic<int> cut{0}, refused{0}, other{0};
  // All connect at once, before any thread starts: on a busy machine, threads that each connected
  // could be scheduled after the first ones' header deadline had freed their places.
  std::vector<int> fds;
  for (int i = 0; i < kSlow; ++i) {
    fds.push_back(Connect(server.port(), "127.0.0.1"));
    Send(fds.back(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ");
  }
  std::vector<std::thread> attackers;
  for (const int fd : fds) {
    attackers.emplace_back([&, fd] {
      char byte[512];
      while (!stop) {  // a header byte every 300 ms, never the end of the headers
        pollfd p{fd, POLLIN, 0};
        // The server may have answered before this thread first ran: read that before sending
        // into a closed connection.
        if (poll(&p, 1, 0) == 0) {
          if (send(fd, "a", 1, MSG_NOSIGNAL) <= 0) break;
          if (poll(&p, 1, 300) == 0) continue;
        }
        {
          const ssize_t n = recv(fd, byte, sizeof byte, 0);
          const std::string answer(byte, n > 0 ? static_cast<size_t>(n) : 0);
          // Refused: the 429, or a reset when the server closed with our request unread.
          if (answer.rfind("HTTP/1.1 429", 0) == 0 || (n < 0 && errno == ECONNRESET)) ++refused;
          else if (answer.rfind("HTTP/1.1 400", 0) == 0) ++cut;
          else ++other;
          break;
        }
      }
      close(fd);
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // Health probes from another address, one every 300 ms for 3 s: all answered.
  int answered = 0;
  double slowest = 0;
  for (int i = 0; i < 10; ++i) {
    const auto start = SteadyClock::now();
    const int fd = Connect(server.port(), "127.0.0.2");
    Send(fd, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const Received r = ReadAll(fd, 5000);
    close(fd);
    if (r.bytes.rfind("HTTP/1.1 200", 0) == 0) ++answered;
    slowest = std::max(slowest, SecondsSince(start));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  stop = true;
  for (auto& t : attackers) t.join();
  MESSAGE("slowloris: " << refused.load() << " of " << kSlow << " refused at once, " << cut.load()
                        << " cut at the header deadline, " << other.load() << " otherwise; probes answered "
                        << answered << "/10, slowest " << slowest << " s");
  CHECK(answered == 10);
  CHECK(refused.load() == kSlow - limits.per_address);
  CHECK(cut.load() == limits.per_address);
  CHECK(other.load() == 0);
  CHECK(server.Get("/healthz").first == 200);
}
