#include "http/listen_backlog.h"

#include <httplib.h>

#include <thread>

#include <doctest/doctest.h>

TEST_CASE("WidenListenBacklog finds the listening socket on its port, and only there") {
  httplib::Server server;
  server.Get("/ping", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("pong", "text/plain");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  REQUIRE(port > 0);
  CHECK_FALSE(bot::WidenListenBacklog(port + 1 == 65536 ? port - 1 : port + 1, 1024));
  CHECK(bot::WidenListenBacklog(port, 1024));

  // The socket still accepts after the second listen().
  std::thread serving([&] { server.listen_after_bind(); });
  httplib::Client client("127.0.0.1", port);
  auto res = client.Get("/ping");
  server.stop();
  serving.join();
  REQUIRE(res);
  CHECK(res->body == "pong");
  CHECK_FALSE(bot::WidenListenBacklog(port, 1024));  // closed by stop()
}
