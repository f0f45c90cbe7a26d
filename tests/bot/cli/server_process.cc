#include "bot/cli/server_process.h"

#include <doctest/doctest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>

namespace bot {

ServerProcess::ServerProcess(const std::string& db_path) {
  int out[2];
  REQUIRE(pipe(out) == 0);
  pid_ = fork();
  REQUIRE(pid_ >= 0);
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    // Every client of these tests is 127.0.0.1, and a client that reconnects (httplib closes a
    // keep-alive connection after 5 requests) can find its old connection still counted on a
    // loaded machine: the default cap of threads/4 = 4 per address then answers 429.
    execl(INTERVIEW_BOT_BINARY, INTERVIEW_BOT_BINARY, "serve", "--port", "0", "--bind", "127.0.0.1",
          "--db", db_path.c_str(), "--content", TEST_DATA_DIR "/mini-bank", "--rate-limit", "0",
          "--threads", "16", "--connections-per-address", "64", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  stdout_fd_ = out[0];
  const std::regex address(R"(Open http://[^:]+:(\d+)/)");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::smatch match;
  while (!std::regex_search(output_, match, address)) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd p{out[0], POLLIN, 0};
    char buf[512];
    const ssize_t n = left.count() > 0 && poll(&p, 1, left.count()) > 0 ? read(out[0], buf, sizeof buf) : 0;
    if (n <= 0) break;
    output_.append(buf, n);
  }
  // The server's later lines go to a pipe nobody reads; closing it would make them SIGPIPE it.
  // The shutdown lines are short, so the pipe buffer holds them.
  REQUIRE_MESSAGE(!match.empty(), "the server did not print its address: " << output_);
  port_ = std::stoi(match[1]);
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

void ServerProcess::Signal(int sig) const { kill(pid_, sig); }

int ServerProcess::Wait() {
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace bot
