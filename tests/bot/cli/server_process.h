// ServerProcess: the real interview-bot binary run as a child process (fork/exec) on port 0 and a
// given database, for tests that must kill or signal the server. The port is read from the
// "Open http://host:PORT/" line serve prints once it listens.
#ifndef TESTS_BOT_CLI_SERVER_PROCESS_H_
#define TESTS_BOT_CLI_SERVER_PROCESS_H_

#include <sys/types.h>

#include <string>

namespace bot {

class ServerProcess {
 public:
  // Starts `interview-bot serve` on 127.0.0.1, the mini bank, no rate limit and 64 connections per
  // address (every client here is 127.0.0.1). Fails the test when the server has not printed its
  // address within 10 s.
  explicit ServerProcess(const std::string& db_path);
  ~ServerProcess();  // SIGKILLs the server if it still runs

  int port() const { return port_; }
  void Signal(int sig) const;
  // Waits for the process to end; its exit code, or 128 + signal when a signal ended it.
  int Wait();
  // Everything the server printed on stdout so far, up to and including the address line.
  const std::string& output() const { return output_; }

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  int port_ = -1;
  std::string output_;
};

}  // namespace bot

#endif  // TESTS_BOT_CLI_SERVER_PROCESS_H_
