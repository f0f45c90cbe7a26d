#include "http/guarded_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace bot {
namespace {

using SteadyClock = std::chrono::steady_clock;

// What the handlers of the request in progress tell the connection loop.
struct Connection {
  bool headers_pending = true;
  bool headers_too_large = false;
  bool close_after = false;
  size_t header_bytes = 0;
  int request_ms = 0;  // ConnectionLimits::request_ms
  SteadyClock::time_point deadline;
};

thread_local Connection* current = nullptr;

int MsUntil(SteadyClock::time_point t) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t - SteadyClock::now()).count();
  return static_cast<int>(std::max<int64_t>(0, std::min<int64_t>(ms, 1 << 30)));
}

bool Wait(socket_t sock, short events, int ms) {
  pollfd p{sock, events, 0};
  int r;
  do {
    r = poll(&p, 1, ms);
  } while (r < 0 && errno == EINTR);
  return r > 0;
}

void Address(const sockaddr_storage& addr, std::string* ip, int* port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (addr.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
    *port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
    *port = ntohs(a->sin6_port);
  }
  *ip = text;
}

// Reads and drops what the peer still sends, until it closes, `ms` pass or 1 MiB arrived: closing
// with unread data would send a reset, which can destroy the response before the client reads it.
void Linger(socket_t sock, int ms) {
  const auto end = SteadyClock::now() + std::chrono::milliseconds(ms);
  char drop[4096];
  for (size_t total = 0; total < (1u << 20);) {
    if (!Wait(sock, POLLIN, MsUntil(end))) return;
    const ssize_t n = recv(sock, drop, sizeof drop, 0);
    if (n <= 0) return;
    total += static_cast<size_t>(n);
  }
}

// The connection's socket as httplib's Stream. Its buffer lives as long as the connection, so a
// pipelined request read with the previous one is kept; reads stop at the request's deadline and,
// while the headers are pending, at ConnectionLimits::header_bytes.
class GuardedStream : public httplib::Stream {
 public:
  GuardedStream(socket_t sock, Connection& c, size_t header_limit, int read_ms, int write_ms)
      : sock_(sock), c_(c), header_limit_(header_limit), read_ms_(read_ms), write_ms_(write_ms) {}

  bool is_readable() const override { return pos_ < len_ || Wait(sock_, POLLIN, read_ms_); }
  bool is_writable() const override { return Wait(sock_, POLLOUT, write_ms_); }

  ssize_t read(char* ptr, size_t size) override {
    if (pos_ == len_ && !Fill()) return -1;
    const size_t n = std::min(size, len_ - pos_);
    std::memcpy(ptr, buf_ + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    return send(sock_, ptr, size, MSG_NOSIGNAL);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) Address(addr, &ip, &port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) Address(addr, &ip, &port);
  }
  socket_t socket() const override { return sock_; }

  // Waits up to `ms` for the first byte of the next request.
  bool WaitForRequest(int ms) const { return pos_ < len_ || Wait(sock_, POLLIN, ms); }

 private:
  bool Fill() {
    if (c_.headers_pending && c_.header_bytes >= header_limit_) {
      c_.headers_too_large = true;
      return false;
    }
    const int wait = std::min(read_ms_, MsUntil(c_.deadline));
    if (wait <= 0 || !Wait(sock_, POLLIN, wait)) return false;
    const ssize_t n = recv(sock_, buf_, sizeof buf_, 0);
    if (n <= 0) return false;
    pos_ = 0;
    len_ = static_cast<size_t>(n);
    if (c_.headers_pending) c_.header_bytes += len_;
    return true;
  }

  const socket_t sock_;
  Connection& c_;
  const size_t header_limit_;
  const int read_ms_, write_ms_;
  char buf_[4096];
  size_t pos_ = 0, len_ = 0;
};

std::string PeerAddress(socket_t sock) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  std::string ip;
  int port = 0;
  if (getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len) == 0) Address(addr, &ip, &port);
  return ip;
}

}  // namespace

void MarkHeadersRead() {
  if (!current || !current->headers_pending) return;
  current->headers_pending = false;
  current->deadline = SteadyClock::now() + std::chrono::milliseconds(current->request_ms);
}

void CloseAfterResponse() {
  if (current) current->close_after = true;
}

bool HeadersTooLarge() { return current && current->headers_too_large; }

int GuardedServer::OpenFrom(const std::string& address) const {
  std::lock_guard<std::mutex> l(mu_);
  auto it = open_.find(address);
  return it == open_.end() ? 0 : it->second;
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  const std::string address = PeerAddress(sock);
  bool admitted;
  {
    std::lock_guard<std::mutex> l(mu_);
    admitted = ++open_[address] <= limits_.per_address;
  }
  if (admitted) {
    Serve(sock);
  } else {
    Refuse(sock, limits_.per_address);
  }
  {
    std::lock_guard<std::mutex> l(mu_);
    if (--open_[address] == 0) open_.erase(address);
  }
  shutdown(sock, SHUT_RDWR);
  close(sock);
  return true;
}

void GuardedServer::Serve(socket_t sock) {
  Connection c;
  c.request_ms = limits_.request_ms;
  const auto ms = [](time_t sec, time_t usec) { return static_cast<int>(sec * 1000 + usec / 1000); };
  GuardedStream strm(sock, c, limits_.header_bytes, ms(read_timeout_sec_, read_timeout_usec_),
                     ms(write_timeout_sec_, write_timeout_usec_));
  current = &c;
  for (size_t left = keep_alive_max_count_;
       svr_sock_ != INVALID_SOCKET && left > 0 && strm.WaitForRequest(ms(keep_alive_timeout_sec_, 0));
       --left) {
    c.headers_pending = true;
    c.headers_too_large = false;
    c.header_bytes = 0;
    c.deadline = SteadyClock::now() + std::chrono::milliseconds(limits_.header_ms);
    bool connection_closed = false;
    const bool ok = process_request(strm, left == 1, connection_closed, nullptr);
    if (!ok || connection_closed || c.close_after) break;
  }
  current = nullptr;
  if (c.close_after) {
    shutdown(sock, SHUT_WR);
    Linger(sock, limits_.linger_ms);
  }
}

void GuardedServer::Refuse(socket_t sock, int per_address) {
  const std::string body =
      "{\"error\":{\"code\":\"too_many_connections\",\"message\":\"this address already has " +
      std::to_string(per_address) + " open connections, the limit\",\"field\":\"\"}}";
  const std::string response =
      "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
      "Connection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  if (Wait(sock, POLLOUT, 100)) send(sock, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  shutdown(sock, SHUT_WR);
  // A short linger: the client's next bytes are read rather than answered by a reset, which could
  // destroy the 429 before the client reads it.
  Linger(sock, 200);
}

}  // namespace bot
