// A cpp-httplib server running on a free loopback port in its own thread, as cpp-httplib's own
// tests run theirs (bind_to_any_port + listen_after_bind); stopped and joined on destruction.
// Declare it after everything the server's handlers use, so it stops first.
#ifndef TESTS_SERVER_THREAD_H_
#define TESTS_SERVER_THREAD_H_

#include <doctest/doctest.h>
#include <httplib.h>
#include <sys/socket.h>

#include <thread>

#include "http/listen_backlog.h"

class ServerThread {
 public:
  explicit ServerThread(httplib::Server& server) : server_(server) {
    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
    // As serve does: httplib listens with a backlog of 5, and a burst of connections beyond it
    // would lose SYNs and arrive a second later.
    REQUIRE(bot::WidenListenBacklog(port_, SOMAXCONN));
  }
  ~ServerThread() {
    server_.stop();
    thread_.join();
  }
  ServerThread(const ServerThread&) = delete;
  ServerThread& operator=(const ServerThread&) = delete;

  int port() const { return port_; }

 private:
  httplib::Server& server_;
  std::thread thread_;
  int port_ = -1;
};

#endif  // TESTS_SERVER_THREAD_H_
