// Load generator for bench/load/run: N candidate threads against a running interview-bot, each
// with its own keep-alive connection, creating an interview and answering its questions (a new
// interview when one finishes) until the time is up. Prints throughput, latency percentiles and
// errors as one JSON line. --fairness instead runs one abusive client hammering the API from
// 127.0.0.2 while the others, each from its own loopback address, send one request a second.
//   load_client --port 8080 --candidates 64 --seconds 20
//   load_client --port 8080 --candidates 8 --seconds 20 --fairness
#include <arpa/inet.h>
#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace {

using Clock = std::chrono::steady_clock;

struct Tally {
  std::vector<double> latencies_ms;
  long ok = 0, limited = 0, errors = 0;
};

const char* kAnswers[] = {
    "I would start by measuring: p99 latency, error rate and throughput, then profile the hot path "
    "and check the slow query log before changing anything, and verify the fix with a load test.",
    "An idempotency key per payment attempt, stored under a unique constraint, so a retry returns the "
    "first result; retries use exponential backoff with jitter and a nightly reconciliation job.",
    "Trade-offs: a cache cuts read latency but needs invalidation; I would use TTLs plus explicit "
    "invalidation on writes and monitor the hit rate and staleness.",
};

// Loopback /8: each address is a distinct client to the server's per-address rate limiter.
httplib::Client MakeClient(const std::string& host, int port, const std::string& source) {
  httplib::Client client(host, port);
  client.set_read_timeout(30, 0);
  client.set_keep_alive(true);
  if (!source.empty()) {
    client.set_socket_options([source](int sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      sockaddr_in addr{};
      addr.sin_family = AF_INET;
      inet_pton(AF_INET, source.c_str(), &addr.sin_addr);
      bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    });
  }
  return client;
}

void Record(const httplib::Result& res, Clock::time_point start, Tally* t) {
  t->latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  if (!res) {
    ++t->errors;
  } else if (res->status == 429) {
    ++t->limited;
  } else if (res->status >= 200 && res->status < 300) {
    ++t->ok;
  } else {
    ++t->errors;
  }
}

void Candidate(const std::string& host, int port, Clock::time_point end, int index, Tally* t) {
  auto client = MakeClient(host, port, "");
  std::string path;
  for (int turn = index; Clock::now() < end; ++turn) {
    auto start = Clock::now();
    if (path.empty()) {
      auto res = client.Post("/api/sessions", R"({"track":{"kind":"all"}})", "application/json");
      Record(res, start, t);
      if (!res || res->status != 201) continue;
      path = "/api/sessions/" + nlohmann::json::parse(res->body)["id"].get<std::string>() + "/messages";
      continue;
    }
    const std::string body = nlohmann::json{{"text", kAnswers[turn % 3]}}.dump();
    auto res = client.Post(path.c_str(), body, "application/json");
    Record(res, start, t);
    if (!res || res->status != 200 ||
        nlohmann::json::parse(res->body)["session"]["state"] == "finished") {
      path.clear();
    }
  }
}

void Paced(const std::string& host, int port, Clock::time_point end, const std::string& source,
           std::chrono::milliseconds gap, Tally* t) {
  auto client = MakeClient(host, port, source);
  while (Clock::now() < end) {
    auto start = Clock::now();
    Record(client.Get("/api/questions"), start, t);
    std::this_thread::sleep_until(start + gap);
  }
}

nlohmann::json Summary(Tally all, double seconds) {
  std::sort(all.latencies_ms.begin(), all.latencies_ms.end());
  const auto pct = [&](double p) {
    return all.latencies_ms.empty() ? 0.0 : all.latencies_ms[static_cast<size_t>(p * (all.latencies_ms.size() - 1))];
  };
  return {{"requests", all.latencies_ms.size()}, {"ok", all.ok}, {"limited_429", all.limited},
          {"errors", all.errors}, {"per_second", all.latencies_ms.size() / seconds},
          {"p50_ms", pct(0.5)}, {"p99_ms", pct(0.99)},
          {"max_ms", all.latencies_ms.empty() ? 0.0 : all.latencies_ms.back()}};
}

Tally Merge(const std::vector<Tally>& tallies, size_t from, size_t to) {
  Tally all;
  for (size_t i = from; i < to; ++i) {
    const Tally& t = tallies[i];
    all.latencies_ms.insert(all.latencies_ms.end(), t.latencies_ms.begin(), t.latencies_ms.end());
    all.ok += t.ok;
    all.limited += t.limited;
    all.errors += t.errors;
  }
  return all;
}

}  // namespace

int main(int argc, char** argv) {
  std::string host = "127.0.0.1";
  int port = 8080, candidates = 64;
  double seconds = 20;
  bool fairness = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const std::string v = i + 1 < argc ? argv[i + 1] : "";
    if (a == "--host") host = v, ++i;
    else if (a == "--port") port = std::stoi(v), ++i;
    else if (a == "--candidates") candidates = std::stoi(v), ++i;
    else if (a == "--seconds") seconds = std::stod(v), ++i;
    else if (a == "--fairness") fairness = true;
    else {
      std::cerr << "usage: load_client [--host H] [--port P] [--candidates N] [--seconds S] [--fairness]\n";
      return 2;
    }
  }
  const auto end = Clock::now() + std::chrono::milliseconds(static_cast<long>(seconds * 1000));
  std::vector<Tally> tallies(candidates + (fairness ? 1 : 0));
  std::vector<std::thread> threads;
  if (fairness) {
    // The abuser: no pause at all. The others: one request a second, well under any limit.
    threads.emplace_back(Paced, host, port, end, "127.0.0.2", std::chrono::milliseconds(0), &tallies[0]);
    for (int i = 0; i < candidates; ++i) {
      threads.emplace_back(Paced, host, port, end, "127.0.0." + std::to_string(3 + i),
                           std::chrono::milliseconds(1000), &tallies[i + 1]);
    }
  } else {
    for (int i = 0; i < candidates; ++i) threads.emplace_back(Candidate, host, port, end, i, &tallies[i]);
  }
  for (auto& t : threads) t.join();
  if (fairness) {
    std::cout << nlohmann::json{{"abuser", Summary(tallies[0], seconds)},
                                {"others", Summary(Merge(tallies, 1, tallies.size()), seconds)}}
              << std::endl;
    return 0;
  }
  std::cout << Summary(Merge(tallies, 0, tallies.size()), seconds) << std::endl;
  return 0;
}
