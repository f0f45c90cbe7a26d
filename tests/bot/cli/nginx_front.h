// NginxFront: Debian's nginx run as a child process in front of some interview-bot replicas, round
// robin, on a free loopback port, for tests of several replicas behind one address. Each response
// names the replica that served it in X-Replica (its port). Stopped and its folder removed on
// destruction.
#ifndef TESTS_BOT_CLI_NGINX_FRONT_H_
#define TESTS_BOT_CLI_NGINX_FRONT_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace bot {

class NginxFront {
 public:
  // Fails the test when nginx does not accept connections within 10 s.
  explicit NginxFront(const std::vector<int>& replica_ports);
  ~NginxFront();

  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int port_ = -1;
  std::string dir_;
};

}  // namespace bot

#endif  // TESTS_BOT_CLI_NGINX_FRONT_H_
