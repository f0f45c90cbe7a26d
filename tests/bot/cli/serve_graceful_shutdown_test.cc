// Graceful shutdown of serve: SIGTERM while a request is being received lets that request finish
// and be answered, then the process exits 0.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "bot/cli/server_process.h"
#include "temp_path.h"

namespace {

int Connect(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  return fd;
}

void Send(int fd, const std::string& bytes) {
  REQUIRE(send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size()));
}

std::string ReadAll(int fd, int timeout_ms) {
  std::string out;
  char buf[4096];
  pollfd p{fd, POLLIN, 0};
  while (poll(&p, 1, timeout_ms) > 0) {
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, n);
  }
  return out;
}

}  // namespace

TEST_CASE("SIGTERM finishes the request in flight, then exits 0") {
  bot::ServerProcess server(bot::TempPath("term.sqlite"));
  const std::string body = R"({"name":"Ada","track":{"kind":"all"}})";
  const int fd = Connect(server.port());
  // Headers and half the body: the server has accepted the request and is reading it.
  Send(fd, "POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
           "Connection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
           body.substr(0, 10));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  server.Signal(SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  Send(fd, body.substr(10));
  const std::string reply = ReadAll(fd, 5000);
  close(fd);
  CHECK(reply.substr(0, reply.find("\r\n")) == "HTTP/1.1 201 Created");
  CHECK(reply.find("\"name\":\"Ada\"") != std::string::npos);
  CHECK(server.Wait() == 0);
}
