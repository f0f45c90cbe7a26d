#include "bot/cli/nginx_front.h"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace bot {
namespace {

sockaddr_in Loopback(int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

// A port nothing listens on right now (bound to 0, read back, released).
int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a = Loopback(0);
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  close(fd);
  return ntohs(a.sin_port);
}

bool Accepts(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a = Loopback(port);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  close(fd);
  return ok;
}

}  // namespace

NginxFront::NginxFront(const std::vector<int>& replica_ports) {
  std::string pattern = (std::filesystem::temp_directory_path() / "interview-bot-nginx-XXXXXX").string();
  REQUIRE(mkdtemp(pattern.data()));
  dir_ = pattern;
  port_ = FreePort();
  std::ofstream conf(dir_ + "/nginx.conf");
  // As root, nginx's workers would otherwise run as nobody, who cannot write its temporary folders.
  if (geteuid() == 0) conf << "user root;\n";
  conf << "worker_processes 1;\npid " << dir_ << "/nginx.pid;\nerror_log " << dir_
       << "/error.log;\nevents { worker_connections 256; }\nhttp {\n  access_log off;\n"
       << "  client_body_temp_path " << dir_ << "/body;\n  proxy_temp_path " << dir_ << "/proxy;\n"
       << "  upstream replicas {\n";
  for (int p : replica_ports) conf << "    server 127.0.0.1:" << p << " max_fails=0;\n";
  conf << "  }\n  server {\n    listen 127.0.0.1:" << port_ << ";\n"
       << "    location / {\n      proxy_pass http://replicas;\n"
       << "      add_header X-Replica $upstream_addr always;\n    }\n  }\n}\n";
  conf.close();
  pid_ = fork();
  REQUIRE(pid_ >= 0);
  if (pid_ == 0) {
    const std::string error_log = dir_ + "/startup.log", config = dir_ + "/nginx.conf";
    execl("/usr/sbin/nginx", "nginx", "-e", error_log.c_str(), "-p", dir_.c_str(), "-c",
          config.c_str(), "-g", "daemon off;", static_cast<char*>(nullptr));
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!Accepts(port_) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (!Accepts(port_)) {
    std::ifstream log(dir_ + "/error.log");
    const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    this->~NginxFront();  // a constructor that fails is not destroyed
    pid_ = -1;
    FAIL("nginx did not start: " << text);
  }
}

NginxFront::~NginxFront() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

}  // namespace bot
